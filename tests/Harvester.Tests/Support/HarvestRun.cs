using Harvester.Hosting;

namespace Harvester.Tests.Support;

/// <summary>
/// Runs the real host in-process (configuration layering, validation, pipeline, output writing) against fixture
/// servers, writing the result to a file in a scratch folder that also holds the cache and the state.
/// </summary>
public sealed class HarvestRun : IDisposable
{
    public HarvestRun()
    {
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "harvester-tests", Guid.NewGuid().ToString("N"));

    public string OutputPath => Path.Combine(Folder, "out.md");

    public string CachePath => Path.Combine(Folder, "pages.db");

    public string StatePath => Path.Combine(Folder, "state.json");

    /// <summary>Settings for fast, deterministic runs against loopback servers, writing to this run's output file.</summary>
    public Dictionary<string, string?> Settings(Uri? spinics, Uri? mailArchive)
    {
        var settings = Loopback(spinics, mailArchive, CachePath, StatePath);
        settings["Harvester:Run:Out"] = OutputPath;
        settings["Serilog:MinimumLevel:Default"] = "Warning";
        return settings;
    }

    /// <summary>
    /// What every run against the fixture servers needs, in-process or as a process: both netdev archives (a null server
    /// is a disabled archive), a fast rate, short retries and timeouts, and its own cache and state. The other shipped
    /// archives (<see cref="OtherShippedArchives"/>: the bpf list and lore) are disabled, so a run reads only what its
    /// test serves; a test that wants them enables them (<see cref="Enable"/>).
    /// </summary>
    public static Dictionary<string, string?> Loopback(Uri? spinics, Uri? mailArchive, string cachePath, string statePath) => new()
    {
        ["Harvester:Archives:Spinics:BaseUrl"] = spinics?.AbsoluteUri ?? "http://127.0.0.1:9/lists/netdev/",
        ["Harvester:Archives:Spinics:Enabled"] = (spinics is not null).ToString(),
        ["Harvester:Archives:MailArchive:BaseUrl"] = mailArchive?.AbsoluteUri ?? "http://127.0.0.1:9/netdev@vger.kernel.org/",
        ["Harvester:Archives:MailArchive:Enabled"] = (mailArchive is not null).ToString(),
        ["Harvester:Http:RequestsPerSecond"] = "1000",
        ["Harvester:Http:MaxConcurrency"] = "2",
        ["Harvester:Http:RetryBaseDelayMs"] = "20",
        ["Harvester:Http:MaxRetries"] = "3",
        ["Harvester:Http:AttemptTimeoutSeconds"] = "2",
        ["Harvester:Http:TotalTimeoutSeconds"] = "20",
        ["Harvester:Cache:Path"] = cachePath,
        ["Harvester:Run:StatePath"] = statePath,
        ["Harvester:Archives:SpinicsBpf:Enabled"] = "False",
        ["Harvester:Archives:LoreNetdev:Enabled"] = "False",
        ["Harvester:Archives:LoreBpf:Enabled"] = "False",
    };

    /// <summary>The archives config/appsettings.json ships besides the two netdev ones; disabled by <see cref="Loopback"/>.</summary>
    public static readonly string[] OtherShippedArchives = ["SpinicsBpf", "LoreNetdev", "LoreBpf"];

    /// <summary>Points a shipped archive at a fixture server and enables it.</summary>
    public static void Enable(IDictionary<string, string?> settings, string archive, Uri baseUrl)
    {
        settings[$"Harvester:Archives:{archive}:BaseUrl"] = baseUrl.AbsoluteUri;
        settings[$"Harvester:Archives:{archive}:Enabled"] = "True";
    }

    public async Task<(int ExitCode, string Output)> RunAsync(IDictionary<string, string?> settings)
    {
        if (File.Exists(OutputPath))
        {
            File.Delete(OutputPath);
        }

        var configuration = HarvesterHost.BuildConfiguration(null, settings);
        var code = await HarvesterHost.RunHarvestAsync(configuration);
        return (code, File.Exists(OutputPath) ? await File.ReadAllTextAsync(OutputPath) : "");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a cache file still open on a slow runner: left for the OS to clean
        }
    }
}
