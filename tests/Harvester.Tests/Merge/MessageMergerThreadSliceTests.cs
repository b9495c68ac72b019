using Harvester.Crawl;
using Harvester.Domain;
using Harvester.Merge;

namespace Harvester.Tests.Merge;

/// <summary>
/// mail-archive's pages carry no In-Reply-To or References; its thread slice names the parent's page
/// (<see cref="MailMessage.ParentLink"/>). Merge turns that page into an In-Reply-To when the page belongs to a merged
/// message, whichever archive's link it is and whether the link was read or matched without a fetch.
/// </summary>
public sealed class MessageMergerThreadSliceTests
{
    private const string MailArchive = "https://www.mail-archive.com/netdev@vger.kernel.org/";
    private static readonly DateTimeOffset Sent = DateTimeOffset.Parse("2026-11-10T09:00:00Z");

    [Fact]
    public void Merge_ParentPageIsAMergedMessage_ParentBecomesInReplyToAndReferences()
    {
        var cover = Message("cover@x", MailArchive + "msg10.html", Sent);
        var patch = Message("patch1@x", MailArchive + "msg11.html", Sent.AddSeconds(5)) with { ParentLink = new Uri(MailArchive + "msg10.html") };

        var merged = new MessageMerger().Merge([patch, cover], [], []);

        var threaded = merged.Single(m => m.MessageId == "patch1@x");
        Assert.Equal("cover@x", threaded.InReplyTo);
        Assert.Equal(["cover@x"], threaded.References);
        Assert.Null(merged.Single(m => m.MessageId == "cover@x").InReplyTo);
    }

    [Fact]
    public void Merge_ParentPageKnownOnlyFromALinkMatch_StillThreads()
    {
        // The cover was read on spinics; its mail-archive page was linked from the index without a fetch.
        var cover = Message("cover@x", "https://www.spinics.net/lists/netdev/msg500.html", Sent);
        var patch = Message("patch1@x", MailArchive + "msg11.html", Sent.AddSeconds(5)) with { ParentLink = new Uri(MailArchive + "msg10.html") };
        var match = new LinkMatch("cover@x", new ArchiveLink("MailArchive", new Uri(MailArchive + "msg10.html")));

        var merged = new MessageMerger().Merge([cover, patch], [match], []);

        Assert.Equal("cover@x", merged.Single(m => m.MessageId == "patch1@x").InReplyTo);
    }

    [Fact]
    public void Merge_ParentPageNotAmongTheMessages_LeftUnthreaded()
    {
        var patch = Message("patch1@x", MailArchive + "msg11.html", Sent) with { ParentLink = new Uri(MailArchive + "msg10.html") };

        var merged = Assert.Single(new MessageMerger().Merge([patch], [], []));

        Assert.Null(merged.InReplyTo);
        Assert.Empty(merged.References);
    }

    [Fact]
    public void Merge_MessageWithItsOwnThreadingHeaders_KeepsThem_SliceParentIgnored()
    {
        // The spinics copy's X-Reference names the real parent; the slice's parent (another mail) must not replace it.
        var cover = Message("cover@x", MailArchive + "msg10.html", Sent);
        var other = Message("other@x", MailArchive + "msg12.html", Sent.AddSeconds(1));
        var spinics = Message("patch1@x", "https://www.spinics.net/lists/netdev/msg501.html", Sent.AddSeconds(5)) with
        {
            InReplyTo = "cover@x",
            References = ["cover@x"],
        };
        var mailArchive = Message("patch1@x", MailArchive + "msg11.html", Sent.AddSeconds(5)) with { ParentLink = new Uri(MailArchive + "msg12.html") };

        var merged = new MessageMerger().Merge([mailArchive, cover, other, spinics], [], []);

        var patch = merged.Single(m => m.MessageId == "patch1@x");
        Assert.Equal("cover@x", patch.InReplyTo);
        Assert.Equal(["cover@x"], patch.References);
    }

    [Fact]
    public void Merge_SliceParentIsTheMessagesOwnPage_NotItsOwnParent()
    {
        var patch = Message("patch1@x", MailArchive + "msg11.html", Sent) with { ParentLink = new Uri(MailArchive + "msg11.html") };

        var merged = Assert.Single(new MessageMerger().Merge([patch], [], []));

        Assert.Null(merged.InReplyTo);
    }

    private static MailMessage Message(string id, string url, DateTimeOffset date) => new()
    {
        MessageId = id,
        Subject = "[PATCH net 1/2] tcp: fix it",
        Author = "Jane Developer",
        Date = date,
        Links = [new ArchiveLink(url.Contains("spinics", StringComparison.Ordinal) ? "Spinics" : "MailArchive", new Uri(url))],
    };
}
