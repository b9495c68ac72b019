using Harvester.Domain;
using Harvester.Parse;
using Microsoft.Extensions.Logging;

namespace Harvester.Crawl;

/// <summary>
/// Crawls one archive for a window: walks the date index newest first, fetches only the pages the harvest needs
/// (patch mails and cover letters in the window), and stops once past the window's start. mail-archive's index dates
/// its entries; spinics' does not, so there a few message pages are probed (binary search) to place the window.
/// Where the index does not reach back far enough, message numbers are probed instead (<see cref="WalkNumbersAsync"/>).
/// </summary>
public sealed partial class HtmlArchiveSource(
    PageFetcher fetcher,
    string kind,
    IIndexPageParser indexParser,
    MessageReader reader,
    CrawlStats stats,
    int lookahead,
    ILogger logger) : IArchiveSource
{
    /// <summary>How far before the window's start a date-sorted index may still hold window messages (X-Date may be a
    /// Received time, so the order is not exact: archive-html/spinics.md §2.2).</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromHours(2);

    /// <summary>
    /// How long after it was sent a mail may be filed (held for moderation, a slow relay): pages filed up to this long
    /// after the window's end are still read, since their Date may lie inside it (fixture week-2026-11/310).
    /// </summary>
    private static readonly TimeSpan EndSlack = TimeSpan.FromDays(1);

    public string Archive => fetcher.Archive;

    public async Task<SourceResult> ReadAsync(SourceRequest request, CancellationToken cancellationToken)
    {
        var run = new CrawlRun(fetcher.Archive, request);
        var matcher = new LinkMatcher(request.Known, request.KnownOutside);
        var seen = new HashSet<long>();
        long? lowest = null;
        var reachedStart = false;
        Uri? pageUrl = fetcher.Resolve("maillist.html");
        DateTimeOffset? previousPageAsOf = null;
        var visited = new HashSet<Uri>();
        while (pageUrl is not null && !reachedStart && reader.DriftOf(Archive) is null)
        {
            if (!visited.Add(pageUrl))
            {
                // A "Next Page" link back to a page already read (a broken or hostile index) would loop for ever.
                run.Report(DiagnosticLevel.Warning, pageUrl, "index pages link back to a page already read; walk stopped");
                break;
            }

            var (index, asOf) = await ReadIndexAsync(pageUrl, previousPageAsOf, run, cancellationToken).ConfigureAwait(false);
            previousPageAsOf = asOf;
            if (index is null)
            {
                run.Failed |= run.IndexPages == 0;
                break;
            }

            var entries = index.Entries.Where(e => seen.Add(e.Number)).ToList();
            lowest = entries.Count == 0 ? lowest : Math.Min(lowest ?? long.MaxValue, entries.Min(e => e.Number));
            reachedStart = entries.Any(e => e.Day is not null)
                ? await WalkDatedAsync(entries, run, matcher, cancellationToken).ConfigureAwait(false)
                : await WalkUndatedAsync(entries, run, matcher, cancellationToken).ConfigureAwait(false);
            pageUrl = index.NextPage;
            if (pageUrl is not null && !fetcher.IsInside(pageUrl))
            {
                run.Report(DiagnosticLevel.Warning, pageUrl, "next index page lies outside the archive; not followed");
                pageUrl = null;
            }
        }

        if (!reachedStart && !run.Failed && lowest is { } low && low > 1 && reader.DriftOf(Archive) is null)
        {
            LogNumberWalk(logger, Archive, low);
            await WalkNumbersAsync(low - 1, run, cancellationToken).ConfigureAwait(false);
        }

        var result = await run.ToResultAsync().ConfigureAwait(false);
        LogCrawled(logger, Archive, result.IndexPages, result.Entries.Count, result.LinkMatches.Count, result.Documents.Count);
        return result;
    }

    /// <summary>Reads one index page, no older than the page before it; returns it with the time it stands for.</summary>
    private async Task<(IndexPage? Page, DateTimeOffset AsOf)> ReadIndexAsync(Uri url, DateTimeOffset? notOlderThan, CrawlRun run, CancellationToken cancellationToken)
    {
        var fetched = await fetcher.FetchAsync(url, PageKind.Index, cancellationToken, notOlderThan).ConfigureAwait(false);
        var asOf = fetched.CachedAt ?? DateTimeOffset.MaxValue; // fresh from the server: later pages must be fresh too
        if (!fetched.Ok)
        {
            run.Report(DiagnosticLevel.Error, url, $"index page not read: {fetched.Status}: {fetched.Error}");
            return (null, asOf);
        }

        var parsed = indexParser.Parse(Archive, url, fetched.Html!);
        if (!parsed.Succeeded)
        {
            run.Report(DiagnosticLevel.Error, url, "not an archive index page: " + parsed.Error);
            if (parsed.Missing.Count == 0)
            {
                fetcher.Forget(url); // one lacking entries stays cached for `harvester cache export` (layout drift)
            }

            return (null, asOf);
        }

        run.IndexPages++;
        var page = parsed.Value!;
        foreach (var warning in page.Warnings)
        {
            run.Report(DiagnosticLevel.Warning, url, "index page read in part: " + warning);
        }

        var outside = page.Entries.Where(e => !fetcher.IsInside(e.Url)).ToList();
        if (outside.Count == 0)
        {
            return (page, asOf);
        }

        // Pages are written by strangers: an entry pointing outside the archive is never followed nor linked.
        outside.ForEach(e => run.Report(DiagnosticLevel.Warning, url, "index entry links outside the archive, ignored: " + e.Url));
        return (page with { Entries = [.. page.Entries.Except(outside)] }, asOf);
    }

    /// <summary>mail-archive: every entry carries its day, so only the window's days are looked at.</summary>
    private async Task<bool> WalkDatedAsync(List<IndexEntry> entries, CrawlRun run, LinkMatcher matcher, CancellationToken cancellationToken)
    {
        var firstDay = DateOnly.FromDateTime(run.Window.From.UtcDateTime).AddDays(-1);
        var lastDay = DateOnly.FromDateTime(run.Window.To.UtcDateTime).AddDays(1);
        var inRange = entries.Where(e => e.Day is not { } day || (day >= firstDay && day <= lastDay)).ToList();
        run.Entries.AddRange(inRange);

        // Entries on the extra day at each edge may lie outside the window: a failure to read one is a warning.
        var windowDays = (First: DateOnly.FromDateTime(run.Window.From.UtcDateTime), Last: DateOnly.FromDateTime(run.Window.To.UtcDateTime.AddTicks(-1)));
        run.WalkingDatedIndex = true;
        await TakeInOrderAsync(
            inRange, run, matcher, needed: e => e.Day is not { } d || (d >= windowDays.First && d <= windowDays.Last), stop: _ => false, cancellationToken).ConfigureAwait(false);
        run.WalkingDatedIndex = false;
        return entries.Any(e => e.Day < firstDay);
    }

    /// <summary>spinics: the index has no dates; probe the page's oldest patch mail, then binary-search the window's end.</summary>
    private async Task<bool> WalkUndatedAsync(List<IndexEntry> entries, CrawlRun run, LinkMatcher matcher, CancellationToken cancellationToken)
    {
        var candidates = entries.Where(CandidateRules.IsCandidate).ToList();
        if (candidates.Count == 0)
        {
            run.Entries.AddRange(entries);
            return false;
        }

        var start = 0;
        if (!run.EndFound)
        {
            if (await DateOfAsync(candidates[^1], run, matcher, cancellationToken).ConfigureAwait(false) is { } oldest && oldest >= run.Window.To + EndSlack)
            {
                return false;
            }

            start = await FirstBeforeAsync(candidates, run.Window.To + EndSlack, run, matcher, cancellationToken).ConfigureAwait(false);
            run.EndFound = true;
        }

        run.Entries.AddRange(entries.SkipWhile(e => e != candidates[start]));
        return await TakeInOrderAsync(
            candidates[start..], run, matcher, needed: _ => true, stop: m => m is not null && OrderDate(m) < run.Window.From - Slack, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The first candidate dated before <paramref name="end"/>; the last one is known to be.</summary>
    private async Task<int> FirstBeforeAsync(List<IndexEntry> candidates, DateTimeOffset end, CrawlRun run, LinkMatcher matcher, CancellationToken cancellationToken)
    {
        int low = 0, high = candidates.Count - 1;
        while (low < high)
        {
            var middle = (low + high) / 2;
            var date = await DateOfAsync(candidates[middle], run, matcher, cancellationToken).ConfigureAwait(false);
            if (date is null || date < end)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }

    /// <summary>
    /// The date an undated entry is sorted by in its index: a public-inbox archive's copy's Date when the entry matches
    /// one (no request: lore gave the window and a day on each side), else read from its page.
    /// </summary>
    private async Task<DateTimeOffset?> DateOfAsync(IndexEntry entry, CrawlRun run, LinkMatcher matcher, CancellationToken cancellationToken) =>
        matcher.Match(entry, needed: false) is { } known ? OrderDate(known)
        : reader.DriftOf(Archive) is null // a drifted archive is stopped: no more probes
        && (await ReadMessageAsync(entry.Url, run, needed: false, cancellationToken).ConfigureAwait(false)) is { } message ? OrderDate(message) : null;

    /// <summary>
    /// The date an archive orders its index by: spinics' X-Date (the first Received header's, spinics.md §2.2) when the
    /// page has it, else the Date. A delayed or mis-dated mail keeps its index place, so the walk is steered by this
    /// date; whether a message lies in the window is decided by its Date.
    /// </summary>
    private static DateTimeOffset OrderDate(MailMessage message) => message.ArchivedAt ?? message.Date;

    /// <summary>
    /// Takes entries in index order until <paramref name="stop"/> says so, keeping up to <c>lookahead</c> further reads
    /// in flight, so the host's second connection slot is used while the rate limit still spaces every request.
    /// </summary>
    private async Task<bool> TakeInOrderAsync(
        List<IndexEntry> entries, CrawlRun run, LinkMatcher matcher, Func<IndexEntry, bool> needed, Func<MailMessage?, bool> stop, CancellationToken cancellationToken)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (reader.DriftOf(Archive) is not null)
            {
                return true; // the pages stopped giving the needed fields: the archive is stopped (layout drift)
            }

            foreach (var next in entries.Skip(i + 1).Take(lookahead))
            {
                if (CandidateRules.IsCandidate(next) && matcher.Match(next, needed(next)) is null)
                {
                    _ = ReadOnceAsync(next.Url, run, cancellationToken);
                }
            }

            if (stop(await TakeAsync(entries[i], run, matcher, needed(entries[i]), cancellationToken).ConfigureAwait(false)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A candidate entry: link it to a known message for free, or fetch and parse it.</summary>
    private async Task<MailMessage?> TakeAsync(IndexEntry entry, CrawlRun run, LinkMatcher matcher, bool needed, CancellationToken cancellationToken)
    {
        if (!CandidateRules.IsCandidate(entry))
        {
            return null;
        }

        if (matcher.Match(entry, needed) is { } known)
        {
            run.LinkMatches.Add(new LinkMatch(known.MessageId, new ArchiveLink(Archive, entry.Url)));
            stats.CountSaved();
            return known;
        }

        return await ReadMessageAsync(entry.Url, run, needed, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "{Archive}: {IndexPages} index pages, {Entries} entries in the window's region, {LinkMatches} links matched without a fetch, {MessagePages} message pages read")]
    private static partial void LogCrawled(ILogger logger, string archive, int indexPages, int entries, int linkMatches, int messagePages);

    [LoggerMessage(EventId = 111, Level = LogLevel.Information, Message = "{Archive}: the index does not reach back to the window; probing message numbers below {Lowest}")]
    private static partial void LogNumberWalk(ILogger logger, string archive, long lowest);
}
