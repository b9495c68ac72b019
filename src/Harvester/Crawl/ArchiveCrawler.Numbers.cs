using Harvester.Domain;

namespace Harvester.Crawl;

public sealed partial class ArchiveCrawler
{
    /// <summary>Numbers scanned past a 404 before a stretch counts as a gap.</summary>
    private const int GapScan = 8;

    /// <summary>The most message pages a number walk fetches in one run.</summary>
    private const int MaxNumberWalk = 20_000;

    /// <summary>
    /// The index pages list only the newest few thousand messages (archive-html/mail-archive.md, "Coverage is limited").
    /// For an older window, binary-search message numbers below the index for the window's first message (404 = gap),
    /// then walk the numbers up to the index, keeping what lies in the window. Covered by the end-to-end test
    /// <c>Harvest_WindowOlderThanIndex_FindsMessagesByNumber</c>.
    /// </summary>
    private async Task WalkNumbersAsync(long highest, CrawlRun run, CancellationToken cancellationToken)
    {
        var start = run.Window.From - Slack;
        long low = 1, high = highest + 1;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            var (number, date) = await ProbeAsync(middle, highest, run, cancellationToken).ConfigureAwait(false);
            if (date is null || date >= start)
            {
                high = middle;
            }
            else
            {
                low = number + 1;
            }
        }

        var walked = 0;
        for (var number = low; number <= highest && walked < MaxNumberWalk; number++, walked++)
        {
            var message = await ReadMessageAsync(NumberUrl(number), run, cancellationToken, gapIsNormal: true).ConfigureAwait(false);
            if (message is not null && message.Date >= run.Window.To + Slack)
            {
                break;
            }
        }

        if (walked >= MaxNumberWalk)
        {
            run.Report(DiagnosticLevel.Warning, null, $"number walk stopped after {MaxNumberWalk} pages");
        }
    }

    /// <summary>The date of the first message at or above <paramref name="number"/> (skipping gaps), with its number.</summary>
    private async Task<(long Number, DateTimeOffset? Date)> ProbeAsync(long number, long highest, CrawlRun run, CancellationToken cancellationToken)
    {
        for (var n = number; n <= Math.Min(highest, number + GapScan); n++)
        {
            var message = await ReadMessageAsync(NumberUrl(n), run, cancellationToken, gapIsNormal: true).ConfigureAwait(false);
            if (message is not null)
            {
                return (n, message.Date);
            }
        }

        return (number, null);
    }

    /// <summary>Both archives name message pages <c>msg%05d.html</c> (MHonArc's <c>msgnum_filename</c>).</summary>
    private Uri NumberUrl(long number) => fetcher.Resolve($"msg{number:D5}.html");
}
