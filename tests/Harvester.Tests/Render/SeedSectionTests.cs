using System.Text.RegularExpressions;
using Harvester.Render;

namespace Harvester.Tests.Render;

/// <summary>The golden test: the seed issue's Patches section rebuilt from hand-typed series, character for character.</summary>
public sealed partial class SeedSectionTests
{
    [Fact]
    public void Render_SeedSeries_EqualsSeedSectionCharacterForCharacter()
    {
        var expected = SeedIssue.ExpectedSection();

        var actual = new MarkdownRenderer(SeedIssue.Options()).Render(SeedIssue.Report());

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void ExpectedSection_SeedFile_HasEveryListedPartAndTheFooter()
    {
        // Guards the golden test's expectation itself: 7 top items, 23 nested parts (2+2+7+3+9), the footer, one final newline.
        var expected = SeedIssue.ExpectedSection();

        Assert.Equal(7, expected.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal)));
        Assert.Equal(23, expected.Split('\n').Count(l => l.StartsWith("  - ", StringComparison.Ordinal)));
        Assert.EndsWith(SeedIssue.Footer + "\n", expected, StringComparison.Ordinal);
        Assert.DoesNotContain("data-preserve-html-node", expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SeedSeries_NoTwoLinesShareALink()
    {
        var rendered = new MarkdownRenderer(SeedIssue.Options()).Render(SeedIssue.Report());

        var urls = LinkUrl().Matches(rendered).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(30, urls.Count);
        Assert.Equal(urls.Count, urls.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Render_SeedSeriesOrderedByDate_InterleavesAuthors()
    {
        var options = SeedIssue.Options();
        options.Order = "date";

        var tops = new MarkdownRenderer(options).Render(SeedIssue.Report())
            .Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..l.IndexOf(',')]).ToList();

        Assert.Equal(
            ["Daniel Borkmann", "David Miller", "Daniel Borkmann", "Andy Gospodarek", "Daniel Borkmann", "David Miller", "Jakub Kicinski"],
            tops);
    }

    [GeneratedRegex(@"\]\((https://[^)]+)\)")]
    private static partial Regex LinkUrl();
}
