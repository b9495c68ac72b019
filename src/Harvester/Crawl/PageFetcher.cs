using Harvester.Parse;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace Harvester.Crawl;

/// <summary>
/// Fetches the pages of one archive: cache first (message pages for good, index pages for a while, then revalidated
/// with ETag/If-Modified-Since), then HTTP through the host's throttle and the resilience pipeline, or a file:// mirror.
/// Refuses URLs outside the archive and those robots.txt disallows.
/// </summary>
public sealed partial class PageFetcher(
    string archive,
    Uri baseUri,
    HttpClient client,
    HostThrottle throttle,
    HostCircuit circuit,
    ResiliencePipeline<HttpAttempt> pipeline,
    PageCache? cache,
    FetchPolicy policy,
    CrawlStats stats,
    TimeProvider time,
    ILogger logger)
{
    private readonly SemaphoreSlim _robotsGate = new(1, 1);
    private RobotsRules? _robots;

    public string Archive => archive;

    public Uri BaseUri => baseUri;

    public Uri Resolve(string relative) => new(baseUri, relative);

    /// <summary>True when <paramref name="url"/> lies inside this archive (same scheme, host and list folder).</summary>
    public bool IsInside(Uri url) =>
        url.Scheme == baseUri.Scheme && string.Equals(url.Authority, baseUri.Authority, StringComparison.OrdinalIgnoreCase)
        && url.AbsolutePath.StartsWith(baseUri.AbsolutePath, StringComparison.Ordinal);

    /// <summary>Drops a page from the cache: it was fetched but could not be used, so a later run tries again.</summary>
    public void Forget(Uri url) => cache?.Remove(url);

    /// <summary>
    /// Fetches a page. <paramref name="notOlderThan"/> makes a cached copy taken before that time count as stale: index
    /// pages of one walk must not be older than the page before them, or entries that moved down a page in between
    /// would be on neither copy.
    /// </summary>
    public async Task<FetchResult> FetchAsync(Uri url, PageKind kind, CancellationToken cancellationToken, DateTimeOffset? notOlderThan = null)
    {
        // Checked first: a run served mostly from the cache must still stop promptly on Ctrl+C / SIGTERM.
        cancellationToken.ThrowIfCancellationRequested();
        if (!IsInside(url))
        {
            return new FetchResult(url, FetchStatus.Refused, null, false, "outside the configured archive " + baseUri);
        }

        var cached = policy.Refresh ? null : cache?.Get(url);
        if (cached is not null && (policy.Offline || (IsFresh(cached, kind) && !(cached.FetchedAt < notOlderThan))))
        {
            stats.CountCacheHit();
            return FromCache(url, cached);
        }

        if (policy.Offline)
        {
            return new FetchResult(url, FetchStatus.NotCached, null, false, "not in the cache (--offline)");
        }

        if (url.IsFile)
        {
            return ReadMirror(url, kind);
        }

        if (!await IsAllowedAsync(url, cancellationToken).ConfigureAwait(false))
        {
            return new FetchResult(url, FetchStatus.Refused, null, false, "disallowed by robots.txt");
        }

        return await FetchOverHttpAsync(url, kind, cached, cancellationToken).ConfigureAwait(false);
    }

    private bool IsFresh(CachedPage page, PageKind kind)
    {
        var age = time.GetUtcNow() - page.FetchedAt;
        return (kind, page.Status) switch
        {
            (PageKind.Message, 200) => true,
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

    private async Task<FetchResult> FetchOverHttpAsync(Uri url, PageKind kind, CachedPage? cached, CancellationToken cancellationToken)
    {
        if (circuit.IsOpen)
        {
            return new FetchResult(url, FetchStatus.Failed, null, false, $"host given up on after {circuit.FailureLimit} failed requests in a row (circuit open)");
        }

        var result = await SendAsync(url, kind, cached, cancellationToken).ConfigureAwait(false);
        if (result.Status is FetchStatus.Failed or FetchStatus.Blocked)
        {
            circuit.RecordFailure();
        }
        else
        {
            circuit.RecordSuccess();
        }

        return result;
    }

    /// <summary>Most redirects followed for one page.</summary>
    private const int MaxRedirects = 3;

    /// <summary>
    /// Sends the request, following redirects by hand so that each target is checked like any other link: inside the
    /// archive and allowed by robots.txt (HttpClient's own redirect handling would follow them anywhere).
    /// </summary>
    private async Task<FetchResult> SendAsync(Uri url, PageKind kind, CachedPage? cached, CancellationToken cancellationToken)
    {
        var target = url;
        for (var hop = 0; ; hop++)
        {
            HttpAttempt attempt;
            try
            {
                attempt = await AttemptAsync(target, kind, cached, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Our own cancellation (Ctrl+C, SIGTERM) goes up: the run stops, the cache keeps what it has.
                throw;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or TimeoutRejectedException or OperationCanceledException)
            {
                return new FetchResult(url, FetchStatus.Failed, null, false, Describe(ex));
            }

            if (attempt.Location is not { } location)
            {
                return Interpret(url, kind, cached, attempt);
            }

            target = new Uri(target, location);
            if (hop >= MaxRedirects || (kind != PageKind.Robots && (!IsInside(target) || !await IsAllowedAsync(target, cancellationToken).ConfigureAwait(false))))
            {
                return new FetchResult(url, FetchStatus.Refused, null, false, $"redirect to {target} not followed (outside the archive, disallowed, or more than {MaxRedirects} hops)");
            }
        }
    }

    private Task<HttpAttempt> AttemptAsync(Uri url, PageKind kind, CachedPage? cached, CancellationToken cancellationToken) =>
        pipeline.ExecuteAsync(
            async token =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
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

                using var slot = await throttle.EnterAsync(token).ConfigureAwait(false);
                stats.CountRequest();
                LogRequest(logger, archive, url);
                return await HttpAttempt.SendAsync(client, request, policy.MaxResponseBytes, token).ConfigureAwait(false);
            },
            cancellationToken).AsTask();

    private FetchResult Interpret(Uri url, PageKind kind, CachedPage? cached, HttpAttempt attempt)
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

        if (kind != PageKind.Robots)
        {
            cache?.Put(new CachedPage(url.AbsoluteUri, kind, 200, attempt.Body, attempt.ETag, attempt.LastModified, now));
        }

        return new FetchResult(url, FetchStatus.Ok, attempt.Body, false);
    }

    private FetchResult ReadMirror(Uri url, PageKind kind)
    {
        var path = url.LocalPath;
        if (!File.Exists(path))
        {
            return new FetchResult(url, FetchStatus.NotFound, null, false, "no such file in the mirror");
        }

        if (new FileInfo(path).Length > policy.MaxResponseBytes)
        {
            return new FetchResult(url, FetchStatus.TooLarge, null, false, $"file larger than {policy.MaxResponseBytes} bytes");
        }

        stats.CountRequest();
        return new FetchResult(url, FetchStatus.Ok, File.ReadAllText(path, System.Text.Encoding.UTF8), false);
    }

    /// <summary>Whether robots.txt lets Harvester read <paramref name="url"/> (read once per fetcher; always true when not obeyed).</summary>
    public async Task<bool> IsAllowedAsync(Uri url, CancellationToken cancellationToken)
    {
        if (!policy.ObeyRobotsTxt)
        {
            return true;
        }

        if (_robots is null)
        {
            await _robotsGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                _robots ??= await ReadRobotsAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _robotsGate.Release();
            }
        }

        return _robots.IsAllowed(url);
    }

    private async Task<RobotsRules> ReadRobotsAsync(CancellationToken cancellationToken)
    {
        var robotsUrl = new Uri(baseUri, "/robots.txt");
        var result = await FetchOverHttpAsync(robotsUrl, PageKind.Robots, null, cancellationToken).ConfigureAwait(false);
        var rules = result.Ok ? RobotsRules.Parse(result.Html!, policy.RobotsAgent) : RobotsRules.AllowAll;
        if (rules.CrawlDelay is { } delay)
        {
            throttle.SlowTo(delay);
        }

        LogRobots(logger, archive, result.Status, rules.Rules.Count, rules.CrawlDelay?.TotalSeconds);
        return rules;
    }

    private static string Describe(Exception ex) => ex switch
    {
        TimeoutRejectedException => "timed out",
        _ => ex.GetType().Name + ": " + ex.Message,
    };

    [LoggerMessage(EventId = 100, Level = LogLevel.Debug, Message = "GET {Archive} {Url}")]
    private static partial void LogRequest(ILogger logger, string archive, Uri url);

    [LoggerMessage(EventId = 101, Level = LogLevel.Debug, Message = "robots.txt of {Archive}: {Status}, {RuleCount} rules, crawl-delay {CrawlDelaySeconds}s")]
    private static partial void LogRobots(ILogger logger, string archive, FetchStatus status, int ruleCount, double? crawlDelaySeconds);
}

/// <summary>Run-wide fetch settings taken from the options and the command line.</summary>
public sealed record FetchPolicy(bool Offline, bool Refresh, long MaxResponseBytes, TimeSpan IndexTtl, TimeSpan NotFoundTtl, bool ObeyRobotsTxt, string RobotsAgent);
