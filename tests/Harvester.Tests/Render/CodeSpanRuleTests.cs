using Harvester.Render;

namespace Harvester.Tests.Render;

public sealed class CodeSpanRuleTests
{
    [Theory]
    // Seed issue 03 lines (/work/shared/seeds/000_ed41dd5c72a7ab7f.txt): backticked as the editor did.
    [InlineData("[PATCH v2 3/7] bpf: Add strict alignment flag for BPF_PROG_LOAD.", "BPF_PROG_LOAD")]
    [InlineData("[PATCH v2 4/7] bpf: Add bpf_verify_program() to the library.", "bpf_verify_program()")]
    [InlineData("[PATCH v2 6/7] bpf: Make use of alignment information in check_val_ptr_alignment().", "check_val_ptr_alignment()")]
    [InlineData("[PATCH net-next 2/9] nfp: rename l4_offset in struct nfp_net_tx_desc to lso_hdrlen", "l4_offset|nfp_net_tx_desc|lso_hdrlen")]
    // Seed lines the editor left alone.
    [InlineData("[PATCH v2 2/7] bpf: Do per-instruction state dumping in verifier when log_level > 1.", "")]
    [InlineData("[PATCH v2 7/7] bpf: Adjust test_verifier for alignment changes.", "")]
    [InlineData("[PATCH v2 3/3] bpf: Update MAP test_verifier.c tests wrt. alignment.", "")]
    [InlineData("[PATCH net-next 6/9] nfp: add CHECKSUM_COMPLETE support", "")]
    [InlineData("[PATCH net] samples/bpf: run cleanup routines when receiving SIGTERM", "")]
    // Beyond the seed.
    [InlineData("[PATCH bpf_next] xdp: add frame()", "frame()")]
    [InlineData("bpf: fix tools/lib/bpf/bpf_helper.h and bpf_prog_put()", "bpf_prog_put()")]
    [InlineData("xdp: use xdp_buff in struct foo", "xdp_buff|foo")]
    [InlineData("net: fix skb_orphan in tun", "")]
    [InlineData("bpf: keep `bpf_x()` as the author wrote it", "")]
    [InlineData("bpf: glued bpf_x()b_c and (bpf_y())", "bpf_y()")]
    public void Find_Subject_MarksTheEditorsIdentifiers(string subject, string expected)
    {
        var spans = CodeSpanRule.Find(subject);

        Assert.Equal(expected, string.Join('|', spans.Select(s => subject.Substring(s.Start, s.Length))));
    }

    [Fact]
    public void Render_CodeSpansOff_NoBackticks()
    {
        var options = SeedIssue.Options();
        options.CodeSpans = false;

        var markdown = new MarkdownRenderer(options).Render(SeedIssue.Report());

        Assert.DoesNotContain('`', markdown);
        // Intraword underscores cannot start emphasis, so they stay unescaped, as in the seed's "test_verifier".
        Assert.Contains("flag for BPF_PROG_LOAD.]", markdown, StringComparison.Ordinal);
    }
}
