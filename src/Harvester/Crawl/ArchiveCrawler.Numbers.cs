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
        var (low, high) = await GallopDownAsync(highest, run, cancellationToken).ConfigureAwait(false);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            var (number, isOlder) = await IsOlderThanStartAsync(middle, highest, run, cancellationToken).ConfigureAwait(false);
            if (isOlder)
            {
                low = number + 1;
            }
            else
            {
                high = middle;
            }
        }

        var walked = 0;
        for (var number = low; number <= highest && walked < MaxNumberWalk; number++, walked++)
        {
            for (var ahead = number + 1; ahead <= Math.Min(highest, number + lookahead); ahead++)
            {
                _ = ReadMessageAsync(NumberUrl(ahead), run, cancellationToken, gapIsNormal: true);
            }

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

    /// <summary>
    /// Steps down from the index's lowest number by doubling strides until a number older than the window's start is
    /// found, so the binary search that follows stays near the index (a week of netdev is about two thousand numbers).
    /// Returns the range [low, high) that holds the window's first number.
    /// </summary>
    private async Task<(long Low, long High)> GallopDownAsync(long highest, CrawlRun run, CancellationToken cancellationToken)
    {
        var high = highest + 1;
        for (long step = 1; ; step *= 2)
        {
            var probe = Math.Max(1, highest + 1 - step);
            var (number, isOlder) = await IsOlderThanStartAsync(probe, highest, run, cancellationToken).ConfigureAwait(false);
            if (isOlder)
            {
                return (Math.Min(number + 1, high), high);
            }

            high = probe;
            if (probe == 1)
            {
                return (1, 1);
            }
        }
    }

    /// <summary>
    /// Whether the first message at or above <paramref name="number"/> is older than the window's start. A stretch
    /// with no message at all (below the archive's first number, or a long gap) counts as older; the returned number
    /// is then the end of the stretch scanned.
    /// </summary>
    private async Task<(long Number, bool IsOlder)> IsOlderThanStartAsync(long number, long highest, CrawlRun run, CancellationToken cancellationToken)
    {
        var (found, date) = await ProbeAsync(number, highest, run, cancellationToken).ConfigureAwait(false);
        return date is { } known
            ? (found, known < run.Window.From - Slack)
            : (Math.Min(highest, number + GapScan), true);
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
