using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Harvester.Benchmarks.Week;
using Harvester.Group;
using Harvester.Tests.Support;
using Harvester.Tests.Support.Sites;

namespace Harvester.Benchmarks.Crawl;

/// <summary>
/// The <c>crawl</c> verb: a simulated netdev week (1,500 messages) served by both fixture servers with added latency,
/// harvested by the real host in-process, three times on one cache (cold, again at once, again once the index pages
/// have gone stale). Prints the request, time and memory ratios of issue 7, all measured in this one run.
/// </summary>
internal static class CrawlBenchmark
{
    private const string Verb = "crawl";
    private const int DefaultMessages = 1_500;
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(50);

    public static async Task<int> RunAsync(string[] args)
    {
        var rate = args.Length > 0 && double.TryParse(args[0], CultureInfo.InvariantCulture, out var r) && r > 0 ? r : 20;
        var messages = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var count) && count > 0 ? count : DefaultMessages;
        // Series grow with the traffic (60 in 1,500 mails) unless a third argument sets them.
        var series = args.Length > 2 && int.TryParse(args[2], CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 60 * messages / DefaultMessages;
        var week = NetdevWeek.Generate(messages, series, seed: 7);

        var settings = new FixtureArchiveSettings { SpinicsPageSize = 100, MailArchivePageSize = 200 };
        var archive = FixtureArchive.FromMessages(week.Messages, settings);
        var wanted = week.Messages.Count(m => m.Date >= NetdevWeek.From && m.Date < NetdevWeek.To && IsCandidate(m.Subject));
        Targets.Info(Verb, $"{messages} messages on each archive, {week.PatchMails} patch mails generated, {wanted} patch mails in the window");
        Targets.Info(Verb, $"{rate.ToString(CultureInfo.InvariantCulture)} requests/s per host, {Latency.TotalMilliseconds} ms added latency, index pages of {settings.SpinicsPageSize} (spinics) and {settings.MailArchivePageSize} (mail-archive)");

        var clock = Stopwatch.StartNew();
        var spinicsSite = new TimedSite(new SpinicsFixtureSite(archive), clock);
        var mailArchiveSite = new TimedSite(new MailArchiveFixtureSite(archive), clock);
        await using var spinics = await FixtureServer.StartAsync(spinicsSite, "/lists/netdev/");
        await using var mailArchive = await FixtureServer.StartAsync(mailArchiveSite, "/netdev@vger.kernel.org/");
        spinics.Latency = mailArchive.Latency = Latency;
        FixtureServer[] servers = [spinics, mailArchive];
        TimedSite[] sites = [spinicsSite, mailArchiveSite];

        using var run = new HarvestRun();
        var config = run.Settings(spinics.BaseUrl, mailArchive.BaseUrl);
        config["Harvester:Http:RequestsPerSecond"] = rate.ToString(CultureInfo.InvariantCulture);
        config["Harvester:Run:From"] = "2026-03-02";
        config["Harvester:Run:To"] = "2026-03-09";
        config["Harvester:Run:Format"] = "json";
        config["Harvester:Output:ListAll"] = "true";

        using var process = Process.GetCurrentProcess();
        var baseline = process.WorkingSet64; // generator, both servers and their site writers, before any harvest
        await using var sampler = new MemorySampler();
        var first = await HarvestAsync(run, config, servers, sites, clock);
        if (Environment.GetEnvironmentVariable("HARVESTER_BENCH_LOGS") is { Length: > 0 } logs)
        {
            // For a closer look: the first run's request logs, one file name a line, in arrival order.
            await File.WriteAllLinesAsync(Path.Combine(logs, "spinics-requests.txt"), spinics.Requests);
            await File.WriteAllLinesAsync(Path.Combine(logs, "mail-archive-requests.txt"), mailArchive.Requests);
        }

        string[] firstLogs = [CrawlBreakdown.Describe("spinics", spinics.Requests, m => m.SpinicsNumber, archive),
            CrawlBreakdown.Describe("mail-archive", mailArchive.Requests, m => m.MailArchiveNumber, archive)];
        var again = await HarvestAsync(run, config, servers, sites, clock);
        config["Harvester:Cache:IndexTtlMinutes"] = "0"; // later the same day: index pages stale, message pages still cached
        var later = await HarvestAsync(run, config, servers, sites, clock);
        process.Refresh();
        config["Harvester:Cache:IndexTtlMinutes"] = "60";
        config["Harvester:Cache:Path"] = Path.Combine(run.Folder, "process-pages.db"); // cold, like the first run
        config["Harvester:Run:Out"] = Path.Combine(run.Folder, "process-out.json");
        var alone = await HarvesterProcessMemory.RunAsync(config);

        var interval = TimeSpan.FromSeconds(1 / rate);
        var naive = NaiveRequests(archive);
        var targets = new Targets(Verb);
        Targets.Info(Verb, $"first run: exit {first.Exit}, {first.Series} series, {first.Stat("messages")} messages, stats.requests {first.Stat("requests")}, "
            + $"requestsSaved {first.Stat("requestsSaved")}, cacheHits {first.Stat("cacheHits")}; server logs: {first.Requests} requests ({first.MessagePages} message pages)");
        Array.ForEach(firstLogs, line => Targets.Info(Verb, "  first run, " + line));
        targets.Check("requests / floor", $"{Ratio(first.Requests, first.Stat("floor"))} ({first.Requests} requests received, floor {first.Stat("floor")})", "<= 1.10",
            first.Requests <= 1.10 * first.Stat("floor"));
        targets.Check("naive requests / ours", $"{Ratio(naive, first.Requests)} (naive {naive}, ours {first.Requests})", ">= 8", naive >= 8.0 * first.Requests);
        var ideal = first.Requests * interval;
        targets.Check("wall time / (requests x interval)", $"{Ratio(first.Wall, ideal)} ({first.Wall.TotalSeconds:F1} s for {first.Requests} sequential requests at {interval.TotalMilliseconds:F0} ms = {ideal.TotalSeconds:F1} s)",
            "<= 1.10", first.Wall <= 1.10 * ideal);
        Targets.Info(Verb, $"  first to last request served: {first.Span.TotalSeconds:F1} s = {Ratio(first.Span, ideal)} x (requests x interval); the rest is host start-up, parsing and output");
        targets.Check("second run at once: message pages fetched", $"{again.MessagePages} ({again.Requests} requests in all)", "0", again.MessagePages == 0);
        targets.Check("second run, index pages stale: message pages fetched", $"{later.MessagePages} ({later.Requests} requests in all, {later.Wall.TotalSeconds:F1} s)", "0", later.MessagePages == 0);
        var peak = process.PeakWorkingSet64 / (1024.0 * 1024.0);
        if (alone is { } measured)
        {
            var alonePeak = measured.PeakBytes / (1024.0 * 1024.0);
            targets.Check("peak memory of the harvester process", $"{alonePeak:F0} MB resident (a cold run as its own process, exit {measured.Exit})", "<= 150 MB", alonePeak <= 150);
        }
        else
        {
            Targets.Info(Verb, $"peak memory of the harvester process: not measured ({HarvesterProcessMemory.Program} missing: build -c Release first)");
        }

        Targets.Info(Verb, $"  peak working set of this benchmark process: {peak:F0} MB (fixture servers and the generated week included)");
        Targets.Info(Verb, $"  working set before the first harvest {Mb(baseline)} MB, sampled peak during the harvests {Mb(sampler.PeakWorkingSet)} MB, "
            + $"sampled peak managed heap {Mb(sampler.PeakManagedHeap)} MB, {Mb(GC.GetTotalAllocatedBytes())} MB allocated in all, GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}");
        targets.Summary();
        return 0;
    }

    private static async Task<Harvest> HarvestAsync(HarvestRun run, Dictionary<string, string?> config, FixtureServer[] servers, TimedSite[] sites, Stopwatch clock)
    {
        var requestsBefore = servers.Sum(s => s.Requests.Count);
        var messagesBefore = servers.Sum(s => s.MessagePageRequests);
        Array.ForEach(sites, s => s.Reset());
        var start = clock.Elapsed;
        var (exit, output) = await run.RunAsync(config);
        var wall = clock.Elapsed - start;
        if (output.Length == 0)
        {
            throw new InvalidOperationException($"the harvest wrote no output (exit {exit}); see the log above");
        }

        var served = sites.Where(s => s.First is not null).ToList();
        var span = served.Count == 0 ? TimeSpan.Zero : served.Max(s => s.Last!.Value) - served.Min(s => s.First!.Value);
        using var json = JsonDocument.Parse(output);
        var stats = json.RootElement.GetProperty("stats").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        return new Harvest(exit, wall, span, servers.Sum(s => s.Requests.Count) - requestsBefore, servers.Sum(s => s.MessagePageRequests) - messagesBefore,
            json.RootElement.GetProperty("series").GetArrayLength(), stats);
    }

    /// <summary>Every date index page and every message page of both archives.</summary>
    private static int NaiveRequests(FixtureArchive archive)
    {
        int Pages(int messages, int size) => (messages + size - 1) / size;
        int spinics = archive.OnSpinics.Count(), mailArchive = archive.OnMailArchive.Count();
        return Pages(spinics, archive.Settings.SpinicsPageSize) + Pages(mailArchive, archive.Settings.MailArchivePageSize) + spinics + mailArchive;
    }

    private static bool IsCandidate(string subject)
    {
        var parsed = SubjectParser.Parse(subject);
        return parsed.IsPatch && !parsed.IsReply && !parsed.IsPullRequest;
    }

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture);

    private static string Ratio(double a, double b) => b == 0 ? "n/a" : (a / b).ToString("F2", CultureInfo.InvariantCulture);

    private static string Ratio(TimeSpan a, TimeSpan b) => Ratio(a.TotalSeconds, b.TotalSeconds);

    private sealed record Harvest(int Exit, TimeSpan Wall, TimeSpan Span, int Requests, int MessagePages, int Series, Dictionary<string, int> Stats)
    {
        public int Stat(string name) => Stats.GetValueOrDefault(name);
    }
}
