using Harvester.Parse;
using static Harvester.Tests.Parse.ParseTestSupport;

namespace Harvester.Tests.Parse;

/// <summary>fixtures/pages/mail-archive/*.html; every expected value was read off the fixture by hand.</summary>
public sealed class MailArchiveFixtureTests
{
    private static string MailArchive(string name) => Page("mail-archive", name);

    [Theory]
    [InlineData("message-2024-no-cloudflare.html", "msg302214.html")] // current message below its parent's li
    [InlineData("message-slice-top.html", null)] // current message is the root of the slice
    [InlineData("message-slice-empty.html", null)] // no relatives: an empty ul
    public void Parse_ThreadSlice_ParentLinkIsTheLiBeforeTheWrapper(string fixture, string? parent)
    {
        var m = MailArchiveMessage(MailArchive(fixture));

        Assert.Equal(parent is null ? null : new Uri(MailArchiveRoot, parent), m.ParentLink);
    }

    [Fact]
    public void Parse_CloudflarePage_DecodesAddressesAndKeepsViaAuthor()
    {
        var m = MailArchiveMessage(MailArchive("message-cloudflare.html"));
        Assert.Equal("[PATCH net v2] ipv4: fix race between route flush & dump", m.Subject);
        Assert.Equal("Jörg Müller via netdev", m.Author);
        Assert.Equal("20240115100000.4242-1-joerg.mueller@example.de", m.MessageId);
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 10, 0, 0, TimeSpan.FromHours(1)), m.Date);
        Assert.Equal(TimeSpan.FromHours(1), m.Date.Offset);
        Assert.Equal(
            "Fix the \"flush\" race & the dump path.\n\nReported-by: k.use...@example.net\n" +
            "Signed-off-by: Jörg Müller <joerg.muel...@example.de>\nLink: https://lore.kernel.org/r/1\n---\n net/ipv4/route.c | 2 +-",
            m.Body);
    }

    [Fact]
    public void Parse_2024Page_ReadsPlainTruncatedAddresses()
    {
        var m = MailArchiveMessage(MailArchive("message-2024-no-cloudflare.html"));
        Assert.Equal("Re: [PATCH net-next] net: plain page", m.Subject);
        Assert.Equal("a.b...@example.org", m.Author);
        Assert.Equal("CAHk-plain+2024@mail.gmail.com", m.MessageId);
        Assert.Equal(new DateTimeOffset(2024, 2, 21, 4, 59, 59, TimeSpan.Zero), m.Date.ToUniversalTime());
        Assert.Equal(
            "Plain 2024 page: addresses are only truncated by mail-archive, a.b...@example.org and\n" +
            "<jane.develo...@example.com> stay as text.\n\n-- \n2.43.0",
            m.Body);
    }

    [Fact]
    public void Parse_NoMsgidInputNorSubjectName_FallsBackToCloudflareFooterAndSubjectSpan()
    {
        var m = MailArchiveMessage(MailArchive("message-footer-id-only.html"));
        Assert.Equal("footer.only.1@example.org", m.MessageId);
        Assert.Equal("[PATCH bpf] bpf: footer id", m.Subject);
        Assert.Equal("Sam Reviewer", m.Author);
        Assert.Equal("Only the footer carries the id here.", m.Body);
    }

    [Fact]
    public void ParseIndex_UnclosedLi_ReadsEachEntryWithItsOwnSpans()
    {
        var page = MailArchiveIndex(MailArchive("index-unclosed-li.html"), "mail16.html");
        Assert.Equal([1000002L, 1000001, 999], page.Entries.Select(e => e.Number));
        Assert.Equal("Re: [PATCH net] tcp: \"quoted\" & escaped", page.Entries[0].Subject);
        Assert.Equal([new DateOnly(2019, 6, 3), null, new DateOnly(2019, 6, 1)], page.Entries.Select(e => e.Day));
        Assert.Equal(["Sam Reviewer", "Chris Contributor", "k.use...@example.net"], page.Entries.Select(e => e.Author));
        Assert.Equal(new Uri("https://www.mail-archive.com/netdev@vger.kernel.org/msg00999.html"), page.Entries[2].Url);
        Assert.Null(page.NextPage); // only "Later messages" on the last page
        Assert.True(page.EndMarked);
    }

    [Fact]
    public void ParseIndex_OnlyPageLessThanFull_EndMarked()
    {
        // A list whose whole index is one page: neither paging link, fewer than 200 entries.
        var html = MailArchive("index-unclosed-li.html").Replace("<li><span class=\"prevpglink\"><A HREF=\"mail15.html\" accesskey=\"n\">Later messages</A></span></li>", "", StringComparison.Ordinal);

        var page = MailArchiveIndex(html, "maillist.html");

        Assert.Null(page.NextPage);
        Assert.True(page.EndMarked);
    }

    [Fact]
    public void ParseIndex_FullPageWithoutPagingLinks_NotEndMarked()
    {
        // 200 entries and no nextpglink: the paging markup changed (a full page is never the last one we can tell).
        var entries = string.Concat(Enumerable.Range(1, MailArchiveIndexPageParser.FullPage).Select(n =>
            $"<li> \n<span class=\"date\">2019/06/01</span> \n<span class=\"subject\"><a name=\"{n}\" href=\"msg{n:00000}.html\">[PATCH net] entry {n}</a></span> \n<span class=\"sender\">A Author</span>\n"));
        var html = MailArchive("index-unclosed-li.html").Replace("<li><span class=\"prevpglink\"><A HREF=\"mail15.html\" accesskey=\"n\">Later messages</A></span></li>", "", StringComparison.Ordinal);
        html = html.Insert(html.IndexOf("<ul class=\"msglink\">", StringComparison.Ordinal) + "<ul class=\"msglink\">".Length, "\n" + entries);

        var page = MailArchiveIndex(html, "maillist.html");

        Assert.Equal(MailArchiveIndexPageParser.FullPage + 3, page.Entries.Count);
        Assert.Null(page.NextPage);
        Assert.False(page.EndMarked);
    }

    [Theory]
    [InlineData("challenge-just-a-moment.html")]
    [InlineData("challenge-attention-required.html")]
    [InlineData("challenge-platform-only.html")]
    public void IsChallenge_CloudflareInterstitial_True(string name) =>
        Assert.True(ChallengePage.IsChallenge(MailArchive(name)));

    [Theory]
    [InlineData("message-cloudflare.html")]
    [InlineData("message-2024-no-cloudflare.html")]
    [InlineData("index-unclosed-li.html")]
    [InlineData("not-an-archive.html")]
    public void IsChallenge_NormalOrForeignPage_False(string name) =>
        Assert.False(ChallengePage.IsChallenge(MailArchive(name)));

    [Fact]
    public void Parse_ChallengeOrForeignPage_Fails()
    {
        foreach (var name in new[] { "challenge-just-a-moment.html", "not-an-archive.html" })
        {
            var html = MailArchive(name);
            Assert.False(new MailArchiveIndexPageParser().Parse("mail-archive", MailArchiveRoot, html).Succeeded, name);
            Assert.False(new MailArchiveMessagePageParser().Parse(new FetchedPage("mail-archive", "mail-archive", MailArchiveRoot, html)).Succeeded, name);
        }
    }

    [Fact]
    public void For_KnownAndUnknownKinds_ReturnsMatchingParsers()
    {
        Assert.IsType<SpinicsMessagePageParser>(PageParsers.For("spinics")!.Value.Message);
        Assert.IsType<MailArchiveIndexPageParser>(PageParsers.For("mail-archive")!.Value.Index);
        Assert.Null(PageParsers.For("lore"));
    }
}
