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

    [Theory]
    [InlineData("Thanks, applied to bpf-next.\n")]
    [InlineData("")]
    [InlineData("This series was applied to\n")]
    public void Parse_NotAnAppliedNotice_IsNull(string text)
    {
        Assert.Null(PatchworkBotReply.Parse(text));
    }
}
