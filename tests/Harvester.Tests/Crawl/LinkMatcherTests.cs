using Harvester.Crawl;
using Harvester.Domain;
using Harvester.Parse;

namespace Harvester.Tests.Crawl;

public class LinkMatcherTests
{
    private static MailMessage Known(string id, string subject, string author, string date) => new()
    {
        MessageId = id,
        Subject = subject,
        Author = author,
        Date = DateTimeOffset.Parse(date),
        Links = [new ArchiveLink("Spinics", new Uri($"https://www.spinics.net/lists/netdev/{id}.html"))],
    };

    /// <summary>A message a public-inbox archive gave (its link's kind says so: Parse/RawMailParser).</summary>
    private static MailMessage FromLore(string id, string subject, string author, string date) => Known(id, subject, author, date) with
    {
        Links = [new ArchiveLink("LoreBpf", PublicInboxLinks.Message(new Uri("https://lore.kernel.org/bpf/"), id)) { Kind = ArchiveKinds.PublicInbox }],
    };

    private static IndexEntry Undated(string subject, string author, long number) =>
        new("SpinicsBpf", number, new Uri($"https://www.spinics.net/lists/bpf/msg{number}.html"), subject, author, null);

    [Fact]
    public void Match_UndatedEntry_MatchesAUniqueMessageFromLore()
    {
        var matcher = new LinkMatcher([FromLore("a", "[PATCH bpf] bpf: fix x", "Jane Dev", "2026-11-10T09:00:00Z")]);

        Assert.Equal("a", matcher.Match(Undated("[PATCH  bpf] bpf: fix x", "Jane Dev", 7))?.MessageId);
        Assert.Equal("a", matcher.Match(Undated("[PATCH  bpf] bpf: fix x", "Jane Dev", 7))?.MessageId); // the same entry asked again
    }

    [Fact]
    public void Match_UndatedEntry_ResendOnLore_IsNull()
    {
        var matcher = new LinkMatcher([
            FromLore("a", "[PATCH bpf] bpf: fix x", "Jane Dev", "2026-11-10T09:00:00Z"),
            FromLore("b", "[PATCH bpf] bpf: fix x", "Jane Dev", "2026-11-12T09:00:00Z"),
        ]);

        Assert.Null(matcher.Match(Undated("[PATCH bpf] bpf: fix x", "Jane Dev", 7)));
    }

    [Fact]
    public void Match_UndatedSecondEntryForTheSameMessage_IsNull_SoThePageIsFetched()
    {
        // A resend from before the days lore was asked for: lore knows one copy, the index shows two.
        var matcher = new LinkMatcher([FromLore("a", "[PATCH bpf] bpf: fix x", "Jane Dev", "2026-11-10T09:00:00Z")]);

        Assert.NotNull(matcher.Match(Undated("[PATCH bpf] bpf: fix x", "Jane Dev", 9)));
        Assert.Null(matcher.Match(Undated("[PATCH bpf] bpf: fix x", "Jane Dev", 3)));
    }

    [Fact]
    public void Match_OneMailKnownFromBothListsArchives_IsOneCandidate()
    {
        var fromBpf = FromLore("a", "[PATCH bpf] bpf: fix x", "Jane Dev", "2026-11-10T09:00:00Z");
        var fromNetdev = fromBpf with { Links = [new ArchiveLink("LoreNetdev", new Uri("https://lore.kernel.org/netdev/a/")) { Kind = ArchiveKinds.PublicInbox }] };
        var matcher = new LinkMatcher([fromBpf, fromNetdev]);

        Assert.Equal("a", matcher.Match(Entry("[PATCH bpf] bpf: fix x", "Jane Dev", 2026, 11, 10))?.MessageId);
        Assert.Equal("a", matcher.Match(Undated("[PATCH bpf] bpf: fix x", "Jane Dev", 7))?.MessageId);
    }

    [Fact]
    public void Match_LoreMessageOutsideTheWindow_StandsInForANeededEntry()
    {
        var matcher = new LinkMatcher([], [FromLore("a", "[PATCH bpf] bpf: fix x", "Jane Dev", "2026-11-08T22:00:00Z")]);

        Assert.Equal("a", matcher.Match(Undated("[PATCH bpf] bpf: fix x", "Jane Dev", 7))?.MessageId);
        Assert.Equal("a", matcher.Match(Entry("[PATCH bpf] bpf: fix x", "Jane Dev", 2026, 11, 9), needed: true)?.MessageId);
    }

    private static IndexEntry Entry(string subject, string author, int year, int month, int day) =>
        new("MailArchive", 1, new Uri("https://www.mail-archive.com/netdev@vger.kernel.org/msg1.html"), subject, author, new DateOnly(year, month, day));

    [Fact]
    public void Match_SameSubjectAuthorAndDay_IsTheKnownMessage()
    {
        var matcher = new LinkMatcher([Known("a", "[PATCH bpf] bpf: fix x", "Jane Dev", "2026-11-10T23:30:00Z")]);

        Assert.Equal("a", matcher.Match(Entry("[PATCH bpf] bpf: fix x", "Jane Dev via B4 Relay", 2026, 11, 11))?.MessageId); // next day: sender's zone
    }

    [Fact]
    public void Match_TwoKnownCandidates_IsNull_SoThePageIsFetched()
    {
        // An identical resend the same day: only the page's Message-ID can say which copy this entry is.
        var matcher = new LinkMatcher([
            Known("a", "[PATCH bpf] bpf: fix x", "Jane Dev", "2026-11-10T09:00:00Z"),
            Known("b", "[PATCH bpf] bpf: fix x", "Jane Dev", "2026-11-10T15:00:00Z"),
        ]);

        Assert.Null(matcher.Match(Entry("[PATCH bpf] bpf: fix x", "Jane Dev", 2026, 11, 10)));
    }

    [Fact]
    public void Match_UndatedEntry_IsNull()
    {
        // spinics' index has no dates: a resend after the window would match the window's copy by subject alone.
        var matcher = new LinkMatcher([Known("a", "[PATCH bpf] bpf: fix x", "Jane Dev", "2026-11-10T09:00:00Z")]);

        Assert.Null(matcher.Match(Entry("[PATCH bpf] bpf: fix x", "Jane Dev", 2026, 11, 10) with { Day = null }));
    }

    [Fact]
    public void Match_MessageReadOutsideTheWindow_StandsInOnlyForAnEntryThatIsNotNeeded()
    {
        var matcher = new LinkMatcher([], [Known("old", "[PATCH net] foo", "Jane Dev", "2026-11-08T23:00:00Z")]);
        var entry = Entry("[PATCH net] foo", "Jane Dev", 2026, 11, 9);

        Assert.Null(matcher.Match(entry, needed: true)); // may be an in-window resend the first archive lacks
        Assert.Equal("old", matcher.Match(entry, needed: false)?.MessageId);
    }

    [Fact]
    public void Match_DayTooFarOrOtherAuthor_IsNull()
    {
        var matcher = new LinkMatcher([Known("a", "[PATCH bpf] bpf: fix x", "Jane Dev", "2026-11-10T09:00:00Z")]);

        Assert.Null(matcher.Match(Entry("[PATCH bpf] bpf: fix x", "Jane Dev", 2026, 11, 13)));
        Assert.Null(matcher.Match(Entry("[PATCH bpf] bpf: fix x", "John Other", 2026, 11, 10)));
    }
}
