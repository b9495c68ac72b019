using System.Net.Http.Headers;

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
/// results only, not whole threads; archive-html/lore.md), with robots.txt asked first, through the host's
/// <see cref="PoliteHttpClient"/>: the same politeness, retries, circuit and timeouts as every page, and the wait for
/// the host outside the timeouts (issue 12), with the run's User-Agent (never a browser's: lore's Anubis page
/// challenges "Mozilla" agents). The cache answers first (<see cref="MailboxCache"/>); an Anubis page is reported,
/// never solved, never cached. Covered by MailboxFetcherTests.
/// </summary>
public sealed class MailboxFetcher(PoliteHttpClient http, RobotsPolicy robots, MailboxCache cache, PublicInboxOptions options)
{
    public async Task<MailboxFetch> FetchAsync(WindowQuery query, Uri inboxRoot, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var url = query.Url(inboxRoot);
        if (cache.Look(url, query) is { } hit)
        {
            return hit;
        }

        if (cache.Offline)
        {
            return new MailboxFetch(url, FetchStatus.NotCached, null, false, "not in the cache (--offline)");
        }

        if (!await robots.IsAllowedAsync(url, cancellationToken).ConfigureAwait(false))
        {
            return new MailboxFetch(url, FetchStatus.Refused, null, false, "disallowed by robots.txt");
        }

        var outcome = await http.SendForBytesAsync(() => Search(url), options.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
        return outcome is { Error: { } error }
            ? new MailboxFetch(url, FetchStatus.Failed, null, false, error)
            : Interpret(url, outcome.Attempt!);
    }

    /// <summary>Drops a cached result that could not be read, so the next run asks again.</summary>
    public void Forget(Uri url) => cache.Forget(url);

    /// <summary>An empty body: public-inbox reads "x=..." in a POST body as a request for whole threads (t=1).</summary>
    private static HttpRequestMessage Search(Uri url)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent([]) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return request;
    }

    private MailboxFetch Interpret(Uri url, HttpAttempt attempt)
    {
        if (attempt.TooLarge)
        {
            return new MailboxFetch(url, FetchStatus.TooLarge, null, false, $"search result larger than {options.MaxResponseBytes} bytes (Harvester:PublicInbox:MaxResponseBytes), cut off");
        }

        if (attempt.BodyIsChallenge)
        {
            return new MailboxFetch(url, FetchStatus.Blocked, null, false, $"an Anubis proof-of-work page (HTTP {attempt.Status}) instead of mail; not solved") { Challenged = true };
        }

        if (attempt.IsChallenge)
        {
            return new MailboxFetch(url, FetchStatus.Blocked, null, false, $"a challenge page (HTTP {attempt.Status}) instead of mail");
        }

        if (attempt.Status == 404)
        {
            cache.Put(url, 404, null);
            return new MailboxFetch(url, FetchStatus.NotFound, [], false, "no match");
        }

        if (attempt.Status != 200 || attempt.Bytes is not { } body)
        {
            return new MailboxFetch(url, FetchStatus.Failed, null, false, $"HTTP {attempt.Status}");
        }

        cache.Put(url, 200, body);
        return new MailboxFetch(url, FetchStatus.Ok, body, false);
    }
}
