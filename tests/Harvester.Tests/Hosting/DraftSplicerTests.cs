using Harvester.Hosting;

namespace Harvester.Tests.Hosting;

public class DraftSplicerTests
{
    private const string Section = "## Patches\n\n- A, [x](https://h/msg1.html)\n";

    [Fact]
    public void Splice_MarkedBlock_ReplacesOnlyTheBlock()
    {
        var draft = "intro\n\n<!-- harvester:patches -->\nold\n<!-- /harvester:patches -->\n\nHappy eBPF hacking!\n";

        var result = DraftSplicer.Splice(draft, Section);

        Assert.Equal("intro\n\n<!-- harvester:patches -->\n## Patches\n\n- A, [x](https://h/msg1.html)\n<!-- /harvester:patches -->\n\nHappy eBPF hacking!\n", result);
    }

    [Fact]
    public void Splice_PatchesHeadingWithoutMarkers_ReplacesUpToTheNextHeading()
    {
        var draft = "# Issue\n\n## Patches\n\n- stale\n\n## Talks\n\ntalk\n";

        var result = DraftSplicer.Splice(draft, Section);

        Assert.StartsWith("# Issue\n\n<!-- harvester:patches -->\n## Patches\n", result);
        Assert.EndsWith("<!-- /harvester:patches -->\n\n## Talks\n\ntalk\n", result);
        Assert.DoesNotContain("stale", result);
    }

    [Fact]
    public void Splice_NoSection_AppendsAtTheEnd()
    {
        var result = DraftSplicer.Splice("intro\n", Section);

        Assert.Equal("intro\n\n<!-- harvester:patches -->\n" + Section + "<!-- /harvester:patches -->\n", result);
    }

    [Fact]
    public void Splice_Twice_IsIdempotent()
    {
        var once = DraftSplicer.Splice("intro\n## Patches\nold\n", Section);

        Assert.Equal(once, DraftSplicer.Splice(once, Section));
    }
}
