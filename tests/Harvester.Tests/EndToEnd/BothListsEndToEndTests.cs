using System.Text.Json;
using Harvester.Hosting;
using Harvester.Tests.Support;

namespace Harvester.Tests.EndToEnd;

/// <summary>
/// netdev and bpf, spinics and mail-archive and lore: the week fixture on both lists (fixtures/archives/README.md,
/// "Lists"), against fake spinics (both lists), mail-archive (netdev) and lore (both lists) servers.
/// </summary>
public sealed class BothListsEndToEndTests : IDisposable
{
    private static readonly string Folder = Paths.Fixture("archives", "week-2026-11");
    private static readonly FixtureArchive Netdev = FixtureArchive.Load(Folder);
    private static readonly FixtureArchive Bpf = FixtureArchive.Load(Folder, "bpf");

    private readonly HarvestRun _run = new();

    public void Dispose() => _run.Dispose();

    private sealed class Sites : IAsyncDisposable
    {
        public required FixtureServer Spinics { get; init; }
        public required FixtureServer MailArchive { get; init; }
        public required FixtureServer SpinicsBpf { get; init; }
        public required PublicInboxServer Lore { get; init; }

        public static async Task<Sites> StartAsync() => new()
        {
            Spinics = await FixtureServer.StartSpinicsAsync(Netdev),
            MailArchive = await FixtureServer.StartMailArchiveAsync(Netdev),
            SpinicsBpf = await FixtureServer.StartSpinicsAsync(Bpf),
            Lore = await PublicInboxServer.StartAsync(Folder),
        };

        /// <summary>Message pages the HTML archives served, as the messages they are.</summary>
        public IEnumerable<FixtureMessage> HtmlMessagePagesServed() =>
            Spinics.Requests.Where(IsMessagePage).Select(r => Netdev.Messages.Single(m => $"msg{m.SpinicsNumber}.html" == r))
                .Concat(MailArchive.Requests.Where(IsMessagePage).Select(r => Netdev.Messages.Single(m => $"msg{m.MailArchiveNumber}.html" == r)))
                .Concat(SpinicsBpf.Requests.Where(IsMessagePage).Select(r => Bpf.Messages.Single(m => $"msg{m.SpinicsNumber}.html" == r)));

        public int HtmlMessagePages => Spinics.MessagePageRequests + MailArchive.MessagePageRequests + SpinicsBpf.MessagePageRequests;

        public async ValueTask DisposeAsync()
        {
            await Spinics.DisposeAsync();
            await MailArchive.DisposeAsync();
            await SpinicsBpf.DisposeAsync();
            await Lore.DisposeAsync();
        }

        private static bool IsMessagePage(string request) => request.StartsWith("msg", StringComparison.Ordinal);
    }

    private Dictionary<string, string?> Settings(Sites sites, bool lore, Uri? deadLore = null)
    {
        var settings = _run.Settings(sites.Spinics.BaseUrl, sites.MailArchive.BaseUrl);
        settings["Harvester:Run:From"] = "2026-11-09";
        settings["Harvester:Run:To"] = "2026-11-16";
        HarvestRun.Enable(settings, "SpinicsBpf", sites.SpinicsBpf.BaseUrl);
        if (lore || deadLore is not null)
        {
            HarvestRun.Enable(settings, "LoreNetdev", new Uri(deadLore ?? sites.Lore.Root, "netdev/"));
            HarvestRun.Enable(settings, "LoreBpf", new Uri(deadLore ?? sites.Lore.Root, "bpf/"));
        }

        return settings;
    }

    /// <summary>expected-both-lists.md with the real sites' URLs swapped for the fixture servers'.</summary>
    private static string Expected(Sites sites) =>
        File.ReadAllText(Path.Combine(Folder, "expected-both-lists.md"))
            .Replace("https://www.spinics.net/lists/netdev/", sites.Spinics.BaseUrl.AbsoluteUri, StringComparison.Ordinal)
            .Replace("https://www.spinics.net/lists/bpf/", sites.SpinicsBpf.BaseUrl.AbsoluteUri, StringComparison.Ordinal)
            .Replace("https://www.mail-archive.com/netdev@vger.kernel.org/", sites.MailArchive.BaseUrl.AbsoluteUri, StringComparison.Ordinal);

    /// <summary>The mails lore answers the run's one query per list with (days 8 to 16 November, UTC).</summary>
    private static HashSet<string> LoreKnown() =>
        Netdev.Messages.Concat(Bpf.Messages)
            .Where(m => m.Date.UtcDateTime >= new DateTime(2026, 11, 8) && m.Date.UtcDateTime < new DateTime(2026, 11, 17))
            .Select(m => m.MessageId)
            .ToHashSet();

    [Fact]
    public async Task Harvest_BothListsLoreOff_BpfOnlySeriesWithSpinicsBpfLinks_BothListSeriesOnce()
    {
        await using var sites = await Sites.StartAsync();

        var (code, output) = await _run.RunAsync(Settings(sites, lore: false));

        Assert.Equal(ExitCodes.Done, code);
        Assert.Equal(Expected(sites), output);
        Assert.Contains($"[[PATCH bpf-next 0/2] bpftool: Show per-CPU run counts in prog profile]({sites.SpinicsBpf.BaseUrl}msg90013.html)", output, StringComparison.Ordinal);
        Assert.Single(output.Split('\n'), l => l.Contains("bpf: Report verifier stack depth per subprogram", StringComparison.Ordinal)); // on both lists
        Assert.Empty(sites.Lore.Requests);
    }

    [Fact]
    public async Task Harvest_BothListsLoreOn_SameMarkdown_NoHtmlMessagePageForALoreKnownMessage()
    {
        await using var sites = await Sites.StartAsync();

        var (code, output) = await _run.RunAsync(Settings(sites, lore: true));

        Assert.Equal(ExitCodes.Done, code);
        Assert.Equal(Expected(sites), output);
        Assert.Equal(1, sites.Lore.SearchesOf("netdev"));
        Assert.Equal(1, sites.Lore.SearchesOf("bpf"));
        Assert.All(sites.Lore.Requests.Where(r => r.Contains("/?", StringComparison.Ordinal)), r => Assert.StartsWith("POST ", r, StringComparison.Ordinal));
        var known = LoreKnown();
        Assert.All(sites.HtmlMessagePagesServed(), m => Assert.False(known.Contains(m.MessageId), m.FileName + "'s page was fetched though lore gave it"));
        Assert.All(sites.Lore.UserAgents, agent => Assert.DoesNotContain("Mozilla", agent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Harvest_BothListsLoreOn_JsonLinksNameArchiveAndList_LoreLinkForEveryMessage()
    {
        await using var sites = await Sites.StartAsync();
        var settings = Settings(sites, lore: true);
        settings["Harvester:Run:Format"] = "json";

        var (code, output) = await _run.RunAsync(settings);

        Assert.Equal(ExitCodes.Done, code);
        using var json = JsonDocument.Parse(output);
        var messages = json.RootElement.GetProperty("series").EnumerateArray()
            .SelectMany(s => s.GetProperty("patches").EnumerateArray().Concat(s.GetProperty("cover").ValueKind == JsonValueKind.Object ? [s.GetProperty("cover")] : []))
            .ToList();
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.Contains(m.GetProperty("links").EnumerateArray(), l => l.GetProperty("archive").GetString()!.StartsWith("Lore", StringComparison.Ordinal)));
        var cover = messages.Single(m => m.GetProperty("subject").GetString() == "[PATCH bpf-next v2 0/3] bpf: Report verifier stack depth per subprogram");
        var links = cover.GetProperty("links").EnumerateArray().Select(l => (l.GetProperty("archive").GetString(), l.GetProperty("list").GetString())).ToList();
        Assert.Equal(("Spinics", "netdev@vger.kernel.org"), links[0]); // spinics first, netdev's before bpf's by name
        Assert.Contains(("SpinicsBpf", "bpf@vger.kernel.org"), links);
        Assert.Contains(("LoreBpf", "bpf@vger.kernel.org"), links);
        Assert.Contains(("LoreNetdev", "netdev@vger.kernel.org"), links);
        Assert.Contains(("MailArchive", "netdev@vger.kernel.org"), links);
    }

    [Fact]
    public async Task Harvest_LoreOnAgainAndOffline_FromTheCache_NoRequestAnywhere()
    {
        await using var sites = await Sites.StartAsync();
        var settings = Settings(sites, lore: true);
        var (_, first) = await _run.RunAsync(settings);
        var requests = sites.Lore.Requests.Count + sites.Spinics.Requests.Count + sites.MailArchive.Requests.Count + sites.SpinicsBpf.Requests.Count;
        settings["Harvester:Run:Offline"] = "true";

        var (code, offline) = await _run.RunAsync(settings);

        Assert.Equal(ExitCodes.Done, code);
        Assert.Equal(first, offline);
        Assert.Equal(requests, sites.Lore.Requests.Count + sites.Spinics.Requests.Count + sites.MailArchive.Requests.Count + sites.SpinicsBpf.Requests.Count);
    }

    [Fact]
    public async Task Harvest_LorePreferred_LinksGoToLore()
    {
        await using var sites = await Sites.StartAsync();
        var settings = Settings(sites, lore: true);
        settings["Harvester:Output:PreferredArchives:0"] = "lore";

        var (code, output) = await _run.RunAsync(settings);

        Assert.Equal(ExitCodes.Done, code);
        Assert.Contains($"[[PATCH bpf-next 0/2] bpftool: Show per-CPU run counts in prog profile]({sites.Lore.Inbox("bpf")}20261110142000.7712-1-ines.carvalho@example.pt/)", output, StringComparison.Ordinal);
        Assert.DoesNotContain(sites.Spinics.BaseUrl.AbsoluteUri, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Harvest_LoreDown_SameMarkdownAgain_HtmlArchivesFetchThePages()
    {
        await using var sites = await Sites.StartAsync();
        var settings = Settings(sites, lore: false, deadLore: FixtureServer.DeadBaseUrl("/"));
        settings["Harvester:Http:MaxRetries"] = "1";

        var (code, output) = await _run.RunAsync(settings);

        Assert.Equal(ExitCodes.Done, code); // the HTML archives carry both lists: lore's failure is a warning
        Assert.Equal(Expected(sites), output);
        Assert.True(sites.HtmlMessagePages > 0);
    }

    [Fact]
    public async Task Harvest_LoreChallenges_SameMarkdown_DiagnosticNamesTheChallenge()
    {
        await using var sites = await Sites.StartAsync();
        sites.Lore.ChallengeEveryone = true;
        var settings = Settings(sites, lore: true);
        settings["Harvester:Run:Format"] = "json";

        var (jsonCode, json) = await _run.RunAsync(settings);
        settings["Harvester:Run:Format"] = "markdown";
        var (code, output) = await _run.RunAsync(settings);

        Assert.Equal((ExitCodes.Done, ExitCodes.Done), (jsonCode, code));
        Assert.Equal(Expected(sites), output);
        Assert.Equal(4, sites.Lore.SearchesOf("netdev") + sites.Lore.SearchesOf("bpf")); // once per list and run: never solved, never cached
        using var doc = JsonDocument.Parse(json);
        var warning = Assert.Single(doc.RootElement.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("message").GetString()!.StartsWith("LoreBpf not read (", StringComparison.Ordinal));
        Assert.Equal("warning", warning.GetProperty("level").GetString());
        Assert.Contains("Anubis", warning.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Harvest_LoreOnlyForAList_ItsFailureIsAnError()
    {
        await using var sites = await Sites.StartAsync();
        sites.Lore.ChallengeEveryone = true;
        var settings = Settings(sites, lore: true);
        settings["Harvester:Archives:SpinicsBpf:Enabled"] = "False"; // nothing else carries bpf
        settings["Harvester:Run:Format"] = "json";

        var (code, json) = await _run.RunAsync(settings);

        Assert.Equal(ExitCodes.PartialFailure, code);
        using var doc = JsonDocument.Parse(json);
        Assert.Contains(doc.RootElement.GetProperty("diagnostics").EnumerateArray(), d =>
            d.GetProperty("level").GetString() == "error" && d.GetProperty("message").GetString()!.StartsWith("LoreBpf not read (", StringComparison.Ordinal));
    }
}
