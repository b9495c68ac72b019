using System.Text.Json;
using Harvester.Hosting;
using Harvester.Tests.Support;

namespace Harvester.Tests.ProcessRuns;

/// <summary>
/// The state record (<c>Harvester:Run:StatePath</c>): <c>--since-last-run</c> starts at its <c>lastWindowEnd</c>, and
/// only a successful run (exit 0) advances it; exit 1 and exit 3 leave it as it was (RunState, HarvestWorker).
/// </summary>
[Collection(HarvesterProcessCollectionB.Name)]
public sealed class StateProcessTests(HarvesterBinary harvester) : IDisposable
{
    private const string LastEnd = "{\"lastWindowEnd\":\"2026-11-09T00:00:00Z\"}\n";
    private readonly ProcessScratch _scratch = new();

    [Fact]
    public async Task Harvest_SinceLastRun_HarvestsFromTheRecordedEndAndAdvancesTheState()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(ProcessScratch.Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(ProcessScratch.Week);
        await File.WriteAllTextAsync(_scratch.StatePath, LastEnd);

        // --days 1 would start at 2026-11-15: the recorded end must win over it.
        var result = await harvester.RunAsync(["--since-last-run", "--to", "2026-11-16", "--days", "1"], _scratch.Environment(spinics.BaseUrl, mailArchive.BaseUrl));

        Assert.True(result.ExitCode == ExitCodes.Done, result.ToString());
        Assert.Contains(result.StderrLines, line => line.Contains("Crawling Spinics for 2026-11-09 00:00:00Z .. 2026-11-16 00:00:00Z", StringComparison.Ordinal));
        Assert.Equal(ProcessScratch.Expected(spinics, mailArchive), result.Stdout);
        Assert.Equal(DateTimeOffset.Parse("2026-11-16T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), ReadLastEnd());
        Assert.Empty(Directory.GetFiles(_scratch.Folder, "*.tmp")); // written atomically, nothing left beside it
    }

    [Fact]
    public async Task Harvest_AllArchivesDead_Exits1AndLeavesTheStateAsItWas()
    {
        await File.WriteAllTextAsync(_scratch.StatePath, LastEnd);
        var environment = _scratch.Environment(FixtureServer.DeadBaseUrl("/lists/netdev/"), FixtureServer.DeadBaseUrl("/netdev@vger.kernel.org/"));

        var result = await harvester.RunAsync(["--since-last-run", "--to", "2026-11-16"], environment);

        Assert.True(result.ExitCode == ExitCodes.NothingHarvested, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.Contains(result.StderrLines, line => line.Contains("Nothing could be harvested", StringComparison.Ordinal));
        Assert.Equal(LastEnd, await File.ReadAllTextAsync(_scratch.StatePath));
    }

    [Fact]
    public async Task Harvest_PartialFailure_Exits3AndLeavesTheStateAsItWas()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(ProcessScratch.Week);
        await File.WriteAllTextAsync(_scratch.StatePath, LastEnd);
        var environment = _scratch.Environment(spinics.BaseUrl, FixtureServer.DeadBaseUrl("/netdev@vger.kernel.org/"));

        var result = await harvester.RunAsync(["--since-last-run", "--to", "2026-11-16"], environment);

        Assert.True(result.ExitCode == ExitCodes.PartialFailure, result.ToString());
        Assert.NotEqual("", result.Stdout);
        Assert.Equal(LastEnd, await File.ReadAllTextAsync(_scratch.StatePath));
        Assert.Equal([Path.GetFileName(_scratch.StatePath)], Directory.GetFiles(_scratch.Folder, "*state*").Select(Path.GetFileName));
    }

    [Fact]
    public async Task Harvest_SinceLastRunWithCorruptState_Exits2NamingTheFile()
    {
        const string Truncated = "{\"lastWindowEnd\":\"2026-11-";
        await File.WriteAllTextAsync(_scratch.StatePath, Truncated);
        var environment = _scratch.Environment(FixtureServer.DeadBaseUrl("/lists/netdev/"), null);

        var result = await harvester.RunAsync(["--since-last-run", "--to", "2026-11-16"], environment);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        var line = Assert.Single(result.StderrLines);
        Assert.Contains(_scratch.StatePath, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(Truncated, await File.ReadAllTextAsync(_scratch.StatePath));
    }

    public void Dispose() => _scratch.Dispose();

    private DateTimeOffset ReadLastEnd()
    {
        using var state = JsonDocument.Parse(File.ReadAllText(_scratch.StatePath));
        return state.RootElement.GetProperty("lastWindowEnd").GetDateTimeOffset();
    }
}
