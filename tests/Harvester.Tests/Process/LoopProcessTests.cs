using System.Globalization;
using System.Text.Json;
using Harvester.Hosting;
using Harvester.Tests.Support;

namespace Harvester.Tests.ProcessRuns;

/// <summary>
/// The weekly loop (issue 11): only a <c>--since-last-run</c> run that read its whole window and was not offline
/// advances the state, to exactly its window's end; previews, back-fills and offline runs leave it alone; the state
/// lives in a state directory of its own; <c>state show</c>/<c>state set</c>; <c>--draft</c> numbers from the state.
/// </summary>
[Collection(HarvesterProcessCollection.Name)]
public sealed class LoopProcessTests(HarvesterBinary harvester) : IDisposable
{
    private readonly ProcessScratch _scratch = new();

    [Fact]
    public async Task Harvest_PreviewBackfillAndOfflineBetweenTwoLoopRuns_SecondWindowStartsWhereTheFirstEnded()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(ProcessScratch.Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(ProcessScratch.Week);
        var environment = _scratch.Environment(spinics.BaseUrl, mailArchive.BaseUrl);
        await File.WriteAllTextAsync(_scratch.StatePath, "{\"lastWindowEnd\":\"2026-11-09T00:00:00Z\"}\n");

        var first = await harvester.RunAsync(["--since-last-run", "--to", "2026-11-12"], environment);
        var afterFirst = await File.ReadAllTextAsync(_scratch.StatePath);
        var preview = await harvester.RunAsync(["--from", "2026-11-12", "--to", "2026-11-16"], environment);
        var backfill = await harvester.RunAsync(["--from", "2026-11-09", "--to", "2026-11-10"], environment);
        var offline = await harvester.RunAsync(["--since-last-run", "--offline", "--to", "2026-11-16"], environment);
        var afterOthers = await File.ReadAllTextAsync(_scratch.StatePath);
        var second = await harvester.RunAsync(["--since-last-run", "--to", "2026-11-16"], environment);

        Assert.True(first.ExitCode == ExitCodes.Done, first.ToString());
        Assert.Equal(At("2026-11-12"), End(afterFirst));
        Assert.True(preview.ExitCode == ExitCodes.Done, preview.ToString());
        Assert.True(backfill.ExitCode == ExitCodes.Done, backfill.ToString());
        Assert.True(offline.ExitCode == ExitCodes.Done, offline.ToString()); // read its whole window, from the cache
        Assert.Contains(offline.StderrLines, l => l.Contains("Crawling Spinics for 2026-11-12 00:00:00Z .. 2026-11-16 00:00:00Z", StringComparison.Ordinal));
        Assert.Equal(afterFirst, afterOthers); // byte for byte: none of the three touched it
        Assert.True(second.ExitCode == ExitCodes.Done, second.ToString());
        Assert.Contains(second.StderrLines, l => l.Contains("Crawling Spinics for 2026-11-12 00:00:00Z .. 2026-11-16 00:00:00Z", StringComparison.Ordinal));
        Assert.Equal(At("2026-11-16"), End(await File.ReadAllTextAsync(_scratch.StatePath)));
    }

    [Fact]
    public async Task Harvest_SinceLastRunWithoutState_StartsDaysBackSaysSoAndRecordsTheWindow()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(ProcessScratch.Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(ProcessScratch.Week);

        var result = await harvester.RunAsync(["--since-last-run", "--to", "2026-11-16", "--days", "7"], _scratch.Environment(spinics.BaseUrl, mailArchive.BaseUrl));

        Assert.True(result.ExitCode == ExitCodes.Done, result.ToString());
        Assert.Contains(result.StderrLines, l => l.Contains($"No state at {_scratch.StatePath} yet: starting 7 days back, at 2026-11-09 00:00:00Z", StringComparison.Ordinal));
        Assert.Equal(ProcessScratch.Expected(spinics, mailArchive), result.Stdout);
        using var state = JsonDocument.Parse(await File.ReadAllTextAsync(_scratch.StatePath));
        Assert.Equal(At("2026-11-09"), state.RootElement.GetProperty("lastWindowStart").GetDateTimeOffset());
        Assert.Equal(At("2026-11-16"), state.RootElement.GetProperty("lastWindowEnd").GetDateTimeOffset());
        Assert.Equal(1, state.RootElement.GetProperty("issueNumber").GetInt32());
    }

    [Fact]
    public async Task State_SetThenShow_PrintsWhatWasSetAndTheNextLoopRunStartsThere()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(ProcessScratch.Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(ProcessScratch.Week);
        var environment = _scratch.Environment(spinics.BaseUrl, mailArchive.BaseUrl);

        var set = await harvester.RunAsync(["state", "set", "--to", "2026-11-09", "--issue", "45"], environment);
        var show = await harvester.RunAsync(["state", "show"], environment);
        var run = await harvester.RunAsync(["--since-last-run", "--to", "2026-11-16"], environment);
        var after = await harvester.RunAsync(["state", "show"], environment);

        Assert.True(set.ExitCode == ExitCodes.Done, set.ToString());
        Assert.Equal($"state {_scratch.StatePath}: the next --since-last-run run starts at 2026-11-09 00:00:00Z; last issue 45\n", set.Stdout);
        Assert.True(show.ExitCode == ExitCodes.Done, show.ToString());
        Assert.Contains($"state: {_scratch.StatePath}\n", show.Stdout, StringComparison.Ordinal);
        Assert.Contains("last window: ? .. 2026-11-09 00:00:00Z\n", show.Stdout, StringComparison.Ordinal);
        Assert.Contains("last issue: 45\n", show.Stdout, StringComparison.Ordinal);
        Assert.Contains(run.StderrLines, l => l.Contains("Crawling Spinics for 2026-11-09 00:00:00Z .. 2026-11-16 00:00:00Z", StringComparison.Ordinal));
        Assert.Contains("last window: 2026-11-09 00:00:00Z .. 2026-11-16 00:00:00Z\n", after.Stdout, StringComparison.Ordinal);
        Assert.Contains("last issue: 46\n", after.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("ran at: never", after.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StateSet_DateIsNotADate_Exits2AndLeavesTheState()
    {
        await File.WriteAllTextAsync(_scratch.StatePath, "{\"lastWindowEnd\":\"2026-11-09T00:00:00Z\"}\n");

        var result = await harvester.RunAsync(["state", "set", "--to", "last week"], _scratch.Environment(new Uri("http://127.0.0.1:9/lists/netdev/"), null));

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains("--to 'last week' is not a date", Assert.Single(result.StderrLines), StringComparison.Ordinal);
        Assert.Equal("{\"lastWindowEnd\":\"2026-11-09T00:00:00Z\"}\n", await File.ReadAllTextAsync(_scratch.StatePath));
    }

    [Fact]
    public async Task Harvest_Draft_NumbersTheIssueFromTheStateUnlessToldOtherwise()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(ProcessScratch.Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(ProcessScratch.Week);
        var environment = _scratch.Environment(spinics.BaseUrl, mailArchive.BaseUrl);
        await File.WriteAllTextAsync(_scratch.StatePath, "{\"lastWindowEnd\":\"2026-11-09T00:00:00Z\",\"issueNumber\":45}\n");

        var fromState = await harvester.RunAsync([.. ProcessScratch.WeekWindow, "--draft"], environment);
        var fromFlag = await harvester.RunAsync([.. ProcessScratch.WeekWindow, "--draft", "--issue", "50"], environment);
        var configured = new Dictionary<string, string>(environment) { ["Harvester__Output__Draft__IssueNumber"] = "60" };
        var fromConfiguration = await harvester.RunAsync([.. ProcessScratch.WeekWindow, "--draft"], configured);
        var loop = await harvester.RunAsync(["--since-last-run", "--to", "2026-11-16", "--draft"], environment);

        Assert.True(fromState.ExitCode == ExitCodes.Done, fromState.ToString());
        Assert.Contains("\ntitle: 'BPF updates 46'\n", fromState.Stdout, StringComparison.Ordinal);
        Assert.Contains("\nauthor: 'TODO-AUTHOR (set Harvester:Output:Draft:Author)'\n", fromState.Stdout, StringComparison.Ordinal);
        Assert.Contains("\ntitle: 'BPF updates 50'\n", fromFlag.Stdout, StringComparison.Ordinal);
        Assert.Contains("\ntitle: 'BPF updates 60'\n", fromConfiguration.Stdout, StringComparison.Ordinal);
        Assert.True(loop.ExitCode == ExitCodes.Done, loop.ToString());
        Assert.Contains("\ntitle: 'BPF updates 46'\n", loop.Stdout, StringComparison.Ordinal);
        using var state = JsonDocument.Parse(await File.ReadAllTextAsync(_scratch.StatePath));
        Assert.Equal(46, state.RootElement.GetProperty("issueNumber").GetInt32()); // the loop's run recorded the issue it printed
    }

    [Fact]
    public async Task Harvest_DefaultStatePlace_IsTheStateDirectoryNotTheCache()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(ProcessScratch.Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(ProcessScratch.Week);
        var environment = _scratch.Environment(spinics.BaseUrl, mailArchive.BaseUrl);
        environment.Remove("Harvester__Run__StatePath");
        environment.Remove("Harvester__Cache__Path");
        environment["XDG_CACHE_HOME"] = _scratch.File("xdg-cache");
        environment["XDG_STATE_HOME"] = _scratch.File("xdg-state");
        var withStateDirectory = new Dictionary<string, string>(environment) { ["STATE_DIRECTORY"] = _scratch.File("systemd-state") };

        var result = await harvester.RunAsync(["--since-last-run", "--to", "2026-11-16"], environment);
        Directory.Delete(_scratch.File("xdg-cache"), recursive: true); // clearing the cache keeps the state
        var show = await harvester.RunAsync(["state", "show"], environment);
        var systemd = await harvester.RunAsync(["state", "set", "--to", "2026-11-16"], withStateDirectory);

        Assert.True(result.ExitCode == ExitCodes.Done, result.ToString());
        var statePath = Path.Combine(_scratch.File("xdg-state"), "harvester", "state.json");
        Assert.Contains(result.StderrLines, l => l.Contains($"Page cache: {Path.Combine(_scratch.File("xdg-cache"), "harvester", "pages.db")}; state: {statePath}", StringComparison.Ordinal));
        Assert.Contains("last window: 2026-11-09 00:00:00Z .. 2026-11-16 00:00:00Z\n", show.Stdout, StringComparison.Ordinal);
        Assert.True(systemd.ExitCode == ExitCodes.Done, systemd.ToString());
        Assert.True(File.Exists(Path.Combine(_scratch.File("systemd-state"), "state.json")));
    }

    public void Dispose() => _scratch.Dispose();

    private static DateTimeOffset At(string date) => DateTimeOffset.Parse(date + "T00:00:00Z", CultureInfo.InvariantCulture);

    private static DateTimeOffset End(string state)
    {
        using var document = JsonDocument.Parse(state);
        return document.RootElement.GetProperty("lastWindowEnd").GetDateTimeOffset();
    }
}
