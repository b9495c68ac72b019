using HtmlAgilityPack;
using Harvester.Parse;
using Harvester.Tests.Support;

namespace Harvester.Tests.Parse;

/// <summary><see cref="HtmlText.RawText"/>: HtmlAgilityPack's <c>InnerText</c>, walked without recursion.</summary>
public sealed class HtmlTextTests
{
    public static TheoryData<string> FixturePages()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Paths.Fixtures, "pages"), "*.html", SearchOption.AllDirectories).Order())
        {
            data.Add(Path.GetRelativePath(Paths.Fixtures, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FixturePages))]
    public void RawText_EveryElementOfAFixturePage_EqualsInnerText(string page)
    {
        var doc = new HtmlDocument();
        doc.LoadHtml(File.ReadAllText(Path.Combine(Paths.Fixtures, page)));
        var differing = doc.DocumentNode.DescendantsAndSelf()
            // Left out: subtrees holding comments (RawText skips them) or scripts (InnerText keeps or drops their text
            // depending on the page; no parser reads text out of a script).
            .Where(n => n.NodeType == HtmlNodeType.Element && n.Name != "script")
            .Where(n => !n.Descendants().Any(d => d.NodeType == HtmlNodeType.Comment || d.Name == "script"))
            .Where(n => HtmlText.RawText(n) != n.InnerText)
            .Select(n => n.XPath)
            .Take(5)
            .ToList();

        Assert.Empty(differing);
    }

    [Fact]
    public void RawText_CommentsInside_AreLeftOut()
    {
        var doc = new HtmlDocument();
        doc.LoadHtml("<p>a<!-- hidden -->b<b>c</b></p>");
        Assert.Equal("abc", HtmlText.RawText(doc.DocumentNode.SelectSingleNode("//p")));
    }

    [Fact]
    public void RawText_TreeDeeperThanAnyStack_ReturnsItsText()
    {
        // Built by hand: HtmlText.Load caps the nesting at PageLimits.MaxNesting, so this depth can only come from a
        // parser option changed by mistake. Building it is quadratic in HtmlAgilityPack, hence 20,000.
        var doc = new HtmlDocument();
        var node = doc.DocumentNode;
        for (var i = 0; i < 20_000; i++)
        {
            var child = doc.CreateElement("b");
            node.AppendChild(child);
            node = child;
        }

        node.AppendChild(doc.CreateTextNode("bottom"));

        // On a 256 KB stack, where a recursive walk of 20,000 levels cannot fit (HAP's InnerText there: process ends).
        string? text = null;
        var thread = new Thread(() => text = HtmlText.RawText(doc.DocumentNode), maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();
        Assert.Equal("bottom", text);
    }
}
