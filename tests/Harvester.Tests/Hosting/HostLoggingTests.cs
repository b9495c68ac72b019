using Harvester.Hosting;
using Harvester.Tests.Support;

namespace Harvester.Tests.Hosting;

/// <summary>
/// Each host run logs through a logger of its own: it never replaces or closes Serilog's static <c>Log.Logger</c>, so
/// runs that overlap in one process (the in-process end-to-end tests) cannot take or close each other's log lines.
/// </summary>
public sealed class HostLoggingTests
{
    [Fact]
    public async Task RunHarvestAsync_ARunThatLogs_LeavesTheStaticLoggerAlone()
    {
        using var run = new HarvestRun();
        var settings = run.Settings(new Uri("http://127.0.0.1:9/lists/netdev/"), null);
        settings["Harvester:Run:Offline"] = "true"; // an empty cache: nothing read, logged as such, exit 1, no request
        var previous = Serilog.Log.Logger;
        using var sentinel = new Serilog.LoggerConfiguration().CreateLogger();
        Serilog.Log.Logger = sentinel;
        try
        {
            var code = await HarvesterHost.RunHarvestAsync(HarvesterHost.BuildConfiguration(null, settings));

            Assert.Equal(ExitCodes.NothingHarvested, code);
            Assert.Same(sentinel, Serilog.Log.Logger);
        }
        finally
        {
            Serilog.Log.Logger = previous;
        }
    }
}
