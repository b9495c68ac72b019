using Harvester.Domain;
using Harvester.Group;
using static Harvester.Tests.Render.Some;

namespace Harvester.Tests.Group;

public sealed class AppliedMatcherTests
{
    private static readonly DateTimeOffset Sent = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static readonly PatchSeries Covered = Series(
        "Mirela Kovacs",
        Message("[PATCH bpf-next v2 0/2] bpf: per-subprog stack depth", Sent, Spinics(10)),
        Message("[PATCH bpf-next v2 1/2] bpf: track depth", Sent, Spinics(11)),
        Message("[PATCH bpf-next v2 2/2] selftests/bpf: depth test", Sent, Spinics(12)));

    private static readonly PatchSeries Lone = Single("Rafael Monteiro", "[PATCH bpf] bpf: fix a leak", Sent.AddHours(2), 20);

    [Fact]
    public void Match_InReplyToTheCover_MatchesThatSeries()
    {
        var reply = Bot("Re: [PATCH bpf-next v2 0/2] bpf: per-subprog stack depth", inReplyTo: Covered.Cover!.Message.MessageId);

        var notice = Assert.Single(AppliedMatcher.Match([reply], [Covered, Lone]).Notices);

        Assert.Equal(Covered.Id, notice.SeriesId);
        Assert.Equal(Covered.Cover.Message.MessageId, notice.InReplyTo);
        Assert.Contains("cover letter", notice.Match, StringComparison.Ordinal);
        Assert.Equal("bpf/bpf-next.git", notice.To.Tree);
    }

    [Fact]
    public void Match_InReplyToASinglePatch_MatchesIt()
    {
        var reply = Bot("Re: [PATCH bpf] bpf: fix a leak", inReplyTo: Lone.Id, series: false);

        var notice = Assert.Single(AppliedMatcher.Match([reply], [Covered, Lone]).Notices);

        Assert.Equal(Lone.Id, notice.SeriesId);
        Assert.False(notice.IsSeries);
    }

    [Fact]
    public void Match_NoThreadingHeadersButTheSubject_MatchesBySubject()
    {
        var reply = Bot("Re: [PATCH bpf-next v2 0/2]  bpf: per-subprog stack depth", inReplyTo: null);

        var notice = Assert.Single(AppliedMatcher.Match([reply], [Covered, Lone]).Notices);

        Assert.Equal(Covered.Id, notice.SeriesId);
        Assert.Contains("subject", notice.Match, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_AnOlderSeries_NoneAndSaysWhy()
    {
        var reply = Bot("Re: [PATCH bpf-next 0/4] libbpf: an older series", inReplyTo: "older-cover@example.org");

        var notice = Assert.Single(AppliedMatcher.Match([reply], [Covered, Lone]).Notices);

        Assert.Null(notice.SeriesId);
        Assert.Equal("older-cover@example.org", notice.InReplyTo);
        Assert.Contains("<older-cover@example.org> is no series of this output", notice.Match, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_BodyWithoutAnAppliedLine_IsSkippedWithAReason()
    {
        var reply = Bot("Re: [PATCH bpf] bpf: fix a leak", inReplyTo: Lone.Id) with { Body = "Hello:\n\nSomething else entirely.\n" };

        var result = AppliedMatcher.Match([reply], [Lone]);

        Assert.Empty(result.Notices);
        Assert.Contains("no \"was applied to\" line", Assert.Single(result.Skipped).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_ReplyToAPullRequest_SkippedAsAPullRequestReply()
    {
        // The bot's answer to a pull request (netdev, 25 Jan 2024, to a BPF pull request for net); before, the reason
        // said its body had no "was applied to" line, though it has one.
        var reply = Bot("Re: pull-request: bpf 2026-12-04", inReplyTo: "20261204211000.61230-1-teodor.ionescu@example.org") with
        {
            Body = "Hello:\n\nThis pull request was applied to netdev/net.git (main)\nby Paolo Abeni <pabeni@redhat.com>:\n\n"
                + "On Fri, 04 Dec 2026 22:10:00 +0100 you wrote:\n> Hi Marco,\n>\n> The following pull-request contains BPF updates for your *net* tree.\n\n"
                + "Here is the summary with links:\n  - pull-request: bpf 2026-12-04\n    https://git.kernel.org/netdev/net/c/0123456789ab\n\nYou are awesome, thank you!\n",
        };

        var result = AppliedMatcher.Match([reply], [Covered, Lone]);

        Assert.Empty(result.Notices);
        Assert.Equal(
            "a reply to a pull request (\"This pull request was applied to netdev/net.git (main)\"), not a series: the pull request is listed under Pull requests from its own mail",
            Assert.Single(result.Skipped).Reason);
    }

    [Fact]
    public void Match_ReplyToAPullRequestWithoutAnAppliedLine_SaysBoth()
    {
        var reply = Bot("Re: [GIT PULL] Networking for v6.19-rc1", inReplyTo: null) with { Body = "Hello:\n\nSomething else entirely.\n" };

        var reason = Assert.Single(AppliedMatcher.Match([reply], [Covered, Lone]).Skipped).Reason;

        Assert.Equal("a reply to a pull request, not a series, and its body has no \"was applied to\" line", reason);
    }

    [Theory]
    [InlineData("patchwork-bot+netdevbpf", true)]
    [InlineData("patchwork-bot+netdev...@kernel.org", true)]
    [InlineData("Jakub Kicinski", false)]
    public void IsBotReply_BySender(string author, bool expected)
    {
        var reply = Bot("Re: [PATCH bpf] bpf: fix a leak", inReplyTo: Lone.Id) with { Author = author };

        Assert.Equal(expected, AppliedMatcher.IsBotReply(reply));
    }

    private static MailMessage Bot(string subject, string? inReplyTo, bool series = true) => new()
    {
        MessageId = "176000000000.1234.5678@kernel.org",
        Subject = subject,
        Author = "patchwork-bot+netdevbpf",
        Date = Sent.AddDays(1),
        InReplyTo = inReplyTo,
        References = inReplyTo is null ? [] : [inReplyTo],
        Body = $"Hello:\n\nThis {(series ? "series" : "patch")} was applied to bpf/bpf-next.git (master)\nby Alexei Starovoitov <ast@kernel.org>:\n\nHere is the summary with links:\n  - [bpf-next,1/1] bpf: x\n    https://git.kernel.org/bpf/bpf-next/c/a182e64147f7\n",
        Links = [Spinics(99)],
    };
}
