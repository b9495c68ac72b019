using System.IO.Compression;
using System.Text;
using Harvester.Parse;
using Harvester.Tests.Support;

namespace Harvester.Tests.Parse;

/// <summary>lore.kernel.org's mboxrd search results and its Anubis page (fixtures/pages/public-inbox/).</summary>
public class PublicInboxParseTests
{
    private static readonly Uri Bpf = new("https://lore.kernel.org/bpf/");

    private static byte[] Fixture(string name) => File.ReadAllBytes(Paths.Fixture("pages", "public-inbox", name));

    private static byte[] Gzipped(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    [Fact]
    public void Read_GzippedSearchResult_FoldedEncodedHeadersAndQuotedPrintableDecoded()
    {
        var read = MboxReader.Read(Gzipped(Fixture("search-result.mboxrd")), "LoreBpf", Bpf, 1_000_000, 100_000);

        Assert.False(read.Failed);
        Assert.Equal(3, read.Messages.Count);
        var patch = read.Messages[0];
        Assert.Equal("20261115234510.4410-1-zdenka.horakova@example.cz", patch.MessageId);
        Assert.Equal("[PATCH bpf-next] selftests/bpf: Fix flaky timeout in the sockmap redirect test – v2", patch.Subject);
        Assert.Equal("Zdeňka Horáková", patch.Author);
        Assert.Equal("zdenka.horakova@example.cz", patch.AuthorAddress);
        Assert.Equal(DateTimeOffset.Parse("2026-11-15T23:45:10Z"), patch.Date);
        Assert.StartsWith("The test waits 1 second for the redirected packet; on a loaded CI runner that is not enough. Wait up to 5 seconds (x = 5).", patch.Body, StringComparison.Ordinal);
        Assert.EndsWith("Signed-off-by: Zdeňka Horáková <zdenka.horakova@example.cz>", patch.Body, StringComparison.Ordinal);
        Assert.Equal("https://lore.kernel.org/bpf/20261115234510.4410-1-zdenka.horakova@example.cz/", Assert.Single(patch.Links).Url.AbsoluteUri);
        Assert.Equal("LoreBpf", patch.Links[0].Archive);
    }

    [Fact]
    public void Parse_BotReply_RecipientIsTheSeriesAuthor_ListAddressIsNone()
    {
        var reply = RawMailParser.Parse(
            File.ReadAllBytes(Paths.Fixture("archives", "week-2026-12-sections", "messages", "120-bot-applied-libbpf-dedup-hints-older.eml")), "LoreBpf", Bpf);
        var patch = MboxReader.Read(Fixture("search-result.mboxrd"), "LoreBpf", Bpf, 1_000_000, 100_000).Messages[0];

        Assert.Equal("Oskar Lindqvist", reply.Value!.Recipient);
        Assert.Null(patch.Recipient); // "To: bpf@vger.kernel.org": no name
    }

    [Fact]
    public void Read_MboxrdQuotedFromLines_OneQuoteRemoved()
    {
        var patch = MboxReader.Read(Fixture("search-result.mboxrd"), "LoreBpf", Bpf, 1_000_000, 100_000).Messages[0];

        Assert.Contains("\nFrom the CI log, the packet arrives after 1.3 seconds.\n>From here on, a quoted line that began with \">From\".\n", patch.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Reply_ThreadingHeadersAndTextPartsButNotHtml()
    {
        var reply = MboxReader.Read(Fixture("search-result.mboxrd"), "LoreBpf", Bpf, 1_000_000, 100_000).Messages[1];

        Assert.Equal("slashy/reply@example.com", reply.MessageId);
        Assert.Equal("20261115234510.4410-1-zdenka.horakova@example.cz", reply.InReplyTo);
        Assert.Equal(["cover@example.cz", "20261115234510.4410-1-zdenka.horakova@example.cz"], reply.References);
        Assert.Equal(TimeSpan.FromHours(1), reply.Date.Offset); // the sender's offset is kept, as the HTML parsers keep it
        Assert.Equal("Acked-by: Kwame Osei <kwame.osei@example.com>\n--- a/tools/testing/selftests/bpf/prog_tests/sockmap_redir.c\n+++ b/tools/testing/selftests/bpf/prog_tests/sockmap_redir.c", reply.Body);
        Assert.Equal("https://lore.kernel.org/bpf/slashy%2Freply@example.com/", reply.Links[0].Url.AbsoluteUri);
    }

    [Fact]
    public void Read_MailWithoutMessageIdOrName_SkippedAndReported_NameFromAddress()
    {
        var read = MboxReader.Read(Fixture("search-result.mboxrd"), "LoreBpf", Bpf, 1_000_000, 100_000);

        Assert.Equal("mail 3 skipped: no Message-ID header", Assert.Single(read.Problems));
        Assert.Equal("ast", read.Messages[2].Author);
        Assert.Equal("bare@example.org", read.Messages[2].MessageId);
    }

    [Fact]
    public void Read_AnubisChallengePage_FailsAsAChallenge_NoMail()
    {
        var read = MboxReader.Read(Fixture("anubis-challenge.html"), "LoreBpf", Bpf, 1_000_000, 100_000);

        Assert.True(read.Failed);
        Assert.Empty(read.Messages);
        Assert.Contains("Anubis", Assert.Single(read.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OtherHtmlPage_FailsNotAnMbox()
    {
        var read = MboxReader.Read(Encoding.UTF8.GetBytes("<html><body><pre>[No results found]</pre></body></html>"), "LoreBpf", Bpf, 1_000_000, 100_000);

        Assert.True(read.Failed);
        Assert.Equal("an HTML page, not an mbox", Assert.Single(read.Problems));
    }

    [Fact]
    public void Read_EmptyGzip_FailsNotAnEmptyAnswer()
    {
        var read = MboxReader.Read(Gzipped([]), "LoreBpf", Bpf, 1_000_000, 100_000);

        Assert.True(read.Failed); // public-inbox says "no match" with a 404; an empty 200 is not kept as an answer
        Assert.Equal("no mail in the mbox", Assert.Single(read.Problems));
    }

    [Fact]
    public void Read_UnpacksPastTheCap_FailsInsteadOfGrowing()
    {
        var bomb = Gzipped(Encoding.ASCII.GetBytes("From mboxrd@z Thu Jan  1 00:00:00 1970\nSubject: x\n\n" + new string('a', 2_000_000) + "\n"));

        var read = MboxReader.Read(bomb, "LoreBpf", Bpf, maxUnpackedBytes: 100_000, maxMailBytes: 100_000);

        Assert.True(read.Failed);
        Assert.Contains("more than 100000 bytes once unpacked", Assert.Single(read.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OneMailPastTheMailCap_SkippedOthersKept()
    {
        var big = "From mboxrd@z Thu Jan  1 00:00:00 1970\nMessage-ID: <big@x>\nDate: Mon, 16 Nov 2026 12:00:00 +0000\n\n" + new string('a', 5_000) + "\n\n";
        var read = MboxReader.Read(Encoding.ASCII.GetBytes(big).Concat(Fixture("search-result.mboxrd")).ToArray(), "LoreBpf", Bpf, 1_000_000, maxMailBytes: 2_000);

        Assert.Equal(3, read.Messages.Count);
        Assert.StartsWith("mail 1 skipped: ", read.Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void IsChallenge_ChallengePageYes_MboxQuotingOneNo()
    {
        var page = File.ReadAllText(Paths.Fixture("pages", "public-inbox", "anubis-challenge.html"));

        Assert.True(AnubisChallenge.IsChallenge(page));
        Assert.False(AnubisChallenge.IsChallenge("From mboxrd@z Thu Jan  1 00:00:00 1970\nSubject: Anubis\n\n" + page));
        Assert.False(AnubisChallenge.IsChallenge(File.ReadAllText(Paths.Fixture("pages", "spinics", "message-7-digit-number.html"))));
        Assert.False(AnubisChallenge.IsChallenge(Gzipped(Encoding.UTF8.GetBytes(page)).AsSpan()));
    }

    [Fact]
    public void Split_CrlfLinesAndNoFinalNewline_MailsCutAtSeparatorsOnly()
    {
        var text = "From mboxrd@z x\r\nSubject: a\r\n\r\nbody\r\nFrom inside a paragraph is not a separator\r\n\r\nFrom mboxrd@z empty\r\n\r\nFrom mboxrd@z y\r\nSubject: b\r\n\r\nlast";

        var mails = MboxrdSplitter.Split(new MemoryStream(Encoding.ASCII.GetBytes(text)), 1000).Select(MboxrdSplitter.Text).ToList();

        Assert.Equal(["Subject: a\r\n\r\nbody\r\nFrom inside a paragraph is not a separator\r\n", "Subject: b\r\n\r\nlast"], mails);
    }
}
