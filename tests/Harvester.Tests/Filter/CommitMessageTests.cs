using Harvester.Filter;

namespace Harvester.Tests.Filter;

/// <summary>Which lines of a body are commit message, for body-word matching.</summary>
public sealed class CommitMessageTests
{
    private static readonly string[] Keys = ["Cc", "To", "Link", "Fixes"];

    [Fact]
    public void Text_QuotedTrailersAndDiff_AreLeftOut()
    {
        const string body = """
            Release the route cache when the nexthop goes.

            > Could this be done with a bpf program instead?

            No, the leak is in the core.

            Fixes: 0123456789ab ("xdp: something")
            Cc: bpf@vger.kernel.org
            Link: https://lore.kernel.org/bpf/1234@example.org/
            Reported-by: Xdp Tester <xdp@example.org>
            Signed-off-by: A <a@example.org>
            ---
            v2: rebased on bpf-next
             net/ipv6/route.c | 6 ++++++
            diff --git a/net/ipv6/route.c b/net/ipv6/route.c
            +	/* bpf */
            """;

        var text = CommitMessage.Text(body, Keys);

        Assert.Contains("Release the route cache", text);
        Assert.Contains("No, the leak is in the core.", text);
        Assert.DoesNotContain("bpf", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("xdp", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Classify_TrailerLines_CarryTheirKey()
    {
        var lines = CommitMessage.Classify("Fix.\n\nCc: bpf@vger.kernel.org\nAcked-by: B <b@example.org>", Keys);

        Assert.Equal([BodyRegion.Message, BodyRegion.Message, BodyRegion.Trailer, BodyRegion.Trailer], lines.Select(l => l.Region));
        Assert.Equal(["Cc", "Acked-by"], lines.Where(l => l.Key is not null).Select(l => l.Key));
    }

    [Fact]
    public void Classify_ProseWithColon_StaysMessage()
    {
        var lines = CommitMessage.Classify("Note: XDP programs see the old value.", Keys);

        Assert.Equal(BodyRegion.Message, Assert.Single(lines).Region);
    }

    [Fact]
    public void Classify_CoverShortlogAndDiffstat_AreNotMessage()
    {
        const string body = "Updates.\n\nBo Kurata (2):\n  nfp: complete the XDP TX ring\n  nfp: other\n\n a.c | 1 +\n";

        var message = CommitMessage.Classify(body, Keys).Where(l => l.Region == BodyRegion.Message).Select(l => l.Text);

        Assert.Equal(["Updates.", ""], message);
    }

    [Fact]
    public void Clean_AddressesAndUrls_AreBlanked()
    {
        var cleaned = CommitMessage.Clean("Ask xdp-newbies@vger.kernel.org or see https://example.org/bpf/faq.");

        Assert.DoesNotContain("xdp", cleaned);
        Assert.DoesNotContain("bpf", cleaned);
        Assert.StartsWith("Ask", cleaned);
    }
}
