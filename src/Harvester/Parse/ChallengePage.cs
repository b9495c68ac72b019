using Harvester.Domain;

namespace Harvester.Parse;

/// <summary>
/// Recognises Cloudflare challenge and block interstitials ("Just a moment...", "Attention Required! | Cloudflare",
/// <c>cf-chl</c> / <c>_cf_chl_opt</c> challenge scripts, a bare challenge-platform page), so Crawl can report them as
/// such instead of as unparsable pages. A normal 2026 mail-archive page also injects a
/// <c>/cdn-cgi/challenge-platform/</c> script (mail-archive.md S1, shared sample message page): any page that
/// carries archive content is therefore never a challenge. Sources of the markers: Cloudflare's "Detect a Challenge Page
/// response" (developers.cloudflare.com/cloudflare-challenges/challenge-types/challenge-pages/detect-response: every
/// challenge page carries <c>cf-mitigated: challenge</c>, read in <c>Crawl/HttpAttempt</c>); FlareSolverr
/// (FlareSolverr/FlareSolverr <c>src/flaresolverr_service.py</c>: <c>CHALLENGE_TITLES</c> "Just a moment...",
/// <c>ACCESS_DENIED_TITLES</c> "Attention Required! | Cloudflare", <c>#cf-error-details</c>, <c>cf-turnstile-response</c>).
/// Covered by MailArchiveFixtureTests (IsChallenge_*), SharedSampleTests (IsChallenge_SharedSamples_AreNotChallenges: real
/// pages with the injected script are no challenge), FaultInjectionTests (<c>challenge-503-no-header</c>: an interstitial
/// without the header, during a harvest) and ArchiveProbeTests (Run_CloudflareChallenge_UnreachableNamingTheChallenge:
/// <c>harvester check</c> names such a page). CheckProcessTests' challenge carries <c>cf-mitigated</c>, so it is the
/// header that names it there, not this class.
/// </summary>
public static class ChallengePage
{
    private static readonly string[] ContentMarkers =
    [
        "<!--X-Body-of-Message-->", "<!--X-Subject:", "msgBody", "indexcontent", "<!-- MHonArc", "Next Page", "Prev Page",
    ];

    private static readonly string[] ChallengeTitles = ["Just a moment...", "Just a moment", "Attention Required! | Cloudflare"];

    private static readonly string[] ChallengeMarkers =
    [
        "cf-chl", "_cf_chl_opt", "cf_chl_", "challenge-platform", "cf-browser-verification", "cf-error-details", "cf-turnstile",
    ];

    public static bool IsChallenge(string html)
    {
        if (string.IsNullOrEmpty(html) || ContentMarkers.Any(m => html.Contains(m, StringComparison.Ordinal)))
        {
            return false;
        }

        var title = Title(html);
        return ChallengeTitles.Any(t => title.StartsWith(t, StringComparison.OrdinalIgnoreCase))
            || ChallengeMarkers.Any(m => html.Contains(m, StringComparison.OrdinalIgnoreCase));
    }

    private static string Title(string html)
    {
        var start = html.IndexOf("<title", StringComparison.OrdinalIgnoreCase);
        var open = start < 0 ? -1 : html.IndexOf('>', start);
        var end = open < 0 ? -1 : html.IndexOf("</title", open, StringComparison.OrdinalIgnoreCase);
        return end < 0 ? "" : Whitespace.Collapse(HtmlText.Decode(html[(open + 1)..end]));
    }
}
