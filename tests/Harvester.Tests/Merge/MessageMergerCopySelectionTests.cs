using Harvester.Domain;
using Harvester.Merge;

namespace Harvester.Tests.Merge;

/// <summary>
/// Which copy of a message wins when several archives or lists hold it: the one with threading headers (spinics'
/// X-Reference comments, lore's raw headers; mail-archive pages carry none), then the one that reveals the sender's
/// address, then the longer body, then the archive name, so the crawl order never decides. Fields only some copies have
/// (the address, the thread-slice parent) are taken from whichever copy has them.
/// </summary>
public sealed class MessageMergerCopySelectionTests
{
    private static readonly DateTimeOffset Sent = DateTimeOffset.Parse("2026-11-10T09:00:00Z");

    [Fact]
    public void Merge_CopyWithThreadingHeaders_WinsOverALongerBodyWithout()
    {
        var spinics = Copy("Spinics", "spinics subject") with { InReplyTo = "cover@x", References = ["cover@x"], Body = "short" };
        var mailArchive = Copy("MailArchive", "mail-archive subject") with { Body = new string('x', 500) };

        var merged = Assert.Single(new MessageMerger().Merge([mailArchive, spinics], [], []));

        Assert.Equal("spinics subject", merged.Subject);
        Assert.Equal("cover@x", merged.InReplyTo);
    }

    [Fact]
    public void Merge_MoreReferences_WinsOverFewer()
    {
        var few = Copy("Spinics", "few") with { InReplyTo = "b@x", References = ["b@x"] };
        var more = Copy("LoreNetdev", "more") with { InReplyTo = "b@x", References = ["a@x", "b@x"] };

        var merged = Assert.Single(new MessageMerger().Merge([few, more], [], []));

        Assert.Equal(["a@x", "b@x"], merged.References);
    }

    [Fact]
    public void Merge_SameHeaders_CopyRevealingTheAddressWins_OverALongerBody()
    {
        var withAddress = Copy("Spinics", "with address") with { AuthorAddress = "jane@example.com", Body = "short" };
        var without = Copy("MailArchive", "without") with { Body = new string('x', 500) };

        var merged = Assert.Single(new MessageMerger().Merge([without, withAddress], [], []));

        Assert.Equal("with address", merged.Subject);
    }

    [Fact]
    public void Merge_OtherwiseEqual_LongerBodyWins()
    {
        var shorter = Copy("Spinics", "shorter") with { Body = "diff --git a/x b/x" };
        var longer = Copy("MailArchive", "longer") with { Body = "diff --git a/x b/x\n+more" };

        var merged = Assert.Single(new MessageMerger().Merge([shorter, longer], [], []));

        Assert.Equal("longer", merged.Subject);
    }

    [Fact]
    public void Merge_CopiesAlikeButForTheirSpelling_SameWinnerInEitherOrder()
    {
        // Nothing but the archive tells the two apart: the order the archives were crawled in must not choose.
        var spinics = Copy("Spinics", "[PATCH net] tcp: fix it") with { Author = "Jane Developer" };
        var mailArchive = Copy("MailArchive", "[PATCH net] tcp:  fix it") with { Author = "Developer, Jane" };

        var oneWay = Assert.Single(new MessageMerger().Merge([spinics, mailArchive], [], []));
        var otherWay = Assert.Single(new MessageMerger().Merge([mailArchive, spinics], [], []));

        Assert.Equal((oneWay.Subject, oneWay.Author), (otherWay.Subject, otherWay.Author));
    }

    [Fact]
    public void Merge_AddressAndSliceParent_TakenFromWhicheverCopyHasThem()
    {
        var parent = new Uri("https://www.mail-archive.com/netdev@vger.kernel.org/msg10.html");
        var lore = Copy("LoreNetdev", "lore") with { InReplyTo = "cover@x", References = ["cover@x"] };
        var spinics = Copy("Spinics", "spinics") with { AuthorAddress = "jane@example.com" };
        var mailArchive = Copy("MailArchive", "mail-archive") with { ParentLink = parent };

        var merged = Assert.Single(new MessageMerger().Merge([mailArchive, spinics, lore], [], []));

        Assert.Equal("lore", merged.Subject);
        Assert.Equal("jane@example.com", merged.AuthorAddress);
        Assert.Equal(parent, merged.ParentLink);
    }

    [Fact]
    public void Merge_SamePageFromTwoCopiesAndALinkMatch_LinkedOnce()
    {
        var first = Copy("Spinics", "s");
        var again = Copy("Spinics", "s"); // the same page read twice (two walks reaching it)
        var match = new Harvester.Crawl.LinkMatch("<a@b>", first.Links[0]);

        var merged = Assert.Single(new MessageMerger().Merge([first, again], [match], []));

        Assert.Single(merged.Links);
    }

    [Fact]
    public void Merge_Messages_OrderedByDateThenMessageId_NotByInput()
    {
        var late = Copy("Spinics", "late") with { MessageId = "a@x", Date = Sent.AddHours(1) };
        var earlyB = Copy("Spinics", "b") with { MessageId = "b@x" };
        var earlyA = Copy("Spinics", "c") with { MessageId = "c@x", Date = Sent.AddMinutes(-1) };
        var sameTimeAsB = Copy("Spinics", "d") with { MessageId = "a2@x" };

        var merged = new MessageMerger().Merge([late, earlyB, earlyA, sameTimeAsB], [], []);

        Assert.Equal(["c@x", "a2@x", "b@x", "a@x"], merged.Select(m => m.MessageId));
    }

    private static MailMessage Copy(string archive, string subject) => new()
    {
        MessageId = "<a@b>",
        Subject = subject,
        Author = "Jane Developer",
        Date = Sent,
        Body = "body",
        Links = [new ArchiveLink(archive, new Uri($"https://{archive.ToLowerInvariant()}.example/msg1.html"))],
    };
}
