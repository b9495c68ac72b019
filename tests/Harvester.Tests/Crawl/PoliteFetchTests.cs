using System.Collections.Concurrent;
using System.Net;
using Harvester.Crawl;
using Harvester.Parse;
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
    private readonly FakeHost _host;

    public PoliteFetchTests() => _host = new FakeHost(_time);

    [Theory]
    [InlineData(5)]
    [InlineData(60)]
    public async Task FetchAsync_RobotsCrawlDelayAtShippedDefaults_EveryPageOnceNoRetryNoTimeout(int crawlDelay)
    {
        _host.Robots = $"User-agent: *\nCrawl-delay: {crawlDelay}\n";
        var (fetcher, throttle) = CreateSut(new HttpOptions());
        var pages = Enumerable.Range(1, 6).Select(n => new Uri(Base, $"msg{n:D5}.html")).ToList();

        var results = await DriveAsync(throttle, Task.WhenAll(pages.Select(p => fetcher.FetchAsync(p, PageKind.Message, CancellationToken.None))));

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

        var results = await DriveAsync(throttle, Task.WhenAll(pages.Select(p => fetcher.FetchAsync(p, PageKind.Message, CancellationToken.None))));

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

        var result = await DriveAsync(throttle, fetcher.FetchAsync(new Uri(Base, "msg00001.html"), PageKind.Message, CancellationToken.None));

        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.DoesNotContain(_host.Starts, s => s.Host == "elsewhere.example");
    }

    [Fact]
    public async Task FetchAsync_RobotsRedirectOnTheSameHost_FollowedAndObeyed()
    {
        _host.Redirects["/robots.txt"] = "/robots-real.txt";
        _host.Robots = "User-agent: *\nDisallow: /lists/netdev/msg00001.html\n";
        var (fetcher, throttle) = CreateSut(new HttpOptions());

        var result = await DriveAsync(throttle, fetcher.FetchAsync(new Uri(Base, "msg00001.html"), PageKind.Message, CancellationToken.None));

        Assert.Equal(FetchStatus.Refused, result.Status);
        Assert.Equal(1, _host.Count("/robots-real.txt"));
        Assert.Equal(0, _host.Count("/lists/netdev/msg00001.html"));
    }

    [Fact]
    public async Task FetchAsync_RetryAfterLongerThanMaxRetryAfter_FailsAtOnceWithADiagnostic()
    {
        _host.RetryAfterSeconds = 600; // the shipped MaxRetryAfterSeconds is 120
        var (fetcher, throttle) = CreateSut(new HttpOptions { ObeyRobotsTxt = false });

        var result = await DriveAsync(throttle, fetcher.FetchAsync(new Uri(Base, "msg00001.html"), PageKind.Message, CancellationToken.None));

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

        var result = await DriveAsync(throttle, fetcher.FetchAsync(url, PageKind.Message, CancellationToken.None));

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

    /// <summary>
    /// Advances the fake clock a second at a time, only while requests wait for their start time and the rest has come
    /// to rest (so each request is logged at the second its start was decided), until the work is done.
    /// </summary>
    private async Task<T> DriveAsync<T>(HostThrottle throttle, Task<T> work)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var last = (-1, -1, -1);
        var stable = 0;
        while (!work.IsCompleted)
        {
            Assert.True(DateTime.UtcNow < deadline, "the fetch did not finish");
            await Task.Delay(2);
            var now = (_host.Starts.Count, throttle.Spacing, _host.InFlight);
            stable = now == last ? stable + 1 : 0;
            last = now;
            if (stable >= 3 && throttle.Spacing > 0 && _host.InFlight == 0)
            {
                _time.Advance(TimeSpan.FromSeconds(1));
                stable = 0;
            }
        }

        return await work;
    }

    /// <summary>An in-memory host: HTML pages, robots.txt, redirects and a Retry-After answer on demand; logs starts on the fake clock.</summary>
    private sealed class FakeHost(TimeProvider clock) : HttpMessageHandler
    {
        private int _inFlight;

        public string? Robots { get; set; }

        public Dictionary<string, string> Redirects { get; } = [];

        public int? RetryAfterSeconds { get; set; }

        public string MediaType { get; set; } = "text/html";

        public ConcurrentQueue<(string Host, string Path, DateTimeOffset At)> Starts { get; } = new();

        public int InFlight => Volatile.Read(ref _inFlight);

        public int Count(string path) => Starts.Count(s => s.Path == path && s.Host == "www.spinics.net");

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _inFlight);
            try
            {
                var url = request.RequestUri!;
                Starts.Enqueue((url.Host, url.AbsolutePath, clock.GetUtcNow()));
                return Task.FromResult(Answer(url));
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }

        private HttpResponseMessage Answer(Uri url)
        {
            if (Redirects.TryGetValue(url.AbsolutePath, out var to) && url.Host == "www.spinics.net")
            {
                var moved = new HttpResponseMessage(HttpStatusCode.MovedPermanently);
                moved.Headers.Location = new Uri(to, UriKind.RelativeOrAbsolute);
                return moved;
            }

            if (url.AbsolutePath.StartsWith("/robots", StringComparison.Ordinal))
            {
                return Robots is null
                    ? new HttpResponseMessage(HttpStatusCode.NotFound)
                    : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Robots) };
            }

            if (RetryAfterSeconds is { } seconds)
            {
                var busy = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
                busy.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
                return busy;
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<html><body>page</body></html>", System.Text.Encoding.UTF8, MediaType) };
        }
    }
}
