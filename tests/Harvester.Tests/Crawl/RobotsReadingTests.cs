using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Harvester.Crawl;
using Harvester.Parse;
using Microsoft.Extensions.Logging.Abstractions;

namespace Harvester.Tests.Crawl;

/// <summary>
/// What <c>harvester check</c> needs from the fetcher (issue 16): robots.txt as the crawl reads it, reported without a
/// second request (<see cref="PageFetcher.RobotsAsync"/>), and a public-inbox raw mail (<see cref="PageKind.Raw"/>,
/// served as text/plain) accepted where an HTML page served so is refused.
/// </summary>
public sealed class RobotsReadingTests
{
    private static readonly Uri Base = new("https://www.spinics.net/lists/netdev/");
    private readonly Host _host = new();

    [Fact]
    public async Task RobotsAsync_ThenPages_OneRobotsRequestAndItsCrawlDelayReported()
    {
        _host.Robots = "User-agent: *\nCrawl-delay: 0.01\nDisallow: /lists/netdev/private/\n";
        var fetcher = Fetcher(obey: true);

        var reading = await fetcher.RobotsAsync(default);
        var page = await fetcher.FetchAsync(new Uri(Base, "msg1.html"), PageKind.Message, default);
        var refused = await fetcher.FetchAsync(new Uri(Base, "private/x.html"), PageKind.Message, default);
        var again = await fetcher.RobotsAsync(default);

        Assert.Equal(FetchStatus.Ok, reading.Result.Status);
        Assert.Equal(TimeSpan.FromMilliseconds(10), reading.Rules.CrawlDelay);
        Assert.Same(reading, again);
        Assert.Equal(FetchStatus.Ok, page.Status);
        Assert.Equal(FetchStatus.Refused, refused.Status);
        Assert.Equal(1, _host.Count("/robots.txt"));
        Assert.Equal(0, _host.Count("/lists/netdev/private/x.html"));
    }

    [Fact]
    public async Task RobotsAsync_NotObeyed_StillReadForTheReportButNothingRefused()
    {
        _host.Robots = "User-agent: *\nDisallow: /\n";
        var fetcher = Fetcher(obey: false);

        var page = await fetcher.FetchAsync(new Uri(Base, "msg1.html"), PageKind.Message, default);
        var reading = await fetcher.RobotsAsync(default);

        Assert.Equal(FetchStatus.Ok, page.Status);
        Assert.False(reading.Rules.IsAllowed(new Uri(Base, "msg1.html")));
        Assert.Equal(1, _host.Count("/robots.txt"));
    }

    [Fact]
    public async Task RobotsAsync_NoRobotsOrAChallenge_EverythingAllowedAndSaidWhy()
    {
        var missing = await Fetcher(obey: true).RobotsAsync(default);
        _host.RobotsChallenge = true;
        var challenged = await Fetcher(obey: true).RobotsAsync(default);

        Assert.Equal(FetchStatus.NotFound, missing.Result.Status);
        Assert.Same(RobotsRules.AllowAll, missing.Rules);
        Assert.Equal(FetchStatus.Blocked, challenged.Result.Status);
        Assert.Same(RobotsRules.AllowAll, challenged.Rules);
    }

    [Fact]
    public async Task RobotsAsync_FileMirror_NoRequestEverythingAllowed()
    {
        var mirror = new Uri("file:///tmp/check-mirror/www.spinics.net/lists/netdev/");
        var reading = await Fetcher(obey: true, mirror).RobotsAsync(default);

        Assert.Equal(FetchStatus.NotFound, reading.Result.Status);
        Assert.Contains("file://", reading.Result.Error, StringComparison.Ordinal);
        Assert.Empty(_host.Requests);
    }

    [Theory]
    [InlineData(PageKind.Raw, FetchStatus.Ok)]
    [InlineData(PageKind.Message, FetchStatus.WrongType)]
    public async Task FetchAsync_MailServedAsTextPlain_ReadOnlyAsARawMail(PageKind kind, FetchStatus expected)
    {
        var fetcher = Fetcher(obey: false);

        var result = await fetcher.FetchAsync(new Uri(Base, "20261116.1-1-a@example.net/raw"), kind, default);

        Assert.Equal(expected, result.Status);
    }

    private PageFetcher Fetcher(bool obey, Uri? baseUri = null)
    {
        var options = new HttpOptions { RequestsPerSecond = 1000, ObeyRobotsTxt = obey, MaxRetries = 0 };
        var policy = new FetchPolicy(false, true, options.MaxResponseBytes, TimeSpan.FromHours(1), TimeSpan.FromHours(1), obey, "harvester");
        var factory = new SourceFactory(
            new FetchSettings(options, policy, _ => new HttpClient(_host), TimeProvider.System), null, new CrawlStats(), new SourceReaders(new MessageReader(_ => null)), NullLoggerFactory.Instance);
        return factory.CreateFetcher("Spinics", baseUri ?? Base);
    }

    /// <summary>An in-memory host: robots.txt (none, rules, or a Cloudflare challenge), HTML pages, raw mails as text/plain.</summary>
    private sealed class Host : HttpMessageHandler
    {
        public string? Robots { get; set; }

        public bool RobotsChallenge { get; set; }

        public ConcurrentQueue<string> Requests { get; } = new();

        public int Count(string path) => Requests.Count(r => r == path);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            Requests.Enqueue(path);
            if (path == "/robots.txt" && RobotsChallenge)
            {
                var challenge = new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StringContent("<html><head><title>Just a moment...</title></head></html>", Encoding.UTF8, "text/html") };
                challenge.Headers.Add("cf-mitigated", "challenge");
                return Task.FromResult(challenge);
            }

            return Task.FromResult(path switch
            {
                "/robots.txt" when Robots is null => new HttpResponseMessage(HttpStatusCode.NotFound),
                "/robots.txt" => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Robots!, Encoding.UTF8, "text/plain") },
                _ when path.EndsWith("/raw", StringComparison.Ordinal) => new HttpResponseMessage(HttpStatusCode.OK)
                {
                    Content = new StringContent("From: A <a@example.net>\nSubject: [PATCH] x\n\nbody\n", Encoding.UTF8, "text/plain"),
                },
                _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<html><body>page</body></html>", Encoding.UTF8, "text/html") },
            });
        }
    }
}
