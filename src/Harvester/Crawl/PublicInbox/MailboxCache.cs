namespace Harvester.Crawl.PublicInbox;

/// <summary>
/// When a cached public-inbox search result may answer instead of lore, and what is kept: a result for good once its
/// days are closed (<see cref="WindowQuery.IsClosed"/>), else for the index TTL; a 404 ("no match") only for the
/// not-found TTL, so an empty answer is never kept for good. Touches only the <see cref="PageCache"/>. Covered by
/// MailboxFetcherTests.
/// </summary>
public sealed class MailboxCache(PageCache? cache, FetchPolicy policy, int finalAfterDays, CrawlStats stats, TimeProvider time)
{
    /// <summary><c>--offline</c>: only the cache answers.</summary>
    public bool Offline => policy.Offline;

    /// <summary>The cached answer to <paramref name="query"/> when it may be used (null with <c>--refresh</c>).</summary>
    public MailboxFetch? Look(Uri url, WindowQuery query)
    {
        var cached = policy.Refresh ? null : cache?.Get(url);
        if (cached is null || !(policy.Offline || IsFresh(cached, query)) || FromCache(url, cached) is not { } hit)
        {
            return null;
        }

        stats.CountCacheHit();
        return hit;
    }

    /// <summary>Keeps an answer: the result's bytes (200), or "no match" (404).</summary>
    public void Put(Uri url, int status, byte[]? body) =>
        cache?.Put(new CachedPage(url.AbsoluteUri, PageKind.Search, status, body is null ? null : Convert.ToBase64String(body), null, null, time.GetUtcNow()));

    /// <summary>Drops a cached result that could not be read, so the next run asks again.</summary>
    public void Forget(Uri url) => cache?.Remove(url);

    private bool IsFresh(CachedPage page, WindowQuery query)
    {
        var age = time.GetUtcNow() - page.FetchedAt;
        return page.Status switch
        {
            200 when query.IsClosed(page.FetchedAt, finalAfterDays) => true, // asked after the days had closed
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
}
