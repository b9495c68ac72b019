using Harvester.Parse;

namespace Harvester.Crawl.Html;

/// <summary>
/// mail-archive's date index: every entry carries its day, so only the window's days and one on each side are looked
/// at (the index's day may be the sender's, archive-html/mail-archive.md "Date index"). Entries on the window's days
/// are needed; those on the day at each edge are read only to learn whether they lie in the window (a failure to read
/// one is a warning), and they are <see cref="ReadPurpose.Entry"/> reads: outside the window, overhead the request
/// floor does not count. The index lists mail newest first, so once a message older than the window's start (less
/// <see cref="UndatedIndexWalk.Slack"/>) is met, every entry below it is older too and the walk ends there: the edge
/// day before the window is not read entry by entry (benchmark <c>crawl</c>, docs/benchmarks.md; DatedIndexWalkTests).
/// </summary>
internal sealed class DatedIndexWalk(IndexEntries entries)
{
    /// <summary>Walks the pages; true when it reached the window's start (no number walk needed).</summary>
    public async Task<bool> WalkAsync(IAsyncEnumerable<IReadOnlyList<IndexEntry>> pages, CancellationToken cancellationToken)
    {
        var window = entries.Window;
        var (firstDay, lastDay) = (DateOnly.FromDateTime(window.From.UtcDateTime), DateOnly.FromDateTime(window.To.UtcDateTime.AddTicks(-1)));
        var (fromEdge, toEdge) = (firstDay.AddDays(-1), lastDay.AddDays(1));
        await foreach (var page in pages.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (entries.Pages.Stopped)
            {
                return true;
            }

            var region = page.Where(e => e.Day is not { } day || (day >= fromEdge && day <= toEdge)).ToList();
            entries.Run.AddEntries(region);
            bool Needed(IndexEntry e) => e.Day is not { } d || (d >= firstDay && d <= lastDay);
            for (var i = 0; i < region.Count; i++)
            {
                if (entries.Pages.Stopped)
                {
                    return true;
                }

                foreach (var next in region.Skip(i + 1).Take(entries.Lookahead))
                {
                    entries.ReadAhead(next, ReadPurpose.Entry, Needed(next));
                }

                var message = await entries.TakeAsync(region[i], ReadPurpose.Entry, Needed(region[i])).ConfigureAwait(false);
                if (message is not null && IndexEntries.OrderDate(message) < window.From - UndatedIndexWalk.Slack)
                {
                    return true; // newest first: everything below is older still
                }
            }

            if (page.Any(e => e.Day < fromEdge))
            {
                return true;
            }
        }

        return false;
    }
}
