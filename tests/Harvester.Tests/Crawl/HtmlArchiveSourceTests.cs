using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Harvester.Crawl;
using Harvester.Crawl.Html;
using Harvester.Domain;
using Harvester.Parse;
using Microsoft.Extensions.Logging.Abstractions;

namespace Harvester.Tests.Crawl;

/// <summary>
/// Issue 12: the message pages read ahead of a walk belong to the run. When the walk fails, a read still in flight is
/// cancelled and awaited (<c>MessagePages.AbandonAsync</c>, called by <c>HtmlArchiveSource.ReadAsync</c>; MessagePagesTests
/// cover the method alone) before the source's <c>ReadAsync</c> ends, so nothing is
/// left writing into a cache the caller disposes next. The archive is in memory: one spinics index page of nine patch
/// mails (msg108 newest .. msg100), msg101 to msg108 in the window and msg100 before it, two connection slots (one
/// read ahead).
/// </summary>
public sealed class HtmlArchiveSourceTests : IDisposable
{
    private static readonly Uri Base = new("https://www.spinics.net/lists/netdev/");
    private static readonly HarvestWindow Window = new(new DateTimeOffset(2026, 11, 9, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 16, 0, 0, 0, TimeSpan.Zero));

    private readonly string _cachePath = Path.Combine(Path.GetTempPath(), "harvester-archive-source-" + Guid.NewGuid().ToString("N") + ".db");

    [Fact]
    public async Task ReadAsync_WalkFailsWithReadAheadInFlight_CancelsAndAwaitsItBeforeEnding()
    {
        // The walk's order (UndatedIndexWalk): the window's end is found by reading msg100, 104, 106, 107 and 108;
        // then, taking the mails newest first, it reads msg103 ahead while it takes msg104, and msg102 ahead while it
        // waits for msg103. The host answers msg103 once msg102's request has come, and holds that one; msg103's parse
        // throws (a bug in a parser, say): the walk fails while msg102 is in flight.
        var host = new HoldingHost(held: Page(102), answeredAfterHeld: Page(103));
        var parser = new ThrowingParser(Page(103));
        using var cache = new PageCache(_cachePath);
        var source = Source(host, parser, cache);

        var read = source.ReadAsync(new SourceRequest(Window), CancellationToken.None);
        await host.Arrived.WaitAsync(TimeSpan.FromSeconds(30));
        await parser.Thrown.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(300);

        Assert.False(read.IsCompleted, "ReadAsync ended while the read-ahead of msg102 was still in flight");
        host.Release();
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => read);

        Assert.Equal(ThrowingParser.Message, failure.Message);
        Assert.True(host.HeldWasCancelled, "the read-ahead's request was not cancelled when the walk failed");
        Assert.Equal(0, host.InFlight);
        Assert.DoesNotContain("msg101.html", host.Requests); // nothing read after the failure
    }

    [Fact]
    public async Task ReadAsync_WalkSucceeds_ReadsEveryPageOnce()
    {
        // The same archive without the failure: the walk takes all nine pages (to msg100, older than the window),
        // each fetched once, and the order the failing test relies on holds.
        var host = new HoldingHost(held: null, answeredAfterHeld: null);
        using var cache = new PageCache(_cachePath);

        var result = await Source(host, new ThrowingParser(null), cache).ReadAsync(new SourceRequest(Window), CancellationToken.None);

        Assert.Equal(9, result.Documents.Count);
        string[] order = ["msg100.html", "msg104.html", "msg106.html", "msg107.html", "msg108.html", "msg105.html", "msg103.html", "msg102.html", "msg101.html"];
        Assert.Equal(order, host.Requests.Where(r => r.StartsWith("msg", StringComparison.Ordinal)));
    }

    public void Dispose()
    {
        foreach (var file in new[] { _cachePath, _cachePath + "-wal", _cachePath + "-shm" })
        {
            File.Delete(file);
        }
    }

    private static string Page(int number) => $"msg{number}.html";

    private static HtmlArchiveSource Source(HoldingHost host, ThrowingParser parser, PageCache cache)
    {
        var options = new HttpOptions { RequestsPerSecond = 1000, MaxConcurrency = 2, MaxRetries = 0, ObeyRobotsTxt = false };
        var policy = new FetchPolicy(false, false, options.MaxResponseBytes, TimeSpan.FromHours(1), TimeSpan.FromHours(1), false, "harvester");
        var stats = new CrawlStats();
        var reader = new MessageReader(_ => parser);
        var factory = new SourceFactory(new FetchSettings(options, policy, _ => new HttpClient(host), TimeProvider.System), cache, stats, new SourceReaders(reader), NullLoggerFactory.Instance);
        var pages = new HtmlArchivePages(ArchiveKinds.Spinics, new NineEntryIndex(), reader);
        return new HtmlArchiveSource(factory.CreateFetcher("Spinics", Base), pages, new WalkLimits(Lookahead: 1, MaxNumberWalkPages: 100, MaxRetainedBytes: 1 << 20), stats, NullLogger.Instance);
    }

    /// <summary>One index page: nine patch mails, msg108 (newest) to msg100, no next page.</summary>
    private sealed class NineEntryIndex : IIndexPageParser
    {
        public ParseOutcome<IndexPage> Parse(string archive, Uri pageUrl, string html) => ParseOutcome<IndexPage>.Ok(new IndexPage(
            [.. Enumerable.Range(100, 9).Reverse().Select(n => new IndexEntry(archive, n, new Uri(Base, Page(n)), $"[PATCH net] fix number {n}", "Ada", null))],
            null));
    }

    /// <summary>Every message page is a message dated by its number (msg100 before the window); one page's parse throws.</summary>
    private sealed class ThrowingParser(string? failingPage) : IMessagePageParser
    {
        public const string Message = "parser bug on msg103";

        private readonly TaskCompletionSource _thrown = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Thrown => _thrown.Task;

        public ParseOutcome<MailMessage> Parse(FetchedPage page)
        {
            var file = page.Url.Segments[^1];
            if (file == failingPage)
            {
                _thrown.TrySetResult();
                throw new InvalidOperationException(Message);
            }

            var number = int.Parse(file[3..^5], System.Globalization.CultureInfo.InvariantCulture);
            return ParseOutcome<MailMessage>.Ok(new MailMessage
            {
                MessageId = $"{number}@example.net",
                Subject = $"[PATCH net] fix number {number}",
                Author = "Ada",
                Date = Window.From.AddHours(number == 100 ? -3 : number - 100),
                Links = [new ArchiveLink(page.Archive, page.Url)],
            });
        }
    }

    /// <summary>
    /// An in-memory host that serves any page as HTML. It holds one page's request until released, whatever its
    /// cancellation (a fetch busy past the point where it could stop, e.g. in the cache write), noting whether it was
    /// cancelled by then; and answers another page only once the held request has come.
    /// </summary>
    private sealed class HoldingHost(string? held, string? answeredAfterHeld) : HttpMessageHandler
    {
        private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _inFlight;

        public ConcurrentQueue<string> Requests { get; } = new();

        public Task Arrived => _arrived.Task;

        public bool HeldWasCancelled { get; private set; }

        public int InFlight => Volatile.Read(ref _inFlight);

        public void Release() => _release.TrySetResult();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var file = request.RequestUri!.Segments[^1];
            Requests.Enqueue(file);
            Interlocked.Increment(ref _inFlight);
            try
            {
                if (file == answeredAfterHeld)
                {
                    await _arrived.Task.ConfigureAwait(false);
                }

                if (file == held)
                {
                    _arrived.TrySetResult();
                    await _release.Task.ConfigureAwait(false);
                    HeldWasCancelled = cancellationToken.IsCancellationRequested;
                }

                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<html><body>" + file + "</body></html>", Encoding.UTF8, "text/html") };
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }
}
