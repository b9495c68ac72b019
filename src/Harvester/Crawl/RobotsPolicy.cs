using Microsoft.Extensions.Logging;

namespace Harvester.Crawl;

/// <summary>
/// Where the fetcher may go: inside the archive, and where the host's robots.txt allows (read once per run, its
/// Crawl-delay slowing the host's throttle). A redirect is followed only to where a link could go; robots.txt's own
/// redirect only on the same host (issue 12), since another host's rules are not this host's. Touches the network
/// only through the <see cref="PoliteHttpClient"/>, and never the cache.
/// </summary>
public sealed partial class RobotsPolicy(ArchiveScope scope, PoliteHttpClient http, FetchPolicy policy, ILogger logger)
{
    /// <summary>Most redirects followed for one page.</summary>
    public const int MaxRedirects = 3;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private RobotsReading? _reading;

    /// <summary>True when robots.txt allows <paramref name="url"/> (always, with <c>ObeyRobotsTxt</c> off).</summary>
    public async Task<bool> IsAllowedAsync(Uri url, CancellationToken cancellationToken) =>
        !policy.ObeyRobotsTxt || (await ReadAsync(cancellationToken).ConfigureAwait(false)).Rules.IsAllowed(url);

    /// <summary>Whether a page's redirect to <paramref name="target"/> may be followed: inside the archive, allowed.</summary>
    public async Task<bool> MayFollowAsync(Uri target, CancellationToken cancellationToken) =>
        scope.IsInside(target) && await IsAllowedAsync(target, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// robots.txt as read for this archive (once per fetcher: the pages' checks and <c>harvester check</c>'s report share
    /// the one request) and the rules that apply to us; its Crawl-delay slows the host when robots.txt is obeyed.
    /// A <c>file://</c> mirror has none: everything is allowed.
    /// </summary>
    public async Task<RobotsReading> ReadAsync(CancellationToken cancellationToken)
    {
        if (_reading is { } known)
        {
            return known;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _reading ??= await ReadOnceAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<RobotsReading> ReadOnceAsync(CancellationToken cancellationToken)
    {
        var url = new Uri(scope.BaseUri, "/robots.txt");
        if (scope.BaseUri.IsFile)
        {
            return new RobotsReading(new FetchResult(scope.BaseUri, FetchStatus.NotFound, null, false, "a file:// mirror has no robots.txt"), RobotsRules.AllowAll);
        }

        var result = await FetchAsync(url, cancellationToken).ConfigureAwait(false);
        var rules = result.Ok ? RobotsRules.Parse(result.Html!, policy.RobotsAgent) : RobotsRules.AllowAll;
        if (policy.ObeyRobotsTxt && rules.CrawlDelay is { } delay)
        {
            http.Host.Throttle.SlowTo(delay);
        }

        LogRobots(logger, scope.Archive, result.Error ?? "HTTP 200", rules.Rules.Count, rules.CrawlDelay?.TotalSeconds);
        return new RobotsReading(result, rules);
    }

    /// <summary>robots.txt, following redirects on the archive's host only: Ok with its text, or why there is none to obey.</summary>
    private async Task<FetchResult> FetchAsync(Uri robotsUrl, CancellationToken cancellationToken)
    {
        var target = robotsUrl;
        for (var hop = 0; hop <= MaxRedirects; hop++)
        {
            var url = target;
            var outcome = await http.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, url), cancellationToken).ConfigureAwait(false);
            if (outcome is { Error: { } error })
            {
                return new FetchResult(robotsUrl, FetchStatus.Failed, null, false, error);
            }

            var attempt = outcome.Attempt!;
            if (attempt.Location is not { } location)
            {
                return attempt switch
                {
                    { IsChallenge: true } => new FetchResult(robotsUrl, FetchStatus.Blocked, null, false, $"Cloudflare challenge (HTTP {attempt.Status})"),
                    { Status: 200, Body: { } body } => new FetchResult(robotsUrl, FetchStatus.Ok, body, false),
                    { Status: 404 or 410 } => new FetchResult(robotsUrl, FetchStatus.NotFound, null, false, $"HTTP {attempt.Status}"),
                    _ => new FetchResult(robotsUrl, FetchStatus.Failed, null, false, $"HTTP {attempt.Status}"),
                };
            }

            target = new Uri(url, location);
            if (!scope.IsSameHost(target))
            {
                return new FetchResult(robotsUrl, FetchStatus.Refused, null, false, $"redirect to {target} on another host, not followed");
            }
        }

        return new FetchResult(robotsUrl, FetchStatus.Failed, null, false, $"more than {MaxRedirects} redirects");
    }

    [LoggerMessage(EventId = 101, Level = LogLevel.Debug, Message = "robots.txt of {Archive}: {Status}, {RuleCount} rules, crawl-delay {CrawlDelaySeconds}s")]
    private static partial void LogRobots(ILogger logger, string archive, string status, int ruleCount, double? crawlDelaySeconds);
}

/// <summary>What reading robots.txt gave (Ok with its text, 404, or why not) and the rules that apply to us (all allowed when there are none).</summary>
public sealed record RobotsReading(FetchResult Result, RobotsRules Rules);
