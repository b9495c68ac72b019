using Harvester.Crawl;
using Harvester.Domain;
using Harvester.Merge;
using Harvester.Parse;

namespace Harvester.Tests.Merge;

/// <summary>
/// Pull requests are de-duplicated once, in <see cref="PullRequestSightings"/>: every sighting of one mail (its page
/// when read, each archive's index entries, the same entry seen on two index pages) folds into one pull request by
/// subject (whitespace collapsed, case ignored), with each page linked once.
/// </summary>
public sealed class PullRequestSightingsDedupTests
{
    private static readonly HarvestWindow Week = new(DateTimeOffset.Parse("2026-11-23T00:00:00Z"), DateTimeOffset.Parse("2026-11-30T00:00:00Z"));
    private static readonly DateOnly Nov27 = new(2026, 11, 27);

    [Fact]
    public void Find_SameEntryOnTwoIndexPages_OnePullRequestOneLink()
    {
        var mailArchive = Crawl("MailArchive", Entry("MailArchive", 7, "pull-request: bpf 2026-11-27", Nov27), Entry("MailArchive", 7, "pull-request: bpf 2026-11-27", Nov27));

        var pull = Assert.Single(PullRequestSightings.Find([mailArchive], [], [], Week));

        Assert.Single(pull.Links);
    }

    [Fact]
    public void Find_ReadPageAndEveryArchivesEntry_OnePullRequest_EachPageLinkedOnce()
    {
        // The read page is spinics' msg105; spinics' index names the same page; mail-archive and the bpf list's spinics
        // show the same mail with the subject spelled in other case and spacing.
        var read = Pull("pull@x", "2026-11-27T10:00:00Z", "pull-request: bpf 2026-11-27", SpinicsLink("Spinics", 105));
        var spinics = Crawl("Spinics", Entry("Spinics", 105, "pull-request: bpf 2026-11-27", null));
        var spinicsBpf = Crawl("SpinicsBpf", Entry("SpinicsBpf", 40, "Pull-Request: BPF  2026-11-27", null));
        var mailArchive = Crawl("MailArchive", Entry("MailArchive", 7, "pull-request:  bpf 2026-11-27", Nov27));

        var pull = Assert.Single(PullRequestSightings.Find([spinics, spinicsBpf, mailArchive], [read], [read], Week));

        Assert.Equal("pull@x", pull.MessageId);
        Assert.Equal("pull-request: bpf 2026-11-27", pull.Subject); // the read page's spelling
        Assert.Equal(["MailArchive", "Spinics", "SpinicsBpf"], pull.Links.Select(l => l.Archive).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Find_TwoPullRequestsOneDay_BothKept_OrderedByDayThenSubject_UndatedLast()
    {
        var mailArchive = Crawl(
            "MailArchive",
            Entry("MailArchive", 9, "pull-request: bpf-next 2026-11-27", Nov27),
            Entry("MailArchive", 8, "pull-request: bpf 2026-11-27", Nov27),
            Entry("MailArchive", 5, "[GIT PULL] Networking for v6.19-rc1", new DateOnly(2026, 11, 24)));
        var spinics = Crawl("Spinics", Entry("Spinics", 105, "[pull-request] ipsec 2026-11-25", null));
        var windowMessage = Message("a@x", "2026-11-25T10:00:00Z", SpinicsLink("Spinics", 100), "[PATCH net] a");
        var laterMessage = Message("b@x", "2026-11-26T10:00:00Z", SpinicsLink("Spinics", 110), "[PATCH net] b");

        var pulls = PullRequestSightings.Find([mailArchive, spinics], [windowMessage, laterMessage], [], Week);

        Assert.Equal(
            ["[GIT PULL] Networking for v6.19-rc1", "pull-request: bpf 2026-11-27", "pull-request: bpf-next 2026-11-27", "[pull-request] ipsec 2026-11-25"],
            pulls.Select(p => p.Subject));
    }

    [Fact]
    public void Find_ReadPageOutsideTheWindow_DropsThePullRequest_ThoughAnIndexDaysItInside()
    {
        // Its own Date (Nov 30 UTC) wins over the day mail-archive files it under (Nov 29, the sender's zone).
        var read = Pull("pull@x", "2026-11-30T01:00:00Z", "pull-request: net 2026-11-29", SpinicsLink("Spinics", 120));
        var mailArchive = Crawl("MailArchive", Entry("MailArchive", 7, "pull-request: net 2026-11-29", new DateOnly(2026, 11, 29)));

        Assert.Empty(PullRequestSightings.Find([mailArchive], [read], [read], Week));
    }

    [Fact]
    public void Find_AuthorSpelledDifferentlyAcrossArchives_CleanestNameKept()
    {
        var mailArchive = Crawl("MailArchive", Entry("MailArchive", 7, "pull-request: bpf 2026-11-27", Nov27, "daniel@iogearbox.net"));
        var spinics = Crawl("Spinics", Entry("Spinics", 105, "pull-request: bpf 2026-11-27", null, "Daniel Borkmann"));

        var pull = Assert.Single(PullRequestSightings.Find([mailArchive, spinics], [], [], Week));

        Assert.Equal("Daniel Borkmann", pull.Author);
    }

    private static SourceResult Crawl(string archive, params IndexEntry[] entries) => new() { Archive = archive, Entries = entries };

    private static ArchiveLink SpinicsLink(string archive, long n) =>
        new(archive, new Uri($"https://www.spinics.net/lists/{(archive == "Spinics" ? "netdev" : "bpf")}/msg{n}.html"));

    private static IndexEntry Entry(string archive, long n, string subject, DateOnly? day, string author = "Teodor Ionescu") =>
        new(archive, n, archive == "MailArchive" ? new Uri($"https://www.mail-archive.com/netdev@vger.kernel.org/msg{n}.html") : SpinicsLink(archive, n).Url, subject, author, day);

    private static MailMessage Pull(string id, string date, string subject, ArchiveLink link) => Message(id, date, link, subject);

    private static MailMessage Message(string id, string date, ArchiveLink link, string subject) => new()
    {
        MessageId = id,
        Subject = subject,
        Author = "Teodor Ionescu",
        Date = DateTimeOffset.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
        Links = [link],
    };
}
