using Harvester.Domain;
using Harvester.Render;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Harvester.Hosting;

/// <summary>
/// One harvest: the window (from the flags or the state), the output checked writable, the pipeline, the result
/// written, the state advanced; returns the exit code.
/// </summary>
public sealed partial class HarvestCommand(
    HarvestPipeline pipeline,
    IOptions<HarvesterOptions> options,
    RunState state,
    TimeProvider time,
    ILogger<HarvestCommand> logger) : IHarvesterCommand
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await HarvestAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogInterrupted(logger);
            return ExitCodes.Interrupted;
        }
    }

    private async Task<int> HarvestAsync(CancellationToken cancellationToken)
    {
        var run = options.Value.Run;
        RunRecord? recorded = null;
        var needsState = run.SinceLastRun || (run.Draft && options.Value.Output.Draft.IssueNumber is null);
        if (needsState && !state.TryRead(out recorded, out var stateError))
        {
            LogBadWindow(logger, stateError!);
            return ExitCodes.Usage;
        }

        if (!HarvestWindowFactory.TryCreate(run, time.GetUtcNow(), run.SinceLastRun ? recorded?.LastWindowEnd : null, out var window, out var error))
        {
            LogBadWindow(logger, error!);
            return ExitCodes.Usage;
        }

        var output = OutputTarget.From(run);
        if (output.CheckWritable() is { } unwritable)
        {
            LogBadWindow(logger, unwritable);
            return ExitCodes.Usage;
        }

        LogWhere(logger, options.Value.Cache.ResolvePath(), state.Path);
        if (run.SinceLastRun && recorded?.LastWindowEnd is null)
        {
            LogNoState(logger, state.Path, run.Days, window!.From);
        }

        var result = await pipeline.RunAsync(window!, options.Value.Output.ListAll, run.Explain, cancellationToken).ConfigureAwait(false);
        foreach (var drift in result.Drifts)
        {
            LogDrift(logger, drift.Describe());
        }

        var errors = result.Report.Diagnostics.Where(d => d.Level == DiagnosticLevel.Error).ToList();
        if (result.ArchivesFailed == result.ArchivesTotal || (result.Report.Stats.Messages == 0 && errors.Count > 0))
        {
            if (result.Drifts.Count > 0)
            {
                return ExitCodes.LayoutChanged; // never a "no patches" section built from a drifted archive
            }

            // Nothing was read, so nothing may be said about the window ("no patches" would be false): no output, no
            // draft change, no state change. Each error with its page, so the line says which archive failed.
            LogNothing(logger, errors.Count, string.Join("; ", errors.Take(3).Select(d => d.Url is null ? d.Message : $"{d.Url}: {d.Message}")));
            return ExitCodes.NothingHarvested;
        }

        var issue = options.Value.Output.Draft.IssueNumber ?? (recorded?.IssueNumber ?? 0) + 1;
        var text = Render(result.Report, run, issue);
        cancellationToken.ThrowIfCancellationRequested(); // never write output or state for a stopped run
        foreach (var diagnostic in errors.Where(d => !result.Drifts.Any(x => x.Describe() == d.Message)))
        {
            LogMissing(logger, diagnostic.Url, diagnostic.Message);
        }

        var partial = result.ArchivesFailed > 0 || errors.Count > 0;
        if (output.Write(text, partial ? IncompleteNote.For(result) : null) is { } writeError)
        {
            LogWriteFailed(logger, output.Path!, writeError);
            return ExitCodes.NothingHarvested;
        }

        if (result.Drifts.Count > 0)
        {
            return ExitCodes.LayoutChanged;
        }

        if (partial)
        {
            return ExitCodes.PartialFailure;
        }

        // Only the loop's own run moves the state, and only when it read its whole window from the archives: a
        // preview, a back-fill or an offline run leaves it as it is, so the next weekly window starts exactly here.
        if (run.SinceLastRun && !run.Offline)
        {
            state.Save(new RunRecord(window!.From, window.To, time.GetUtcNow(), issue));
        }

        return ExitCodes.Done;
    }

    private string Render(HarvestReport report, RunOptions run, int issue)
    {
        var output = options.Value.Output;
        IReportRenderer renderer = string.Equals(run.Format, "json", StringComparison.OrdinalIgnoreCase) ? new JsonRenderer(output)
            : run.Draft ? new DraftRenderer(output, issue)
            : new SectionsRenderer(output, ReportSections.Parse(run.Sections, out _));
        return renderer.Render(report);
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Interrupted; the page cache keeps what was fetched, the next run resumes from it")]
    private static partial void LogInterrupted(ILogger logger);

    [LoggerMessage(EventId = 12, Level = LogLevel.Error, Message = "{Error}")]
    private static partial void LogBadWindow(ILogger logger, string error);

    [LoggerMessage(EventId = 13, Level = LogLevel.Error, Message = "Nothing could be harvested; nothing was written. {Count} pages failed: {Errors}")]
    private static partial void LogNothing(ILogger logger, int count, string errors);

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning, Message = "Missing: {Url}: {Problem}")]
    private static partial void LogMissing(ILogger logger, string? url, string problem);

    [LoggerMessage(EventId = 15, Level = LogLevel.Information, Message = "No state at {StatePath} yet: starting {Days} days back, at {From:u}")]
    private static partial void LogNoState(ILogger logger, string statePath, int days, DateTimeOffset from);

    [LoggerMessage(EventId = 20, Level = LogLevel.Error, Message = "Layout drift: {Problem}")]
    private static partial void LogDrift(ILogger logger, string problem);

    [LoggerMessage(EventId = 17, Level = LogLevel.Information, Message = "Page cache: {CachePath}; state: {StatePath}")]
    private static partial void LogWhere(ILogger logger, string cachePath, string statePath);

    [LoggerMessage(EventId = 16, Level = LogLevel.Error, Message = "Could not write {File}: {Problem}; the page cache keeps what was fetched")]
    private static partial void LogWriteFailed(ILogger logger, string file, string problem);
}
