using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Harvester.Tests.Support;

/// <summary>
/// The real <c>harvester</c> program, published once per test run the way the README documents it
/// (<c>dotnet publish src/Harvester -c Release -r linux-x64 --self-contained -p:PublishSingleFile=true</c>) into a
/// scratch folder, with its own artifacts folder so the repository's <c>bin/</c> and <c>obj/</c> are not touched.
/// If publishing fails or is too slow, every test that runs the program fails with the publish's output: there is no
/// fallback to another binary, since the published single file is what operators run. <see cref="Description"/>
/// names the binary (printed by <c>HarvestProcessTests.Binary_UsedByTheProcessTests_IsThePublishedSingleFile</c>).
/// The publish folder holds the one file and nothing else it needs (issue 11; Process/InstallProcessTests).
/// </summary>
public sealed class HarvesterBinary(IMessageSink diagnostics) : IAsyncLifetime
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(4); // 15-20 s on an idle 2-core machine
    private string _fileName = "";

    /// <summary>The published file that runs.</summary>
    public string Description { get; private set; } = "";

    public TimeSpan PublishTime { get; private set; }

    /// <summary>The published program.</summary>
    public string PublishedFile => _fileName;

    /// <summary>The folder publish wrote to.</summary>
    public string PublishFolder { get; private set; } = "";

    /// <summary>
    /// The one publish of the test run, shared by both process collections (<c>HarvesterProcessCollection</c> and
    /// <c>HarvesterProcessCollectionB</c>, which run side by side); its folder is removed when the test process ends.
    /// </summary>
    private static readonly Lazy<Task<(string File, string Folder, TimeSpan Took)>> SharedPublish = new(PublishAsync);

    public async Task InitializeAsync()
    {
        var (file, folder, took) = await SharedPublish.Value;
        _fileName = file;
        PublishFolder = folder;
        PublishTime = took;
        Description = $"published single file {file} (publish took {took.TotalSeconds:F0} s)";
        diagnostics.OnMessage(new DiagnosticMessage("harvester process tests run " + Description));
    }

    private static async Task<(string File, string Folder, TimeSpan Took)> PublishAsync()
    {
        var scratch = Path.Combine(Path.GetTempPath(), "harvester-process-tests", Guid.NewGuid().ToString("N"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Remove(scratch);
        var publishFolder = Path.Combine(scratch, "publish");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var published = Path.Combine(publishFolder, "harvester");
        string? problem;
        var clock = Stopwatch.StartNew();
        string[] arguments =
        [
            "publish", Path.Combine(Paths.RepoRoot, "src", "Harvester"), "-c", "Release", "-r", "linux-x64", "--self-contained",
            "-p:PublishSingleFile=true", "--artifacts-path", Path.Combine(scratch, "artifacts"), "-o", publishFolder,
            "-nologo", "-v", "quiet",
        ];
        var start = new ProcessStartInfo(dotnet, arguments) { WorkingDirectory = Paths.RepoRoot };
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key); // the test host's MSBuild settings must not steer a fresh build
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        try
        {
            var result = await HarvesterProcess.Start(start).WaitAsync(PublishTimeout);
            problem = result.ExitCode == 0 && File.Exists(published) ? null : $"publish failed ({result.ExitCode}): {result.Stdout}{result.Stderr}";
        }
        catch (TimeoutException ex)
        {
            problem = "publish was too slow: " + ex.Message;
        }

        if (problem is not null)
        {
            throw new InvalidOperationException("The process tests run the published program, and " + problem);
        }

        return (published, publishFolder, clock.Elapsed);
    }

    /// <summary>The program these tests run.</summary>
    public string FileName => _fileName;

    /// <summary>Starts the program; the environment holds the caller's variables over a cleaned copy of this one's.</summary>
    /// <summary>The published file (<paramref name="fileName"/>: a copy of it elsewhere).</summary>
    public HarvesterProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null, string? fileName = null)
    {
        var start = new ProcessStartInfo(fileName ?? _fileName, arguments) { WorkingDirectory = workingDirectory ?? Path.GetTempPath() };
        foreach (var key in start.Environment.Keys.Where(IsInherited).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return HarvesterProcess.Start(start);
    }

    /// <summary>Runs the program to its end (or the timeout, which kills it and fails the test).</summary>
    public Task<ProcessResult> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null) =>
        Start(arguments, environment).WaitAsync(timeout ?? TimeSpan.FromSeconds(60));

    public Task DisposeAsync() => Task.CompletedTask; // the shared publish is removed when the test process ends

    private static void Remove(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // left for the OS to clean
        }
    }

    /// <summary>
    /// Variables that would change what the program does: its own configuration (any <c>Harvester__*</c>/<c>Serilog__*</c>
    /// set in the test's environment) and systemd's (journal log format, cache and state folders).
    /// </summary>
    private static bool IsInherited(string key) =>
        key.StartsWith("Harvester__", StringComparison.OrdinalIgnoreCase) || key.StartsWith("Serilog__", StringComparison.OrdinalIgnoreCase)
        || key is "JOURNAL_STREAM" or "INVOCATION_ID" or "NOTIFY_SOCKET" or "CACHE_DIRECTORY" or "STATE_DIRECTORY";
}

/// <summary>What a finished run left: exit code, the two streams (captured apart) and how long it took.</summary>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed)
{
    public IReadOnlyList<string> StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode} after {Elapsed.TotalSeconds:F1} s\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>One running process with stdout and stderr read apart as they come; can be killed or sent SIGTERM.</summary>
public sealed class HarvesterProcess
{
    private const int SigTerm = 15;
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private HarvesterProcess(Process process)
    {
        _process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static HarvesterProcess Start(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true; // never waits on the terminal
        start.UseShellExecute = false;
        start.StandardOutputEncoding = new UTF8Encoding(false);
        start.StandardErrorEncoding = new UTF8Encoding(false);
        var process = Process.Start(start) ?? throw new InvalidOperationException("not started: " + start.FileName);
        process.StandardInput.Close();
        return new HarvesterProcess(process);
    }

    /// <summary>SIGKILL: no chance to clean up, as a power cut or the OOM killer.</summary>
    public void Kill() => _process.Kill(entireProcessTree: false);

    /// <summary>SIGTERM, as <c>systemctl stop</c> sends.</summary>
    public void Terminate()
    {
        if (SendSignal(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Waits for the end; past <paramref name="timeout"/> the process is killed and the test fails with its output.</summary>
    public async Task<ProcessResult> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            throw new TimeoutException($"{_process.StartInfo.FileName} did not end within {timeout}:\n{await Collect(-1)}");
        }

        return await Collect(_process.ExitCode);
    }

    private async Task<ProcessResult> Collect(int exitCode)
    {
        var result = new ProcessResult(exitCode, await _stdout, await _stderr, _clock.Elapsed);
        _process.Dispose();
        return result;
    }

    // DllImport rather than LibraryImport: the generated stub needs AllowUnsafeBlocks, which the test project lacks.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
