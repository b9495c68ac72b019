using Harvester.Parse;

namespace Harvester.Tests.Parse;

/// <summary>The patchwork bot's bodies in every form patchwork-bot.md lists (structure as in real netdev/bpf mails 2021-2026).</summary>
public sealed class PatchworkBotReplyTests
{
    private const string SeriesWithBy = """
        Hello:

        This series was applied to bpf/bpf-next.git (master)
        by Alexei Starovoitov <ast@kernel.org>:

        On Wed, 23 Aug 2023 17:00:15 -0700 you wrote:
        > The verifier tracks stack depth per program; this series makes it
        > per subprogram.
        > - [bpf-next,1/2] this quoted line is not a row
        > [...]

        Here is the summary with links:
          - [bpf-next,1/2] selftests/bpf: fix a flaky test
            https://git.kernel.org/bpf/bpf-next/c/a182e64147f7
          - [bpf-next,2/2] bpf: something else
            (no matching commit)

        You are awesome, thank you!
        -- 
        Deet-doot-dot, I am a bot.
        https://korg.docs.kernel.org/patchwork/pwbot.html
        """;

    private const string PatchWithByNet = """
        Hello:

        This patch was applied to netdev/net.git (main)
        by Paolo Abeni <pabeni@redhat.com>:

        On Sun, 14 Jan 2024 14:47:26 -0800 you wrote:
        > Number of tests are failing when netdev renaming is active.
        >
        > [...]

        Here is the summary with links:
          - [net] selftests: netdevsim: sprinkle more udevadm settle
            https://git.kernel.org/netdev/net/c/2c4ca7977298

        You are awesome, thank you!
        -- 
        Deet-doot-dot, I am a bot.
        https://korg.docs.kernel.org/patchwork/pwbot.html
        """;

    private const string Before2022 = """
        Hello:

        This patch was applied to netdev/net.git (refs/heads/master):

        On Thu, 19 Aug 2021 15:34:51 -0700 you wrote:
        > The devlink dev info command reports version information.
        >
        > [...]

        Here is the summary with links:
          - [net,v2,1/1] ice: do not abort devlink info if board identifier can't be found
            https://git.kernel.org/netdev/net/c/a8f89fa27773

        You are awesome, thank you!
        --
        Deet-doot-dot, I am a bot.
        https://korg.docs.kernel.org/patchwork/pwbot.html
        """;

    /// <summary>A series before 2022: the full ref in the parentheses, a colon, and no "by" line (patchwork-bot.md).</summary>
    private const string SeriesBefore2022 = """
        Hello:

        This series was applied to bpf/bpf-next.git (refs/heads/master):

        On Tue, 16 Nov 2021 09:12:40 +0100 you wrote:
        > The raw tracepoint attach path takes the tracepoint's name from user
        > memory twice. Copy it once.
        >
        > [...]

        Here is the summary with links:
          - [bpf-next,1/3] bpf: Copy the raw tracepoint name once
            https://git.kernel.org/bpf/bpf-next/c/0e4b1f8a7d21
          - [bpf-next,2/3] libbpf: Pass the raw tracepoint name through unchanged
            https://git.kernel.org/bpf/bpf-next/c/7c2d90b1e3f4
          - [bpf-next,3/3] selftests/bpf: Attach to a raw tracepoint by a long name
            https://git.kernel.org/bpf/bpf-next/c/b815e6a02c97

        You are awesome, thank you!
        --
        Deet-doot-dot, I am a bot.
        https://korg.docs.kernel.org/patchwork/pwbot.html
        """;

    /// <summary>A single patch after 2022 whose committer the bot did not name: "(main):" and no "by" line.</summary>
    private const string PatchWithoutBy = """
        Hello:

        This patch was applied to netdev/net-next.git (main):

        On Mon, 06 Mar 2023 08:41:12 +0100 you wrote:
        > The driver reads the PHY id before the PHY is out of reset.
        >
        > [...]

        Here is the summary with links:
          - [net-next] net: phy: wait for reset before reading the id
            https://git.kernel.org/netdev/net-next/c/5d7ac3e9b210

        You are awesome, thank you!
        --
        Deet-doot-dot, I am a bot.
        https://korg.docs.kernel.org/patchwork/pwbot.html
        """;

    /// <summary>A series applied with every row unmatched (the maintainer reworded the commits).</summary>
    private const string NoRowMatched = """
        Hello:

        This series was applied to bpf/bpf.git (master)
        by Daniel Borkmann <daniel@iogearbox.net>:

        On Thu, 12 Jan 2023 15:02:33 +0000 you wrote:
        > Two fixes for the sockmap's verdict path.
        >
        > [...]

        Here is the summary with links:
          - [bpf,1/2] bpf, sockmap: Fix a leak of the verdict skb
            (no matching commit)
          - [bpf,2/2] selftests/bpf: Check the verdict skb is freed
            (no matching commit)

        You are awesome, thank you!
        -- 
        Deet-doot-dot, I am a bot.
        https://korg.docs.kernel.org/patchwork/pwbot.html
        """;

    /// <summary>A patch sent as a bare "[PATCH]" to net-next: its summary row carries no "[tree,x/y]" tag.</summary>
    private const string RowWithoutTag = """
        Hello:

        This patch was applied to netdev/net-next.git (main)
        by Jakub Kicinski <kuba@kernel.org>:

        On Wed, 10 May 2023 17:20:05 +0200 you wrote:
        > The ring size is read under the lock but used after it is dropped.
        >
        > [...]

        Here is the summary with links:
          - net: ethtool: read the ring size under the lock
            https://git.kernel.org/netdev/net-next/c/9b3f01d6ce42

        You are awesome, thank you!
        -- 
        Deet-doot-dot, I am a bot.
        https://korg.docs.kernel.org/patchwork/pwbot.html
        """;

    /// <summary>
    /// The bot's answer to a pull request (real netdev mails: "This pull request was applied to netdev/net.git (main)"
    /// for a BPF pull request in January 2024). patchwork-bot.md lists only "series" and "patch" as "applied" forms and
    /// pull requests are their own section (PullRequestSightings), so the parser gives no applied notice for it.
    /// </summary>
    private const string PullRequestApplied = """
        Hello:

        This pull request was applied to netdev/net.git (main)
        by Paolo Abeni <pabeni@redhat.com>:

        On Thu, 03 Dec 2026 09:44:16 +0100 you wrote:
        > Hi David, hi Jakub, hi Paolo, hi Eric,
        >
        > The following pull-request contains BPF updates for your *net* tree.
        >
        > [...]

        Here is the summary with links:
          - pull-request: bpf 2026-12-03
            https://git.kernel.org/netdev/net/c/2f9c4ad01e87

        You are awesome, thank you!
        -- 
        Deet-doot-dot, I am a bot.
        https://korg.docs.kernel.org/patchwork/pwbot.html
        """;

    [Fact]
    public void Parse_SeriesWithBy_TreeBranchByAndRows()
    {
        var body = PatchworkBotReply.Parse(SeriesWithBy)!;

        Assert.True(body.IsSeries);
        Assert.Equal("bpf/bpf-next.git", body.To.Tree);
        Assert.Equal("master", body.To.Branch);
        Assert.Equal("Alexei Starovoitov", body.To.By);
        Assert.Equal("bpf-next", body.To.ShortTree);
        Assert.Equal(2, body.Commits.Count);
        Assert.Equal("[bpf-next,1/2] selftests/bpf: fix a flaky test", body.Commits[0].Title);
        Assert.Equal("https://git.kernel.org/bpf/bpf-next/c/a182e64147f7", body.Commits[0].Url!.AbsoluteUri);
    }

    [Fact]
    public void Parse_NoMatchingCommitRow_HasNoUrl()
    {
        var body = PatchworkBotReply.Parse(SeriesWithBy)!;

        Assert.Equal("[bpf-next,2/2] bpf: something else", body.Commits[1].Title);
        Assert.Null(body.Commits[1].Url);
    }

    [Fact]
    public void Parse_SinglePatchWithBy_IsAPatch()
    {
        var body = PatchworkBotReply.Parse(PatchWithByNet)!;

        Assert.False(body.IsSeries);
        Assert.Equal(("netdev/net.git", "main", "Paolo Abeni", "net"), (body.To.Tree, body.To.Branch, body.To.By, body.To.ShortTree));
        var commit = Assert.Single(body.Commits);
        Assert.Equal("https://git.kernel.org/netdev/net/c/2c4ca7977298", commit.Url!.AbsoluteUri);
    }

    [Fact]
    public void Parse_Before2022_RefsHeadsBranchAndNoBy()
    {
        var body = PatchworkBotReply.Parse(Before2022)!;

        Assert.Equal("netdev/net.git", body.To.Tree);
        Assert.Equal("master", body.To.Branch);
        Assert.Null(body.To.By);
        Assert.Equal("[net,v2,1/1] ice: do not abort devlink info if board identifier can't be found", Assert.Single(body.Commits).Title);
    }

    [Fact]
    public void Parse_SpinicsMaskedAddressAndCrlf_StillReadsBy()
    {
        // spinics masks addresses (ast@xxxxxxxxxx, spinics.md §2.3); pages may come with CRLF.
        var masked = SeriesWithBy.Replace("ast@kernel.org", "ast@xxxxxxxxxx", StringComparison.Ordinal).ReplaceLineEndings("\r\n");

        var body = PatchworkBotReply.Parse(masked)!;

        Assert.Equal("Alexei Starovoitov", body.To.By);
        Assert.Equal(2, body.Commits.Count);
    }

    [Fact]
    public void Parse_ByWithMiddleInitial_KeepsTheName()
    {
        var body = PatchworkBotReply.Parse(PatchWithByNet.Replace("Paolo Abeni <pabeni@redhat.com>", "David S. Miller <davem@davemloft.net>", StringComparison.Ordinal))!;

        Assert.Equal("David S. Miller", body.To.By);
    }

    [Fact]
    public void Parse_WrappedRowTitle_IsJoined()
    {
        var wrapped = SeriesWithBy.Replace("  - [bpf-next,2/2] bpf: something else\n", "  - [bpf-next,2/2] bpf: something else that is\n    long enough to wrap\n", StringComparison.Ordinal);

        var body = PatchworkBotReply.Parse(wrapped)!;

        Assert.Equal("[bpf-next,2/2] bpf: something else that is long enough to wrap", body.Commits[1].Title);
        Assert.Null(body.Commits[1].Url);
    }

    [Fact]
    public void Parse_SeriesBefore2022_IsASeriesWithRefsHeadsDroppedAndNoBy()
    {
        var body = PatchworkBotReply.Parse(SeriesBefore2022)!;

        Assert.True(body.IsSeries);
        Assert.Equal(("bpf/bpf-next.git", "master", null, "bpf-next"), (body.To.Tree, body.To.Branch, body.To.By, body.To.ShortTree));
        Assert.Equal(
            [
                ("[bpf-next,1/3] bpf: Copy the raw tracepoint name once", "https://git.kernel.org/bpf/bpf-next/c/0e4b1f8a7d21"),
                ("[bpf-next,2/3] libbpf: Pass the raw tracepoint name through unchanged", "https://git.kernel.org/bpf/bpf-next/c/7c2d90b1e3f4"),
                ("[bpf-next,3/3] selftests/bpf: Attach to a raw tracepoint by a long name", "https://git.kernel.org/bpf/bpf-next/c/b815e6a02c97"),
            ],
            body.Commits.Select(c => (c.Title, c.Url?.AbsoluteUri)));
    }

    [Fact]
    public void Parse_PatchAfter2022WithoutBy_BranchWithoutColonAndNoBy()
    {
        var body = PatchworkBotReply.Parse(PatchWithoutBy)!;

        Assert.False(body.IsSeries);
        Assert.Equal(("netdev/net-next.git", "main", null, "net-next"), (body.To.Tree, body.To.Branch, body.To.By, body.To.ShortTree));
        var commit = Assert.Single(body.Commits);
        Assert.Equal(("[net-next] net: phy: wait for reset before reading the id", "https://git.kernel.org/netdev/net-next/c/5d7ac3e9b210"), (commit.Title, commit.Url?.AbsoluteUri));
    }

    [Fact]
    public void Parse_EveryRowNoMatchingCommit_IsStillANoticeWithEveryRowAndNoUrl()
    {
        var body = PatchworkBotReply.Parse(NoRowMatched)!;

        Assert.True(body.IsSeries);
        Assert.Equal(("bpf/bpf.git", "master", "Daniel Borkmann"), (body.To.Tree, body.To.Branch, body.To.By));
        Assert.Equal(
            [
                ("[bpf,1/2] bpf, sockmap: Fix a leak of the verdict skb", null),
                ("[bpf,2/2] selftests/bpf: Check the verdict skb is freed", null),
            ],
            body.Commits.Select(c => (c.Title, c.Url?.AbsoluteUri)));
    }

    [Fact]
    public void Parse_NetNextRowWithoutTreeTag_KeepsTheBareTitleAndItsCommit()
    {
        var body = PatchworkBotReply.Parse(RowWithoutTag)!;

        Assert.False(body.IsSeries);
        Assert.Equal(("netdev/net-next.git", "main", "Jakub Kicinski", "net-next"), (body.To.Tree, body.To.Branch, body.To.By, body.To.ShortTree));
        var commit = Assert.Single(body.Commits);
        Assert.Equal(("net: ethtool: read the ring size under the lock", "https://git.kernel.org/netdev/net-next/c/9b3f01d6ce42"), (commit.Title, commit.Url?.AbsoluteUri));
    }

    [Fact]
    public void Parse_PullRequestApplied_IsNoAppliedNotice()
    {
        Assert.Null(PatchworkBotReply.Parse(PullRequestApplied));
    }

    [Theory]
    [InlineData("Thanks, applied to bpf-next.\n")]
    [InlineData("")]
    [InlineData("This series was applied to\n")]
    public void Parse_NotAnAppliedNotice_IsNull(string text)
    {
        Assert.Null(PatchworkBotReply.Parse(text));
    }
}
