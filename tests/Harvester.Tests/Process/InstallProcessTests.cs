using System.Diagnostics;
using System.Text.RegularExpressions;
using Harvester.Hosting;
using Harvester.Tests.Deployment;
using Harvester.Tests.Support;

namespace Harvester.Tests.ProcessRuns;

/// <summary>
/// Install as a person would (issue 11): <c>dotnet publish</c> as the README shows gives one file that runs on its own,
/// and deploy/install-user-units.sh puts it, the README and the user units where the units say, which then verify with
/// <c>systemd-analyze verify --user</c>.
/// </summary>
[Collection(HarvesterProcessCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class InstallProcessTests(HarvesterBinary harvester) : IDisposable
{
    private readonly ProcessScratch _scratch = new();

    [Fact]
    public async Task Publish_SingleFile_IsTheOnlyFileAndRunsAloneFromAnEmptyFolder()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(ProcessScratch.Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(ProcessScratch.Week);
        var alone = _scratch.File("alone");
        Directory.CreateDirectory(alone);
        File.Copy(harvester.PublishedFile, Path.Combine(alone, "harvester"));
        File.SetUnixFileMode(Path.Combine(alone, "harvester"), File.GetUnixFileMode(harvester.PublishedFile));

        var result = await harvester.Start(ProcessScratch.WeekWindow, _scratch.Environment(spinics.BaseUrl, mailArchive.BaseUrl), fileName: Path.Combine(alone, "harvester")).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(["harvester"], Directory.GetFileSystemEntries(harvester.PublishFolder).Select(Path.GetFileName));
        Assert.True(result.ExitCode == ExitCodes.Done, result.ToString());
        Assert.Equal(ProcessScratch.Expected(spinics, mailArchive), result.Stdout);
        Assert.Equal(["harvester"], Directory.GetFileSystemEntries(alone).Select(Path.GetFileName)); // nothing unpacked beside it
    }

    [Fact]
    public async Task InstallUserUnits_FreshHome_InstallsWhatTheUnitsNameAndTheyVerifyAsUserUnits()
    {
        var home = _scratch.File("home");
        var runtime = _scratch.File("run");
        Directory.CreateDirectory(home);
        Directory.CreateDirectory(runtime, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var environment = new Dictionary<string, string> { ["HOME"] = home, ["XDG_RUNTIME_DIR"] = runtime };

        var install = await RunAsync("sh", [Path.Combine(Paths.RepoRoot, "deploy", "install-user-units.sh"), "--binary", harvester.PublishedFile, "--no-enable"], environment);

        Assert.True(install.ExitCode == 0, install.ToString());
        var units = Path.Combine(home, ".config", "systemd", "user");
        var service = await File.ReadAllTextAsync(Path.Combine(units, "harvester.service"));
        var binary = ExecStart().Match(service).Groups[1].Value.Replace("%h", home, StringComparison.Ordinal);
        Assert.True(File.Exists(binary), binary);
        foreach (var unit in Directory.GetFiles(units))
        {
            var documentation = Documentation().Match(await File.ReadAllTextAsync(unit)).Groups[1].Value.Replace("%h", home, StringComparison.Ordinal);
            Assert.True(File.Exists(documentation), $"{Path.GetFileName(unit)}: Documentation= {documentation} does not exist");
        }

        var help = await RunAsync(binary, ["--help"], environment);
        Assert.True(help.ExitCode == 0, help.ToString());

        var (exit, errors) = SystemdUnitTests.Analyze(
            ["verify", "--user", "./harvester.service", "./harvester.timer", "./harvester-failed@.service"], environment, units);
        Assert.True(exit == 0, errors);
        Assert.DoesNotContain("Unknown key", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Unknown section", errors, StringComparison.Ordinal);
    }

    public void Dispose() => _scratch.Dispose();

    private static Task<ProcessResult> RunAsync(string file, string[] arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file, arguments);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment.Remove("XDG_CONFIG_HOME");
        return HarvesterProcess.Start(start).WaitAsync(TimeSpan.FromSeconds(60));
    }

    [GeneratedRegex(@"(?m)^ExecStart=(\S+)")]
    private static partial Regex ExecStart();

    [GeneratedRegex(@"(?m)^Documentation=file://(\S+)")]
    private static partial Regex Documentation();
}
