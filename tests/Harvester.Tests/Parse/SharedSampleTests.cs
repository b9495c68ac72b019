using Harvester.Parse;
using static Harvester.Tests.Parse.ParseTestSupport;

namespace Harvester.Tests.Parse;

/// <summary>The shared hand-written samples (/work/shared/archive-html), parsed in place; expected values read off the files.</summary>
public sealed class SharedSampleTests
{
    [Fact]
    public void SpinicsMessage_SharedSample_ReadsCommentsAndBody()
    {
        var m = SpinicsMessage(SharedSample("spinics-sample-message.html"));
        Assert.Equal("20170711171233.24716-2-jane.dev@example.com", m.MessageId);
        Assert.Equal("[PATCH net-next v2 1/3] net: sched: add foo offload", m.Subject);
        Assert.Equal("Jane Developer", m.Author);
        Assert.Equal("jane.dev@example.com", m.AuthorAddress);
        Assert.Equal(new DateTimeOffset(2017, 7, 11, 10, 12, 33, TimeSpan.FromHours(-7)), m.Date);
        Assert.Equal(["20170711171233.24716-1-jane.dev@example.com"], m.References);
        Assert.Equal("20170711171233.24716-1-jane.dev@example.com", m.InReplyTo);
        Assert.StartsWith("Add a new \"foo\" offload flag to the sched core", m.Body);
        Assert.Contains("Details at\nhttps://example.org/foo-offload.html\n", m.Body);
        Assert.Contains("Signed-off-by: Jane Developer <jane.dev@xxxxxxxxxxx>", m.Body);
        Assert.Contains("/* Driver reports foo offload & its state */", m.Body);
        Assert.Contains("return dev->features & NETIF_F_HW_TC;", m.Body);
        Assert.EndsWith("-- \n2.9.4", m.Body);
        Assert.Equal("spinics", m.Links.Single().Archive);
    }

    [Fact]
    public void MailArchiveMessage_SharedSample_ParentLinkIsTheSlicesParent()
    {
        // 2/3 (tSliceCur) sits in the <li><ul> wrapper after the cover's li; 1/3 is a sibling, not the parent.
        var m = MailArchiveMessage(SharedSample("mail-archive-sample-message.html"));

        Assert.Equal(new Uri(MailArchiveRoot, "msg302214.html"), m.ParentLink);
    }

    [Fact]
    public void SpinicsIndex_SharedSample_ReadsEntriesInOrderAndNextPage()
    {
        var page = SpinicsIndex(SharedSample("spinics-sample-index.html"));
        Assert.Equal([434530L, 434529, 434528, 434527, 434499, 434498, 434497, 434496], page.Entries.Select(e => e.Number));
        Assert.Equal("Brian Reviewer", page.Entries[0].Author);
        Assert.Equal("Anna K. Maintainer", page.Entries[2].Author);
        Assert.Equal("[PATCH iproute2-next] tc: add foo keyword & docs", page.Entries[3].Subject);
        Assert.Equal(new Uri("https://www.spinics.net/lists/netdev/msg434530.html"), page.Entries[0].Url);
        Assert.All(page.Entries, e => Assert.Null(e.Day));
        Assert.Equal(new Uri("https://www.spinics.net/lists/netdev/mail2.html"), page.NextPage);
    }

    [Fact]
    public void MailArchiveMessage_SharedSample_ReadsHeadBodyAndDecodesCloudflare()
    {
        var m = MailArchiveMessage(SharedSample("mail-archive-sample-message.html"));
        Assert.Equal("20190612101530.12345-3-jane.developer@example.com", m.MessageId);
        Assert.Equal("[PATCH net-next 2/3] net: sched: foo: report offload statistics", m.Subject);
        Assert.Equal("Jane Developer", m.Author);
        Assert.Null(m.AuthorAddress);
        Assert.Equal(new DateTimeOffset(2019, 6, 12, 12, 15, 32, TimeSpan.FromHours(2)), m.Date);
        Assert.Equal(TimeSpan.FromHours(2), m.Date.Offset);
        Assert.Empty(m.References);
        Assert.Null(m.InReplyTo);
        Assert.StartsWith("Report the hardware counters of an offloaded foo qdisc through the\nexisting TCA_STATS2 attribute, so that \"tc -s qdisc show\" prints the", m.Body);
        Assert.Contains("software path.\n\nThe driver fills", m.Body);
        Assert.Contains("Cc: sam.revie...@example.org\n", m.Body);
        Assert.Contains("Signed-off-by: Jane Developer <jane.develo...@example.com>\n", m.Body);
        Assert.Contains(".stats.bstats = &sch->bstats,", m.Body);
        Assert.EndsWith("-- \n2.20.1", m.Body);
        Assert.DoesNotContain("Previous message", m.Body);
    }

    [Fact]
    public void MailArchiveIndex_SharedSample_ReadsSpansDatesSendersAndNextPage()
    {
        var page = MailArchiveIndex(SharedSample("mail-archive-sample-index.html"));
        Assert.Equal(10, page.Entries.Count);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => 302230L - i), page.Entries.Select(e => e.Number));
        Assert.Equal("[PATCH net v2] ipv4: fix race between route flush & dump", page.Entries[1].Subject);
        Assert.Equal("Jörg Müller", page.Entries[1].Author);
        Assert.Equal("k.use...@example.net", page.Entries[3].Author);
        Assert.Equal(new DateOnly(2019, 6, 12), page.Entries[0].Day);
        Assert.Equal(new DateOnly(2019, 6, 11), page.Entries[9].Day);
        Assert.Equal(new Uri("https://www.mail-archive.com/netdev@vger.kernel.org/mail2.html"), page.NextPage);
    }

    [Fact]
    public void IsChallenge_SharedSamples_AreNotChallenges()
    {
        Assert.Contains("challenge-platform", SharedSample("mail-archive-sample-message.html"));
        Assert.False(ChallengePage.IsChallenge(SharedSample("mail-archive-sample-message.html")));
        Assert.False(ChallengePage.IsChallenge(SharedSample("mail-archive-sample-index.html")));
        Assert.False(ChallengePage.IsChallenge(SharedSample("spinics-sample-message.html")));
        Assert.False(ChallengePage.IsChallenge(SharedSample("spinics-sample-index.html")));
    }

    [Fact]
    public void Parse_WrongKindOfPage_Fails()
    {
        var spinicsAsIndex = new SpinicsIndexPageParser().Parse("spinics", SpinicsRoot, SharedSample("spinics-sample-message.html"));
        Assert.False(spinicsAsIndex.Succeeded);
        var messageAsIndex = new MailArchiveIndexPageParser().Parse("mail-archive", MailArchiveRoot, SharedSample("mail-archive-sample-message.html"));
        Assert.False(messageAsIndex.Succeeded);
        var indexAsMessage = new MailArchiveMessagePageParser().Parse(
            new FetchedPage("mail-archive", "mail-archive", MailArchiveRoot, SharedSample("mail-archive-sample-index.html")));
        Assert.False(indexAsMessage.Succeeded);
        Assert.NotNull(indexAsMessage.Error);
    }
}
