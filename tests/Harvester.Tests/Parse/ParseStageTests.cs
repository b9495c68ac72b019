using Harvester.Crawl;
using Harvester.Domain;
using Harvester.Parse;

namespace Harvester.Tests.Parse;

public class ParseStageTests
{
    private static readonly HarvestWindow Window = new(DateTimeOffset.Parse("2026-11-09T00:00:00Z"), DateTimeOffset.Parse("2026-11-16T00:00:00Z"));

    [Fact]
    public void Parse_PagesInAndOutsideTheWindow_SplitsThemAndCountsOnlyOutsideProbes()
    {
        var parser = new DateInBodyParser();
        var stage = new ParseStage(new MessageReader(_ => parser));
        var source = new SourceResult
        {
            Archive = "spinics",
            Documents =
            [
                Document("msg1.html", "2026-11-10T12:00:00Z", ReadPurpose.Entry),
                Document("msg2.html", "2026-11-08T23:00:00Z", ReadPurpose.Probe),
                Document("msg3.html", "2026-11-16T00:00:00Z", ReadPurpose.Entry),
                Document("msg4.html", "2026-11-11T08:00:00Z", ReadPurpose.Probe),
            ],
        };

        var parsed = stage.Parse(source, Window);

        Assert.Equal(["msg1.html", "msg4.html"], parsed.Messages.Select(m => m.MessageId));
        Assert.Equal(["msg2.html", "msg3.html"], parsed.Outside.Select(m => m.MessageId));
        Assert.Equal(1, parsed.Probes); // msg2 steered a walk; msg3 was an edge-day entry (overhead)
        Assert.Empty(parsed.Diagnostics);
    }

    [Fact]
    public void Parse_PageAlreadyReadByTheWalk_IsParsedOnce()
    {
        var parser = new DateInBodyParser();
        var reader = new MessageReader(_ => parser);
        var document = Document("msg1.html", "2026-11-10T12:00:00Z", ReadPurpose.Probe);
        reader.Read(document.Page); // the walk read its date

        var parsed = new ParseStage(reader).Parse(new SourceResult { Archive = "spinics", Documents = [document] }, Window);

        Assert.Single(parsed.Messages);
        Assert.Equal(1, parser.Calls);
    }

    [Fact]
    public void Parse_UnparseablePage_IsAnErrorNamingThePage()
    {
        var stage = new ParseStage(new MessageReader(_ => new DateInBodyParser()));

        var parsed = stage.Parse(new SourceResult { Archive = "spinics", Documents = [Document("msg9.html", "not a date", ReadPurpose.Entry)] }, Window);

        Assert.Empty(parsed.Messages);
        var diagnostic = Assert.Single(parsed.Diagnostics);
        Assert.Equal(DiagnosticLevel.Error, diagnostic.Level);
        Assert.EndsWith("msg9.html", diagnostic.Url);
    }

    private static SourceDocument Document(string file, string body, ReadPurpose purpose) =>
        new(new FetchedPage("spinics", "spinics", new Uri("https://www.spinics.net/lists/netdev/" + file), body), purpose);

    /// <summary>A parser whose page is just its date; counts its calls.</summary>
    private sealed class DateInBodyParser : IMessagePageParser
    {
        public int Calls { get; private set; }

        public ParseOutcome<MailMessage> Parse(FetchedPage page)
        {
            Calls++;
            return DateTimeOffset.TryParse(page.Html, System.Globalization.CultureInfo.InvariantCulture, out var date)
                ? ParseOutcome<MailMessage>.Ok(new MailMessage { MessageId = page.Url.Segments[^1], Subject = "s", Author = "a", Date = date, Links = [] })
                : ParseOutcome<MailMessage>.Fail("no date");
        }
    }
}
