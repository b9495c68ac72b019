using Harvester.Domain;
using Harvester.Render;
using Harvester.Tests.Support;

namespace Harvester.Tests.Render;

public sealed class DraftRendererTests
{
    private static readonly string[] Seed =
        File.ReadAllText(Path.Combine(Paths.Shared, "seeds", "000_ed41dd5c72a7ab7f.txt")).Split('\n');

    [Fact]
    public void Render_Issue3_HasTheSeedIssuesShape()
    {
        var options = DraftOptions(3, "Alexander Alemayhu");
        var report = SeedIssue.Report() with { Window = new HarvestWindow(Some.Monday, new DateTimeOffset(2017, 5, 18, 21, 40, 44, TimeSpan.Zero)) };

        var lines = new DraftRenderer(options, options.Draft.IssueNumber!.Value).Render(report).Split('\n');

        Assert.Equal(FrontMatterKeys(Seed), FrontMatterKeys(lines));
        Assert.Equal("path: '/blog/2017/5/18/bpf-updates-03'", lines[1]);
        Assert.Equal(SeedLine("date: "), Line(lines, "date: "));           // '2017-05-18T21:40:44.000Z', from the window's end
        Assert.Equal(SeedLine("title: "), Line(lines, "title: "));
        Assert.Equal("author: 'Alexander Alemayhu'", Line(lines, "author: ")); // the seed's leading space is a blog artefact
        Assert.Equal(ListAfter(Seed, "tags:"), ListAfter(lines, "tags:"));
        Assert.Equal(ListAfter(Seed, "categories:"), ListAfter(lines, "categories:"));
        Assert.Equal(SeedLine("This is issue 03 "), Line(lines, "This is issue 03 "));
        Assert.Equal("---", lines[Array.IndexOf(lines, Line(lines, "This is issue")) + 2]);
    }

    [Fact]
    public void Render_Issue3_EmbedsThePatchesSectionThenSignsOff()
    {
        var options = DraftOptions(3, "Alexander Alemayhu");

        var draft = new DraftRenderer(options, options.Draft.IssueNumber!.Value).Render(SeedIssue.Report());

        var section = new MarkdownRenderer(options).Render(SeedIssue.Report());
        Assert.EndsWith("\n\n" + section + "\nHappy eBPF hacking!\n", draft, StringComparison.Ordinal);
        Assert.Equal(SeedIssue.ExpectedSection(), section);
        Assert.EndsWith(string.Join('\n', Seed[^4..]), draft, StringComparison.Ordinal); // "...comprehensive.\n\nHappy eBPF hacking!\n"
    }

    [Fact]
    public void Render_QuoteInAuthor_IsYamlEscaped()
    {
        var draft = new DraftRenderer(DraftOptions(12, "Conan O'Brien"), 12).Render(SeedIssue.Report());

        Assert.Contains("\nauthor: 'Conan O''Brien'\n", draft, StringComparison.Ordinal);
        Assert.Contains("\ntitle: 'BPF updates 12'\n", draft, StringComparison.Ordinal);
        Assert.Contains("/bpf-updates-12'\n", draft, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoAuthorConfigured_ShowsThePlaceholderAndNoName()
    {
        var options = SeedIssue.Options();

        var draft = new DraftRenderer(options, 7).Render(SeedIssue.Report());

        Assert.Contains("\nauthor: 'TODO-AUTHOR (set Harvester:Output:Draft:Author)'\n", draft, StringComparison.Ordinal);
        Assert.Contains("written by TODO-AUTHOR (set Harvester:Output:Draft:Author).", draft, StringComparison.Ordinal);
        Assert.Contains("\ntitle: 'BPF updates 07'\n", draft, StringComparison.Ordinal);
    }

    private static OutputOptions DraftOptions(int issue, string author)
    {
        var options = SeedIssue.Options();
        options.Draft = new DraftOptions { IssueNumber = issue, Author = author };
        return options;
    }

    private static string SeedLine(string start) => Line(Seed, start);

    private static string Line(string[] lines, string start) => lines.First(l => l.StartsWith(start, StringComparison.Ordinal));

    private static List<string> FrontMatterKeys(string[] lines) =>
        lines.Skip(1).TakeWhile(l => l != "---").Where(l => !l.StartsWith(' ')).Select(l => l[..l.IndexOf(':')]).ToList();

    private static List<string> ListAfter(string[] lines, string key) =>
        lines.SkipWhile(l => l != key).Skip(1).TakeWhile(l => l.StartsWith("  - ", StringComparison.Ordinal)).ToList();
}
