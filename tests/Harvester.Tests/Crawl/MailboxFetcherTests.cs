using Harvester.Crawl;
using Harvester.Crawl.PublicInbox;
using Harvester.Domain;
using Harvester.Parse;
using Harvester.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Harvester.Tests.Crawl;

/// <summary>The one POST per list against the fake lore: politeness, the cache rules, challenges, offline.</summary>
public sealed class MailboxFetcherTests : IAsyncLifetime
{
    private static readonly HarvestWindow Week = new(DateTimeOffset.Parse("2026-11-09T00:00:00Z"), DateTimeOffset.Parse("2026-11-16T00:00:00Z"));
    private static readonly WindowQuery Query = WindowQuery.For(Week, slackDays: 1);

    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-16T06:00:00Z"));
    private readonly PageCache _cache = new(":memory:");
    private PublicInboxServer _lore = null!;

    public async Task InitializeAsync() => _lore = await PublicInboxServer.StartAsync(Paths.Fixture("archives", "week-2026-11"));

    public async Task DisposeAsync()
    {
        _cache.Dispose();
        await _lore.DisposeAsync();
    }

    private MailboxFetcher Fetcher(string userAgent = "Harvester/0.1 (tests)", bool offline = false, HostCircuit? circuit = null)
    {
        var client = new HttpClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        var http = new HttpOptions { MaxRetries = 1, RetryBaseDelayMs = 1, AttemptTimeoutSeconds = 5, TotalTimeoutSeconds = 10, RequestsPerSecond = 10_000 };
        var policy = new FetchPolicy(offline, false, 5_000_000, TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(30), false, "harvester");
        return MailboxFetchers.Create(client, http, policy, _cache, TimeProvider.System, _time, circuit);
    }

    [Fact]
    public async Task Fetch_Window_OnePostWithTheRunsAgent_GzippedMboxOfTheList()
    {
        var fetched = await Fetcher().FetchAsync(Query, _lore.Inbox("bpf"), CancellationToken.None);

        Assert.Equal(FetchStatus.Ok, fetched.Status);
        Assert.True(Gzip.IsGzip(fetched.Content));
        Assert.Equal(["POST bpf/?q=d:2026-11-08..2026-11-16&x=m"], _lore.Requests);
        Assert.Equal("Harvester/0.1 (tests)", Assert.Single(_lore.UserAgents));
        Assert.Equal(36, MboxReader.Read(fetched.Content!, "LoreBpf", _lore.Inbox("bpf"), 10_000_000, 1_000_000).Messages.Count);
    }

    [Fact]
    public async Task Fetch_ClosedDays_KeptForGood_NoSecondRequestLongAfter()
    {
        _time.SetUtcNow(DateTimeOffset.Parse("2026-11-25T00:00:00Z")); // the 16th closed more than 3 days ago
        await Fetcher().FetchAsync(Query, _lore.Inbox("bpf"), CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(30));

        var again = await Fetcher().FetchAsync(Query, _lore.Inbox("bpf"), CancellationToken.None);

        Assert.True(again.FromCache);
        Assert.Single(_lore.Requests);
    }

    [Fact]
    public async Task Fetch_DaysNotClosed_ReusedForTheIndexTtlThenAskedAgain()
    {
        await Fetcher().FetchAsync(Query, _lore.Inbox("bpf"), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.True((await Fetcher().FetchAsync(Query, _lore.Inbox("bpf"), CancellationToken.None)).FromCache);
        _time.Advance(TimeSpan.FromMinutes(2));

        var later = await Fetcher().FetchAsync(Query, _lore.Inbox("bpf"), CancellationToken.None);

        Assert.False(later.FromCache);
        Assert.Equal(2, _lore.Requests.Count);
    }

    [Fact]
    public async Task Fetch_NoMatchForClosedDays_NotFoundAnswered_ButNeverKeptForGood()
    {
        var empty = WindowQuery.For(new HarvestWindow(DateTimeOffset.Parse("2026-10-01T00:00:00Z"), DateTimeOffset.Parse("2026-10-08T00:00:00Z")), 1);
        var first = await Fetcher().FetchAsync(empty, _lore.Inbox("bpf"), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(29));
        var cached = await Fetcher().FetchAsync(empty, _lore.Inbox("bpf"), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(2));

        var asked = await Fetcher().FetchAsync(empty, _lore.Inbox("bpf"), CancellationToken.None);

        Assert.Equal((FetchStatus.NotFound, true), (first.Status, first.Answered));
        Assert.True(cached.FromCache);
        Assert.False(asked.FromCache); // the not-found TTL ran out: a wrong "no match" is not kept for good
        Assert.Equal(2, _lore.Requests.Count);
    }

    [Fact]
    public async Task Forget_CachedResult_NextFetchAsksAgain()
    {
        _time.SetUtcNow(DateTimeOffset.Parse("2026-11-25T00:00:00Z"));
        var fetcher = Fetcher();
        var first = await fetcher.FetchAsync(Query, _lore.Inbox("bpf"), CancellationToken.None);

        fetcher.Forget(first.Url);
        var again = await fetcher.FetchAsync(Query, _lore.Inbox("bpf"), CancellationToken.None);

        Assert.False(again.FromCache);
        Assert.Equal(2, _lore.Requests.Count);
    }

    [Fact]
    public async Task Fetch_AnubisPage_BlockedAsAChallenge_NotCachedNotRetried()
    {
        _lore.ChallengeEveryone = true;

        var fetched = await Fetcher().FetchAsync(Query, _lore.Inbox("bpf"), CancellationToken.None);

        Assert.Equal(FetchStatus.Blocked, fetched.Status);
        Assert.True(fetched.Challenged);
        Assert.Contains("Anubis", fetched.Error, StringComparison.Ordinal);
        Assert.Single(_lore.Requests);
        Assert.Null(_cache.Get(fetched.Url));
    }

    [Fact]
    public async Task Fetch_BrowserAgent_ChallengedByTheFake_AsLoreDoes()
    {
        var fetched = await Fetcher(userAgent: "Mozilla/5.0 (X11; Linux x86_64)").FetchAsync(Query, _lore.Inbox("bpf"), CancellationToken.None);

        Assert.True(fetched.Challenged);
    }

    [Fact]
    public async Task Fetch_ServerError_RetriedThenFails_CircuitCounts()
    {
        _lore.InjectNext(Fault.Status(503), Fault.Status(503));
        var circuit = new HostCircuit(1);

        var fetched = await Fetcher(circuit: circuit).FetchAsync(Query, _lore.Inbox("bpf"), CancellationToken.None);
        var afterOpen = await Fetcher(circuit: circuit).FetchAsync(Query, _lore.Inbox("netdev"), CancellationToken.None);

        Assert.Equal((FetchStatus.Failed, "HTTP 503"), (fetched.Status, fetched.Error));
        Assert.Equal(2, _lore.Requests.Count); // one retry (MaxRetries 1), then the circuit stops the next list's request
        Assert.Contains("circuit open", afterOpen.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_OfflineNotCached_NoRequest()
    {
        var fetched = await Fetcher(offline: true).FetchAsync(Query, _lore.Inbox("bpf"), CancellationToken.None);

        Assert.Equal(FetchStatus.NotCached, fetched.Status);
        Assert.Empty(_lore.Requests);
    }
}
