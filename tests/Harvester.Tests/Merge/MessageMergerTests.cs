using Harvester.Crawl;
using Harvester.Domain;
using Harvester.Merge;
using Harvester.Parse;

namespace Harvester.Tests.Merge;

public class MessageMergerTests
{
    private static readonly DateTimeOffset Sent = DateTimeOffset.Parse("2026-11-10T09:00:00Z");

    [Fact]
    public void Merge_ThreeArchivesHoldOneMessage_OneMessageWithEveryLink()
    {
        // spinics netdev, mail-archive netdev, and a second spinics entry for the bpf list: one Message-ID.
        var spinics = Copy("Spinics", "https://www.spinics.net/lists/netdev/msg1.html", "<a@b>", references: ["cover@b"]);
        var mailArchive = Copy("MailArchive", "https://www.mail-archive.com/netdev@vger.kernel.org/msg2.html", "a@b");
        var bpf = Copy("SpinicsBpf", "https://www.spinics.net/lists/bpf/msg3.html", " a@b ");

        var merged = Assert.Single(new MessageMerger().Merge([mailArchive, spinics, bpf], [], []));

        Assert.Equal("a@b", merged.MessageId);
        Assert.Equal(["MailArchive", "Spinics", "SpinicsBpf"], merged.Links.Select(l => l.Archive).Order());
        Assert.Equal(["cover@b"], merged.References); // the copy with threading headers wins (spinics' X-Reference)
    }

    [Fact]
    public void Merge_LinkMatchForAKnownMessage_AddsItsLink_AndOneForAnUnknownIdIsIgnored()
    {
        var spinics = Copy("Spinics", "https://www.spinics.net/lists/netdev/msg1.html", "a@b");
        var matches = new[]
        {
            new LinkMatch("a@b", new ArchiveLink("MailArchive", new Uri("https://www.mail-archive.com/netdev@vger.kernel.org/msg2.html"))),
            new LinkMatch("outside@window", new ArchiveLink("MailArchive", new Uri("https://www.mail-archive.com/netdev@vger.kernel.org/msg9.html"))),
        };

        var merged = Assert.Single(new MessageMerger().Merge([spinics], matches, []));

        Assert.Equal(2, merged.Links.Count);
    }

    [Fact]
    public void Merge_RepliesInTheIndexes_CountedPerMessage_NotTwiceAcrossArchives()
    {
        var spinics = Copy("Spinics", "https://www.spinics.net/lists/netdev/msg1.html", "a@b");
        IndexEntry Reply(string archive, long number) =>
            new(archive, number, new Uri($"https://h/{archive}/msg{number}.html"), "Re: [PATCH net] tcp: fix it", "Reviewer", null);

        var merged = Assert.Single(new MessageMerger().Merge([spinics], [], [Reply("Spinics", 5), Reply("Spinics", 6), Reply("MailArchive", 7), Reply("MailArchive", 8)]));

        Assert.Equal(2, merged.RepliesSeen);
    }

    private static readonly ArchiveCatalog BothLists = new(
    [
        new ArchiveInfo("Spinics", "spinics", "netdev@vger.kernel.org", new Uri("https://www.spinics.net/lists/netdev/"), true),
        new ArchiveInfo("SpinicsBpf", "spinics", "bpf@vger.kernel.org", new Uri("https://www.spinics.net/lists/bpf/"), true),
        new ArchiveInfo("MailArchive", "mail-archive", null, new Uri("https://www.mail-archive.com/netdev@vger.kernel.org/"), true),
        new ArchiveInfo("LoreNetdev", "public-inbox", "netdev@vger.kernel.org", new Uri("https://lore.kernel.org/netdev/"), false),
        new ArchiveInfo("LoreBpf", "public-inbox", "bpf@vger.kernel.org", new Uri("https://lore.kernel.org/bpf/"), true),
    ]);

    [Fact]
    public void Merge_MessageOnBothLists_OneMessage_LinksNameKindAndList_AndLoreLinksForEachList()
    {
        var netdev = Copy("Spinics", "https://www.spinics.net/lists/netdev/msg1.html", "a/b@example.com");
        var bpf = Copy("SpinicsBpf", "https://www.spinics.net/lists/bpf/msg3.html", "a/b@example.com");

        var merged = Assert.Single(new MessageMerger(BothLists).Merge([netdev, bpf], [], []));

        var links = merged.Links.OrderBy(l => l.Archive, StringComparer.Ordinal).Select(l => (l.Archive, l.Kind, l.List, l.Url.AbsoluteUri)).ToList();
        Assert.Equal(
            [
                ("LoreBpf", "public-inbox", "bpf@vger.kernel.org", "https://lore.kernel.org/bpf/a%2Fb@example.com/"),
                ("LoreNetdev", "public-inbox", "netdev@vger.kernel.org", "https://lore.kernel.org/netdev/a%2Fb@example.com/"), // disabled: a link needs no request
                ("Spinics", "spinics", "netdev@vger.kernel.org", "https://www.spinics.net/lists/netdev/msg1.html"),
                ("SpinicsBpf", "spinics", "bpf@vger.kernel.org", "https://www.spinics.net/lists/bpf/msg3.html"),
            ],
            links);
    }

    [Fact]
    public void Merge_ArchiveWithoutList_NoLoreLink_AndALoreCopyIsNotLinkedTwice()
    {
        var mailArchive = Copy("MailArchive", "https://www.mail-archive.com/netdev@vger.kernel.org/msg2.html", "only@ma");
        var lore = Copy("LoreBpf", "https://lore.kernel.org/bpf/x@y/", "x@y");
        var spinicsBpf = Copy("SpinicsBpf", "https://www.spinics.net/lists/bpf/msg4.html", "x@y");

        var merged = new MessageMerger(BothLists).Merge([mailArchive, lore, spinicsBpf], [], []);

        Assert.Equal(["MailArchive"], merged.Single(m => m.MessageId == "only@ma").Links.Select(l => l.Archive));
        Assert.Equal(["LoreBpf", "SpinicsBpf"], merged.Single(m => m.MessageId == "x@y").Links.Select(l => l.Archive).Order());
    }

    [Fact]
    public void Annotate_PullRequestSighting_LinkNamesItsList()
    {
        var sighting = new ArchiveLink("SpinicsBpf", new Uri("https://www.spinics.net/lists/bpf/msg9.html"));

        var annotated = Assert.Single(new MessageMerger(BothLists).Annotate([sighting]));

        Assert.Equal(("spinics", "bpf@vger.kernel.org"), (annotated.Kind, annotated.List));
    }

    private static MailMessage Copy(string archive, string url, string id, IReadOnlyList<string>? references = null) => new()
    {
        MessageId = id,
        Subject = "[PATCH net] tcp: fix it",
        Author = "Jane Developer",
        Date = Sent,
        References = references ?? [],
        InReplyTo = references?.LastOrDefault(),
        Links = [new ArchiveLink(archive, new Uri(url))],
    };
}
