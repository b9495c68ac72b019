using Harvester.Domain;

namespace Harvester.Crawl.Html;

/// <summary>
/// The index pages list only the newest few thousand messages (archive-html/mail-archive.md, "Coverage is limited").
/// For an older window, message numbers below the index are probed for the window's first message (gallop down from
/// the index, then binary search; 404 = gap), then walked up to the index, keeping what lies in the window, at most
/// <see cref="CrawlOptions.MaxNumberWalkPages"/> pages. Both archives name message pages <c>msg%05d.html</c> (MHonArc's
/// <c>msgnum_filename</c>). Covered by NumberWalkTests and <c>Harvest_WindowOlderThanIndex_FindsMessagesByNumber</c>.
/// </summary>
internal sealed class NumberWalk(PageFetcher fetcher, MessagePages pages, CrawlRun run, int lookahead, int maxPages)
{
    /// <summary>Numbers scanned past a 404 before a stretch counts as a gap.</summary>
    private const int GapScan = 8;

    /// <summary>Walks the numbers below <paramref name="highest"/> + 1 that hold the window.</summary>
    public async Task WalkAsync(long highest)
    {
        if (await FirstNumberAsync(highest).ConfigureAwait(false) is not { } first)
        {
            return;
        }

        for (var number = first; number <= highest && !pages.Stopped; number++)
        {
            if (number - first >= maxPages)
            {
                run.Stop(Url(number), $"number walk stopped after Harvester:Crawl:MaxNumberWalkPages ({maxPages}) pages; messages from msg{number:D5} up to the index not read");
                return;
            }

            for (var ahead = number + 1; ahead <= Math.Min(highest, number + lookahead); ahead++)
            {
                pages.ReadAhead(Url(ahead), ReadPurpose.Probe);
            }

            var read = await pages.ReadOnceAsync(Url(number), ReadPurpose.Probe).ConfigureAwait(false);
            if (read is { Problem: { } problem, IsGap: false })
            {
                run.ReportRead(Url(number), DiagnosticLevel.Error, problem);
            }

            if (read.Message is { } message && IndexEntries.OrderDate(message) >= run.Window.To + UndatedIndexWalk.EndSlack)
            {
                return;
            }
        }
    }

    /// <summary>
    /// The window's first message number: gallop down from the index, then binary-search. Null (and an error) when a
    /// probe fails for another reason than a 404, since the search cannot tell where the window starts then.
    /// </summary>
    private async Task<long?> FirstNumberAsync(long highest)
    {
        long low = 0, high = highest + 1;
        for (long step = 1; low == 0; step *= 2)
        {
            var probe = Math.Max(1, highest + 1 - step);
            var result = await IsOlderThanStartAsync(probe, highest).ConfigureAwait(false);
            if (result.Failure is not null)
            {
                return Failed(result);
            }

            if (result.IsOlder)
            {
                low = Math.Min(result.Number + 1, high);
            }
            else if (probe == 1)
            {
                return 1;
            }
            else
            {
                high = probe;
            }
        }

        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            var result = await IsOlderThanStartAsync(middle, highest).ConfigureAwait(false);
            if (result.Failure is not null)
            {
                return Failed(result);
            }

            (low, high) = result.IsOlder ? (result.Number + 1, high) : (low, middle);
        }

        return low;
    }

    private long? Failed(Probe failed)
    {
        run.Report(DiagnosticLevel.Error, Url(failed.Number), "number walk stopped, the window's messages below the index are missing: " + failed.Failure);
        return null;
    }

    /// <summary>
    /// Whether the first message at or above <paramref name="number"/> is older than the window's start. A stretch
    /// with no message at all (below the archive's first number, or a long gap) counts as older; the returned number
    /// is then the end of the stretch scanned.
    /// </summary>
    private async Task<Probe> IsOlderThanStartAsync(long number, long highest)
    {
        for (var n = number; n <= Math.Min(highest, number + GapScan); n++)
        {
            var read = await pages.ReadOnceAsync(Url(n), ReadPurpose.Probe).ConfigureAwait(false);
            if (read.Message is { } message)
            {
                return new Probe(n, IndexEntries.OrderDate(message) < run.Window.From - UndatedIndexWalk.Slack, null);
            }

            if (!read.IsGap)
            {
                return new Probe(n, false, read.Problem);
            }
        }

        return new Probe(Math.Min(highest, number + GapScan), true, null);
    }

    private Uri Url(long number) => fetcher.Resolve($"msg{number:D5}.html");

    private readonly record struct Probe(long Number, bool IsOlder, string? Failure);
}
