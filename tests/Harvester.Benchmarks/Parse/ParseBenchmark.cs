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
            .ToDictionary(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name, r => 1e9 / r.ResultStatistics!.Mean);
    }

    /// <summary>One warm-up pass, then whole passes until two seconds have gone by; pages per second of wall time.</summary>
    private static double Loop(IMessagePageParser parser, FetchedPage[] pages)
    {
        ParsePages.ParseAll(parser, pages);
        var clock = Stopwatch.StartNew();
        var parsed = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(2))
        {
            ParsePages.ParseAll(parser, pages);
            parsed += pages.Length;
        }

        return parsed / clock.Elapsed.TotalSeconds;
    }
}
