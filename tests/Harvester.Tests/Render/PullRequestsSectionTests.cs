using Harvester.Domain;
using Harvester.Render;
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

            - [[GIT PULL] Please pull](https://www.spinics.net/lists/netdev/msg4.html)

            """.ReplaceLineEndings("\n"),
            text);
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
