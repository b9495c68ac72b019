using System.Text.Json;
using Harvester.Hosting;
using Harvester.Tests.Support;

namespace Harvester.Tests.EndToEnd;

/// <summary>
/// Issue 15 end to end on <c>fixtures/archives/week-2026-12-sections</c>: pull requests, the patchwork bot's replies
/// (for series in the window and an older one), and people's replies that must not be fetched.
/// </summary>
public sealed class SectionsWeekTests : IDisposable
{
    private static readonly FixtureArchive Week = FixtureArchive.Load(Paths.Fixture("archives", "week-2026-12-sections"));

    /// <summary>The patchwork bot's replies of the window (070, 090, 120, 130, 150).</summary>
    private static readonly string[] BotReplies =
    [
        "070-bot-applied-xsk-umem-leak.eml", "090-bot-applied-bpf-sleepable-tracepoints.eml", "120-bot-applied-libbpf-dedup-hints-older.eml",
        "130-bot-applied-tcp-retransmit-trim.eml", "150-bot-applied-libbpf-struct-ops-autoattach.eml",
    ];

    /// <summary>People's replies (to patches, a pull request and a bot reply) and the pull requests: never fetched.</summary>
    private static readonly string[] NeverFetched =
    [
        "030-re-bpf-sleepable-tracepoints-0-3.eml", "060-re-xsk-umem-leak.eml", "100-re-pull-request-bpf-next.eml", "160-re-bot-applied-xsk-thanks.eml",
        "080-pull-request-bpf-next.eml", "110-git-pull-networking.eml", "140-pull-request-bpf-spinics-only.eml",
    ];

    private readonly HarvestRun _run = new();

    [Fact]
    public async Task Harvest_Draft_PrintsTheGoldenDraft()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(Week);
        var settings = Settings(spinics, mailArchive);
        settings["Harvester:Run:Draft"] = "true";

        var (code, output) = await _run.RunAsync(settings);

        Assert.Equal(ExitCodes.Done, code);
        Assert.Equal(Expected("expected-draft.md", spinics, mailArchive), output);
    }

    [Fact]
    public async Task Harvest_Json_AppliedAndPullRequestsValidateAndMatch()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(Week);
        var settings = Settings(spinics, mailArchive);
        settings["Harvester:Run:Format"] = "json";

        var (code, output) = await _run.RunAsync(settings);

        Assert.Equal(ExitCodes.Done, code);
        var schema = await NJsonSchema.JsonSchema.FromFileAsync(Path.Combine(Paths.RepoRoot, "docs", "schema", "harvester-output.schema.json"));
        Assert.Empty(schema.Validate(output));
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;

        var pulls = root.GetProperty("pullRequests").EnumerateArray()
            .Select(p => (Subject: p.GetProperty("subject").GetString(), Date: p.GetProperty("date").GetString(), Tree: p.GetProperty("tree").GetString(), Links: p.GetProperty("links").GetArrayLength()))
            .ToList();
        Assert.Equal(
            [
                ("[GIT PULL] Networking for v6.19-rc1", "2026-12-03", "net", 2),
                ("pull-request: bpf-next 2026-12-03", "2026-12-03", "bpf-next", 2),
                ("pull-request: bpf 2026-12-04", null, "bpf", 1), // spinics alone shows it: no date of its own
            ],
            pulls);

        var applied = root.GetProperty("applied").EnumerateArray().ToList();
        Assert.Equal(5, applied.Count);
        var series = root.GetProperty("series").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);
        var sleepable = applied.Single(a => a.GetProperty("subject").GetString()!.Contains("sleepable", StringComparison.Ordinal));
        Assert.Equal("20261130081502.20417-1-mirela.kovacs@example.com", sleepable.GetProperty("series").GetString());
        Assert.Equal("20261130081502.20417-1-mirela.kovacs@example.com", sleepable.GetProperty("inReplyTo").GetString());
        Assert.Equal(("bpf/bpf-next.git", "master", "Teodor Ionescu"), (sleepable.GetProperty("tree").GetString(), sleepable.GetProperty("branch").GetString(), sleepable.GetProperty("by").GetString()));
        Assert.Equal([true, true, false], sleepable.GetProperty("commits").EnumerateArray().Select(c => c.GetProperty("url").ValueKind == JsonValueKind.String));
        var autoattach = applied.Single(a => a.GetProperty("subject").GetString()!.Contains("autoattach", StringComparison.Ordinal));
        Assert.Equal("20261201150510.3391-1-ingrid.solberg@example.org", autoattach.GetProperty("series").GetString()); // the first patch: no cover
        var older = applied.Single(a => a.GetProperty("subject").GetString()!.Contains("deduplication", StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.Null, older.GetProperty("series").ValueKind);
        Assert.Equal("20261126090004.5512-1-oskar.lindqvist@example.net", older.GetProperty("inReplyTo").GetString());
        var tcp = applied.Single(a => a.GetProperty("subject").GetString()!.Contains("tcp:", StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.Null, tcp.GetProperty("series").ValueKind); // its series is not BPF/XDP: not in this output
        Assert.Equal("netdev/net-next.git", tcp.GetProperty("tree").GetString());

        var onSeries = series["20261130081502.20417-1-mirela.kovacs@example.com"].GetProperty("applied");
        Assert.Equal("bpf/bpf-next.git", onSeries.GetProperty("tree").GetString());
        Assert.Equal("Daniela Brandt", series["20261201100040.7731-1-chidi.okafor@example.com"].GetProperty("applied").GetProperty("by").GetString());
    }

    [Fact]
    public async Task Harvest_BothArchives_FetchesBotRepliesButNeverPeoplesRepliesOrPullRequests()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(Week);

        var (code, _) = await _run.RunAsync(Settings(spinics, mailArchive));

        Assert.Equal(ExitCodes.Done, code);
        var fetched = Fetched(spinics, m => m.SpinicsNumber).Concat(Fetched(mailArchive, m => m.MailArchiveNumber)).ToList();
        Assert.Empty(fetched.Intersect(NeverFetched));
        Assert.Equal(BotReplies, Fetched(spinics, m => m.SpinicsNumber).Intersect(BotReplies).Order());
        Assert.Empty(Fetched(mailArchive, m => m.MailArchiveNumber).Intersect(BotReplies)); // linked from spinics' copies, not fetched
    }

    [Fact]
    public async Task Harvest_RequestCount_GrowsByTheBotRepliesOnly()
    {
        // The same week without the five bot replies: every other page read is the same, so the difference in
        // requests is what reading the bot replies cost (one page each, on spinics; mail-archive links them for free).
        var withoutBot = Week.Without(m => BotReplies.Contains(m.FileName));
        await using var spinicsA = await FixtureServer.StartSpinicsAsync(Week);
        await using var mailArchiveA = await FixtureServer.StartMailArchiveAsync(Week);
        await using var spinicsB = await FixtureServer.StartSpinicsAsync(withoutBot);
        await using var mailArchiveB = await FixtureServer.StartMailArchiveAsync(withoutBot);
        using var other = new HarvestRun();

        var (codeA, _) = await _run.RunAsync(Settings(spinicsA, mailArchiveA));
        var settingsB = other.Settings(spinicsB.BaseUrl, mailArchiveB.BaseUrl);
        settingsB["Harvester:Run:From"] = "2026-11-30";
        settingsB["Harvester:Run:To"] = "2026-12-07";
        var (codeB, _) = await other.RunAsync(settingsB);

        Assert.Equal((ExitCodes.Done, ExitCodes.Done), (codeA, codeB));
        Assert.Equal(spinicsB.Requests.Count + BotReplies.Length, spinicsA.Requests.Count);
        Assert.Equal(mailArchiveB.Requests.Count, mailArchiveA.Requests.Count);
    }

    [Fact]
    public async Task Harvest_SectionsPullsApplied_PrintsThoseInOrderWithoutPatches()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(Week);
        var settings = Settings(spinics, mailArchive);
        settings["Harvester:Run:Sections"] = "applied, pulls";

        var (code, output) = await _run.RunAsync(settings);

        Assert.Equal(ExitCodes.Done, code);
        var draft = Expected("expected-draft.md", spinics, mailArchive);
        var pulls = draft[draft.IndexOf("## Pull requests", StringComparison.Ordinal)..draft.IndexOf("## Patches", StringComparison.Ordinal)];
        Assert.Equal(pulls[..^1], output); // the draft's two sections, in the fixed order pulls then applied
    }

    [Fact]
    public async Task Harvest_Default_PrintsPatchesAlone()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(Week);

        var (code, output) = await _run.RunAsync(Settings(spinics, mailArchive));

        Assert.Equal(ExitCodes.Done, code);
        Assert.StartsWith("## Patches\n\n- Mirela Kovacs, ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("## Applied", output, StringComparison.Ordinal);
        Assert.DoesNotContain("## Pull requests", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Harvest_GroupByArea_PatchesUnderAreaHeadings()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(Week);
        var settings = Settings(spinics, mailArchive);
        settings["Harvester:Output:GroupBy"] = "area";

        var (code, output) = await _run.RunAsync(settings);

        Assert.Equal(ExitCodes.Done, code);
        var lines = output.Split('\n').Where(l => l.StartsWith("### ", StringComparison.Ordinal) || l.StartsWith("- ", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                "### Core and verifier", "- Mirela Kovacs, ", // verifier.c, syscall.c, bpf.h (+ its selftests, which do not count)
                "### libbpf", "- Ingrid Solberg, ", // three libbpf files against one of bpftool
                "### XDP and drivers", "- Chidi Okafor, ", // net/xdp/xsk.c
            ],
            lines.Select(l => l.StartsWith("- ", StringComparison.Ordinal) ? l[..(l.IndexOf(',', StringComparison.Ordinal) + 2)] : l));
    }

    public void Dispose() => _run.Dispose();

    /// <summary>The fixture files whose message pages a server was asked for.</summary>
    private static IEnumerable<string> Fetched(FixtureServer server, Func<FixtureMessage, long?> number)
    {
        var pages = server.Requests.ToHashSet();
        return Week.Messages.Where(m => number(m) is { } n && pages.Contains($"msg{n}.html")).Select(m => m.FileName);
    }

    private Dictionary<string, string?> Settings(FixtureServer spinics, FixtureServer? mailArchive)
    {
        var settings = _run.Settings(spinics.BaseUrl, mailArchive?.BaseUrl);
        settings["Harvester:Run:From"] = "2026-11-30";
        settings["Harvester:Run:To"] = "2026-12-07";
        settings["Harvester:Output:Draft:IssueNumber"] = "12";
        settings["Harvester:Output:Draft:Author"] = "Ada Editor";
        return settings;
    }

    private static string Expected(string file, FixtureServer spinics, FixtureServer? mailArchive)
    {
        var text = File.ReadAllText(Path.Combine(Week.Directory, file));
        text = text.Replace("https://www.spinics.net/lists/netdev/", spinics.BaseUrl.AbsoluteUri, StringComparison.Ordinal);
        return mailArchive is null ? text : text.Replace("https://www.mail-archive.com/netdev@vger.kernel.org/", mailArchive.BaseUrl.AbsoluteUri, StringComparison.Ordinal);
    }
}
