using Harvester.Domain;
using Harvester.Parse;
using Harvester.Tests.Support;
using Harvester.Tests.Support.Sites;
using static Harvester.Tests.Parse.ParseTestSupport;

namespace Harvester.Tests.Parse;

/// <summary>FixtureArchive -> site writer -> parser gives the messages and the index order back.</summary>
public sealed class RoundTripTests
{
    private static readonly FixtureArchiveSettings Settings = new()
    {
        SpinicsStart = 1_036_258, MailArchiveStart = 99_998, SpinicsPageSize = 2, MailArchivePageSize = 2,
    };

    private static IReadOnlyList<FixtureMessage> Messages()
    {
        var t0 = new DateTimeOffset(2024, 3, 4, 9, 0, 0, TimeSpan.FromHours(2));
        FixtureMessage Make(string id, string subject, string name, string address, int minutes, string body, params string[] refs) => new()
        {
            FileName = id + ".eml", MessageId = id, Subject = subject, FromName = name, FromAddress = address,
            Date = t0.AddMinutes(minutes), Body = body, References = refs, InReplyTo = refs.Length > 0 ? refs[^1] : null,
        };

        return
        [
            Make("cover.0-jane@example.com", "[PATCH net-next v2 0/2] net: foo & <bar>", "Jane Developer", "jane.dev@example.com", 0,
                "This series adds \"foo\".\n\nJane Developer (2):\n  net: foo\n"),
            Make("patch.1-jane@example.com", "[PATCH net-next v2 1/2] net: foo", "Jane Developer", "jane.dev@example.com", 1,
                "Add foo; see https://example.org/foo?a=1 for details.\n\nSigned-off-by: Jane Developer <jane.dev@example.com>\n---\n" +
                " a.c | 2 +-\n\ndiff --git a/a.c b/a.c\n-\tif (x < 0 && y > 1)\n+\tif (x <= 0 && y > 1)\n-- \n2.43.0\n",
                "cover.0-jane@example.com"),
            Make("reply.2@example.de", "Re: [PATCH net-next v2 1/2] net: foo", "Jörg Müller", "joerg.mueller@example.de",
                30, "> Add foo\n\nAcked-by: Jörg Müller <joerg.mueller@example.de>\n", "cover.0-jane@example.com", "patch.1-jane@example.com"),
            Make("bare.3@example.net", "[PATCH bpf] bpf: bare sender", "", "bob@example.net", 45, "One line.\n"),
            Make("quoted.4@example.org", "Re: [PATCH bpf] bpf: bare sender", "O'Reviewer, Brian \"B\"", "brian@example.org", 60,
                "Looks good.\n", "bare.3@example.net"),
        ];
    }

    private static FixtureArchive Archive() => FixtureArchive.FromMessages(Messages(), Settings);

    [Fact]
    public void SpinicsMessage_RoundTrip_GivesFieldsBackWithMaskedBody()
    {
        var archive = Archive();
        var site = new SpinicsFixtureSite(archive);
        foreach (var f in archive.OnSpinics)
        {
            var file = $"msg{f.SpinicsNumber:D5}.html";
            var m = SpinicsMessage(site.Render(file)!, file);
            Assert.Equal(f.MessageId, m.MessageId);
            Assert.Equal(f.Subject, m.Subject);
            Assert.Equal(f.FromName.Length > 0 ? f.FromName : "bob", m.Author);
            Assert.Equal(f.FromAddress, m.AuthorAddress);
            Assert.Equal(f.Date, m.Date);
            Assert.Equal(f.Date.Offset, m.Date.Offset);
            Assert.Equal(f.References, m.References);
            Assert.Equal(f.InReplyTo, m.InReplyTo);
            Assert.Equal(SpinicsMasking.Mask(f.Body).TrimEnd(), m.Body);
        }
    }

    [Fact]
    public void SpinicsIndex_RoundTrip_ChainsPagesNewestFirst()
    {
        var archive = Archive();
        var entries = WalkIndex(new SpinicsFixtureSite(archive), new SpinicsIndexPageParser(), SpinicsRoot, out var pages);
        var expected = archive.OnSpinics.OrderByDescending(m => m.Date).ToList();
        Assert.Equal(expected.Select(m => m.SpinicsNumber!.Value), entries.Select(e => e.Number));
        Assert.Equal(expected.Select(m => m.Subject), entries.Select(e => e.Subject));
        Assert.Equal(expected.Select(m => m.FromName.Length > 0 ? m.FromName : "bob"), entries.Select(e => e.Author));
        Assert.Equal(3, pages); // 5 messages, 2 per page
        Assert.Equal(1_036_262L, entries[0].Number); // 7-digit numbers: 1036258 + 4
    }

    [Fact]
    public void MailArchiveMessage_RoundTrip_GivesFieldsBackWithTruncatedAddresses()
    {
        var archive = Archive();
        var site = new MailArchiveFixtureSite(archive);
        foreach (var f in archive.OnMailArchive)
        {
            var file = $"msg{f.MailArchiveNumber:D5}.html";
            var m = MailArchiveMessage(site.Render(file)!, file);
            Assert.Equal(f.MessageId, m.MessageId);
            Assert.Equal(f.Subject, m.Subject);
            Assert.Equal(f.FromName.Length > 0 ? f.FromName : "b...@example.net", m.Author); // bare address, truncated
            Assert.Equal(f.Date, m.Date);
            Assert.Equal(f.Date.Offset, m.Date.Offset);
            Assert.Empty(m.References);
            Assert.Equal(MailArchiveFixtureSite.Truncate(f.Body).TrimEnd(), m.Body);
            Assert.DoesNotContain("protected", m.Body);
        }
    }

    [Fact]
    public void MailArchiveIndex_RoundTrip_ChainsPagesWithDays()
    {
        var archive = Archive();
        var entries = WalkIndex(new MailArchiveFixtureSite(archive), new MailArchiveIndexPageParser(), MailArchiveRoot, out var pages);
        var expected = archive.OnMailArchive.OrderByDescending(m => m.Date).ToList();
        Assert.Equal(expected.Select(m => m.MailArchiveNumber!.Value), entries.Select(e => e.Number));
        Assert.Equal(expected.Select(m => (DateOnly?)DateOnly.FromDateTime(m.Date.UtcDateTime)), entries.Select(e => e.Day));
        Assert.Equal(expected.Select(m => m.FromName.Length > 0 ? m.FromName : "b...@example.net"), entries.Select(e => e.Author));
        Assert.Equal(3, pages);
    }

    [Fact]
    public void Render_UnknownNamesAndAbsentMessages_ReturnNull()
    {
        var dir = Directory.CreateTempSubdirectory("harvester-sites-");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "messages"));
            File.WriteAllText(Path.Combine(dir.FullName, "messages", "a.eml"), Eml("a@example.com", "X-Fixture-Spinics: none\nX-Fixture-MailArchive: 200100\n"));
            File.WriteAllText(Path.Combine(dir.FullName, "messages", "b.eml"), Eml("b@example.com", "X-Fixture-Spinics: 500123\nX-Fixture-MailArchive: none\n"));
            var archive = FixtureArchive.Load(dir.FullName);
            IFixtureSite spinics = new SpinicsFixtureSite(archive), mailArchive = new MailArchiveFixtureSite(archive);
            Assert.NotNull(spinics.Render("msg500123.html"));
            Assert.Null(mailArchive.Render("msg500123.html"));
            Assert.NotNull(mailArchive.Render("msg200100.html"));
            Assert.Null(spinics.Render("msg200100.html"));
            Assert.Null(mailArchive.Render("msg0200100.html")); // another zero-padding is another file
            Assert.Equal([500123L], SpinicsIndex(spinics.Render("maillist.html")!).Entries.Select(e => e.Number));
            Assert.Equal([200100L], MailArchiveIndex(mailArchive.Render("maillist.html")!).Entries.Select(e => e.Number));
            foreach (var site in new[] { spinics, mailArchive })
            {
                Assert.Null(site.Render("mail1.html"));
                Assert.Null(site.Render("mail2.html"));
                Assert.Null(site.Render("robots.txt"));
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string Eml(string id, string headers) =>
        $"From: Test Sender <sender@example.com>\nTo: netdev@vger.kernel.org\nSubject: test {id}\nDate: Mon, 4 Mar 2024 09:00:00 +0000\n" +
        $"Message-ID: <{id}>\n{headers}\nBody.\n";

    [Fact]
    public void Render_IndexLimits_ListOnlyTheNewest()
    {
        var archive = FixtureArchive.FromMessages(Messages(), Settings with { SpinicsIndexLimit = 1, MailArchiveIndexLimit = 3 });
        var spinics = SpinicsIndex(new SpinicsFixtureSite(archive).Render("maillist.html")!);
        Assert.Equal([archive.OnSpinics.Max(m => m.SpinicsNumber!.Value)], spinics.Entries.Select(e => e.Number));
        Assert.Null(spinics.NextPage);
        var entries = WalkIndex(new MailArchiveFixtureSite(archive), new MailArchiveIndexPageParser(), MailArchiveRoot, out _);
        Assert.Equal(3, entries.Count);
        Assert.NotNull(new MailArchiveFixtureSite(archive).Render(SiteFile(archive.OnMailArchive.First())));
    }

    [Fact]
    public void Render_MessagePages_HaveInactiveButtonsAtTheEnds()
    {
        var archive = Archive();
        var first = new SpinicsFixtureSite(archive).Render("msg1036258.html")!;
        Assert.Contains("[Date Prev]", first);
        Assert.Contains("[Thread Prev]", first);
        var newest = archive.OnMailArchive.Last();
        var last = new MailArchiveFixtureSite(archive).Render(SiteFile(newest))!;
        Assert.Contains("buttondisabled\" accesskey=\"n\" href=\"#\"", last);
        Assert.False(ChallengePage.IsChallenge(last));
        Assert.Equal(newest.MessageId, MailArchiveMessage(last).MessageId);
    }

    private static string SiteFile(FixtureMessage m) => $"msg{m.MailArchiveNumber:D5}.html";

    private static List<IndexEntry> WalkIndex(IFixtureSite site, IIndexPageParser parser, Uri root, out int pages)
    {
        var entries = new List<IndexEntry>();
        Uri? url = new(root, "maillist.html");
        pages = 0;
        while (url is not null && pages < 20)
        {
            var html = site.Render(root.MakeRelativeUri(url).ToString());
            Assert.NotNull(html);
            var page = Ok(parser.Parse("a", url, html!));
            entries.AddRange(page.Entries);
            url = page.NextPage;
            pages++;
        }

        return entries;
    }
}
