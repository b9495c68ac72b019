using Harvester.Domain;
using Harvester.Parse;
using Harvester.Tests.Support;
using Harvester.Tests.Support.Sites;
using static Harvester.Tests.Parse.ParseTestSupport;

namespace Harvester.Tests.Parse;

/// <summary>
/// Parsers report the required fields a changed layout took away instead of inventing stand-ins (issue 16), and
/// <see cref="LayoutWatch"/> turns repeated gaps into one archive's drift.
/// </summary>
public sealed class LayoutDriftTests
{
    private static readonly FixtureArchive Week = FixtureArchive.Load(Paths.Fixture("archives", "week-2026-11"));

    private static FixtureMessage Patch => Week.Messages.First(m => m.Subject.StartsWith("[PATCH", StringComparison.Ordinal) && m.SpinicsNumber is not null && m.MailArchiveNumber is not null);

    [Fact]
    public void Parse_SpinicsMarkersAndLabelsRenamed_ReportsMessageIdAndSubjectMissing()
    {
        var file = SiteText.MessageFile(Patch.SpinicsNumber!.Value);
        var html = ChangedLayoutSite.SpinicsMarkersAndLabelsRenamed(Week).Render(file)!;

        var outcome = new SpinicsMessagePageParser().Parse(new FetchedPage("Spinics", "spinics", new Uri(SpinicsRoot, file), html));

        Assert.False(outcome.Succeeded); // neither the URL as Message-ID nor the <title> as subject
        Assert.Equal([PageFields.MessageId, PageFields.Subject], outcome.Missing);
    }

    [Fact]
    public void Parse_SpinicsUnchanged_NothingMissing()
    {
        var file = SiteText.MessageFile(Patch.SpinicsNumber!.Value);
        var outcome = new SpinicsMessagePageParser().Parse(new FetchedPage("Spinics", "spinics", new Uri(SpinicsRoot, file), new SpinicsFixtureSite(Week).Render(file)!));

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Empty(outcome.Missing);
        Assert.Equal(Patch.MessageId, outcome.Value!.MessageId);
    }

    [Fact]
    public void Parse_MailArchiveHeadClassRenamed_ReportsSubjectAuthorDateMissing()
    {
        var file = SiteText.MessageFile(Patch.MailArchiveNumber!.Value);
        var html = ChangedLayoutSite.MailArchiveHeadClassRenamed(Week).Render(file)!;

        var outcome = new MailArchiveMessagePageParser().Parse(new FetchedPage("MailArchive", "mail-archive", new Uri(MailArchiveRoot, file), html));

        Assert.Equal([PageFields.Subject, PageFields.Author, PageFields.Date], outcome.Missing); // not the <title>
    }

    [Fact]
    public void ParseIndex_SpinicsListMoved_ReportsNoEntriesInsteadOfAnEmptyPage()
    {
        var html = ChangedLayoutSite.SpinicsIndexMoved(Week).Render("maillist.html")!;

        var outcome = new SpinicsIndexPageParser().Parse("Spinics", SpinicsRoot, html);

        Assert.False(outcome.Succeeded);
        Assert.Equal([PageFields.Entries], outcome.Missing);
        Assert.Contains("<tr><td><a name=", html, StringComparison.Ordinal); // the change did happen
    }

    [Fact]
    public void ParseIndex_MailArchiveListMoved_ReportsNoEntries()
    {
        var html = ChangedLayoutSite.MailArchiveIndexMoved(Week).Render("maillist.html")!;

        var outcome = new MailArchiveIndexPageParser().Parse("MailArchive", MailArchiveRoot, html);

        Assert.Equal([PageFields.Entries], outcome.Missing);
    }

    [Fact]
    public void Watch_OneOddPageAmongGoodOnes_IsNoDrift()
    {
        var watch = new LayoutWatch();
        for (var i = 0; i < 6; i++)
        {
            watch.Message("A", Url(i), i == 2 ? Gap(PageFields.Body) : Good());
        }

        Assert.Null(watch.DriftOf("A"));
    }

    [Fact]
    public void Watch_ThreeInARowAfterGoodPages_IsDriftNamingTheFields()
    {
        var watch = new LayoutWatch();
        for (var i = 0; i < 10; i++)
        {
            watch.Message("A", Url(i), Good());
        }

        watch.Message("A", Url(10), Gap(PageFields.MessageId));
        watch.Message("A", Url(11), Gap(PageFields.MessageId, PageFields.Subject));
        Assert.Null(watch.DriftOf("A")); // 2 of 12: neither three in a row nor half
        watch.Message("A", Url(12), Gap(PageFields.MessageId));

        var drift = watch.DriftOf("A");
        Assert.NotNull(drift);
        Assert.Equal([PageFields.MessageId, PageFields.Subject], drift.Missing);
        Assert.Equal((3, 13), (drift.PagesMissing, drift.PagesRead));
        Assert.Equal(Url(10), drift.Example);
        Assert.Null(watch.DriftOf("B"));
    }

    [Fact]
    public void Watch_SamePageReadTwice_CountsOnce()
    {
        var watch = new LayoutWatch(new DriftOptions { ConsecutiveMissing = 2, MinimumMissing = 2 });
        watch.Message("A", Url(1), Gap(PageFields.Body));
        watch.Message("A", Url(1), Gap(PageFields.Body));

        Assert.Null(watch.DriftOf("A"));
    }

    [Fact]
    public void Watch_IndexWithoutEntries_IsDriftAtOnce()
    {
        var watch = new LayoutWatch();
        watch.Index("A", Url(0), ParseOutcome<IndexPage>.MissingFields("index", [PageFields.Entries]));

        Assert.Equal("index", watch.DriftOf("A")!.PageKind);
        Assert.Contains("index pages lack index entries", watch.DriftOf("A")!.Describe(), StringComparison.Ordinal);
    }

    private static Uri Url(int i) => new(SpinicsRoot, $"msg{i:D5}.html");

    private static ParseOutcome<MailMessage> Gap(params string[] fields) => ParseOutcome<MailMessage>.MissingFields("page", fields);

    private static ParseOutcome<MailMessage> Good() => ParseOutcome<MailMessage>.Ok(new MailMessage
    {
        MessageId = "a@b", Subject = "s", Author = "a", Date = DateTimeOffset.UnixEpoch, Body = "", Links = [],
    });
}
