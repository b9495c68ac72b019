using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Harvester.Parse;

namespace Harvester.Benchmarks.Parse;

/// <summary>
/// The <c>parse</c> verb: message pages parsed per second on one core, per parser (target 5,000/s). BenchmarkDotNet
/// runs in process (no separate build); <c>--quick</c> skips it for a Stopwatch loop of about two seconds per parser.
/// </summary>
internal static class ParseBenchmark
{
    private const string Verb = "parse";
    private const double Target = 5_000;

    public static int Run(string[] args)
    {
        var (spinics, mailArchive) = ParsePages.Build();
        Targets.Info(Verb, $"{spinics.Length} spinics and {mailArchive.Length} mail-archive pages, {spinics.Concat(mailArchive).Average(p => p.Html.Length) / 1024:F1} KB on average");
        Targets.Info(Verb, $"parsed without error: spinics {ParsePages.ParseAll(new SpinicsMessagePageParser(), spinics)}, mail-archive {ParsePages.ParseAll(new MailArchiveMessagePageParser(), mailArchive)}");
        var rates = args.Contains("--quick")
            ? new Dictionary<string, double> { ["Spinics"] = Loop(new SpinicsMessagePageParser(), spinics), ["MailArchive"] = Loop(new MailArchiveMessagePageParser(), mailArchive) }
            : RunBenchmarkDotNet();

        var targets = new Targets(Verb);
        foreach (var (parser, rate) in rates)
        {
            targets.Check($"{parser} pages/s on one core", rate.ToString("N0", CultureInfo.InvariantCulture), ">= 5,000/s", rate >= Target);
        }

        targets.Summary();
        return 0;
    }

    private static Dictionary<string, double> RunBenchmarkDotNet()
    {
        var job = Job.Default.WithWarmupCount(3).WithIterationCount(10).WithToolchain(InProcessEmitToolchain.Instance);
        var config = DefaultConfig.Instance.AddJob(job).WithArtifactsPath(Path.Combine(Path.GetTempPath(), "harvester-benchmarkdotnet"));
        var summary = BenchmarkRunner.Run<MessagePageBenchmarks>(config);
        return summary.Reports
            .Where(r => r.ResultStatistics is not null)
            .ToDictionary(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name, r =>
            {
                // The machine may be shared: the median iteration is printed beside the mean, which outliers pull down.
                Targets.Info(Verb, $"{r.BenchmarkCase.Descriptor.WorkloadMethod.Name}: mean {r.ResultStatistics!.Mean / 1000:F1} us/page, median {r.ResultStatistics.Median / 1000:F1} us/page = {1e9 / r.ResultStatistics.Median:N0} pages/s");
                return 1e9 / r.ResultStatistics.Mean;
            });
    }

    /// <summary>Two seconds of warm-up (JIT tiering: under load, tier-1 code took over a second to arrive), then whole passes for two seconds; pages per second of wall time.</summary>
    private static double Loop(IMessagePageParser parser, FetchedPage[] pages)
    {
        var warm = Passes(parser, pages, TimeSpan.FromSeconds(2));
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var (pause, gen0, gen2, allocated) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(2), GC.GetTotalAllocatedBytes());
        var clock = Stopwatch.StartNew();
        var parsed = Passes(parser, pages, TimeSpan.FromSeconds(2));
        var wall = clock.Elapsed;
        process.Refresh();
        Targets.Info(Verb, $"{parser.GetType().Name}: warm-up {warm / 2:N0} pages/s, then {parsed} pages in {wall.TotalSeconds:F2} s, {(process.TotalProcessorTime - cpu).TotalSeconds:F2} s CPU (GC threads included), "
            + $"{(GC.GetTotalAllocatedBytes() - allocated) / parsed / 1024:F0} KB allocated per page, {GC.CollectionCount(0) - gen0} GCs ({GC.CollectionCount(2) - gen2} gen2), {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms paused");
        return parsed / wall.TotalSeconds;
    }

    private static int Passes(IMessagePageParser parser, FetchedPage[] pages, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var parsed = 0;
        while (clock.Elapsed < duration)
        {
            parsed += ParsePages.ParseAll(parser, pages);
        }

        return parsed;
    }
}
