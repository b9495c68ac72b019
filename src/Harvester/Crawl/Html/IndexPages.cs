using System.Runtime.CompilerServices;
using Harvester.Domain;
using Harvester.Parse;

namespace Harvester.Crawl.Html;

/// <summary>
/// The date index of one archive, page after page, newest first: each page's entries not seen on an earlier page. A
/// page is never older than the page before it (a cached page older than its predecessor is read again, so entries
/// that new mail pushed down a page cannot fall between two cached copies). Entries that link outside the archive are
/// dropped and reported, a next page outside it is not followed, and a page linking back to one already read ends
/// the index. <see cref="Lowest"/> is the lowest message number listed (where a number walk starts).
/// </summary>
internal sealed class IndexPages(PageFetcher fetcher, IIndexPageParser parser, CrawlRun run)
{
    public long? Lowest { get; private set; }

    public async IAsyncEnumerable<IReadOnlyList<IndexEntry>> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<long>();
        var visited = new HashSet<Uri>();
        DateTimeOffset? previousAsOf = null;
        for (var url = fetcher.Resolve("maillist.html"); url is not null;)
        {
            if (!visited.Add(url))
            {
                // A "Next Page" link back to a page already read (a broken or hostile index) would loop for ever.
                run.Report(DiagnosticLevel.Warning, url, "index pages link back to a page already read; walk stopped");
                yield break;
            }

            var (page, asOf) = await ReadPageAsync(url, previousAsOf, cancellationToken).ConfigureAwait(false);
            previousAsOf = asOf;
            if (page is null)
            {
                run.Failed |= run.IndexPages == 0;
                yield break;
            }

            var entries = page.Entries.Where(e => seen.Add(e.Number)).ToList();
            Lowest = entries.Count == 0 ? Lowest : Math.Min(Lowest ?? long.MaxValue, entries.Min(e => e.Number));
            yield return entries;
            url = page.NextPage;
            if (url is not null && !fetcher.IsInside(url))
            {
                run.Report(DiagnosticLevel.Warning, url, "next index page lies outside the archive; not followed");
                url = null;
            }
        }
    }

    /// <summary>Reads one index page, no older than the page before it; returns it with the time it stands for.</summary>
    private async Task<(IndexPage? Page, DateTimeOffset AsOf)> ReadPageAsync(Uri url, DateTimeOffset? notOlderThan, CancellationToken cancellationToken)
    {
        var fetched = await fetcher.FetchAsync(url, PageKind.Index, cancellationToken, notOlderThan).ConfigureAwait(false);
        var asOf = fetched.CachedAt ?? DateTimeOffset.MaxValue; // fresh from the server: later pages must be fresh too
        if (!fetched.Ok)
        {
            run.Report(DiagnosticLevel.Error, url, $"index page not read: {fetched.Status}: {fetched.Error}");
            return (null, asOf);
        }

        var parsed = parser.Parse(run.Archive, url, fetched.Html!);
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
}
