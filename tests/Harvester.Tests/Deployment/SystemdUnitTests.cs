using System.Diagnostics;
using Harvester.Tests.Support;

namespace Harvester.Tests.Deployment;

public sealed class SystemdUnitTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "harvester-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void Verify_ServiceAndTimer_PassSystemdAnalyze()
    {
        Directory.CreateDirectory(_folder);
        // systemd-analyze checks that ExecStart's binary exists: point it at one that does, keep everything else.
        var service = File.ReadAllText(Path.Combine(Paths.Config, "harvester.service")).Replace("/opt/harvester/harvester", "/bin/true");
        File.WriteAllText(Path.Combine(_folder, "harvester.service"), service);
        File.Copy(Path.Combine(Paths.Config, "harvester.timer"), Path.Combine(_folder, "harvester.timer"));

        var analyze = Process.Start(new ProcessStartInfo("systemd-analyze", ["verify", "./harvester.service", "./harvester.timer"])
        {
            WorkingDirectory = _folder,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("systemd-analyze is not installed (apt-get install systemd)");
        var errors = analyze.StandardError.ReadToEnd();
        analyze.WaitForExit();

        Assert.True(analyze.ExitCode == 0, errors);
        Assert.DoesNotContain("Unknown key", errors);
    }

    [Fact]
    public void Timer_IsWeeklyPersistentAndRandomised()
    {
        var timer = File.ReadAllText(Path.Combine(Paths.Config, "harvester.timer"));

        Assert.Contains("Persistent=true", timer);
        Assert.Matches(@"RandomizedDelaySec=\d+", timer);
        Assert.Matches(@"OnCalendar=(weekly|(Mon|Tue|Wed|Thu|Fri|Sat|Sun) )", timer);
    }

    [Fact]
    public void Service_IsSandboxedWithStateAndCacheDirectories()
    {
        var service = File.ReadAllText(Path.Combine(Paths.Config, "harvester.service"));

        Assert.Contains("DynamicUser=yes", service);
        Assert.Contains("ProtectSystem=strict", service);
        Assert.Contains("StateDirectory=harvester", service);
        Assert.Contains("CacheDirectory=harvester", service);
        Assert.Contains("Type=notify", service);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
