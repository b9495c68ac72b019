using Harvester.Domain;
using Harvester.Render;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Harvester.Hosting;

/// <summary>Runs one harvest, writes the result, sets the exit code, and stops the application.</summary>
public sealed partial class HarvestWorker(
    HarvestPipeline pipeline,
    IOptions<HarvesterOptions> options,
    RunState state,
    ExitCodeHolder exit,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<HarvestWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            exit.Code = await HarvestAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            LogInterrupted(logger);
            exit.Code = ExitCodes.Interrupted;
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex);
            exit.Code = ExitCodes.NothingHarvested;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    private async Task<int> HarvestAsync(CancellationToken cancellationToken)
    {
        var run = options.Value.Run;
        DateTimeOffset? previousEnd = null;
        if (run.SinceLastRun && !state.TryReadLastEnd(out previousEnd, out var stateError))
        {
            LogBadWindow(logger, stateError!);
            return ExitCodes.Usage;
        }

        if (!HarvestWindowFactory.TryCreate(run, time.GetUtcNow(), previousEnd, out var window, out var error))
        {
            LogBadWindow(logger, error!);
            return ExitCodes.Usage;
        }

        var result = await pipeline.RunAsync(window!, options.Value.Output.ListAll, run.Explain, cancellationToken).ConfigureAwait(false);
        foreach (var drift in result.Drifts)
        {
            LogDrift(logger, drift.Describe());
        }

        if (result.ArchivesFailed == result.ArchivesTotal)
        {
            if (result.Drifts.Count > 0)
            {
                return ExitCodes.LayoutChanged; // never a "no patches" section built from a drifted archive
            }

            // Each error with its page, so the line says which archive failed (both archives' "not in the cache
            // (--offline)" read the same otherwise; Process/HarvestProcessTests covers it).
            var errors = result.Report.Diagnostics.Where(d => d.Level == DiagnosticLevel.Error).Take(3);
            LogNothing(logger, string.Join("; ", errors.Select(d => d.Url is null ? d.Message : $"{d.Url}: {d.Message}")));
            return ExitCodes.NothingHarvested;
        }

        var text = Render(result.Report, run);
        cancellationToken.ThrowIfCancellationRequested(); // never write output or state for a stopped run
        Write(text, run);
        var failed = result.ArchivesFailed > 0 || result.Report.Diagnostics.Any(d => d.Level == DiagnosticLevel.Error);
        foreach (var diagnostic in result.Report.Diagnostics.Where(d => d.Level == DiagnosticLevel.Error && !result.Drifts.Any(x => x.Describe() == d.Message)))
        {
            LogMissing(logger, diagnostic.Url, diagnostic.Message);
        }

        if (result.Drifts.Count > 0)
        {
            return ExitCodes.LayoutChanged;
        }

        if (failed)
        {
            return ExitCodes.PartialFailure;
        }

        state.SaveLastEnd(window!.To);
        return ExitCodes.Done;
    }

    private string Render(HarvestReport report, RunOptions run)
    {
        var output = options.Value.Output;
        IReportRenderer renderer = run.Format == "json" ? new JsonRenderer(output)
            : run.Draft ? new DraftRenderer(output)
            : new MarkdownRenderer(output);
        return renderer.Render(report);
    }

    private static void Write(string text, RunOptions run)
    {
        if (!string.IsNullOrEmpty(run.AppendTo))
        {
            var draft = File.Exists(run.AppendTo) ? File.ReadAllText(run.AppendTo) : "";
            AtomicFile.Write(run.AppendTo, DraftSplicer.Splice(draft, text));
        }
        else if (!string.IsNullOrEmpty(run.Out))
        {
            AtomicFile.Write(run.Out, text);
        }
        else
        {
            Console.Out.Write(text);
            Console.Out.Flush();
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Interrupted; the page cache keeps what was fetched, the next run resumes from it")]
    private static partial void LogInterrupted(ILogger logger);

    [LoggerMessage(EventId = 11, Level = LogLevel.Critical, Message = "Harvest failed")]
    private static partial void LogFailed(ILogger logger, Exception ex);

    [LoggerMessage(EventId = 12, Level = LogLevel.Error, Message = "Bad window: {Error}")]
    private static partial void LogBadWindow(ILogger logger, string error);

    [LoggerMessage(EventId = 13, Level = LogLevel.Error, Message = "Nothing could be harvested: {Errors}")]
    private static partial void LogNothing(ILogger logger, string errors);

    [LoggerMessage(EventId = 15, Level = LogLevel.Error, Message = "Layout drift: {Problem}")]
    private static partial void LogDrift(ILogger logger, string problem);

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning, Message = "Missing: {Url}: {Problem}")]
    private static partial void LogMissing(ILogger logger, string? url, string problem);
}
