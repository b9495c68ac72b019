using Harvester.Tests.Support;

namespace Harvester.Tests.ProcessRuns;

/// <summary>
/// The tests that start the real program share one published binary (<see cref="HarvesterBinary"/>) and run one after
/// another within a collection. There are two collections, run side by side, so that the suite's longest serial chain
/// is half the process tests (183 s of 214 s in one collection before the split); the timing-sensitive classes
/// (progress, interruption) are in this one with the lighter ones.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HarvesterProcessCollection : ICollectionFixture<HarvesterBinary>
{
    public const string Name = "harvester process";
}

/// <summary>The second process collection: see <see cref="HarvesterProcessCollection"/>.</summary>
[CollectionDefinition(Name)]
public sealed class HarvesterProcessCollectionB : ICollectionFixture<HarvesterBinary>
{
    public const string Name = "harvester process B";
}

/// <summary>
/// A scratch folder for one test (cache, state, output files) and the environment variables, in .NET's standard
/// form (<c>Harvester__Http__RequestsPerSecond</c>), that point the program at the fixture servers.
/// </summary>
public sealed class ProcessScratch : IDisposable
{
    public static readonly FixtureArchive Week = FixtureArchive.Load(Paths.Fixture("archives", "week-2026-11"));

    /// <summary>The week archive's window (fixtures/archives/week-2026-11/expected.md).</summary>
    public static readonly string[] WeekWindow = ["--from", "2026-11-09", "--to", "2026-11-16"];

    public ProcessScratch()
    {
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "harvester-process-tests", "run-" + Guid.NewGuid().ToString("N"));

    public string CachePath => Path.Combine(Folder, "pages.db");

    public string StatePath => Path.Combine(Folder, "state.json");

    public string File(string name) => Path.Combine(Folder, name);

    /// <summary>
    /// <see cref="HarvestRun.Loopback"/> as environment variables (one retry: the dead-host cases stay quick); a null
    /// server is a disabled archive. The attempt timeout is 10 s, not the in-process 2 s: a published process competes
    /// with the rest of the suite for 2 cores, and no process test waits on a timeout (refused connections fail at once);
    /// at 2 s a loaded run lost pages to timeouts and exited 3 (ProgressProcessTests, 1 run in 1,009).
    /// </summary>
    public Dictionary<string, string> Environment(Uri? spinics, Uri? mailArchive)
    {
        var settings = HarvestRun.Loopback(spinics, mailArchive, CachePath, StatePath);
        settings["Harvester:Http:MaxRetries"] = "1";
        settings["Harvester:Http:AttemptTimeoutSeconds"] = "10";
        settings["Harvester:Http:TotalTimeoutSeconds"] = "30";
        return settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
    }

    /// <summary>expected.md with the real sites' URLs swapped for the fixture servers'.</summary>
    public static string Expected(FixtureServer spinics, FixtureServer? mailArchive) =>
        EndToEnd.HarvestEndToEndTests.Expected(Week, spinics, mailArchive);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // left for the OS to clean
        }
    }
}
