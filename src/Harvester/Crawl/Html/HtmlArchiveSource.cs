using Microsoft.Extensions.Logging;

namespace Harvester.Crawl.Html;

/// <summary>
/// One HTML archive (spinics or mail-archive) as a source: its date index read newest first (<see cref="IndexPages"/>)
/// and walked by the walk of its index kind (<see cref="DatedIndexWalk"/> for mail-archive,
/// <see cref="UndatedIndexWalk"/> for spinics), which take only the patch mails and cover letters of the window's
/// region (<see cref="IndexEntries"/>); where the index does not reach back to the window, a <see cref="NumberWalk"/>.
/// The pages read are handed to Parse. The reads started for a run end with it: awaited when the walk is done,
/// cancelled and awaited when it fails (<see cref="MessagePages"/>; HtmlArchiveSourceTests).
/// </summary>
public sealed partial class HtmlArchiveSource(PageFetcher fetcher, HtmlArchivePages pages, WalkLimits limits, CrawlStats stats, ILogger logger) : IArchiveSource
{
    public string Archive => fetcher.Archive;

    public async Task<SourceResult> ReadAsync(SourceRequest request, CancellationToken cancellationToken)
    {
        var run = new CrawlRun(Archive, request, limits.MaxRetainedBytes);
        using var messages = new MessagePages(fetcher, pages, run, cancellationToken);
        try
        {
            await WalkAsync(run, messages, cancellationToken).ConfigureAwait(false);
            await messages.DrainAsync().ConfigureAwait(false);
        }
        catch
        {
            await messages.AbandonAsync().ConfigureAwait(false);
            throw;
        }

        var result = run.ToResult();
        LogCrawled(logger, Archive, result.IndexPages, result.Entries.Count, result.LinkMatches.Count, result.Documents.Count);
        return result;
    }

    private async Task WalkAsync(CrawlRun run, MessagePages messages, CancellationToken cancellationToken)
    {
        var entries = new IndexEntries(run, messages, new LinkMatcher(run.Request.Known, run.Request.KnownOutside), stats, limits.Lookahead);
        var index = new IndexPages(fetcher, pages.Index, run);
        var reachedStart = pages.DatedIndex
            ? await new DatedIndexWalk(entries).WalkAsync(index.ReadAsync(cancellationToken), cancellationToken).ConfigureAwait(false)
            : await new UndatedIndexWalk(entries).WalkAsync(index.ReadAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
        if (!reachedStart && !run.Failed && index.Lowest is { } lowest && lowest > 1 && !messages.Stopped)
        {
            LogNumberWalk(logger, Archive, lowest);
            await new NumberWalk(fetcher, messages, run, limits.Lookahead, limits.MaxNumberWalkPages).WalkAsync(lowest - 1).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "{Archive}: {IndexPages} index pages, {Entries} index entries near the window, {LinkMatches} messages linked without downloading them (already read from another archive), {MessagePages} message pages read")]
    private static partial void LogCrawled(ILogger logger, string archive, int indexPages, int entries, int linkMatches, int messagePages);

    [LoggerMessage(EventId = 111, Level = LogLevel.Information, Message = "{Archive}: the index does not reach back to the window; probing message numbers below {Lowest}")]
    private static partial void LogNumberWalk(ILogger logger, string archive, long lowest);
}
