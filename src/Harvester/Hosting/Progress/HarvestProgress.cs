using Harvester.Crawl;
using Harvester.Domain;
using Microsoft.Extensions.Logging;

namespace Harvester.Hosting.Progress;

/// <summary>How progress is shown: not at all (<c>-q</c>), live on a terminal, or as a line now and then.</summary>
public enum ProgressMode
{
    None,
    Live,
    Lines,
}

/// <summary>
/// Progress of the crawl on stderr (issue 11: a week at 1 request/s took minutes of silence). Per archive: pages read
/// (downloaded or taken from the cache) of pages expected (<see cref="CrawlPace"/>), and the time left at the current
/// rate. On a terminal, Spectre.Console's live progress display; otherwise a <c>Progress:</c> log line at most every
/// <see cref="ProgressOptions.IntervalSeconds"/>. Archives are crawled one after the other, so the pages counted
/// while one is tracked are its own.
/// </summary>
public sealed partial class HarvestProgress(
    ProgressMode mode,
    TimeSpan interval,
    bool recordPace,
    CrawlStats stats,
    CrawlPace pace,
    TimeProvider time,
    ILogger<HarvestProgress> logger)
{
    public ProgressMode Mode => mode;

    /// <summary>
    /// Live on an interactive terminal, lines elsewhere (a pipe, a file, journald), none when asked (<c>-q</c> sets the
    /// log level to Warning; <c>Harvester:Progress:Enabled</c> false).
    /// </summary>
    public static ProgressMode ModeFor(ProgressOptions options, string? logLevel)
    {
        var quiet = logLevel is { } level && (level.Equals("Warning", StringComparison.OrdinalIgnoreCase)
            || level.Equals("Error", StringComparison.OrdinalIgnoreCase) || level.Equals("Fatal", StringComparison.OrdinalIgnoreCase));
        return !options.Enabled || quiet ? ProgressMode.None
            : !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("JOURNAL_STREAM") is null ? ProgressMode.Live
            : ProgressMode.Lines;
    }

    /// <summary>Runs <paramref name="crawl"/> with its progress shown; a whole crawl (<paramref name="whole"/>) updates the pace.</summary>
    public async Task<T> TrackAsync<T>(string archive, HarvestWindow window, Func<Task<T>> crawl, Func<T, bool> whole)
    {
        var track = new ArchiveTrack(archive, pace.Expected(archive, window), stats, time);
        using var stop = new CancellationTokenSource();
        var display = mode switch
        {
            ProgressMode.Live => LiveProgress.RunAsync(track, stop.Token),
            ProgressMode.Lines => LinesAsync(track, stop.Token),
            _ => Task.CompletedTask,
        };
        var done = false;
        try
        {
            var result = await crawl().ConfigureAwait(false);
            done = whole(result);
            return result;
        }
        finally
        {
            track.Finish();
            await stop.CancelAsync().ConfigureAwait(false);
            await display.ConfigureAwait(false);
            if (done && recordPace)
            {
                pace.Record(archive, window, track.Read);
            }
        }
    }

    private async Task LinesAsync(ArchiveTrack track, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                LogProgress(logger, track.Describe());
            }
        }
        catch (OperationCanceledException)
        {
            // the archive's crawl ended
        }
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "Progress: {Progress}")]
    private static partial void LogProgress(ILogger logger, string progress);
}
