using System.Text.Json;
using Harvester.Hosting;
using Harvester.Tests.Support;

namespace Harvester.Tests.EndToEnd;

/// <summary>
/// Issue 15 through lore alone: <c>fixtures/archives/week-2026-12-sections</c> served only by the fake public-inbox
/// server (LoreNetdev and LoreBpf; spinics and mail-archive off), so the patchwork bot's replies reach Harvester only
/// inside the search result's mbox (CandidateRules.IsCandidate on a MailMessage, MailboxReader). The JSON
/// <c>applied[]</c> must be what the HTML archives give for the same week, and people's replies, even one that carries
/// the bot's text unquoted, are never recorded as applied.
/// </summary>
public sealed class LoreAppliedEndToEndTests : IDisposable
{
    private static readonly string Folder = Paths.Fixture("archives", "week-2026-12-sections");
    private static readonly FixtureArchive Netdev = FixtureArchive.Load(Folder);
    private static readonly FixtureArchive Bpf = FixtureArchive.Load(Folder, "bpf");

    /// <summary>
    /// A person answering the bot's reply to the xsk fix from a client that quotes without "&gt;" (Outlook's "Original
    /// Message"): its body holds the bot's "This patch was applied to" and summary lines as they were, so only the sender
    /// rule keeps it out of <c>applied[]</c>.
    /// </summary>
    private static readonly FixtureMessage UnquotedThanks = new()
    {
        FileName = "165-re-bot-applied-xsk-unquoted.eml",
        MessageId = "PH0PR11MB5095C1A2B3D4E5F60718293A4B5C6D7E8@PH0PR11MB5095.namprd11.prod.example.com",
        Subject = "RE: [PATCH bpf] xsk: Fix a umem leak when bind fails",
        FromName = "Magnus Lund",
        FromAddress = "magnus.lund@example.org",
        Date = DateTimeOffset.Parse("2026-12-05T14:05:00Z", System.Globalization.CultureInfo.InvariantCulture),
        InReplyTo = "176467081504.11820.5512093384716602817.git-patchwork-notify@kernel.org",
        References = ["20261201100040.7731-1-chidi.okafor@example.com", "176467081504.11820.5512093384716602817.git-patchwork-notify@kernel.org"],
        Lists = ["netdev", "bpf"],
        Body = """
            Great, this is the leak we hit in production. Thanks Chidi!

            -----Original Message-----
            From: patchwork-bot+netdevbpf@kernel.org <patchwork-bot+netdevbpf@kernel.org>
            Sent: Wednesday, December 2, 2026 11:20 AM
            Subject: Re: [PATCH bpf] xsk: Fix a umem leak when bind fails

            Hello:

            This patch was applied to bpf/bpf.git (master)
            by Daniela Brandt <daniela.brandt@example.org>:

            Here is the summary with links:
              - [bpf] xsk: Fix a umem leak when bind fails
                https://git.kernel.org/bpf/bpf/c/4e1d9a07c3b2

            """,
    };

    private readonly HarvestRun _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task Harvest_LoreOnly_AppliedEqualsTheHtmlArchives()
    {
        var html = await HtmlAppliedAsync();
        await using var lore = await PublicInboxServer.StartAsync(Lists(Netdev, Bpf));

        var (code, output) = await _run.RunAsync(LoreOnly(lore));

        Assert.Equal(ExitCodes.Done, code);
        Assert.Equal(0, lore.MessageRequests); // every mail from the one search per list
        Assert.Equal((1, 1), (lore.SearchesOf("netdev"), lore.SearchesOf("bpf")));
        Assert.Equal(html, Applied(output));
    }

    [Fact]
    public async Task Harvest_LoreOnly_AppliedHoldsTheBotRepliesExactly()
    {
        await using var lore = await PublicInboxServer.StartAsync(Lists(Netdev, Bpf));

        var (code, output) = await _run.RunAsync(LoreOnly(lore));

        Assert.Equal(ExitCodes.Done, code);
        Assert.Equal(Expected, Applied(output));
    }

    [Fact]
    public async Task Harvest_LoreOnlyMarkdown_OlderSeriesNamedByTheBotsRecipient()
    {
        await using var lore = await PublicInboxServer.StartAsync(Lists(Netdev, Bpf));
        var settings = LoreOnly(lore);
        settings["Harvester:Run:Format"] = "markdown";
        settings["Harvester:Run:Sections"] = "applied";

        var (code, output) = await _run.RunAsync(settings);

        // 120 answers a series posted before the window: only the reply's To: can name its author.
        Assert.Equal(ExitCodes.Done, code);
        var line = Assert.Single(output.Split('\n'), l => l.Contains("Speed up BTF deduplication", StringComparison.Ordinal));
        Assert.StartsWith("- Oskar Lindqvist, [[PATCH bpf-next 0/2] libbpf: Speed up BTF deduplication with type hints](", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Harvest_LoreOnly_PeoplesReplies_EvenWithTheBotsTextUnquoted_NotRecordedAsApplied()
    {
        // Every person's reply of the week (030, 060, 100, 160) and the unquoted one are on lore, in the window.
        await using var lore = await PublicInboxServer.StartAsync(Lists(With(Netdev, UnquotedThanks), With(Bpf, UnquotedThanks)));
        var settings = LoreOnly(lore);

        var (code, output) = await _run.RunAsync(settings);

        Assert.Equal(ExitCodes.Done, code);
        Assert.Equal(Expected, Applied(output));
        using var json = JsonDocument.Parse(output);
        var subjects = json.RootElement.GetProperty("applied").EnumerateArray().Select(a => a.GetProperty("subject").GetString()!).ToList();
        Assert.DoesNotContain(subjects, s => s.StartsWith("RE:", StringComparison.Ordinal));
        Assert.Single(subjects, s => s.Contains("umem leak", StringComparison.Ordinal)); // the bot's, not Chidi's thanks nor Magnus' RE:
    }

    /// <summary>The five bot replies of the window (070, 090, 120, 130, 150), as the fixture's mails say them.</summary>
    private static readonly List<AppliedRow> Expected =
    [
        new("Re: [PATCH bpf] xsk: Fix a umem leak when bind fails", "bpf/bpf.git", "master", "Daniela Brandt",
            "20261201100040.7731-1-chidi.okafor@example.com", "20261201100040.7731-1-chidi.okafor@example.com",
            "[bpf] xsk: Fix a umem leak when bind fails -> https://git.kernel.org/bpf/bpf/c/4e1d9a07c3b2"),
        new("Re: [PATCH bpf-next v2 0/3] bpf: Allow sleepable programs on faultable tracepoints", "bpf/bpf-next.git", "master", "Teodor Ionescu",
            "20261130081502.20417-1-mirela.kovacs@example.com", "20261130081502.20417-1-mirela.kovacs@example.com",
            "[bpf-next,v2,1/3] bpf: Mark faultable tracepoints in their raw tracepoint info -> https://git.kernel.org/bpf/bpf-next/c/8a3c7e02f1d9 | "
            + "[bpf-next,v2,2/3] bpf: Accept sleepable programs on faultable tracepoints -> https://git.kernel.org/bpf/bpf-next/c/c05b91e4d7a2 | "
            + "[bpf-next,v2,3/3] selftests/bpf: Test sleepable programs on faultable tracepoints -> (none)"),
        new("Re: [PATCH bpf-next 0/2] libbpf: Speed up BTF deduplication with type hints", "bpf/bpf-next.git", "master", "Teodor Ionescu",
            "20261126090004.5512-1-oskar.lindqvist@example.net", null,
            "[bpf-next,1/2] libbpf: Accept type hints in BTF deduplication -> https://git.kernel.org/bpf/bpf-next/c/5f02ad6e91c8 | "
            + "[bpf-next,2/2] selftests/bpf: Test BTF deduplication with type hints -> https://git.kernel.org/bpf/bpf-next/c/e7b3d10c4a55"),
        new("Re: [PATCH net-next] tcp: Trim the retransmit queue before the ACK is processed", "netdev/net-next.git", "main", "Marco Bellini",
            "20261202090030.9120-1-paulo.ferreira@example.net", null,
            "[net-next] tcp: Trim the retransmit queue before the ACK is processed -> https://git.kernel.org/netdev/net-next/c/3b90e6f2d1a8"),
        new("Re: [PATCH bpf-next 1/2] libbpf: Honour the autoattach flag of struct_ops maps", "bpf/bpf-next.git", "master", "Teodor Ionescu",
            "20261201150510.3391-1-ingrid.solberg@example.org", "20261201150510.3391-1-ingrid.solberg@example.org",
            "[bpf-next,1/2] libbpf: Honour the autoattach flag of struct_ops maps -> https://git.kernel.org/bpf/bpf-next/c/0d6e2b8f4c17 | "
            + "[bpf-next,2/2] bpftool: Print the autoattach flag of struct_ops maps -> https://git.kernel.org/bpf/bpf-next/c/a94f1e35d082"),
    ];

    /// <summary>One entry of <c>applied[]</c> without its links (which name the archive it was read from).</summary>
    private sealed record AppliedRow(string Subject, string Tree, string Branch, string? By, string? InReplyTo, string? Series, string Commits);

    private static List<AppliedRow> Applied(string output)
    {
        using var json = JsonDocument.Parse(output);
        return json.RootElement.GetProperty("applied").EnumerateArray().Select(a => new AppliedRow(
                a.GetProperty("subject").GetString()!,
                a.GetProperty("tree").GetString()!,
                a.GetProperty("branch").GetString()!,
                a.GetProperty("by").GetString(),
                a.GetProperty("inReplyTo").GetString(),
                a.GetProperty("series").GetString(),
                string.Join(" | ", a.GetProperty("commits").EnumerateArray().Select(c => c.GetProperty("title").GetString() + " -> " + (c.GetProperty("url").GetString() ?? "(none)")))))
            .ToList();
    }

    /// <summary>The same week through spinics and mail-archive (lore off): the reference applied[].</summary>
    private static async Task<List<AppliedRow>> HtmlAppliedAsync()
    {
        using var run = new HarvestRun();
        await using var spinics = await FixtureServer.StartSpinicsAsync(Netdev);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(Netdev);
        var settings = run.Settings(spinics.BaseUrl, mailArchive.BaseUrl);
        Window(settings);
        var (code, output) = await run.RunAsync(settings);
        Assert.Equal(ExitCodes.Done, code);
        return Applied(output);
    }

    private Dictionary<string, string?> LoreOnly(PublicInboxServer lore)
    {
        var settings = _run.Settings(null, null);
        HarvestRun.Enable(settings, "LoreNetdev", lore.Inbox("netdev"));
        HarvestRun.Enable(settings, "LoreBpf", lore.Inbox("bpf"));
        Window(settings);
        return settings;
    }

    private static void Window(Dictionary<string, string?> settings)
    {
        settings["Harvester:Run:From"] = "2026-11-30";
        settings["Harvester:Run:To"] = "2026-12-07";
        settings["Harvester:Run:Format"] = "json";
    }

    private static Dictionary<string, FixtureArchive> Lists(FixtureArchive netdev, FixtureArchive bpf) => new() { ["netdev"] = netdev, ["bpf"] = bpf };

    private static FixtureArchive With(FixtureArchive archive, FixtureMessage extra) =>
        FixtureArchive.FromMessages([.. archive.Messages, extra], archive.Settings, archive.List);
}
