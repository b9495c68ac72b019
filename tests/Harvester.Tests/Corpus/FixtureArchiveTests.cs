using System.Text.RegularExpressions;
using Harvester.Tests.Support;
using MimeKit;

namespace Harvester.Tests.Corpus;

/// <summary>
/// Sanity checks of the fixture archives in <c>fixtures/archives/</c>: they load, threads resolve, numbers are unique,
/// and every link of each <c>expected.md</c> names a message of the archive whose subject is the link text.
/// </summary>
public sealed partial class FixtureArchiveTests
{
    private const string Seed = "seed-2017-05";
    private const string Week = "week-2026-11";
    private const string SpinicsPrefix = "https://www.spinics.net/lists/netdev/msg";
    private const string MailArchivePrefix = "https://www.mail-archive.com/netdev@vger.kernel.org/msg";
    private const string SpinicsBpfPrefix = "https://www.spinics.net/lists/bpf/msg";

    public static TheoryData<string> Archives => new() { Seed, Week };

    [Theory]
    [InlineData(Seed, 46)]
    [InlineData(Week, 54)]
    [InlineData("week-2026-12-sections", 24)]
    public void Load_Archive_HasExpectedMessageCount(string name, int count) =>
        Assert.Equal(count, Load(name).Messages.Count);

    [Theory]
    [MemberData(nameof(Archives))]
    public void Load_Archive_MessageIdsAreUnique(string name)
    {
        var duplicates = Load(name).Messages.GroupBy(m => m.MessageId).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(duplicates);
    }

    [Theory]
    [MemberData(nameof(Archives))]
    public void Load_Archive_EveryInReplyToResolvesInsideTheArchive(string name)
    {
        var archive = Load(name);
        var ids = archive.Messages.Select(m => m.MessageId).ToHashSet();
        var dangling = archive.Messages.Where(m => m.InReplyTo is { } p && !ids.Contains(p)).Select(m => m.FileName);
        Assert.Empty(dangling);
        Assert.Contains(archive.Messages, m => m.InReplyTo is not null);
    }

    [Theory]
    [MemberData(nameof(Archives))]
    public void Load_Archive_NumbersAreUniquePerSite(string name)
    {
        var archive = Load(name);
        var spinics = archive.OnSpinics.Select(m => m.SpinicsNumber).ToList();
        var mailArchive = archive.OnMailArchive.Select(m => m.MailArchiveNumber).ToList();
        Assert.Equal(spinics.Count, spinics.Distinct().Count());
        Assert.Equal(mailArchive.Count, mailArchive.Distinct().Count());
    }

    [Fact]
    public void Load_SeedArchive_EveryMessageHasExplicitNumbersOnBothSites()
    {
        foreach (var path in Directory.GetFiles(Path.Combine(Paths.Fixture("archives", Seed), "messages"), "*.eml"))
        {
            var headers = MimeMessage.Load(path).Headers;
            Assert.False(headers["X-Fixture-Spinics"] is null, path + " has no X-Fixture-Spinics");
            Assert.False(headers["X-Fixture-MailArchive"] is null, path + " has no X-Fixture-MailArchive");
        }
    }

    [Fact]
    public void Load_WeekArchive_SitesOverlapButDiffer()
    {
        var archive = Load(Week);
        Assert.Single(archive.Messages, m => m.SpinicsNumber is null);
        Assert.Equal(2, archive.Messages.Count(m => m.MailArchiveNumber is null));
        Assert.Equal(1_200_000, archive.OnSpinics.Min(m => m.SpinicsNumber));
        Assert.Equal(300_000, archive.OnMailArchive.Min(m => m.MailArchiveNumber));
    }

    [Theory]
    [MemberData(nameof(Archives))]
    public void ExpectedMarkdown_EveryLink_NamesAMessageWithThatSubject(string name)
    {
        var archive = Load(name);
        var links = ExpectedLinks(name);
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            var message = Resolve(archive, link.Url);
            Assert.True(message is not null, "no message at " + link.Url);
            Assert.Equal(Unescape(link.Text), Collapse(message!.Subject));
            if (link.Author is not null)
            {
                Assert.Equal(link.Author, message.FromName);
            }
        }
    }

    [Fact]
    public void Load_WeekArchiveOnBothLists_SomeMailsBpfOnlySomeBothSomeNetdevOnly()
    {
        var netdev = Load(Week).Messages.Select(m => m.MessageId).ToHashSet();
        var bpf = FixtureArchive.Load(Paths.Fixture("archives", Week), "bpf");

        Assert.Equal(38, bpf.Messages.Count);
        Assert.Equal(7, bpf.Messages.Count(m => !netdev.Contains(m.MessageId)));
        Assert.Equal(23, netdev.Count - bpf.Messages.Count(m => netdev.Contains(m.MessageId)));
        Assert.Equal(90_000, bpf.OnSpinics.Min(m => m.SpinicsNumber)); // bpf's own numbering, every mail on it
        Assert.Equal(bpf.Messages.Count, bpf.OnSpinics.Select(m => m.SpinicsNumber).Distinct().Count());
    }

    [Fact]
    public void ExpectedBothLists_EveryLink_NamesAMessageOfItsListWithThatSubject()
    {
        var netdev = Load(Week);
        var bpf = FixtureArchive.Load(Paths.Fixture("archives", Week), "bpf");
        var links = ExpectedLinks(Week, "expected-both-lists.md");
        Assert.Contains(links, l => l.Url.StartsWith(SpinicsBpfPrefix, StringComparison.Ordinal));
        foreach (var link in links)
        {
            var message = link.Url.StartsWith(SpinicsBpfPrefix, StringComparison.Ordinal)
                ? bpf.Messages.SingleOrDefault(m => m.SpinicsNumber == long.Parse(MessageNumber().Match(link.Url).Groups[1].Value))
                : Resolve(netdev, link.Url);
            Assert.True(message is not null, "no message at " + link.Url);
            Assert.Equal(Unescape(link.Text), Collapse(message!.Subject));
        }
    }

    [Theory]
    [MemberData(nameof(Archives))]
    public void ExpectedMarkdown_LinkedMessages_AreInsideTheWindowAndPreferSpinics(string name)
    {
        var archive = Load(name);
        var (from, to) = name == Seed
            ? (new DateTimeOffset(2017, 5, 9, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2017, 5, 18, 0, 0, 0, TimeSpan.Zero))
            : (new DateTimeOffset(2026, 11, 9, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 16, 0, 0, 0, TimeSpan.Zero));
        foreach (var link in ExpectedLinks(name))
        {
            var message = Resolve(archive, link.Url)!;
            Assert.InRange(message.Date, from, to.AddTicks(-1));
            if (link.Url.StartsWith(MailArchivePrefix, StringComparison.Ordinal))
            {
                Assert.Null(message.SpinicsNumber);
            }
        }
    }

    [Fact]
    public void ExpectedMarkdown_Seed_LinksEachMessageOnce()
    {
        var urls = ExpectedLinks(Seed).Select(l => l.Url).ToList();
        Assert.Equal(30, urls.Count);
        Assert.Equal(urls.Count, urls.Distinct().Count());
    }

    private static FixtureArchive Load(string name) => FixtureArchive.Load(Paths.Fixture("archives", name));

    private static FixtureMessage? Resolve(FixtureArchive archive, string url)
    {
        var number = long.Parse(MessageNumber().Match(url).Groups[1].Value);
        return url.StartsWith(SpinicsPrefix, StringComparison.Ordinal)
            ? archive.Messages.SingleOrDefault(m => m.SpinicsNumber == number)
            : archive.Messages.SingleOrDefault(m => m.MailArchiveNumber == number);
    }

    private sealed record ExpectedLink(string? Author, string Text, string Url);

    private static List<ExpectedLink> ExpectedLinks(string name, string file = "expected.md") =>
        File.ReadAllLines(Path.Combine(Paths.Fixture("archives", name), file))
            .Select(line => ListItem().Match(line))
            .Where(m => m.Success)
            .Select(m => new ExpectedLink(m.Groups["author"].Success ? m.Groups["author"].Value : null,
                m.Groups["text"].Value, m.Groups["url"].Value))
            .ToList();

    /// <summary>Markdown link text back to the subject: code spans and backslash escapes removed.</summary>
    private static string Unescape(string text) => Collapse(Escape().Replace(text.Replace("`", ""), "$1"));

    private static string Collapse(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"^(?:- (?<author>[^\[]+?), |  - )\[(?<text>.*)\]\((?<url>https://[^)\s]+)\)(?: \(\d+ of \d+ parts\))?$")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"msg(\d+)\.html$")]
    private static partial Regex MessageNumber();

    [GeneratedRegex(@"\\([\\`*_{}\[\]()#+\-.!<>|])")]
    private static partial Regex Escape();
}
