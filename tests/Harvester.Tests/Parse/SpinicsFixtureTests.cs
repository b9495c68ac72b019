using Harvester.Parse;
using static Harvester.Tests.Parse.ParseTestSupport;

namespace Harvester.Tests.Parse;

/// <summary>fixtures/pages/spinics/*.html; every expected value was read off the fixture by hand.</summary>
public sealed class SpinicsFixtureTests
{
    private static string Spinics(string name) => Page("spinics", name);

    [Fact]
    public void Parse_NoVisibleHeader_UsesXCommentsAndDecodesEscapes()
    {
        var m = SpinicsMessage(Spinics("message-no-visible-header.html"), "msg434498.html");
        Assert.Equal("[PATCH net] tcp: fix <bar> accounting & cleanup", m.Subject); // &#60; and &#38; in X-Subject
        Assert.Equal("Brian O'Reviewer", m.Author);
        Assert.Equal("brian.reviewer@example.com", m.AuthorAddress);
        Assert.Equal("20170712080102.1111-1-brian.reviewer@example.com", m.MessageId);
        Assert.Equal(new DateTimeOffset(2017, 7, 12, 8, 1, 2, TimeSpan.Zero), m.Date);
        Assert.Empty(m.References);
        Assert.Null(m.InReplyTo);
        Assert.Equal(
            "The \"bar\" counter is read & written without the lock.\nLiteral entity text stays literal: &lt;not a tag&gt;\n\n" +
            "Reported-by: Tom Tester <tom.tester@xxxxxxxxxxx>\nSigned-off-by: Brian O'Reviewer <brian.reviewer@xxxxxxxxxxx>",
            m.Body);
    }

    [Fact]
    public void Parse_VisibleHeaderOnly_ReportsMessageIdMissingInsteadOfUsingTheUrl()
    {
        // No X-Message-Id and every visible msg-id masked: the id is missing. The page URL used to stand in for it,
        // which made a renamed-marker layout look like a good reading (issue 16).
        var outcome = new SpinicsMessagePageParser().Parse(
            new FetchedPage("spinics", "spinics", new Uri(SpinicsRoot, "msg434529.html"), Spinics("message-visible-header-only.html")));
        Assert.False(outcome.Succeeded);
        Assert.Equal([PageFields.MessageId], outcome.Missing);
        Assert.Contains("Message-ID", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_VisibleHeaderOnlyWithXMessageId_FallsBackByLabel()
    {
        // The same page with only the X-Message-Id comment kept: every other field is read by its visible label.
        var html = "<!--X-Message-Id: 20170713093000.2-0-joerg@example.de -->\n" + Spinics("message-visible-header-only.html");
        var m = SpinicsMessage(html, "msg434529.html");
        Assert.Equal("20170713093000.2-0-joerg@example.de", m.MessageId);
        Assert.Equal("Re: [PATCH net] tcp: fix bar accounting", m.Subject);
        Assert.Equal("Jörg Müller", m.Author); // &#xF6; &#xFC; in the name
        Assert.Null(m.AuthorAddress); // joerg.mueller@xxxxxxxxxx is masked, not an address
        Assert.Equal(new DateTimeOffset(2017, 7, 13, 9, 30, 0, TimeSpan.FromHours(2)), m.Date);
        Assert.Empty(m.References); // the visible ids are masked (local@xxxx): no threading data, not invented ones
        Assert.Null(m.InReplyTo);
        Assert.StartsWith("On Wed, Jul 12, Brian wrote:\n> The \"bar\" counter is read & written", m.Body);
        Assert.EndsWith("Acked-by: Jörg Müller <joerg.mueller@xxxxxxxxxx>", m.Body);
    }

    [Fact]
    public void Parse_Pre2619FromR13_DecodesRawLessThanAndEdtComment()
    {
        var m = SpinicsMessage(Spinics("message-pre-2619-from-r13.html"), "msg00123.html");
        Assert.Equal("Old Timer", m.Author);
        Assert.Equal("old.timer@example.org", m.AuthorAddress);
        Assert.Equal(new DateTimeOffset(1999, 7, 28, 14, 6, 37, TimeSpan.FromHours(-4)), m.Date);
        Assert.Equal("19990727000000.B999@example.org", m.InReplyTo);
        Assert.Equal("Looks fine to me.", m.Body);
    }

    [Fact]
    public void Parse_SevenDigitNumber_ReadsCapitalsDateWithoutWeekdayAndAngleId()
    {
        var m = SpinicsMessage(Spinics("message-7-digit-number.html"), "msg1036260.html");
        Assert.Equal("[PATCH bpf-next v3 0/2] bpf: seven digit numbers", m.Subject);
        Assert.Equal("Quinn Maintainer", m.Author);
        Assert.Equal("QMaint@Kernel.ORG", m.AuthorAddress);
        Assert.Equal(new DateTimeOffset(2024, 2, 3, 17, 45, 0, TimeSpan.FromHours(-8)), m.Date);
        Assert.Equal("20240203174500.1036260-0-qmaint@kernel.org", m.MessageId);
        Assert.Equal(new Uri("https://www.spinics.net/lists/netdev/msg1036260.html"), m.Links.Single().Url);
        Assert.Equal("Two small patches.\n\nQuinn Maintainer (2):\n  bpf: one\n  bpf: two", m.Body);
    }

    [Fact]
    public void Parse_Rfc2047Subject_DecodesEncodedWords()
    {
        var m = SpinicsMessage(Spinics("message-rfc2047-subject.html"), "msg500002.html");
        Assert.Equal("[PATCH net] net: fix Müller’s bug", m.Subject);
        Assert.Equal("Jörg Müller", m.Author);
        Assert.Equal("joerg.mueller@example.de", m.AuthorAddress);
        Assert.Equal("20240114.0-joerg@example.de", m.InReplyTo);
    }

    [Fact]
    public void Parse_MultiplePreBlocks_CollectsEveryNodeAndPicksVisibleInReplyTo()
    {
        var m = SpinicsMessage(Spinics("message-multiple-pre-blocks.html"), "msg500003.html");
        Assert.Equal("Stan Sender", m.Author);
        Assert.Equal("stan@example.net", m.AuthorAddress);
        Assert.Equal(["cover.0@example.net", "patch.1@example.net", "other.2@example.net"], m.References);
        Assert.Equal("patch.1@example.net", m.InReplyTo); // the visible In-reply-to, not the last X-Reference
        Assert.Equal(
            "First chunk line one\nfirst chunk line two\n> quoted & flowed\nSecond chunk after the quote\nLast block, plain.",
            m.Body);
    }

    [Fact]
    public void ParseIndex_FirstPage_ReadsEntriesAuthorsAndNextPage()
    {
        var page = SpinicsIndex(Spinics("index-first-page.html"));
        Assert.Equal([600003L, 600002, 600001], page.Entries.Select(e => e.Number));
        Assert.Equal("Re: [PATCH net] tcp: fix <bar> & baz", page.Entries[0].Subject);
        Assert.Equal(["Jörg Müller", "tom.tester", "Anna K. Maintainer"], page.Entries.Select(e => e.Author));
        Assert.Equal(new Uri("https://www.spinics.net/lists/netdev/mail2.html"), page.NextPage);
        Assert.False(page.EndMarked);
    }

    [Fact]
    public void ParseIndex_LastPage_HasNoNextPageAndReadsAnyNumberWidth()
    {
        var page = SpinicsIndex(Spinics("index-last-page.html"), "mail7.html");
        Assert.Equal([1036260L, 123], page.Entries.Select(e => e.Number));
        Assert.Equal(new Uri("https://www.spinics.net/lists/netdev/msg00123.html"), page.Entries[1].Url);
        Assert.Null(page.NextPage);
        Assert.True(page.EndMarked); // the inactive plain "[Next Page]"
    }

    [Fact]
    public void ParseIndex_PagingMarkupRenamed_NotEndMarked()
    {
        var html = Spinics("index-first-page.html").Replace(">Next Page<", ">Older<", StringComparison.Ordinal);

        var page = SpinicsIndex(html);

        Assert.Null(page.NextPage);
        Assert.False(page.EndMarked);
    }

    [Fact]
    public void ParseIndex_HrefBeforeName_ReadsEntriesOnceInOrder()
    {
        var page = SpinicsIndex(Spinics("index-href-before-name.html"), "mail2.html");
        Assert.Equal([700010L, 700009], page.Entries.Select(e => e.Number));
        Assert.Equal("Brian Reviewer", page.Entries[1].Author);
        Assert.Equal(new Uri("https://www.spinics.net/lists/netdev/mail3.html"), page.NextPage);
    }

    [Fact]
    public void Parse_NotAnArchive_FailsWithReason()
    {
        var html = Spinics("not-an-archive.html");
        var index = new SpinicsIndexPageParser().Parse("spinics", SpinicsRoot, html);
        var message = new SpinicsMessagePageParser().Parse(new FetchedPage("spinics", "spinics", SpinicsRoot, html));
        Assert.False(index.Succeeded);
        Assert.Contains("not an archive index", index.Error);
        Assert.False(message.Succeeded);
        Assert.False(string.IsNullOrEmpty(message.Error));
    }

    [Fact]
    public void Parse_GarbageInput_FailsWithoutThrowing()
    {
        foreach (var html in new[] { "", "<<<>>>", "<!--X-Subject: only -->", "<html><body><!--X-Body-of-Message--><pre>x" })
        {
            var outcome = new SpinicsMessagePageParser().Parse(new FetchedPage("spinics", "spinics", SpinicsRoot, html));
            Assert.False(outcome.Succeeded, html);
            Assert.False(new SpinicsIndexPageParser().Parse("spinics", SpinicsRoot, html).Succeeded, html);
        }
    }
}
