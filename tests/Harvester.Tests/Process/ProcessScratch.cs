using Harvester.Tests.Support;

namespace Harvester.Tests.ProcessRuns;

/// <summary>The tests that start the real program share one published binary and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class HarvesterProcessCollection : ICollectionFixture<HarvesterBinary>
{
    public const string Name = "harvester process";
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

    /// <summary>Fast loopback settings (as <see cref="HarvestRun.Settings"/>); a null server is a disabled archive.</summary>
    public Dictionary<string, string> Environment(Uri? spinics, Uri? mailArchive) => new()
    {
        ["Harvester__Archives__Spinics__BaseUrl"] = spinics?.AbsoluteUri ?? "http://127.0.0.1:9/lists/netdev/",
        ["Harvester__Archives__Spinics__Enabled"] = (spinics is not null).ToString(),
        ["Harvester__Archives__MailArchive__BaseUrl"] = mailArchive?.AbsoluteUri ?? "http://127.0.0.1:9/netdev@vger.kernel.org/",
        ["Harvester__Archives__MailArchive__Enabled"] = (mailArchive is not null).ToString(),
        ["Harvester__Http__RequestsPerSecond"] = "1000",
        ["Harvester__Http__MaxConcurrency"] = "2",
        ["Harvester__Http__RetryBaseDelayMs"] = "20",
        ["Harvester__Http__MaxRetries"] = "1",
        ["Harvester__Http__AttemptTimeoutSeconds"] = "2",
        ["Harvester__Http__TotalTimeoutSeconds"] = "20",
        ["Harvester__Cache__Path"] = CachePath,
        ["Harvester__Run__StatePath"] = StatePath,
    };

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
