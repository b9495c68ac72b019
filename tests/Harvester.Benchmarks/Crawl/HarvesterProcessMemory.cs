using System.Diagnostics;
using Harvester.Tests.Support;

namespace Harvester.Benchmarks.Crawl;

/// <summary>
/// Runs the harvester as a process of its own (the Release build beside the sources) and samples its resident-set
/// high-water mark (<c>VmHWM</c> in <c>/proc/PID/status</c>) until it exits: the harvester's peak memory without the
/// fixture servers and the generated archive that share the benchmark's process.
/// </summary>
internal static class HarvesterProcessMemory
{
    public static string Program => Path.Combine(Paths.RepoRoot, "src", "Harvester", "bin", "Release", "net10.0", "harvester.dll");

    /// <summary>The exit code and the peak resident set in bytes; null when the Release build is missing.</summary>
    public static async Task<(int Exit, long PeakBytes)?> RunAsync(IReadOnlyDictionary<string, string?> config)
    {
        if (!File.Exists(Program))
        {
            return null;
        }

        var start = new ProcessStartInfo("dotnet", [Program]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in config)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start)!;
        var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, HighWaterMark(process.Id));
            await Task.Delay(10);
        }

        await drain;
        return (process.ExitCode, peak);
    }

    private static long HighWaterMark(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0; // the process has just exited
        }
    }
}
