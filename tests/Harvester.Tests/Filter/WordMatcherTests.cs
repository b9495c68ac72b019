using Harvester.Filter;

namespace Harvester.Tests.Filter;

/// <summary>Whole-word, case-insensitive matching with prefix, suffix and phrase terms.</summary>
public sealed class WordMatcherTests
{
    private static readonly WordMatcher Matcher = new(["bpf", "xdp", "af_xdp", "bpf_*", "*_bpf", "tail call*"]);

    [Theory]
    [InlineData("samples/bpf: run cleanup routines", "bpf")]
    [InlineData("selftests/bpf: fix signedness", "bpf")]
    [InlineData("Two generic XDP related follow-ups", "xdp")]
    [InlineData("bpf: Add strict alignment flag for BPF_PROG_LOAD", "bpf,bpf_prog_load")]
    [InlineData("net/sched: act_bpf: fix leak", "act_bpf")]
    [InlineData("fix map access in tail calls", "tail calls")]
    [InlineData("xsk: support AF_XDP zero-copy", "af_xdp")]
    [InlineData("[bpf-next] x", "bpf")]
    public void FindAll_Words_AreFound(string text, string expected) =>
        Assert.Equal(expected.Split(','), Matcher.FindAll(text));

    [Theory]
    [InlineData("ebpf-based device cgroup")] // "ebpf" is its own word, not "bpf"
    [InlineData("bpfilter: drop the module")]
    [InlineData("net: xdpsock is not a word here")]
    [InlineData("tail drop in fq")]
    public void FindAll_NonWords_AreNotFound(string text) => Assert.Empty(Matcher.FindAll(text));

    [Fact]
    public void FindAll_RepeatedWord_IsReportedOnce() =>
        Assert.Equal(["xdp"], Matcher.FindAll("xdp: refine xdp api with regards to generic XDP"));
}
