using System.Collections.Concurrent;
using System.Net;
using Harvester.Crawl;
using Microsoft.Extensions.Time.Testing;

namespace Harvester.Tests.Support;

/// <summary>
/// An in-memory host on a fake clock, for the politeness tests (PoliteFetchTests, PublicInboxPolitenessTests): robots.txt,
/// redirects, a Retry-After answer, and a page (or any content) after an optional delay on the clock; it logs each
/// request's start at the clock's time.
/// </summary>
public sealed class FakeClockHost(TimeProvider clock) : HttpMessageHandler
{
    private int _inFlight;
    private int _answering;

    /// <summary>robots.txt's text; null answers 404.</summary>
    public string? Robots { get; set; }

    /// <summary>Paths answered with a 301 to the given location.</summary>
    public Dictionary<string, string> Redirects { get; } = [];

    /// <summary>When set, every page is a 503 with this Retry-After.</summary>
    public int? RetryAfterSeconds { get; set; }

    /// <summary>The media type of the default page.</summary>
    public string MediaType { get; set; } = "text/html";

    /// <summary>What a page request is answered with (default: a small HTML page of <see cref="MediaType"/>).</summary>
    public Func<HttpRequestMessage, HttpContent>? Content { get; set; }

    /// <summary>How long the host takes to answer a page, on the fake clock (lore making a week's mbox).</summary>
    public TimeSpan AnswerDelay { get; set; }

    public ConcurrentQueue<(string Method, string Host, string Path, DateTimeOffset At)> Starts { get; } = new();

    /// <summary>Requests being handled right now (not waiting for the clock): the clock must not move under them.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Requests waiting for <see cref="AnswerDelay"/> on the fake clock.</summary>
    public int Answering => Volatile.Read(ref _answering);

    /// <summary>Requests for a path, on any host.</summary>
    public int Count(string path) => Starts.Count(s => s.Path == path);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!;
        Interlocked.Increment(ref _inFlight);
        try
        {
            Starts.Enqueue((request.Method.Method, url.Host, url.AbsolutePath, clock.GetUtcNow()));
            if (Answer(url) is { } early)
            {
                return early;
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }

        if (AnswerDelay > TimeSpan.Zero)
        {
            Interlocked.Increment(ref _answering);
            try
            {
                await Task.Delay(AnswerDelay, clock, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _answering);
            }
        }

        var content = Content?.Invoke(request) ?? new StringContent("<html><body>page</body></html>", System.Text.Encoding.UTF8, MediaType);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    /// <summary>A redirect, robots.txt or a Retry-After answer, given at once; null for a page.</summary>
    private HttpResponseMessage? Answer(Uri url)
    {
        if (Redirects.TryGetValue(url.AbsolutePath, out var to))
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

        return null;
    }
}

/// <summary>Runs work that waits on a fake clock, moving the clock only while everything waits for it.</summary>
public static class FakeClockDriver
{
    /// <summary>
    /// Advances the fake clock a second at a time, until the work is done, while nothing has changed for a few polls
    /// and no request is being handled: when requests wait for their start time (the throttle's spacing) or for the
    /// host's slow answer at once, else after a longer stall (a retry's back-off, also on the fake clock). So each
    /// request is logged at the second its start was decided.
    /// </summary>
    public static async Task<T> DriveAsync<T>(FakeTimeProvider time, HostThrottle throttle, FakeClockHost host, Task<T> work)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var last = (-1, -1, -1, -1);
        var stable = 0;
        while (!work.IsCompleted)
        {
            Assert.True(DateTime.UtcNow < deadline, "the work did not finish within 60 s of real time");
            await Task.Delay(2);
            var now = (host.Starts.Count, throttle.Spacing, host.InFlight, host.Answering);
            stable = now == last ? stable + 1 : 0;
            last = now;
            var waitingForTheClock = throttle.Spacing > 0 || host.Answering > 0;
            if (host.InFlight == 0 && ((stable >= 3 && waitingForTheClock) || stable >= 25))
            {
                time.Advance(TimeSpan.FromSeconds(1));
                stable = 0;
            }
        }

        return await work;
    }
}
