using Harvester.Hosting;
using Harvester.Tests.Support;

namespace Harvester.Tests.EndToEnd;

/// <summary>
/// <c>--explain</c> on <c>fixtures/archives/week-2026-12-sections</c>, in-process: one line for each of the patchwork
/// bot's five replies of the window, naming the series it matched (and how), or saying why it matched none. The run is
/// the real harvest command on the real configuration, its log kept by <see cref="LogCapture"/>.
/// </summary>
public sealed class ExplainAppliedTests : IDisposable
{
    private static readonly FixtureArchive Week = FixtureArchive.Load(Paths.Fixture("archives", "week-2026-12-sections"));

    private readonly HarvestRun _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task Harvest_Explain_OneLinePerBotReply_NamingItsSeriesOrWhyNone()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(Week);
        var settings = Settings(spinics, mailArchive);
        settings["Harvester:Run:Explain"] = "true";

        var (code, log) = await LogCapture.RunAsync(settings);

        Assert.Equal(ExitCodes.Done, code);
        Assert.Equal(
            [
                // 070: a single patch, no cover: the bot answers the patch itself
                "Explain: bot reply Re: [PATCH bpf] xsk: Fix a umem leak when bind fails matched series 20261201100040.7731-1-chidi.okafor@example.com: "
                    + "In-Reply-To <20261201100040.7731-1-chidi.okafor@example.com> is a part of series 20261201100040.7731-1-chidi.okafor@example.com",
                // 090: the cover letter (its subject folded over two header lines)
                "Explain: bot reply Re: [PATCH bpf-next v2 0/3] bpf: Allow sleepable programs on faultable tracepoints matched series 20261130081502.20417-1-mirela.kovacs@example.com: "
                    + "In-Reply-To <20261130081502.20417-1-mirela.kovacs@example.com> is the cover letter of series 20261130081502.20417-1-mirela.kovacs@example.com",
                // 120: its series (005-007) was posted before the window
                "Explain: bot reply Re: [PATCH bpf-next 0/2] libbpf: Speed up BTF deduplication with type hints matched no series: "
                    + "In-Reply-To <20261126090004.5512-1-oskar.lindqvist@example.net> is no series of this output (an older series, or one left out) and no series has its subject",
                // 130: its series is in the window but not BPF/XDP, so the output may not name it
                "Explain: bot reply Re: [PATCH net-next] tcp: Trim the retransmit queue before the ACK is processed matched no series: "
                    + "In-Reply-To <20261202090030.9120-1-paulo.ferreira@example.net> is a part of series 20261202090030.9120-1-paulo.ferreira@example.net; that series is left out of this output (not BPF/XDP)",
                // 150: no cover letter: the bot answers the first patch
                "Explain: bot reply Re: [PATCH bpf-next 1/2] libbpf: Honour the autoattach flag of struct_ops maps matched series 20261201150510.3391-1-ingrid.solberg@example.org: "
                    + "In-Reply-To <20261201150510.3391-1-ingrid.solberg@example.org> is a part of series 20261201150510.3391-1-ingrid.solberg@example.org",
            ],
            log.Lines.Where(l => l.StartsWith("Explain: bot reply ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Harvest_BotReplyToAPullRequest_NotFetchedFromTheIndexesAndNotApplied()
    {
        // The bot also answers pull requests ("This pull request was applied to netdev/net-next.git (main)", seen on
        // netdev); the week's pull request 080 gets such an answer here, numbered after the fixture's own mails. Its
        // subject in the index says what it is, so its page is never asked for.
        var week = Week.WithLast(PullRequestApplied);
        var number = week.Messages.Single(m => m.FileName == PullRequestApplied.FileName).SpinicsNumber;
        await using var spinics = await FixtureServer.StartSpinicsAsync(week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(week);
        var settings = Settings(spinics, mailArchive);
        settings["Harvester:Run:Explain"] = "true";
        settings["Harvester:Run:Format"] = "json";

        var (code, log) = await LogCapture.RunAsync(settings);

        Assert.Equal(ExitCodes.Done, code);
        Assert.DoesNotContain($"msg{number}.html", spinics.Requests);
        Assert.Equal(5, log.Lines.Count(l => l.StartsWith("Explain: bot reply ", StringComparison.Ordinal)));
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(_run.OutputPath));
        Assert.Equal(5, json.RootElement.GetProperty("applied").GetArrayLength());
    }

    [Fact]
    public async Task Harvest_LoreBotReplyToAPullRequest_ExplainedAsSuchAndNotApplied()
    {
        // lore's search result holds every mail of the window, the bot's answer to a pull request included.
        var week = Week.WithLast(PullRequestApplied);
        await using var lore = await PublicInboxServer.StartAsync(new Dictionary<string, FixtureArchive> { ["netdev"] = week });
        var settings = _run.Settings(null, null);
        HarvestRun.Enable(settings, "LoreNetdev", lore.Inbox("netdev"));
        settings["Harvester:Run:From"] = "2026-11-30";
        settings["Harvester:Run:To"] = "2026-12-07";
        settings["Harvester:Run:Explain"] = "true";

        var (code, log) = await LogCapture.RunAsync(settings);

        Assert.Equal(ExitCodes.Done, code);
        Assert.Contains(
            "Explain: bot reply Re: pull-request: bpf-next 2026-12-03 matched no series: a reply to a pull request (\"This pull request was applied to netdev/net-next.git (main)\"), not a series: the pull request is listed under Pull requests from its own mail",
            log.Lines);
    }

    private static readonly FixtureMessage PullRequestApplied = new()
    {
        FileName = "175-bot-applied-pull-request-bpf-next.eml",
        MessageId = "176478120503.30211.8812334455667788990.git-patchwork-notify@kernel.org",
        Subject = "Re: pull-request: bpf-next 2026-12-03",
        FromName = "patchwork-bot+netdevbpf@kernel.org",
        FromAddress = "patchwork-bot+netdevbpf@kernel.org",
        Date = DateTimeOffset.Parse("2026-12-04T17:20:05Z", System.Globalization.CultureInfo.InvariantCulture),
        InReplyTo = "20261203133000.55120-1-teodor.ionescu@example.org",
        References = ["20261203133000.55120-1-teodor.ionescu@example.org"],
        Lists = ["netdev", "bpf"],
        Body = """
            Hello:

            This pull request was applied to netdev/net-next.git (main)
            by Marco Bellini <marco.bellini@example.net>:

            On Thu,  3 Dec 2026 15:30:00 +0200 you wrote:
            > Hi Marco,
            >
            > The following pull-request contains BPF updates for your *net-next* tree.

            Here is the summary with links:
              - pull-request: bpf-next 2026-12-03
                https://git.kernel.org/netdev/net-next/c/6c2e0d41b9f3

            You are awesome, thank you!
            -- 
            Deet-doot-dot, I am a bot.
            https://korg.docs.kernel.org/patchwork/pwbot.html
            """,
    };

    [Fact]
    public async Task Harvest_NoExplain_NoBotReplyLine()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(Week);

        var (code, log) = await LogCapture.RunAsync(Settings(spinics, mailArchive));

        Assert.Equal(ExitCodes.Done, code);
        Assert.Contains(log.Lines, l => l.StartsWith("Harvested ", StringComparison.Ordinal)); // the capture works
        Assert.DoesNotContain(log.Lines, l => l.StartsWith("Explain: ", StringComparison.Ordinal));
    }

    private Dictionary<string, string?> Settings(FixtureServer spinics, FixtureServer mailArchive)
    {
        var settings = _run.Settings(spinics.BaseUrl, mailArchive.BaseUrl);
        settings["Harvester:Run:From"] = "2026-11-30";
        settings["Harvester:Run:To"] = "2026-12-07";
        return settings;
    }
}
