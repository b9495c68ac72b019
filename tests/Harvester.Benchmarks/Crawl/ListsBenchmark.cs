using System.Globalization;
using System.Text.Json;
using Harvester.Benchmarks.Week;
using Harvester.Group;
using Harvester.Tests.Support;
using Harvester.Tests.Support.Sites;

namespace Harvester.Benchmarks.Crawl;

/// <summary>
/// The <c>lists</c> verb (issue 14): a simulated week on both lists, netdev (1,500 mails on spinics and mail-archive)
/// and bpf (1,000 mails on spinics; its BPF series cross-posted from netdev among them), harvested twice on fresh caches
/// by the real host in-process: lore off (the three HTML archives) and lore on (plus a fake lore serving both lists).
/// Prints the requests each archive received in each run, the floor, and whether both runs list the same series.
/// </summary>
internal static class ListsBenchmark
{
    private const string Verb = "lists";
    private const int NetdevMails = 1_500;
    private const int BpfMails = 1_000;
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(20);

    public static async Task<int> RunAsync(string[] args)
    {
        var rate = args.Length > 0 && double.TryParse(args[0], CultureInfo.InvariantCulture, out var r) && r > 0 ? r : 50;
        var (netdev, bpf) = Generate();
        var settings = new FixtureArchiveSettings { SpinicsPageSize = 100, MailArchivePageSize = 200, OtherListSpinicsStart = 90_000 };
        var netdevArchive = FixtureArchive.FromMessages(netdev, settings, "netdev");
        var bpfArchive = FixtureArchive.FromMessages(bpf, settings with { SpinicsStart = 90_000 }, "bpf");
        var both = bpf.Count(m => m.Lists.Contains("netdev"));
        Targets.Info(Verb, $"netdev {netdevArchive.Messages.Count} mails (spinics, mail-archive), bpf {bpfArchive.Messages.Count} mails (spinics), {both} of them on both lists");
        Targets.Info(Verb, $"{rate.ToString(CultureInfo.InvariantCulture)} requests/s per host, {Latency.TotalMilliseconds} ms added latency");

        await using var spinics = await FixtureServer.StartAsync(new SpinicsFixtureSite(netdevArchive), "/lists/netdev/");
        await using var mailArchive = await FixtureServer.StartAsync(new MailArchiveFixtureSite(netdevArchive), "/netdev@vger.kernel.org/");
        await using var spinicsBpf = await FixtureServer.StartAsync(new SpinicsFixtureSite(bpfArchive), "/lists/bpf/");
        await using var lore = await PublicInboxServer.StartAsync(new Dictionary<string, FixtureArchive> { ["netdev"] = netdevArchive, ["bpf"] = bpfArchive });
        spinics.Latency = mailArchive.Latency = spinicsBpf.Latency = Latency;
        FixtureServer[] html = [spinics, mailArchive, spinicsBpf];

        var off = await HarvestAsync(html, lore, rate, loreOn: false);
        var on = await HarvestAsync(html, lore, rate, loreOn: true);

        var targets = new Targets(Verb);
        foreach (var (name, run) in new[] { ("lore off", off), ("lore on", on) })
        {
            Targets.Info(Verb, $"{name}: exit {run.Exit}, {run.Series} series, {run.Stat("messages")} messages; requests: "
                + string.Join(", ", run.PerArchive.Select(p => $"{p.Key} {p.Value.Requests} ({p.Value.Index} index, {p.Value.Messages} message pages, {p.Value.Robots} robots.txt)"))
                + $"; in all {run.Total}, floor {run.Stat("floor")}");
        }

        // Issue 7's floor counts each message once across archives; without lore, spinics' bpf list reads the pages of the
        // cross-posted mails spinics' netdev list already gave (undated entries are matched only against a complete source).
        Targets.Info(Verb, $"lore off: requests / floor: {Ratio(off.Total, off.Stat("floor"))} ({off.Total} requests, floor {off.Stat("floor")})");
        var htmlIndex = on.PerArchive.Where(p => p.Key != "lore").Sum(p => p.Value.Index);
        var htmlRobots = on.PerArchive.Where(p => p.Key != "lore").Sum(p => p.Value.Robots);
        var loreRequests = on.PerArchive["lore"].Requests;
        targets.Check("lore on: requests to lore", $"{loreRequests} (2 lists)", "<= 4 (2 per list)", loreRequests <= 4);
        targets.Check("lore on: HTML message pages", on.PerArchive.Where(p => p.Key != "lore").Sum(p => p.Value.Messages).ToString(CultureInfo.InvariantCulture), "0",
            on.PerArchive.Where(p => p.Key != "lore").All(p => p.Value.Messages == 0));
        var target = htmlIndex + htmlRobots + 2 * 2;
        targets.Check("lore on: requests", $"{on.Total} (HTML index pages {htmlIndex} + their robots.txt {htmlRobots} + lore {loreRequests})", $"<= {target} (HTML index pages and robots.txt + 2 per lore list)", on.Total <= target);
        targets.Check("lore off / lore on", $"{Ratio(off.Total, on.Total)} ({off.Total} / {on.Total})", ">= 5", off.Total >= 5 * on.Total);
        targets.Check("same series listed", on.SeriesJson == off.SeriesJson ? "yes" : "no (the JSON series differ)", "yes", on.SeriesJson == off.SeriesJson);
        targets.Summary();
        return 0;
    }

    /// <summary>netdev's week as the crawl verb has it; the bpf list: netdev's BPF series (and their replies) cross-posted, then bpf-only mail up to 1,000.</summary>
    private static (List<FixtureMessage> Netdev, List<FixtureMessage> Bpf) Generate()
    {
        var netdev = NetdevWeek.Generate(NetdevMails, series: 60, seed: 7).Messages.ToList();
        var roots = netdev.ToDictionary(m => m.MessageId);
        bool IsBpfThread(FixtureMessage m)
        {
            var root = m.References.Count > 0 && roots.TryGetValue(m.References[0], out var first) ? first : m;
            var subject = SubjectParser.Parse(root.Subject);
            return subject.IsPatch && !subject.IsPullRequest && subject.Prefixes.Any(p => p.StartsWith("bpf", StringComparison.Ordinal));
        }

        netdev = [.. netdev.Select(m => IsBpfThread(m) ? m with { Lists = ["netdev", "bpf"] } : m)];
        var crossPosted = netdev.Where(m => m.Lists.Contains("bpf")).ToList();
        var bpfOnly = NetdevWeek.Generate(BpfMails - crossPosted.Count, series: 40, seed: 11).Messages
            .Select(m => m with
            {
                FileName = "bpf-" + m.FileName,
                MessageId = "bpf." + m.MessageId,
                InReplyTo = m.InReplyTo is null ? null : "bpf." + m.InReplyTo,
                References = [.. m.References.Select(id => "bpf." + id)],
                Lists = ["bpf"],
            });
        return (netdev, [.. crossPosted, .. bpfOnly]);
    }

    private static async Task<Harvest> HarvestAsync(FixtureServer[] html, PublicInboxServer lore, double rate, bool loreOn)
    {
        using var run = new HarvestRun();
        var config = run.Settings(html[0].BaseUrl, html[1].BaseUrl);
        HarvestRun.Enable(config, "SpinicsBpf", html[2].BaseUrl);
        if (loreOn)
        {
            HarvestRun.Enable(config, "LoreNetdev", lore.Inbox("netdev"));
            HarvestRun.Enable(config, "LoreBpf", lore.Inbox("bpf"));
        }

        config["Harvester:Http:RequestsPerSecond"] = rate.ToString(CultureInfo.InvariantCulture);
        config["Harvester:Run:From"] = "2026-03-02";
        config["Harvester:Run:To"] = "2026-03-09";
        config["Harvester:Run:Format"] = "json";
        config["Harvester:Output:ListAll"] = "true";

        var before = html.Select(s => s.Requests.Count).ToArray();
        var beforeLore = lore.Requests.Count;
        var (exit, output) = await run.RunAsync(config);
        if (output.Length == 0)
        {
            throw new InvalidOperationException($"the harvest wrote no output (exit {exit}); see the log above");
        }

        string[] names = ["spinics netdev", "mail-archive netdev", "spinics bpf"];
        var perArchive = new Dictionary<string, Counts>();
        for (var i = 0; i < html.Length; i++)
        {
            var requests = html[i].Requests.Skip(before[i]).ToList();
            perArchive[names[i]] = new Counts(requests.Count, requests.Count(r => r.StartsWith("msg", StringComparison.Ordinal)), requests.Count(r => r == "robots.txt"));
        }

        var loreRequests = lore.Requests.Skip(beforeLore).ToList();
        perArchive["lore"] = new Counts(loreRequests.Count, 0, loreRequests.Count(r => r.EndsWith("robots.txt", StringComparison.Ordinal)));

        using var json = JsonDocument.Parse(output);
        var stats = json.RootElement.GetProperty("stats").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        var series = json.RootElement.GetProperty("series");
        return new Harvest(exit, series.GetArrayLength(), SeriesWithoutLoreLinks(series), perArchive, stats);
    }

    /// <summary>The series as JSON, lore's own links left out (lore on adds none the Markdown shows; this compares the rest).</summary>
    private static string SeriesWithoutLoreLinks(JsonElement series)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(series.GetRawText())!.AsArray();
        foreach (var links in node.SelectMany(s => s!["patches"]!.AsArray().Append(s["cover"])).OfType<System.Text.Json.Nodes.JsonNode>().Select(m => m["links"]!.AsArray()))
        {
            foreach (var lore in links.Where(l => l!["archive"]!.GetValue<string>().StartsWith("Lore", StringComparison.Ordinal)).ToList())
            {
                links.Remove(lore);
            }
        }

        return node.ToJsonString();
    }

    private static string Ratio(double a, double b) => b == 0 ? "n/a" : (a / b).ToString("F2", CultureInfo.InvariantCulture);

    private sealed record Counts(int Requests, int Messages, int Robots)
    {
        public int Index => Requests - Messages - Robots;
    }

    private sealed record Harvest(int Exit, int Series, string SeriesJson, Dictionary<string, Counts> PerArchive, Dictionary<string, int> Stats)
    {
        public int Total => PerArchive.Values.Sum(c => c.Requests);

        public int Stat(string name) => Stats.GetValueOrDefault(name);
    }
}
