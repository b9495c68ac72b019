namespace Harvester.Crawl;

/// <summary>
/// Fetches the pages of one archive, composing its parts in order: inside the archive (<see cref="ArchiveScope"/>),
/// the cache (<see cref="PageCachePolicy"/>), a <c>file://</c> mirror (<see cref="FileMirror"/>), robots.txt
/// (<see cref="RobotsPolicy"/>), then HTTP (<see cref="PoliteHttpClient"/>), following redirects by hand so each target
/// is checked like any other link (HttpClient's own redirect handling would follow them anywhere).
/// </summary>
public sealed class PageFetcher(ArchiveScope scope, PageCachePolicy cache, RobotsPolicy robots, PoliteHttpClient http, FileMirror mirror)
{
    public string Archive => scope.Archive;

    public ArchiveScope Scope => scope;

    public Uri BaseUri => scope.BaseUri;

    /// <summary>The host's polite client (shared with the archive's other fetchers, e.g. lore's search).</summary>
    public PoliteHttpClient Http => http;

    /// <summary>This archive's robots.txt, read once per run.</summary>
    public RobotsPolicy Robots => robots;

    public Uri Resolve(string relative) => scope.Resolve(relative);

    /// <summary>True when <paramref name="url"/> lies inside this archive (same scheme, host and list folder).</summary>
    public bool IsInside(Uri url) => scope.IsInside(url);

    /// <summary>Whether robots.txt lets Harvester read <paramref name="url"/> (read once per fetcher; always true when not obeyed).</summary>
    public Task<bool> IsAllowedAsync(Uri url, CancellationToken cancellationToken) => robots.IsAllowedAsync(url, cancellationToken);

    /// <summary>robots.txt as read for this archive (the one request the page checks use too) and the rules for us: <c>harvester check</c> reports it.</summary>
    public Task<RobotsReading> RobotsAsync(CancellationToken cancellationToken) => robots.ReadAsync(cancellationToken);

    /// <summary>Drops a page from the cache: it was fetched but could not be used, so a later run tries again.</summary>
    public void Forget(Uri url) => cache.Forget(url);

    /// <summary>
    /// Fetches a page. <paramref name="notOlderThan"/> makes a cached copy taken before that time count as stale (see
    /// <see cref="PageCachePolicy.Look"/>).
    /// </summary>
    public async Task<FetchResult> FetchAsync(Uri url, PageKind kind, CancellationToken cancellationToken, DateTimeOffset? notOlderThan = null)
    {
        // Checked first: a run served mostly from the cache must still stop promptly on Ctrl+C / SIGTERM.
        cancellationToken.ThrowIfCancellationRequested();
        if (!scope.IsInside(url))
        {
            return new FetchResult(url, FetchStatus.Refused, null, false, "outside the configured archive " + scope.BaseUri);
        }

        var (fresh, cached) = cache.Look(url, kind, notOlderThan);
        if (fresh is not null)
        {
            return fresh;
        }

        if (cache.Offline)
        {
            return new FetchResult(url, FetchStatus.NotCached, null, false, "not in the cache (--offline)");
        }

        if (url.IsFile)
        {
            return mirror.Read(url);
        }

        if (!await robots.IsAllowedAsync(url, cancellationToken).ConfigureAwait(false))
        {
            return new FetchResult(url, FetchStatus.Refused, null, false, "disallowed by robots.txt");
        }

        return await SendAsync(url, kind, cached, cancellationToken).ConfigureAwait(false);
    }

    private async Task<FetchResult> SendAsync(Uri url, PageKind kind, CachedPage? cached, CancellationToken cancellationToken)
    {
        var target = url;
        for (var hop = 0; ; hop++)
        {
            var current = target;
            var outcome = await http.SendAsync(() => Request(current, kind, cached), cancellationToken).ConfigureAwait(false);
            if (outcome.Error is { } error)
            {
                return new FetchResult(url, FetchStatus.Failed, null, false, error);
            }

            if (outcome.Attempt!.Location is not { } location)
            {
                return cache.Interpret(url, kind, cached, outcome.Attempt);
            }

            target = new Uri(current, location);
            if (hop >= RobotsPolicy.MaxRedirects || !await robots.MayFollowAsync(target, cancellationToken).ConfigureAwait(false))
            {
                return new FetchResult(url, FetchStatus.Refused, null, false, $"redirect to {target} not followed (outside the archive, disallowed, or more than {RobotsPolicy.MaxRedirects} hops)");
            }
        }
    }

    /// <summary>A GET, conditional on the cached copy's validators for pages that change (index pages).</summary>
    private static HttpRequestMessage Request(Uri url, PageKind kind, CachedPage? cached)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (cached?.Status == 200 && kind != PageKind.Message)
        {
            if (cached.ETag is not null)
            {
                request.Headers.TryAddWithoutValidation("If-None-Match", cached.ETag);
            }

            if (cached.LastModified is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Modified-Since", cached.LastModified);
            }
        }

        return request;
    }
}
