using System.Net.Http.Headers;
using Harvester.Parse;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace Harvester.Crawl.PublicInbox;

/// <summary>What asking a public-inbox archive for a window gave: the gzipped mbox, "no match", or why nothing.</summary>
public sealed record MailboxFetch(Uri Url, FetchStatus Status, byte[]? Content, bool FromCache, string? Error = null)
{
    /// <summary>The server answered (an mbox, or 404 "No results found"): the archive holds no other mail for these days.</summary>
    public bool Answered => Status is FetchStatus.Ok or FetchStatus.NotFound;

    /// <summary>The answer was an Anubis proof-of-work page instead of mail.</summary>
    public bool Challenged { get; init; }
}

/// <summary>
/// Sends a public-inbox search as the POST that returns one gzipped mboxrd (an empty body, as b4 and lei send: the
/// results only, not whole threads; archive-html/lore.md), through the host's throttle, circuit and the resilience
/// pipeline, with the run's User-Agent (never a browser's: lore's Anubis page challenges "Mozilla" agents), and robots.txt
/// asked first. Results are cached by URL: for good once their days are closed (<see cref="WindowQuery.IsClosed"/>),
/// else for the index TTL; a 404 ("no match") only for the not-found TTL, so an empty answer is never kept for good,
/// and <see cref="Forget"/> drops a result that turned out unreadable. An Anubis page is reported, never solved, never cached.
/// Covered by MailboxFetcherTests.
/// </summary>
public sealed partial class MailboxFetcher(
    string archive,
    HttpClient client,
    HostThrottle throttle,
    HostCircuit circuit,
    ResiliencePipeline<HttpAttempt> pipeline,
    Func<Uri, CancellationToken, Task<bool>> robotsAllow,
    PageCache? cache,
    FetchPolicy policy,
    PublicInboxOptions options,
    CrawlStats stats,
    TimeProvider time,
    ILogger logger)
{
    public async Task<MailboxFetch> FetchAsync(WindowQuery query, Uri inboxRoot, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var url = query.Url(inboxRoot);
        var cached = policy.Refresh ? null : cache?.Get(url);
        if (cached is not null && (policy.Offline || IsFresh(cached, query)) && FromCache(url, cached) is { } hit)
        {
            stats.CountCacheHit();
            return hit;
        }

        if (policy.Offline)
        {
            return new MailboxFetch(url, FetchStatus.NotCached, null, false, "not in the cache (--offline)");
        }

        if (circuit.IsOpen)
        {
            return new MailboxFetch(url, FetchStatus.Failed, null, false, $"host given up on after {circuit.FailureLimit} failed requests in a row (circuit open)");
        }

        if (!await robotsAllow(url, cancellationToken).ConfigureAwait(false))
        {
            return new MailboxFetch(url, FetchStatus.Refused, null, false, "disallowed by robots.txt");
        }

        var result = await SendAsync(url, cancellationToken).ConfigureAwait(false);
        if (result.Answered)
        {
            circuit.RecordSuccess();
        }
        else if (result.Status is FetchStatus.Failed or FetchStatus.Blocked)
        {
            circuit.RecordFailure();
        }

        return result;
    }

    /// <summary>Drops a cached result that could not be read, so the next run asks again.</summary>
    public void Forget(Uri url) => cache?.Remove(url);

    private bool IsFresh(CachedPage page, WindowQuery query)
    {
        var age = time.GetUtcNow() - page.FetchedAt;
        return page.Status switch
        {
            200 when query.IsClosed(page.FetchedAt, options.FinalAfterDays) => true, // asked after the days had closed
            200 => age < policy.IndexTtl,
            _ => age < policy.NotFoundTtl,
        };
    }

    private static MailboxFetch? FromCache(Uri url, CachedPage page)
    {
        if (page.Status == 404)
        {
            return new MailboxFetch(url, FetchStatus.NotFound, [], true, "no match (cached)");
        }

        try
        {
            return page is { Status: 200, Body: { } body } ? new MailboxFetch(url, FetchStatus.Ok, Convert.FromBase64String(body), true) : null;
        }
        catch (FormatException)
        {
            return null; // a damaged entry: asked again
        }
    }

    private async Task<MailboxFetch> SendAsync(Uri url, CancellationToken cancellationToken)
    {
        HttpAttempt attempt;
        try
        {
            attempt = await pipeline.ExecuteAsync(
                async token =>
                {
                    // An empty body: public-inbox reads "x=..." in a POST body as a request for whole threads (t=1).
                    using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent([]) };
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
                    using var slot = await throttle.EnterAsync(token).ConfigureAwait(false);
                    stats.CountRequest();
                    LogRequest(logger, archive, url);
                    return await ReadAsync(request, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TimeoutRejectedException or OperationCanceledException)
        {
            return new MailboxFetch(url, FetchStatus.Failed, null, false, ex is TimeoutRejectedException ? "timed out" : ex.GetType().Name + ": " + ex.Message);
        }

        return Interpret(url, attempt);
    }

    private MailboxFetch Interpret(Uri url, HttpAttempt attempt)
    {
        var now = time.GetUtcNow();
        if (attempt.TooLarge)
        {
            return new MailboxFetch(url, FetchStatus.TooLarge, null, false, $"search result larger than {options.MaxResponseBytes} bytes (Harvester:PublicInbox:MaxResponseBytes), cut off");
        }

        if (attempt.Bytes is { } bytes && AnubisChallenge.IsChallenge(bytes))
        {
            return new MailboxFetch(url, FetchStatus.Blocked, null, false, $"an Anubis proof-of-work page (HTTP {attempt.Status}) instead of mail; not solved") { Challenged = true };
        }

        if (attempt.IsChallenge)
        {
            return new MailboxFetch(url, FetchStatus.Blocked, null, false, $"a challenge page (HTTP {attempt.Status}) instead of mail");
        }

        if (attempt.Status == 404)
        {
            cache?.Put(new CachedPage(url.AbsoluteUri, PageKind.Search, 404, null, null, null, now));
            return new MailboxFetch(url, FetchStatus.NotFound, [], false, "no match");
        }

        if (attempt.Status != 200 || attempt.Bytes is not { } body)
        {
            return new MailboxFetch(url, FetchStatus.Failed, null, false, $"HTTP {attempt.Status}");
        }

        cache?.Put(new CachedPage(url.AbsoluteUri, PageKind.Search, 200, Convert.ToBase64String(body), null, null, now));
        return new MailboxFetch(url, FetchStatus.Ok, body, false);
    }

    /// <summary>Reads the whole body as bytes up to the cap (a gzipped mbox is binary; it is unpacked in Parse).</summary>
    private async Task<HttpAttempt> ReadAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var retryAfter = response.Headers.RetryAfter is { } ra ? ra.Delta ?? (ra.Date is { } date ? date - time.GetUtcNow() : null) : null;
        var challengeHeader = response.Headers.TryGetValues("cf-mitigated", out var mitigated) && mitigated.Any(v => v.Contains("challenge", StringComparison.OrdinalIgnoreCase));
        if (response.Content.Headers.ContentLength > options.MaxResponseBytes)
        {
            return new HttpAttempt(status, null, true, challengeHeader, retryAfter, null, null);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > options.MaxResponseBytes)
            {
                return new HttpAttempt(status, null, true, challengeHeader, retryAfter, null, null);
            }

            buffer.Write(chunk, 0, read);
        }

        var bytes = buffer.ToArray();
        // Text bodies (error and challenge pages) are also kept as text, so the retry and challenge rules can read them.
        var text = Gzip.IsGzip(bytes) ? null : System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 64 * 1024));
        return new HttpAttempt(status, text, false, challengeHeader, retryAfter, null, null) { Bytes = bytes };
    }

    [LoggerMessage(EventId = 120, Level = LogLevel.Debug, Message = "POST {Archive} {Url}")]
    private static partial void LogRequest(ILogger logger, string archive, Uri url);
}
