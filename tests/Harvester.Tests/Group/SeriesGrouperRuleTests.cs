using Harvester.Domain;
using Harvester.Group;
using Harvester.Tests.Support;

namespace Harvester.Tests.Group;

/// <summary>The grouper's small rules, one at a time, on messages built in place.</summary>
public sealed class SeriesGrouperRuleTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 3, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Group_ReviewOnlyMailWithPatchSubject_IsNotAPatch()
    {
        var mails = new[]
        {
            Mail("a", "[PATCH net] net: fix", "Ann", 0, body: "diff --git a/x b/x"),
            Mail("b", "[PATCH net] net: fix", "Rita", 60, body: "> diff\n\nAcked-by: Rita <r@example.org>\n"),
        };

        var series = Assert.Single(new SeriesGrouper().Group(mails).Series);

        Assert.Equal("a", series.Id);
    }

    [Theory]
    [InlineData("kernel test robot", "lkp@intel.com")]
    [InlineData("patchwork-bot+netdevbpf@kernel.org", "patchwork-bot+netdevbpf@kernel.org")]
    [InlineData("syzbot", "syzbot+1234@syzkaller.appspotmail.com")]
    public void Group_CiBotSender_IsNotAPatch(string name, string address)
    {
        var mail = Mail("bot", "[PATCH] net: fix semicolon.cocci warnings", name, 0) with { AuthorAddress = address };

        Assert.Empty(new SeriesGrouper().Group([mail]).Series);
    }

    [Fact]
    public void Group_PullRequestsAndForwards_PullsListedAndNeverPatches()
    {
        var mails = new[]
        {
            Mail("p2", "[pull request][net-next 00/15] mlx5 updates", "Saeed", 10),
            Mail("p1", "pull-request: bpf-next 2023-04-24", "Daniel", 5),
            Mail("f", "Fwd: [PATCH net] net: forwarded", "Fred", 0),
            Mail("r", "Re: [GIT PULL] Networking", "Linus", 20),
        };

        var result = new SeriesGrouper().Group(mails);

        Assert.Empty(result.Series);
        Assert.Equal(["p1", "p2"], result.PullRequests.Select(m => m.MessageId));
    }

    [Theory]
    [InlineData(30, 1)]
    [InlineData(5, 2)]
    public void Group_UnthreadedWindowOption_SplitsPartsFurtherApart(int minutes, int expectedSeries)
    {
        // base-no-references.mbox: two unthreaded parts 8.5 minutes apart.
        var messages = Harvester.Tests.Support.Mail.LoadMbox(Path.Combine(Paths.Shared, "data", "patchwork-series", "base-no-references.mbox"));

        var result = new SeriesGrouper(new GroupOptions { UnthreadedWindowMinutes = minutes }).Group(messages);

        Assert.Equal(expectedSeries, result.Series.Count);
    }

    [Fact]
    public void Group_SameDate_OrderedById()
    {
        var mails = new[] { Mail("b", "[PATCH] b: one", "Bee", 0), Mail("a", "[PATCH] a: two", "Ay", 0) };

        var result = new SeriesGrouper().Group(mails);

        Assert.Equal(["a", "b"], result.Series.Select(s => s.Id));
    }

    [Fact]
    public void Group_ReferencesCycle_DoesNotLoop()
    {
        var mails = new[]
        {
            Mail("x", "[PATCH 1/2] x: one", "Cy", 0) with { InReplyTo = "y", References = ["y"] },
            Mail("y", "[PATCH 2/2] x: two", "Cy", 1) with { InReplyTo = "x", References = ["x"] },
        };

        var series = Assert.Single(new SeriesGrouper().Group(mails).Series);

        Assert.Equal(2, series.Received);
    }

    [Fact]
    public void Group_V2PartThreadedUnderUnversionedCover_SplitByVersion()
    {
        var mails = new[]
        {
            Mail("c", "[PATCH 0/1] s: cover", "Vee", 0),
            Mail("p", "[PATCH v2 1/1] s: part", "Vee", 1) with { InReplyTo = "c", References = ["c"] },
        };

        var result = new SeriesGrouper().Group(mails);

        Assert.Equal(["v1 cover+0 0/1 incomplete", "v2 1 1/1"], result.Series.Select(SeriesSummary.Of));
    }

    private static MailMessage Mail(string id, string subject, string author, int minutes, string body = "") => new()
    {
        MessageId = id,
        Subject = subject,
        Author = author,
        Date = T0.AddMinutes(minutes),
        Body = body,
        Links = [new ArchiveLink("test", new Uri("https://example.org/" + id))],
    };
}
