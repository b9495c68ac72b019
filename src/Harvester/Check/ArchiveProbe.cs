using Harvester.Crawl;
using Harvester.Domain;
using Harvester.Group;
using Harvester.Parse;

namespace Harvester.Check;

/// <summary>
/// <c>harvester check</c> for one spinics or mail-archive archive (issue 16): robots.txt (and its Crawl-delay), the
/// first date index page, then the newest patch mail's page, each request timed at the host's configured pace, each
/// page's fields found or missing. At most <see cref="MaxIndexPages"/> index pages are read to find a patch mail.
/// </summary>
public sealed class ArchiveProbe(string archive, string kind, IProbeFetcher fetcher, IIndexPageParser indexParser, IMessagePageParser messageParser, TimeProvider time)
{
    public const int MaxIndexPages = 3;

    public async Task<ArchiveCheck> RunAsync(string politeness, CancellationToken cancellationToken)
    {
        var pages = new List<PageProbe>();
        var ((robots, rules), robotsElapsed) = await TimedAsync(() => fetcher.RobotsAsync(cancellationToken)).ConfigureAwait(false);
        pages.Add(new PageProbe("robots.txt", robots.Url, RobotsOutcome(robots, rules), robotsElapsed, []));
        if (rules.CrawlDelay is { } delay)
        {
            politeness += $"; robots.txt Crawl-delay {delay.TotalSeconds:0.##} s";
        }

        IndexEntry? patch = null;
        var indexUrl = new Uri(fetcher.BaseUri, "maillist.html");
        for (var i = 0; i < MaxIndexPages && indexUrl is not null && patch is null; i++)
        {
            if (!rules.IsAllowed(indexUrl))
            {
                pages.Add(new PageProbe("index", indexUrl, "refused: robots.txt disallows it", TimeSpan.Zero, []));
                return Done(ArchiveVerdict.Unreachable, "robots.txt disallows the date index", pages, politeness);
            }

            var (fetched, elapsed) = await TimedAsync(() => fetcher.FetchAsync(indexUrl, PageKind.Index, cancellationToken)).ConfigureAwait(false);
            if (Unread(fetched) is { } problem)
            {
                pages.Add(new PageProbe("index", indexUrl, problem, elapsed, []));
                return Done(ArchiveVerdict.Unreachable, "date index not read: " + problem, pages, politeness);
            }

            var outcome = indexParser.Parse(archive, indexUrl, fetched.Html!);
            var fields = i == 0 ? FieldReport.Index(outcome, dated: kind == "mail-archive") : [];
            pages.Add(new PageProbe("index", indexUrl, outcome.Succeeded ? "ok" : "layout: " + outcome.Error, elapsed, fields));
            if (!outcome.Succeeded || fields.Any(f => f.Required && !f.Found))
            {
                return Done(ArchiveVerdict.LayoutChanged, "the date index lacks " + Missing(pages), pages, politeness);
            }

            var entries = outcome.Value!.Entries;
            // A patch mail, never the patchwork bot's reply (a candidate too, but not a patch).
            patch = entries.FirstOrDefault(e => CandidateRules.IsCandidate(e.Subject) && !SubjectParser.Parse(e.Subject).IsCoverLetter)
                ?? entries.FirstOrDefault(e => CandidateRules.IsCandidate(e.Subject));
            indexUrl = outcome.Value.NextPage;
        }

        if (patch is null)
        {
            return Done(ArchiveVerdict.LayoutChanged, $"no patch mail on the first {MaxIndexPages} index pages: message fields not checked", pages, politeness);
        }

        var (page, messageElapsed) = await TimedAsync(() => fetcher.FetchAsync(patch.Url, PageKind.Message, cancellationToken)).ConfigureAwait(false);
        if (Unread(page) is { } messageProblem)
        {
            pages.Add(new PageProbe("message", patch.Url, messageProblem, messageElapsed, []));
            return Done(ArchiveVerdict.Unreachable, "newest patch mail not read: " + messageProblem, pages, politeness);
        }

        var message = messageParser.Parse(new FetchedPage(archive, kind, patch.Url, page.Html!));
        var messageFields = FieldReport.Message(message);
        pages.Add(new PageProbe("message", patch.Url, message.Succeeded ? "ok" : "layout: " + message.Error, messageElapsed, messageFields));
        return messageFields.Any(f => f.Required && !f.Found)
            ? Done(ArchiveVerdict.LayoutChanged, "the newest patch mail's page lacks " + Missing(pages), pages, politeness)
            : Done(ArchiveVerdict.Usable, $"index and newest patch mail read ({Short(patch.Subject)})", pages, politeness);
    }

    /// <summary>Why a fetched page cannot be used, naming a Cloudflare or Anubis challenge as such; null when it can.</summary>
    public static string? Unread(FetchResult fetched) => fetched switch
    {
        { Status: FetchStatus.Blocked } => "challenge: " + fetched.Error,
        { Ok: true } when ChallengePage.IsChallenge(fetched.Html!) => "challenge: a Cloudflare challenge page",
        { Ok: true } => null,
        { Status: FetchStatus.NotFound } => "not found: " + fetched.Error,
        { Status: FetchStatus.Refused } => "refused: " + fetched.Error,
        _ => $"{fetched.Status.ToString().ToLowerInvariant()}: {fetched.Error}",
    };

    private ArchiveCheck Done(ArchiveVerdict verdict, string summary, List<PageProbe> pages, string politeness) =>
        new(archive, kind, fetcher.BaseUri, verdict, summary, politeness, pages);

    private static string RobotsOutcome(FetchResult result, RobotsRules rules) => result.Status switch
    {
        FetchStatus.Ok => $"ok: {rules.Rules.Count} rules for us" + (rules.CrawlDelay is { } d ? $", Crawl-delay {d.TotalSeconds:0.##} s" : ", no Crawl-delay"),
        FetchStatus.NotFound => "none (404): everything allowed",
        _ => Unread(result) + " (treated as everything allowed)",
    };

    private static string Missing(List<PageProbe> pages) =>
        string.Join(", ", pages.SelectMany(p => p.MissingRequired).Select(f => f.Field).DefaultIfEmpty("a readable page"));

    private static string Short(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private async Task<(T Value, TimeSpan Elapsed)> TimedAsync<T>(Func<Task<T>> request)
    {
        var start = time.GetTimestamp();
        var value = await request().ConfigureAwait(false);
        return (value, time.GetElapsedTime(start));
    }
}
