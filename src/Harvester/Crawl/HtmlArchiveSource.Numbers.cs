using Harvester.Domain;

namespace Harvester.Crawl;

public sealed partial class HtmlArchiveSource
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
        if (await FirstNumberAsync(highest, run, cancellationToken).ConfigureAwait(false) is not { } first)
        {
            return;
        }

        var walked = 0;
        for (var number = first; number <= highest && walked < MaxNumberWalk && reader.DriftOf(Archive) is null; number++, walked++)
        {
            for (var ahead = number + 1; ahead <= Math.Min(highest, number + lookahead); ahead++)
            {
                _ = ReadOnceAsync(NumberUrl(ahead), run, cancellationToken);
            }

            var read = await ReadOnceAsync(NumberUrl(number), run, cancellationToken).ConfigureAwait(false);
            if (read is { Problem: { } problem, IsGap: false })
            {
                run.ReportRead(NumberUrl(number), DiagnosticLevel.Error, problem);
            }

            if (read.Message is { } message && OrderDate(message) >= run.Window.To + EndSlack)
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
    /// The window's first message number: gallop down from the index, then binary-search. Null (and an error) when a
    /// probe fails for another reason than a 404, since the search cannot tell where the window starts then.
    /// </summary>
    private async Task<long?> FirstNumberAsync(long highest, CrawlRun run, CancellationToken cancellationToken)
    {
        long low = 0, high = highest + 1;
        for (long step = 1; low == 0; step *= 2)
        {
            var probe = Math.Max(1, highest + 1 - step);
            var result = await IsOlderThanStartAsync(probe, highest, run, cancellationToken).ConfigureAwait(false);
            if (result.Failure is not null)
            {
                return Stop(run, result);
            }

            if (result.IsOlder)
            {
                low = Math.Min(result.Number + 1, high);
            }
            else
            {
                high = probe;
                if (probe == 1)
                {
                    return 1;
                }
            }
        }

        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            var result = await IsOlderThanStartAsync(middle, highest, run, cancellationToken).ConfigureAwait(false);
            if (result.Failure is not null)
            {
                return Stop(run, result);
            }

            (low, high) = result.IsOlder ? (result.Number + 1, high) : (low, middle);
        }

        return low;
    }

    private long? Stop(CrawlRun run, NumberProbe failed)
    {
        run.Report(DiagnosticLevel.Error, NumberUrl(failed.Number), "number walk stopped, the window's messages below the index are missing: " + failed.Failure);
        return null;
    }

    /// <summary>
    /// Whether the first message at or above <paramref name="number"/> is older than the window's start. A stretch
    /// with no message at all (below the archive's first number, or a long gap) counts as older; the returned number
    /// is then the end of the stretch scanned.
    /// </summary>
    private async Task<NumberProbe> IsOlderThanStartAsync(long number, long highest, CrawlRun run, CancellationToken cancellationToken)
    {
        for (var n = number; n <= Math.Min(highest, number + GapScan); n++)
        {
            var read = await ReadOnceAsync(NumberUrl(n), run, cancellationToken).ConfigureAwait(false);
            if (read.Message is { } message)
            {
                return new NumberProbe(n, OrderDate(message) < run.Window.From - Slack, null);
            }

            if (!read.IsGap)
            {
                return new NumberProbe(n, false, read.Problem);
            }
        }

        return new NumberProbe(Math.Min(highest, number + GapScan), true, null);
    }

    private readonly record struct NumberProbe(long Number, bool IsOlder, string? Failure);

    /// <summary>Both archives name message pages <c>msg%05d.html</c> (MHonArc's <c>msgnum_filename</c>).</summary>
    private Uri NumberUrl(long number) => fetcher.Resolve($"msg{number:D5}.html");
}
