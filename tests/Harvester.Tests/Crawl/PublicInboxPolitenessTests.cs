using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Text;
using Harvester.Crawl;
using Harvester.Domain;
using Harvester.Parse;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Harvester.Tests.Crawl;

/// <summary>
/// lore's one POST per list at the shipped defaults (<see cref="HttpOptions"/> as it ships: 30 s attempt timeout, 4
/// retries), on a fake clock, composed as the harvest composes it (<see cref="SourceFactory"/>). The wait for lore's
/// Crawl-delay is outside the attempt timeout, as for every HTML page (issue 12); it used to be inside it.
/// </summary>
public class PublicInboxPolitenessTests
{
    private static readonly Uri Inbox = new("https://lore.kernel.org/bpf/");
    private static readonly HarvestWindow Week = new(DateTimeOffset.Parse("2026-11-09T00:00:00Z"), DateTimeOffset.Parse("2026-11-16T00:00:00Z"));
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-22T00:00:00Z"));

    /// <summary>
    /// A search lore answers in 27 s (a week's mbox is slow to make) right after robots.txt said Crawl-delay 5: the
    /// answer comes within the 30 s attempt timeout, so one POST must do. With the wait inside the timeout, every
    /// attempt was cut off at 5 + 27 > 30 s and the list was lost after 5 POSTs.
    /// </summary>
    [Fact]
    public async Task ReadAsync_CrawlDelay5AndSlowAnswerAtShippedDefaults_OnePostNoTimeoutNoRetry()
    {
        var lore = new FakeLore(_time) { Robots = "User-agent: *\nCrawl-delay: 5\n", AnswerDelay = TimeSpan.FromSeconds(27) };
        var (source, throttle) = CreateSut(lore);

        var result = await DriveAsync(lore, throttle, source.ReadAsync(new SourceRequest(Week), CancellationToken.None));

        Assert.Empty(result.Diagnostics);
        Assert.False(result.Failed);
        Assert.Single(result.Mailboxes);
        var post = Assert.Single(lore.Starts, s => s.Method == "POST");
        var robots = Assert.Single(lore.Starts, s => s.Path == "/robots.txt");
        Assert.True(post.At - robots.At >= TimeSpan.FromSeconds(5), $"robots.txt at {robots.At:T}, POST at {post.At:T}");
    }

    private (IArchiveSource Source, HostThrottle Throttle) CreateSut(FakeLore lore)
    {
        var http = new HttpOptions(); // as shipped
        var policy = new FetchPolicy(false, false, http.MaxResponseBytes, TimeSpan.FromHours(1), TimeSpan.FromHours(1), http.ObeyRobotsTxt, "harvester");
        var factory = new SourceFactory(
            new FetchSettings(http, policy, _ => new HttpClient(lore), _time), null, new CrawlStats(), new MessageReader(_ => null), null, NullLoggerFactory.Instance);
        var source = factory.Create("LoreBpf", new ArchiveOptions { Kind = ArchiveKinds.PublicInbox, BaseUrl = Inbox.AbsoluteUri, List = "bpf@vger.kernel.org" })!;
        return (source, factory.CreateHttpClient("LoreBpf", Inbox).Host.Throttle);
    }

    /// <summary>
    /// Advances the fake clock a second at a time while the work waits only for the clock (a request waiting for its
    /// start time, the server taking its time, a back-off), until the work is done.
    /// </summary>
    private async Task<T> DriveAsync<T>(FakeLore lore, HostThrottle throttle, Task<T> work)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var last = (-1, -1, -1);
        var stable = 0;
        while (!work.IsCompleted)
        {
            Assert.True(DateTime.UtcNow < deadline, "the read did not finish");
            await Task.Delay(2);
            var now = (lore.Starts.Count, throttle.Spacing, lore.Answering);
            stable = now == last ? stable + 1 : 0;
            last = now;
            // Stalled longer with nothing waiting for the host or the server: a retry's back-off, also on the fake clock.
            if ((stable >= 3 && (throttle.Spacing > 0 || lore.Answering > 0)) || stable >= 25)
            {
                _time.Advance(TimeSpan.FromSeconds(1));
                stable = 0;
            }
        }

        return await work;
    }

    /// <summary>An in-memory lore: robots.txt, and a gzipped mbox of one patch mail for any search, after a delay on the fake clock.</summary>
    private sealed class FakeLore(TimeProvider clock) : HttpMessageHandler
    {
        private int _answering;

        public string? Robots { get; init; }

        public TimeSpan AnswerDelay { get; init; }

        public ConcurrentQueue<(string Method, string Path, DateTimeOffset At)> Starts { get; } = new();

        /// <summary>Searches the server is working on (waiting for <see cref="AnswerDelay"/> on the fake clock).</summary>
        public int Answering => Volatile.Read(ref _answering);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var url = request.RequestUri!;
            Starts.Enqueue((request.Method.Method, url.AbsolutePath, clock.GetUtcNow()));
            if (url.AbsolutePath == "/robots.txt")
            {
                return Robots is null ? new HttpResponseMessage(HttpStatusCode.NotFound) : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Robots) };
            }

            Interlocked.Increment(ref _answering);
            try
            {
                await Task.Delay(AnswerDelay, clock, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _answering);
            }

            var content = new ByteArrayContent(Mbox());
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/gzip");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        }

        private static byte[] Mbox()
        {
            const string mail = "From mboxrd@z Thu Jan  1 00:00:00 1970\n"
                + "From: Ada Example <ada@example.org>\nSubject: [PATCH bpf-next] bpf: Fix a verifier thing\n"
                + "Date: Tue, 10 Nov 2026 10:00:00 +0000\nMessage-ID: <1@example.org>\n\nThe fix.\n\n";
            using var buffer = new MemoryStream();
            using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
            {
                gzip.Write(Encoding.UTF8.GetBytes(mail));
            }

            return buffer.ToArray();
        }
    }
}
