using Harvester.Crawl;
using Harvester.Domain;
using Harvester.Merge;
using Harvester.Parse;

namespace Harvester.Tests.Merge;

public sealed class PullRequestSightingsTests
{
    private static readonly HarvestWindow Week = new(DateTimeOffset.Parse("2026-11-23T00:00:00Z"), DateTimeOffset.Parse("2026-11-30T00:00:00Z"));

    [Fact]
    public void Find_SpinicsOnly_HasNoDayNotANeighbours()
    {
        // The old rule dated an undated spinics entry by the window message numbered nearest to it (here Nov 23).
        var spinics = Crawl("Spinics", SpinicsEntry(105, "pull-request: bpf-next 2026-11-28"));
        var messages = new[] { Message("a@x", "2026-11-23T10:00:00Z", SpinicsLink(100)), Message("b@x", "2026-11-29T10:00:00Z", SpinicsLink(110)) };

        var pull = Assert.Single(PullRequestSightings.Find([spinics], messages, [], Week));

        Assert.Null(pull.Day);
        Assert.Null(pull.MessageId);
    }

    [Fact]
    public void Find_SpinicsOutsideTheWindowsNumbers_IsLeftOut()
    {
        var spinics = Crawl("Spinics", SpinicsEntry(99, "pull-request: bpf 2026-11-20"));
        var messages = new[] { Message("a@x", "2026-11-23T10:00:00Z", SpinicsLink(100)), Message("b@x", "2026-11-29T10:00:00Z", SpinicsLink(110)) };

        Assert.Empty(PullRequestSightings.Find([spinics], messages, [], Week));
    }

    [Fact]
    public void Find_BothArchives_OnePullRequestWithMailArchivesDayAndBothLinks()
    {
        var spinics = Crawl("Spinics", SpinicsEntry(105, "pull-request: bpf-next 2026-11-28"));
        var mailArchive = Crawl("MailArchive", MailArchiveEntry(7, "pull-request: bpf-next  2026-11-28", new DateOnly(2026, 11, 28)));

        var pull = Assert.Single(PullRequestSightings.Find([spinics, mailArchive], [], [], Week));

        Assert.Equal(new DateOnly(2026, 11, 28), pull.Day);
        Assert.Equal(["MailArchive", "Spinics"], pull.Links.Select(l => l.Archive).Order());
    }

    [Fact]
    public void Find_DatedEntryOnAnEdgeDayOutsideTheWindow_IsLeftOut()
    {
        var mailArchive = Crawl("MailArchive", MailArchiveEntry(7, "[GIT PULL] Networking for v6.19-rc2", new DateOnly(2026, 11, 30)));

        Assert.Empty(PullRequestSightings.Find([mailArchive], [], [], Week));
    }

    [Fact]
    public void Find_ReadPage_ItsOwnDateAndIdWinOverTheIndexDay()
    {
        var read = Message("pull@x", "2026-11-27T23:30:00-02:00", SpinicsLink(105)) with { Subject = "pull-request: bpf 2026-11-27" };
        var mailArchive = Crawl("MailArchive", MailArchiveEntry(7, "pull-request: bpf 2026-11-27", new DateOnly(2026, 11, 27)));

        var pull = Assert.Single(PullRequestSightings.Find([mailArchive], [read], [read], Week));

        Assert.Equal(new DateOnly(2026, 11, 28), pull.Day); // 23:30 -02:00 is Nov 28 in UTC
        Assert.Equal("pull@x", pull.MessageId);
        Assert.Equal(2, pull.Links.Count);
    }

    [Fact]
    public void Find_RepliesToAPullRequest_AreNotPullRequests()
    {
        var mailArchive = Crawl("MailArchive", MailArchiveEntry(7, "Re: pull-request: bpf 2026-11-27", new DateOnly(2026, 11, 27)));

        Assert.Empty(PullRequestSightings.Find([mailArchive], [], [], Week));
    }

    private static SourceResult Crawl(string archive, params IndexEntry[] entries) => new() { Archive = archive, Entries = entries };

    private static ArchiveLink SpinicsLink(long n) => new("Spinics", new Uri($"https://www.spinics.net/lists/netdev/msg{n}.html"));

    private static IndexEntry SpinicsEntry(long n, string subject) =>
        new("Spinics", n, SpinicsLink(n).Url, subject, "Teodor Ionescu", null);

    private static IndexEntry MailArchiveEntry(long n, string subject, DateOnly day) =>
        new("MailArchive", n, new Uri($"https://www.mail-archive.com/netdev@vger.kernel.org/msg{n}.html"), subject, "Teodor Ionescu", day);

    private static MailMessage Message(string id, string date, ArchiveLink link) => new()
    {
        MessageId = id,
        Subject = "[PATCH bpf] bpf: x",
        Author = "Some One",
        Date = DateTimeOffset.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
        Links = [link],
    };
}
