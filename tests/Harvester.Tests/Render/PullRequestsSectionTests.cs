using Harvester.Domain;
using Harvester.Render;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using static Harvester.Tests.Render.Some;

namespace Harvester.Tests.Render;

public sealed class PullRequestsSectionTests
{
    [Theory]
    [InlineData(9, 5, "9th May")]
    [InlineData(1, 6, "1st June")]
    [InlineData(2, 11, "2nd November")]
    [InlineData(3, 3, "3rd March")]
    [InlineData(11, 1, "11th January")]
    [InlineData(12, 1, "12th January")]
    [InlineData(13, 1, "13th January")]
    [InlineData(21, 1, "21st January")]
    [InlineData(22, 1, "22nd January")]
    [InlineData(23, 1, "23rd January")]
    [InlineData(31, 1, "31st January")]
    public void DayName_Of_SeedsOrdinalForm(int day, int month, string expected)
    {
        Assert.Equal(expected, DayName.Of(new DateOnly(2026, month, day)));
    }

    [Fact]
    public void Render_SeveralTrees_GroupedUnderTreeHeadingsByDay()
    {
        PullRequest[] pulls =
        [
            Pull("[GIT PULL] Networking for v6.19-rc2", "net", new DateOnly(2026, 11, 27), Spinics(7)),
            Pull("pull-request: bpf-next 2026-11-28", "bpf-next", new DateOnly(2026, 11, 28), MailArchive(9), Spinics(8)),
            Pull("pull-request: bpf-next 2026-11-24", "bpf-next", new DateOnly(2026, 11, 24), Spinics(3)),
            Pull("[GIT PULL] Please pull", null, null, Spinics(4)),
        ];

        var text = new PullRequestsSection(new OutputOptions { PreferredArchives = ["Spinics"] }).Render(pulls);

        Assert.Equal(
            """
            ## Pull requests

            ### bpf-next

            - [24th November](https://www.spinics.net/lists/netdev/msg3.html)
            - [28th November](https://www.spinics.net/lists/netdev/msg8.html)

            ### net

            - [27th November](https://www.spinics.net/lists/netdev/msg7.html)

            ### other

            - [date unknown](https://www.spinics.net/lists/netdev/msg4.html) (\[GIT PULL\] Please pull)

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void Render_UndatedPullRequest_DateUnknownThenItsSubject()
    {
        // Spinics' index dates no entry and a pull request's page is not fetched: a pull request only spinics holds has
        // no day (fixture week-2026-12-sections 140). It says so where the seed puts the day, never the dated
        // neighbour's day, and its subject tells which one it is. Before: its subject was the link text.
        PullRequest[] pulls =
        [
            Pull("pull-request: bpf 2026-12-04", "bpf", null, Spinics(20)),
            Pull("pull-request: bpf 2026-12-01", "bpf", new DateOnly(2026, 12, 1), Spinics(11)),
        ];

        var text = new PullRequestsSection(new OutputOptions()).Render(pulls);

        Assert.Equal(
            """
            ## Pull requests

            ### bpf

            - [1st December](https://www.spinics.net/lists/netdev/msg11.html)
            - [date unknown](https://www.spinics.net/lists/netdev/msg20.html) (pull-request: bpf 2026-12-04)

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void Render_UndatedPullRequestWithHostileSubject_OneListItemWithOneLink()
    {
        var text = new PullRequestsSection(new OutputOptions()).Render([Pull("[x](https://evil.example/) *pull* <b>", null, null, Spinics(4))]);

        var document = Markdown.Parse(text);
        var item = Assert.IsType<ListItemBlock>(Assert.Single(Assert.Single(document.OfType<ListBlock>())));
        var paragraph = Assert.IsType<ParagraphBlock>(Assert.Single(item));
        var link = Assert.Single(paragraph.Inline!.Descendants<LinkInline>());
        Assert.Equal("https://www.spinics.net/lists/netdev/msg4.html", link.Url);
        Assert.Empty(paragraph.Inline!.Descendants<EmphasisInline>());
        Assert.Empty(paragraph.Inline!.Descendants<HtmlInline>());
        var plain = string.Concat(paragraph.Inline!.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
        Assert.Equal("date unknown ([x](https://evil.example/) *pull* <b>)", plain);
    }

    [Fact]
    public void Render_None_SaysSo()
    {
        var text = new PullRequestsSection(new OutputOptions()).Render([]);

        Assert.Equal("## Pull requests\n\nNo pull requests were found in this window.\n", text);
    }

    private static PullRequest Pull(string subject, string? tree, DateOnly? day, params ArchiveLink[] links) =>
        new() { Subject = subject, Author = "Teodor Ionescu", Tree = tree, Day = day, Links = links };
}
