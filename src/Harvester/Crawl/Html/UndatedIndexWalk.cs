using Harvester.Domain;
using Harvester.Parse;

namespace Harvester.Crawl.Html;

/// <summary>
/// spinics' date index: no dates, newest first (by X-Date, spinics.md §2.2). First the window's end is found: a page
/// whose oldest patch mail is newer than the end is skipped whole, else a binary search over its patch mails finds the
/// first one filed before the end. From there every patch mail is taken (read, or linked to a known message) until one
/// is older than the window's start. Its reads are <see cref="ReadPurpose.Probe"/>: they also steer the walk.
/// </summary>
internal sealed class UndatedIndexWalk(IndexEntries entries)
{
    /// <summary>How far before the window's start a date-sorted index may still hold window messages (X-Date may be a
    /// Received time, so the order is not exact: archive-html/spinics.md §2.2).</summary>
    public static readonly TimeSpan Slack = TimeSpan.FromHours(2);

    /// <summary>
    /// How long after it was sent a mail may be filed (held for moderation, a slow relay): pages filed up to this long
    /// after the window's end are still read, since their Date may lie inside it (fixture week-2026-11/310).
    /// </summary>
    public static readonly TimeSpan EndSlack = TimeSpan.FromDays(1);

    /// <summary>Walks the pages; true when it reached the window's start (no number walk needed).</summary>
    public async Task<bool> WalkAsync(IAsyncEnumerable<IReadOnlyList<IndexEntry>> pages, CancellationToken cancellationToken)
    {
        await using var page = pages.GetAsyncEnumerator(cancellationToken);
        while (await page.MoveNextAsync().ConfigureAwait(false))
        {
            if (entries.Pages.Stopped)
            {
                return true;
            }

            if (await FindEndAsync(page.Current).ConfigureAwait(false) is { } fromEnd)
            {
                if (await TakeUntilStartAsync(fromEnd).ConfigureAwait(false))
                {
                    return true;
                }

                break;
            }
        }

        while (await page.MoveNextAsync().ConfigureAwait(false))
        {
            if (entries.Pages.Stopped || await TakeUntilStartAsync(page.Current).ConfigureAwait(false))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The page's entries from its first patch mail filed before the window's end (plus <see cref="EndSlack"/>); null when all are newer.</summary>
    private async Task<IReadOnlyList<IndexEntry>?> FindEndAsync(IReadOnlyList<IndexEntry> page)
    {
        var candidates = page.Where(CandidateRules.IsCandidate).ToList();
        var end = entries.Window.To + EndSlack;
        if (candidates.Count == 0)
        {
            entries.Run.AddEntries(page);
            return null;
        }

        if (await DateOfAsync(candidates[^1]).ConfigureAwait(false) is { } oldest && oldest >= end)
        {
            return null;
        }

        int low = 0, high = candidates.Count - 1; // the last one is known to be filed before the end
        while (low < high)
        {
            var middle = (low + high) / 2;
            var date = await DateOfAsync(candidates[middle]).ConfigureAwait(false);
            (low, high) = date is null || date < end ? (low, middle) : (middle + 1, high);
        }

        return [.. page.SkipWhile(e => e != candidates[low])];
    }

    /// <summary>Takes the patch mails in index order; true at the first one older than the window's start (less <see cref="Slack"/>).</summary>
    private async Task<bool> TakeUntilStartAsync(IReadOnlyList<IndexEntry> page)
    {
        entries.Run.AddEntries(page);
        var candidates = page.Where(CandidateRules.IsCandidate).ToList();
        for (var i = 0; i < candidates.Count; i++)
        {
            if (entries.Pages.Stopped)
            {
                return true;
            }

            foreach (var next in candidates.Skip(i + 1).Take(entries.Lookahead))
            {
                entries.ReadAhead(next, ReadPurpose.Probe, needed: true);
            }

            if (await entries.TakeAsync(candidates[i], ReadPurpose.Probe, needed: true).ConfigureAwait(false) is { } message
                && IndexEntries.OrderDate(message) < entries.Window.From - Slack)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The date an entry is filed by: a public-inbox archive's copy's when the entry matches one (no request: lore gave
    /// the window and a day on each side), else read from its page.
    /// </summary>
    private async Task<DateTimeOffset?> DateOfAsync(IndexEntry entry) =>
        entries.Known(entry) is { } known ? IndexEntries.OrderDate(known)
        : !entries.Pages.Stopped && await entries.Pages.ReadAsync(entry.Url, ReadPurpose.Probe, needed: false).ConfigureAwait(false) is { } message
            ? IndexEntries.OrderDate(message) : null;
}
