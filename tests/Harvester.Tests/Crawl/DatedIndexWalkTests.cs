using System.Runtime.CompilerServices;
using Harvester.Crawl;
using Harvester.Crawl.Html;
using Harvester.Domain;
using Harvester.Parse;
using Microsoft.Extensions.Logging.Abstractions;

namespace Harvester.Tests.Crawl;

/// <summary>
/// mail-archive's walk stop rule (<see cref="DatedIndexWalk"/>): the index lists mail newest first, so the walk ends at
/// the first message older than the window's start less <see cref="UndatedIndexWalk.Slack"/> (2 h), reading no entry
/// below it and no further index page; a message within the slack does not stop it. Every entry here matches a message
/// an earlier source gave, so the dates come without a request (the fake host counts any) and each entry the walk took
/// is one link match.
/// </summary>
public sealed class DatedIndexWalkTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-11-09T00:00:00Z");
    private static readonly HarvestWindow Week = new(Start, Start.AddDays(7));

    [Fact]
    public async Task Walk_MessageOlderThanStartLessSlack_StopsAtItAndReadsNoFurtherPage()
    {
        var index = new Index(
            [Start.AddDays(1), Start.AddHours(5)],
            [Start.AddHours(1), Start.AddHours(-1), Start.AddHours(-2).AddMinutes(-1), Start.AddHours(-3)],
            [Start.AddHours(-4)]);

        var (reachedStart, taken) = await index.WalkAsync();

        Assert.True(reachedStart);
        Assert.Equal(2, index.PagesPulled);
        Assert.Equal([1, 2, 3, 4, 5], taken); // 5 is the first below the slack; 6 (same page) and 7 (next page) are not read
        Assert.Equal(0, index.Requests);
    }

    [Fact]
    public async Task Walk_OldMessageLastOnItsPage_DoesNotPullTheNextPage()
    {
        var index = new Index(
            [Start.AddHours(3), Start.AddHours(-2).AddMinutes(-1)],
            [Start.AddHours(-3)]);

        var (reachedStart, taken) = await index.WalkAsync();

        Assert.True(reachedStart);
        Assert.Equal(1, index.PagesPulled);
        Assert.Equal([1, 2], taken);
    }

    [Fact]
    public async Task Walk_MessageExactlyAtStartLessSlack_GoesOnToTheNextPage()
    {
        var index = new Index(
            [Start.AddHours(3), Start.AddHours(-2)],
            [Start.AddHours(-2).AddSeconds(-1), Start.AddHours(-5)]);

        var (reachedStart, taken) = await index.WalkAsync();

        Assert.True(reachedStart);
        Assert.Equal(2, index.PagesPulled);
        Assert.Equal([1, 2, 3], taken);
    }

    [Fact]
    public async Task Walk_PageListingADayBeforeTheEdgeDay_StopsAfterThatPage()
    {
        // The message rule does not fire (every message read lies in the window); the index's own day does.
        var index = new Index(
            [Start.AddHours(3), Start.AddHours(1), Start.AddDays(-2)],
            [Start.AddDays(-3)]);

        var (reachedStart, taken) = await index.WalkAsync();

        Assert.True(reachedStart);
        Assert.Equal(1, index.PagesPulled);
        Assert.Equal([1, 2], taken); // the entry two days before the window lies outside the region: never read
    }

    [Fact]
    public async Task Walk_IndexEndsInsideTheWindow_NotReachedStart()
    {
        var index = new Index([Start.AddDays(2)], [Start.AddDays(1)]);

        var (reachedStart, taken) = await index.WalkAsync();

        Assert.False(reachedStart); // the caller walks message numbers below the index then
        Assert.Equal(2, index.PagesPulled);
        Assert.Equal([1, 2], taken);
    }

    /// <summary>Index pages of patch mails, numbered 1, 2, ... from the newest, each known from an earlier source.</summary>
    private sealed class Index(params DateTimeOffset[][] pages)
    {
        private static readonly Uri Base = new("http://mail-archive.test/netdev@vger.kernel.org/");
        private readonly CountingHost _host = new();

        public int PagesPulled { get; private set; }

        public int Requests => _host.Requests;

        public async Task<(bool ReachedStart, long[] Taken)> WalkAsync()
        {
            var numbered = pages.SelectMany(p => p).Select((date, i) => (Number: i + 1L, Date: date)).ToList();
            var known = numbered.Select(n => new MailMessage
            {
                MessageId = $"{n.Number}@example.net",
                Subject = Subject(n.Number),
                Author = "Ann Author",
                Date = n.Date,
                Links = [new ArchiveLink("Lore", new Uri($"https://lore.test/netdev/{n.Number}@example.net/"))],
            }).ToList();

            var run = new CrawlRun("MailArchive", new SourceRequest(Week, known, []), long.MaxValue);
            var reader = new MessageReader(_ => null);
            var html = new HtmlArchivePages(ArchiveKinds.MailArchive, new MailArchiveIndexPageParser(), reader);
            var settings = new FetchSettings(new HttpOptions { MaxRetries = 0 }, new FetchPolicy(false, true, 1_000_000, TimeSpan.FromHours(1), TimeSpan.FromHours(1), false, "harvester"), _ => new HttpClient(_host), TimeProvider.System);
            var fetcher = new SourceFactory(settings, null, new CrawlStats(), new SourceReaders(reader), NullLoggerFactory.Instance).CreateFetcher("MailArchive", Base);
            using var messages = new MessagePages(fetcher, html, run, CancellationToken.None);
            var entries = new IndexEntries(run, messages, new LinkMatcher(known), new CrawlStats(), lookahead: 1);

            var reached = await new DatedIndexWalk(entries).WalkAsync(Pages(numbered), CancellationToken.None);
            await messages.DrainAsync();

            var taken = run.ToResult().LinkMatches.Select(m => long.Parse(m.MessageId.Split('@')[0], System.Globalization.CultureInfo.InvariantCulture)).Order().ToArray();
            return (reached, taken);
        }

        private static string Subject(long number) => $"[PATCH net] fix number {number}";

        private async IAsyncEnumerable<IReadOnlyList<IndexEntry>> Pages(List<(long Number, DateTimeOffset Date)> numbered, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var next = 0;
            foreach (var page in pages)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await Task.Yield();
                PagesPulled++;
                yield return [.. numbered.Skip(next).Take(page.Length).Select(n => new IndexEntry(
                    "MailArchive", n.Number, new Uri(Base, $"msg{n.Number:D5}.html"), Subject(n.Number), "Ann Author", DateOnly.FromDateTime(n.Date.UtcDateTime)))];
                next += page.Length;
            }
        }
    }

    /// <summary>Answers every request with a 500 and counts it: the walks here must need none.</summary>
    private sealed class CountingHost : HttpMessageHandler
    {
        private int _requests;

        public int Requests => _requests;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.InternalServerError));
        }
    }
}
