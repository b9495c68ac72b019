using Harvester.Crawl;
using Harvester.Parse;
using Harvester.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Harvester.Tests.Crawl;

/// <summary>
/// The fetcher at the shipped defaults (<see cref="HttpOptions"/> as it ships: 1 request/s, 30 s attempt timeout,
/// 180 s total, 4 retries), on a fake clock and an in-memory host, so that waiting a minute takes no time (issue 12).
/// </summary>
public class PoliteFetchTests
{
    private static readonly Uri Base = new("https://www.spinics.net/lists/netdev/");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-22T00:00:00Z"));
    private readonly FakeClockHost _host;

    public PoliteFetchTests() => _host = new FakeClockHost(_time);

    [Theory]
    [InlineData(5)]
    [InlineData(60)]
    public async Task FetchAsync_RobotsCrawlDelayAtShippedDefaults_EveryPageOnceNoRetryNoTimeout(int crawlDelay)
    {
        _host.Robots = $"User-agent: *\nCrawl-delay: {crawlDelay}\n";
        var (fetcher, throttle) = CreateSut(new HttpOptions());
        var pages = Enumerable.Range(1, 6).Select(n => new Uri(Base, $"msg{n:D5}.html")).ToList();

        var results = await FakeClockDriver.DriveAsync(_time, throttle, _host, Task.WhenAll(pages.Select(p => fetcher.FetchAsync(p, PageKind.Message, CancellationToken.None))));

        Assert.All(results, r => Assert.Equal(FetchStatus.Ok, r.Status));
        Assert.All(pages, p => Assert.Equal(1, _host.Count(p.AbsolutePath)));
        var starts = _host.Starts.Where(s => s.Path != "/robots.txt").Select(s => s.At).Order().ToList();
        Assert.All(starts.Zip(starts.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(crawlDelay), $"{pair.First:T} .. {pair.Second:T}"));
    }

    [Fact]
    public async Task FetchAsync_LowestRequestRateAtShippedDefaults_EveryPageOnce()
    {
        var (fetcher, throttle) = CreateSut(new HttpOptions { RequestsPerSecond = 0.01, ObeyRobotsTxt = false });
        var pages = Enumerable.Range(1, 4).Select(n => new Uri(Base, $"msg{n:D5}.html")).ToList();

        var results = await FakeClockDriver.DriveAsync(_time, throttle, _host, Task.WhenAll(pages.Select(p => fetcher.FetchAsync(p, PageKind.Message, CancellationToken.None))));

        Assert.All(results, r => Assert.Equal(FetchStatus.Ok, r.Status));
        Assert.Equal(4, _host.Starts.Count);
        var starts = _host.Starts.Select(s => s.At).Order().ToList();
        Assert.All(starts.Zip(starts.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(100), $"{pair.First:T} .. {pair.Second:T}"));
        Assert.InRange((starts[^1] - starts[0]).TotalSeconds, 300, 310);
    }

    [Fact]
    public async Task FetchAsync_RobotsRedirectToAnotherHost_NotFollowed()
    {
        _host.Redirects["/robots.txt"] = "https://elsewhere.example/robots.txt";
        _host.Robots = "User-agent: *\nDisallow: /\n"; // what the other host would say; never asked
        var (fetcher, throttle) = CreateSut(new HttpOptions());

        var result = await FakeClockDriver.DriveAsync(_time, throttle, _host, fetcher.FetchAsync(new Uri(Base, "msg00001.html"), PageKind.Message, CancellationToken.None));

        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.DoesNotContain(_host.Starts, s => s.Host == "elsewhere.example");
    }

    [Fact]
    public async Task FetchAsync_RobotsRedirectOnTheSameHost_FollowedAndObeyed()
    {
        _host.Redirects["/robots.txt"] = "/robots-real.txt";
        _host.Robots = "User-agent: *\nDisallow: /lists/netdev/msg00001.html\n";
        var (fetcher, throttle) = CreateSut(new HttpOptions());

        var result = await FakeClockDriver.DriveAsync(_time, throttle, _host, fetcher.FetchAsync(new Uri(Base, "msg00001.html"), PageKind.Message, CancellationToken.None));

        Assert.Equal(FetchStatus.Refused, result.Status);
        Assert.Equal(1, _host.Count("/robots-real.txt"));
        Assert.Equal(0, _host.Count("/lists/netdev/msg00001.html"));
    }

    [Fact]
    public async Task FetchAsync_RetryAfterLongerThanMaxRetryAfter_FailsAtOnceWithADiagnostic()
    {
        _host.RetryAfterSeconds = 600; // the shipped MaxRetryAfterSeconds is 120
        var (fetcher, throttle) = CreateSut(new HttpOptions { ObeyRobotsTxt = false });

        var result = await FakeClockDriver.DriveAsync(_time, throttle, _host, fetcher.FetchAsync(new Uri(Base, "msg00001.html"), PageKind.Message, CancellationToken.None));

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Contains("MaxRetryAfterSeconds", result.Error);
        Assert.Equal(1, _host.Count("/lists/netdev/msg00001.html"));
    }

    [Fact]
    public async Task FetchAsync_PageServedAsOctetStream_ReportedAsWrongTypeNotCached()
    {
        _host.MediaType = "application/octet-stream";
        using var cache = new PageCache(":memory:");
        var (fetcher, throttle) = CreateSut(new HttpOptions { ObeyRobotsTxt = false }, cache);
        var url = new Uri(Base, "msg00001.html");

        var result = await FakeClockDriver.DriveAsync(_time, throttle, _host, fetcher.FetchAsync(url, PageKind.Message, CancellationToken.None));

        Assert.Equal(FetchStatus.WrongType, result.Status);
        Assert.Null(result.Html);
        Assert.Contains("application/octet-stream", result.Error);
        Assert.Null(cache.Get(url));
    }

    private (PageFetcher Fetcher, HostThrottle Throttle) CreateSut(HttpOptions options, PageCache? cache = null)
    {
        var policy = new FetchPolicy(false, false, options.MaxResponseBytes, TimeSpan.FromHours(1), TimeSpan.FromHours(1), options.ObeyRobotsTxt, "harvester");
        var factory = new SourceFactory(
            new FetchSettings(options, policy, _ => new HttpClient(_host), _time), cache, new CrawlStats(), new SourceReaders(new MessageReader(_ => null)), NullLoggerFactory.Instance);
        var fetcher = factory.CreateFetcher("spinics", Base);
        return (fetcher, factory.CreateHttpClient("spinics", Base).Host.Throttle);
    }
}
