using System.Diagnostics;
using System.Text.RegularExpressions;
using Harvester.Tests.Support;

namespace Harvester.Tests.Deployment;

/// <summary>
/// The shipped units (deploy/systemd): the user units for <c>systemctl --user</c> and the system units for a server
/// verify with systemd-analyze; a partial or failed run fails the unit; paths and <c>Documentation=</c> match what the
/// README and deploy/install-user-units.sh install (issue 11).
/// </summary>
public sealed partial class SystemdUnitTests : IDisposable
{
    private static readonly string Deploy = Path.Combine(Paths.RepoRoot, "deploy");
    private readonly string _folder = Directory.CreateTempSubdirectory("harvester-units-").FullName;

    [Fact]
    public void Verify_SystemServiceTimerAndFailureUnit_PassSystemdAnalyze()
    {
        // systemd-analyze checks that ExecStart's binary exists: point it at one that does, keep everything else.
        foreach (var unit in new[] { "harvester.service", "harvester.timer", "harvester-failed@.service" })
        {
            var text = File.ReadAllText(Path.Combine(Deploy, "systemd", "system", unit)).Replace("/opt/harvester/harvester", "/bin/true", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(_folder, unit), text);
        }

        var (exit, errors) = Analyze(["verify", "./harvester.service", "./harvester.timer", "./harvester-failed@.service"], new Dictionary<string, string>());

        Assert.True(exit == 0, errors);
        Assert.DoesNotContain("Unknown key", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Unknown section", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("user")]
    [InlineData("system")]
    public void Timer_IsWeeklyPersistentAndRandomised(string kind)
    {
        var timer = File.ReadAllText(Path.Combine(Deploy, "systemd", kind, "harvester.timer"));

        Assert.Contains("Persistent=true", timer, StringComparison.Ordinal);
        Assert.Matches(@"RandomizedDelaySec=\d+", timer);
        Assert.Matches(@"OnCalendar=(weekly|(Mon|Tue|Wed|Thu|Fri|Sat|Sun) )", timer);
    }

    [Theory]
    [InlineData("user")]
    [InlineData("system")]
    public void Service_PartialOrFailedRun_FailsTheUnitAndStartsTheFailureExample(string kind)
    {
        var service = File.ReadAllText(Path.Combine(Deploy, "systemd", kind, "harvester.service"));

        Assert.DoesNotMatch(@"(?m)^SuccessExitStatus=", service); // only 0 is success: exit 3 and 4 must show
        Assert.Contains("OnFailure=harvester-failed@%n.service", service, StringComparison.Ordinal);
        Assert.Contains("--since-last-run --append-to ", service, StringComparison.Ordinal);
        Assert.Contains("Type=notify", service, StringComparison.Ordinal);
    }

    [Fact]
    public void SystemService_DraftIsReadableByItsReader_NotUnderDynamicUsersPrivateState()
    {
        var service = File.ReadAllText(Path.Combine(Deploy, "systemd", "system", "harvester.service"));

        Assert.DoesNotContain("DynamicUser=yes", service, StringComparison.Ordinal);
        Assert.Contains("User=harvester", service, StringComparison.Ordinal);
        Assert.Contains("StateDirectoryMode=0750", service, StringComparison.Ordinal); // group harvester (the editor) reads
        Assert.Contains("ProtectSystem=strict", service, StringComparison.Ordinal);
        Assert.Contains("StateDirectory=harvester", service, StringComparison.Ordinal);
        Assert.Contains("CacheDirectory=harvester", service, StringComparison.Ordinal);
        Assert.Matches(@"--append-to /var/lib/harvester/", service);
    }

    [Fact]
    public void SystemService_PathsAndDocumentation_AreWhatTheReadmeInstalls()
    {
        var service = File.ReadAllText(Path.Combine(Deploy, "systemd", "system", "harvester.service"));
        var readme = File.ReadAllText(Path.Combine(Paths.RepoRoot, "README.md"));

        var binary = Regex.Match(service, @"(?m)^ExecStart=(\S+)").Groups[1].Value;
        var documentation = Regex.Match(service, @"(?m)^Documentation=file://(\S+)").Groups[1].Value;
        Assert.Contains($"-o {Path.GetDirectoryName(binary)}\n", readme, StringComparison.Ordinal); // dotnet publish ... -o /opt/harvester
        Assert.Equal("harvester", Path.GetFileName(binary)); // the AssemblyName publish writes
        Assert.Contains($"README.md {documentation}", readme, StringComparison.Ordinal); // sudo install ... README.md /opt/harvester/README.md
        Assert.Contains("deploy/systemd/system/harvester.service", readme, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Runs systemd-analyze in the scratch folder; a missing systemd-analyze fails the test (README: Debian package systemd).</summary>
    internal static (int Exit, string Errors) Analyze(string[] arguments, IReadOnlyDictionary<string, string> environment, string? folder = null)
    {
        var start = new ProcessStartInfo("systemd-analyze", arguments)
        {
            WorkingDirectory = folder ?? Directory.GetCurrentDirectory(),
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var analyze = Process.Start(start) ?? throw new InvalidOperationException("systemd-analyze is not installed (apt-get install systemd)");
        var errors = analyze.StandardError.ReadToEnd();
        analyze.StandardOutput.ReadToEnd();
        analyze.WaitForExit();
        return (analyze.ExitCode, errors);
    }

    private (int Exit, string Errors) Analyze(string[] arguments, IReadOnlyDictionary<string, string> environment) =>
        Analyze(arguments, environment, _folder);
}
