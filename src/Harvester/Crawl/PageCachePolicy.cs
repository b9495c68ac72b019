namespace Harvester.Crawl;

/// <summary>
/// When the page cache answers and what it keeps: message pages for good, index pages and 404s for a while, then
/// revalidated with the server's ETag/Last-Modified; robots.txt and pages of the wrong type never. It touches only the
/// <see cref="PageCache"/>; the network is the <see cref="PoliteHttpClient"/>'s.
/// </summary>
public sealed class PageCachePolicy(PageCache? cache, FetchPolicy policy, CrawlStats stats, TimeProvider time)
{
    /// <summary>The media types a page of an archive's HTML may be served as (none given: taken as HTML).</summary>
    private static readonly HashSet<string> HtmlTypes = new(StringComparer.OrdinalIgnoreCase) { "text/html", "application/xhtml+xml" };

    /// <summary>The media types a raw mail may be served as (public-inbox sends <c>text/plain</c>; archive-html/lore.md).</summary>
    private static readonly HashSet<string> MailTypes = new(StringComparer.OrdinalIgnoreCase) { "text/plain", "message/rfc822" };

    public bool Offline => policy.Offline;

    /// <summary>
    /// The cached copy, if any (null with <c>--refresh</c>), and a result when it may be used as it is.
    /// <paramref name="notOlderThan"/> makes a copy taken before that time count as stale: index pages of one walk must
    /// not be older than the page before them, or entries that moved down a page in between would be on neither copy.
    /// </summary>
    public (FetchResult? Fresh, CachedPage? Cached) Look(Uri url, PageKind kind, DateTimeOffset? notOlderThan)
    {
        var cached = policy.Refresh ? null : cache?.Get(url);
        if (cached is not null && (policy.Offline || (IsFresh(cached, kind) && !(cached.FetchedAt < notOlderThan))))
        {
            stats.CountCacheHit();
            return (FromCache(url, cached), cached);
        }

        return (null, cached);
    }

    /// <summary>Drops a page: it was fetched but could not be used, so a later run tries again.</summary>
    public void Forget(Uri url) => cache?.Remove(url);

    /// <summary>What a response means for the page, keeping it in the cache where it may be used again.</summary>
    public FetchResult Interpret(Uri url, PageKind kind, CachedPage? cached, HttpAttempt attempt)
    {
        var now = time.GetUtcNow();
        if (attempt.Status == 304 && cached is not null)
        {
            cache?.Put(cached with { FetchedAt = now });
            return FromCache(url, cached) with { CachedAt = null }; // confirmed by the server just now
        }

        if (attempt.TooLarge)
        {
            return new FetchResult(url, FetchStatus.TooLarge, null, false, $"response larger than {policy.MaxResponseBytes} bytes, cut off");
        }

        if (attempt.IsChallenge)
        {
            var how = attempt.ChallengeHeader ? "cf-mitigated: challenge" : "\"Just a moment...\" page";
            return new FetchResult(url, FetchStatus.Blocked, null, false, $"Cloudflare challenge (HTTP {attempt.Status}, {how})");
        }

        if (attempt.Status is 404 or 410)
        {
            if (kind != PageKind.Robots) // robots.txt is read once per run, never from the cache
            {
                cache?.Put(new CachedPage(url.AbsoluteUri, kind, 404, null, null, null, now));
            }

            return new FetchResult(url, FetchStatus.NotFound, null, false, $"HTTP {attempt.Status}");
        }

        if (attempt.Status != 200 || attempt.Body is null)
        {
            return new FetchResult(url, FetchStatus.Failed, null, false, $"HTTP {attempt.Status}");
        }

        if (kind != PageKind.Robots && attempt.MediaType is { } type && !(kind == PageKind.Raw ? MailTypes : HtmlTypes).Contains(type))
        {
            // A stranger's server may send anything under a page's URL (a download, an image): it is not a page to parse.
            return new FetchResult(url, FetchStatus.WrongType, null, false, $"served as {type}, not {(kind == PageKind.Raw ? "a mail" : "HTML")}; not parsed");
        }

        if (kind != PageKind.Robots)
        {
            cache?.Put(new CachedPage(url.AbsoluteUri, kind, 200, attempt.Body, attempt.ETag, attempt.LastModified, now));
        }

        return new FetchResult(url, FetchStatus.Ok, attempt.Body, false);
    }

    private bool IsFresh(CachedPage page, PageKind kind)
    {
        var age = time.GetUtcNow() - page.FetchedAt;
        return (kind, page.Status) switch
        {
            (PageKind.Message or PageKind.Raw, 200) => true,
            (_, 404) => age < policy.NotFoundTtl,
            _ => age < policy.IndexTtl,
        };
    }

    private static FetchResult FromCache(Uri url, CachedPage page) => page.Status switch
    {
        200 => new FetchResult(url, FetchStatus.Ok, page.Body, true) { CachedAt = page.FetchedAt },
        404 => new FetchResult(url, FetchStatus.NotFound, null, true, "HTTP 404 (cached)"),
        _ => new FetchResult(url, FetchStatus.Failed, null, true, $"HTTP {page.Status} (cached)"),
    };
}

/// <summary>Run-wide fetch settings taken from the options and the command line.</summary>
public sealed record FetchPolicy(bool Offline, bool Refresh, long MaxResponseBytes, TimeSpan IndexTtl, TimeSpan NotFoundTtl, bool ObeyRobotsTxt, string RobotsAgent);
