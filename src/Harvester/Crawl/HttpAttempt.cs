using System.Net;
using System.Text;

namespace Harvester.Crawl;

/// <summary>One HTTP exchange read to the end (or to the size cap): what <see cref="PoliteHttpClient"/> retries on.</summary>
public sealed record HttpAttempt(int Status, string? Body, bool TooLarge, bool ChallengeHeader, TimeSpan? RetryAfter, string? ETag, string? LastModified)
{
    /// <summary>Where a redirect (301, 302, 303, 307, 308) points; the fetcher follows it only inside the archive.</summary>
    public Uri? Location { get; init; }

    /// <summary>The Content-Type's media type (<c>text/html</c>), or null when the server gave none.</summary>
    public string? MediaType { get; init; }

    /// <summary>The body's bytes, for a binary response (a public-inbox gzipped mbox: <c>PublicInbox/MailboxFetcher</c>).</summary>
    public byte[]? Bytes { get; init; }

    /// <summary>The body is a challenge page that only its reader could tell (an Anubis page instead of a gzipped mbox).</summary>
    public bool BodyIsChallenge { get; init; }

    /// <summary>
    /// A Cloudflare challenge or block: a <c>cf-mitigated: challenge</c> header, or a "Just a moment..." interstitial
    /// served as 200, 403 or 503 (archive-html/mail-archive.md: the live site sits behind Cloudflare). Never retried.
    /// </summary>
    public bool IsChallenge => ChallengeHeader || BodyIsChallenge || (Body is not null && Status is 200 or 403 or 503 && Parse.ChallengePage.IsChallenge(Body));

    public bool IsTransient => !IsChallenge && (Status is 408 or 429 || Status >= 500);

    /// <summary>Sends GET and reads the body as UTF-8, stopping at <paramref name="maxBytes"/> (the archives declare no
    /// charset on message pages, so bytes are decoded as UTF-8 explicitly: see archive-html/mail-archive.md "Encoding").</summary>
    public static async Task<HttpAttempt> SendAsync(HttpClient client, HttpRequestMessage request, long maxBytes, CancellationToken cancellationToken, TimeProvider? time = null)
    {
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var challenge = IsCloudflareChallenge(response);
        var retryAfter = RetryAfterOf(response, time ?? TimeProvider.System);
        var etag = response.Headers.ETag?.ToString();
        var lastModified = response.Content.Headers.LastModified?.ToString("R");
        if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
        {
            return new HttpAttempt(status, null, false, challenge, retryAfter, etag, lastModified) { Location = location };
        }

        // Error pages are read only where a challenge interstitial may hide (403, 503), and only up to the cap.
        if (response.StatusCode != HttpStatusCode.OK && status is not (403 or 503))
        {
            return new HttpAttempt(status, null, false, challenge, retryAfter, etag, lastModified);
        }

        using var buffer = await ReadCappedAsync(response, maxBytes, cancellationToken).ConfigureAwait(false);
        if (buffer is null)
        {
            return new HttpAttempt(status, null, true, challenge, retryAfter, etag, lastModified);
        }

        return new HttpAttempt(status, Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), false, challenge, retryAfter, etag, lastModified)
        {
            MediaType = response.Content.Headers.ContentType?.MediaType,
        };
    }

    /// <summary>
    /// Sends the request and reads the whole body as bytes up to <paramref name="maxBytes"/>, whatever the status (a
    /// public-inbox search result is a gzipped mbox, unpacked in Parse; its 404 means "no match"). A text body (an error
    /// or challenge page) is also kept as text, so the retry and challenge rules can read it; an Anubis page counts as
    /// a challenge (never retried; the host's circuit counts it as a failure).
    /// </summary>
    public static async Task<HttpAttempt> ReceiveBytesAsync(HttpClient client, HttpRequestMessage request, long maxBytes, CancellationToken cancellationToken, TimeProvider time)
    {
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var retryAfter = RetryAfterOf(response, time);
        var challenge = IsCloudflareChallenge(response);
        using var buffer = await ReadCappedAsync(response, maxBytes, cancellationToken).ConfigureAwait(false);
        if (buffer is null)
        {
            return new HttpAttempt(status, null, true, challenge, retryAfter, null, null);
        }

        var bytes = buffer.ToArray();
        var text = Parse.Gzip.IsGzip(bytes) ? null : Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 64 * 1024));
        return new HttpAttempt(status, text, false, challenge, retryAfter, null, null)
        {
            Bytes = bytes,
            BodyIsChallenge = Parse.AnubisChallenge.IsChallenge(bytes),
            MediaType = response.Content.Headers.ContentType?.MediaType,
        };
    }

    /// <summary>Cloudflare marks a challenge answer with <c>cf-mitigated: challenge</c> (its "Detect a Challenge Page response" page).</summary>
    private static bool IsCloudflareChallenge(HttpResponseMessage response) =>
        response.Headers.TryGetValues("cf-mitigated", out var mitigated) && mitigated.Any(v => v.Contains("challenge", StringComparison.OrdinalIgnoreCase));

    /// <summary><c>Retry-After</c> as a delay: given as seconds, or as a date counted from now.</summary>
    private static TimeSpan? RetryAfterOf(HttpResponseMessage response, TimeProvider time) =>
        response.Headers.RetryAfter is { } ra ? ra.Delta ?? (ra.Date is { } date ? date - time.GetUtcNow() : null) : null;

    /// <summary>The body, or null as soon as it is known to be longer than <paramref name="maxBytes"/> (declared or read).</summary>
    private static async Task<MemoryStream?> ReadCappedAsync(HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            return null;
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                await buffer.DisposeAsync().ConfigureAwait(false);
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer;
    }
}
