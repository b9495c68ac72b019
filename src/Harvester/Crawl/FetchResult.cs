namespace Harvester.Crawl;

public enum FetchStatus
{
    Ok,

    /// <summary>404/410: for a message page, a gap in the numbering, not an error.</summary>
    NotFound,

    /// <summary>Failed after retries (5xx, timeouts, resets), or the host's circuit is open.</summary>
    Failed,

    /// <summary>A Cloudflare challenge or block page (403/503 with <c>cf-mitigated</c>, or a "Just a moment..." page).</summary>
    Blocked,

    /// <summary>The response was larger than <c>Harvester:Http:MaxResponseBytes</c>; it was cut off, not used.</summary>
    TooLarge,

    /// <summary>robots.txt disallows the URL, or it lies outside the configured archive.</summary>
    Refused,

    /// <summary><c>--offline</c> and the page is not in the cache.</summary>
    NotCached,

    /// <summary>Served as another type than HTML (<c>application/octet-stream</c>, an image): reported, never parsed.</summary>
    WrongType,
}

/// <summary>What fetching one page gave: the HTML on success, otherwise why not.</summary>
public sealed record FetchResult(Uri Url, FetchStatus Status, string? Html, bool FromCache, string? Error = null)
{
    /// <summary>When the server gave this content: the cache entry's time, or null for a response of this run.</summary>
    public DateTimeOffset? CachedAt { get; init; }

    public bool Ok => Status == FetchStatus.Ok && Html is not null;
}
