using System.Net;
using System.Text;

namespace Harvester.Crawl;

/// <summary>One HTTP exchange read to the end (or to the size cap): what the resilience pipeline retries on.</summary>
public sealed record HttpAttempt(int Status, string? Body, bool TooLarge, bool ChallengeHeader, TimeSpan? RetryAfter, string? ETag, string? LastModified)
{
    public bool IsTransient => Status is 408 or 429 || (Status >= 500 && !ChallengeHeader);

    /// <summary>Sends GET and reads the body as UTF-8, stopping at <paramref name="maxBytes"/> (the archives declare no
    /// charset on message pages, so bytes are decoded as UTF-8 explicitly: see archive-html/mail-archive.md "Encoding").</summary>
    public static async Task<HttpAttempt> SendAsync(HttpClient client, HttpRequestMessage request, long maxBytes, CancellationToken cancellationToken)
    {
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var challenge = response.Headers.TryGetValues("cf-mitigated", out var mitigated) && mitigated.Any(v => v.Contains("challenge", StringComparison.OrdinalIgnoreCase));
        var retryAfter = response.Headers.RetryAfter is { } ra
            ? ra.Delta ?? (ra.Date is { } date ? date - DateTimeOffset.UtcNow : null)
            : null;
        var etag = response.Headers.ETag?.ToString();
        var lastModified = response.Content.Headers.LastModified?.ToString("R");
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return new HttpAttempt(status, null, false, challenge, retryAfter, etag, lastModified);
        }

        if (response.Content.Headers.ContentLength > maxBytes)
        {
            return new HttpAttempt(status, null, true, challenge, null, etag, lastModified);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return new HttpAttempt(status, null, true, challenge, null, etag, lastModified);
            }

            buffer.Write(chunk, 0, read);
        }

        return new HttpAttempt(status, Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), false, challenge, null, etag, lastModified);
    }
}
