using Harvester.Crawl;
using Harvester.Parse;

namespace Harvester.Check;

/// <summary>What every archive's check does alike: robots.txt first, each request timed, and why a page cannot be used.</summary>
public static class ProbeSteps
{
    /// <summary>robots.txt, read through the fetcher (the same reading its page checks use), as the check's first line.</summary>
    public static async Task<(PageProbe Page, RobotsRules Rules)> RobotsAsync(IProbeFetcher fetcher, TimeProvider time, CancellationToken cancellationToken)
    {
        var ((robots, rules), elapsed) = await TimedAsync(time, () => fetcher.RobotsAsync(cancellationToken)).ConfigureAwait(false);
        return (new PageProbe("robots.txt", robots.Url, RobotsOutcome(robots, rules), elapsed, []), rules);
    }

    /// <summary>The configured pace, with robots.txt's Crawl-delay when it has one.</summary>
    public static string Politeness(string configured, RobotsRules rules) =>
        rules.CrawlDelay is { } delay ? configured + $"; robots.txt Crawl-delay {delay.TotalSeconds:0.##} s" : configured;

    /// <summary>
    /// Why a fetched page cannot be used, naming a Cloudflare or Anubis challenge as such (Crawl reports Cloudflare's
    /// as <see cref="FetchStatus.Blocked"/>; an Anubis page comes as a normal 200, see <see cref="AnubisChallenge"/>);
    /// null when it can.
    /// </summary>
    public static string? Unread(FetchResult fetched) => fetched switch
    {
        { Status: FetchStatus.Blocked } => "challenge: " + fetched.Error,
        { Ok: true } when AnubisChallenge.IsChallenge(fetched.Html) => "challenge: an Anubis proof-of-work page (not solved)",
        { Ok: true } when ChallengePage.IsChallenge(fetched.Html!) => "challenge: a Cloudflare challenge page",
        { Ok: true } => null,
        { Status: FetchStatus.NotFound } => "not found: " + fetched.Error,
        { Status: FetchStatus.Refused } => "refused: " + fetched.Error,
        _ => $"{fetched.Status.ToString().ToLowerInvariant()}: {fetched.Error}",
    };

    public static async Task<(T Value, TimeSpan Elapsed)> TimedAsync<T>(TimeProvider time, Func<Task<T>> request)
    {
        var start = time.GetTimestamp();
        var value = await request().ConfigureAwait(false);
        return (value, time.GetElapsedTime(start));
    }

    private static string RobotsOutcome(FetchResult result, RobotsRules rules) => result.Status switch
    {
        FetchStatus.Ok => $"ok: {rules.Rules.Count} rules for us" + (rules.CrawlDelay is { } d ? $", Crawl-delay {d.TotalSeconds:0.##} s" : ", no Crawl-delay"),
        FetchStatus.NotFound => $"none ({result.Error}): everything allowed",
        _ => Unread(result) + " (treated as everything allowed)",
    };
}
