using System.Net;
using Harvester.Crawl;
using Harvester.Crawl.Html;
using Harvester.Domain;
using Harvester.Parse;
using Microsoft.Extensions.Logging.Abstractions;

namespace Harvester.Tests.Crawl;

/// <summary>
/// The reads of a walk belong to its run (<see cref="MessagePages"/>, issue 12): when the walk is done, the reads still
/// in flight are waited for; when it failed, they are cancelled and waited for, so none is left running (and writing
/// into a cache that is being disposed) after the source returns. A host that holds every request open stands in for
/// a slow site; the attempt timeout (60 s) is far beyond the test's patience, so only a cancellation ends a read early.
/// </summary>
public sealed class MessagePagesTests
{
    private static readonly Uri Base = new("http://spinics.test/lists/netdev/");
    private static readonly HarvestWindow Week = new(DateTimeOffset.Parse("2026-11-09T00:00:00Z"), DateTimeOffset.Parse("2026-11-16T00:00:00Z"));

    [Fact]
    public async Task AbandonAsync_ReadsAheadInFlight_CancelledAndNoneLeftRunning()
    {
        var host = new HoldingHost();
        using var pages = Create(host, CancellationToken.None);
        pages.ReadAhead(new Uri(Base, "msg00001.html"), ReadPurpose.Entry);
        pages.ReadAhead(new Uri(Base, "msg00002.html"), ReadPurpose.Entry);
        await host.WaitForInFlightAsync(2);

        await pages.AbandonAsync().WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(0, host.InFlight);
        Assert.Equal(2, host.Cancelled);
    }

    [Fact]
    public async Task DrainAsync_ReadAheadInFlight_WaitsUntilItEnds()
    {
        var host = new HoldingHost();
        using var pages = Create(host, CancellationToken.None);
        var url = new Uri(Base, "msg00001.html");
        pages.ReadAhead(url, ReadPurpose.Entry);
        await host.WaitForInFlightAsync(1);

        var drain = pages.DrainAsync();
        await Task.Delay(200);
        Assert.False(drain.IsCompleted, "drained while a read was still in flight");
        host.Release();
        await drain.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(0, host.InFlight);
        Assert.Equal(0, host.Cancelled);
        Assert.True((await pages.ReadOnceAsync(url, ReadPurpose.Entry)).Problem is not null); // read once: a page no parser reads
        Assert.Equal(1, host.Started);
    }

    private static MessagePages Create(HoldingHost host, CancellationToken cancellationToken)
    {
        var http = new HttpOptions { RequestsPerSecond = 1000, MaxRetries = 0, AttemptTimeoutSeconds = 60, TotalTimeoutSeconds = 120, ObeyRobotsTxt = false };
        var policy = new FetchPolicy(false, true, http.MaxResponseBytes, TimeSpan.FromHours(1), TimeSpan.FromHours(1), false, "harvester");
        var reader = new MessageReader(_ => null);
        var factory = new SourceFactory(new FetchSettings(http, policy, _ => new HttpClient(host), TimeProvider.System), null, new CrawlStats(), new SourceReaders(reader), NullLoggerFactory.Instance);
        var run = new CrawlRun("Spinics", new SourceRequest(Week), long.MaxValue);
        return new MessagePages(factory.CreateFetcher("Spinics", Base), new HtmlArchivePages(ArchiveKinds.Spinics, new SpinicsIndexPageParser(), reader), run, cancellationToken);
    }

    /// <summary>Holds every request open until <see cref="Release"/> or its cancellation; counts both ends.</summary>
    private sealed class HoldingHost : HttpMessageHandler
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _inFlight;
        private int _started;
        private int _cancelled;

        public int InFlight => Volatile.Read(ref _inFlight);

        public int Started => Volatile.Read(ref _started);

        public int Cancelled => Volatile.Read(ref _cancelled);

        public void Release() => _release.TrySetResult();

        public async Task WaitForInFlightAsync(int count)
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (InFlight < count)
            {
                Assert.True(DateTime.UtcNow < deadline, $"{InFlight} of {count} requests arrived");
                await Task.Delay(5);
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _started);
            Interlocked.Increment(ref _inFlight);
            try
            {
                await _release.Task.WaitAsync(cancellationToken);
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<html><body>page</body></html>", System.Text.Encoding.UTF8, "text/html") };
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref _cancelled);
                throw;
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }
}
