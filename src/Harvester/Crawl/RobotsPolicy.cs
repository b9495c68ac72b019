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
    private RobotsRules? _rules;

    /// <summary>True when robots.txt allows <paramref name="url"/> (always, with <c>ObeyRobotsTxt</c> off).</summary>
    public async Task<bool> IsAllowedAsync(Uri url, CancellationToken cancellationToken)
    {
        if (!policy.ObeyRobotsTxt)
        {
            return true;
        }

        if (_rules is null)
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                _rules ??= await ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
        }

        return _rules.IsAllowed(url);
    }

    /// <summary>Whether a page's redirect to <paramref name="target"/> may be followed: inside the archive, allowed.</summary>
    public async Task<bool> MayFollowAsync(Uri target, CancellationToken cancellationToken) =>
        scope.IsInside(target) && await IsAllowedAsync(target, cancellationToken).ConfigureAwait(false);

    private async Task<RobotsRules> ReadAsync(CancellationToken cancellationToken)
    {
        var (text, status) = await FetchAsync(cancellationToken).ConfigureAwait(false);
        var rules = text is null ? RobotsRules.AllowAll : RobotsRules.Parse(text, policy.RobotsAgent);
        if (rules.CrawlDelay is { } delay)
        {
            http.Host.Throttle.SlowTo(delay);
        }

        LogRobots(logger, scope.Archive, status, rules.Rules.Count, rules.CrawlDelay?.TotalSeconds);
        return rules;
    }

    /// <summary>robots.txt's text, following redirects on the archive's host only; null when there is none to obey.</summary>
    private async Task<(string? Text, string Status)> FetchAsync(CancellationToken cancellationToken)
    {
        var target = new Uri(scope.BaseUri, "/robots.txt");
        for (var hop = 0; hop <= MaxRedirects; hop++)
        {
            var url = target;
            var outcome = await http.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, url), cancellationToken).ConfigureAwait(false);
            if (outcome is { Error: { } error })
            {
                return (null, error);
            }

            var attempt = outcome.Attempt!;
            if (attempt.Location is not { } location)
            {
                return attempt is { Status: 200, Body: { } body, IsChallenge: false } ? (body, "HTTP 200") : (null, $"HTTP {attempt.Status}");
            }

            target = new Uri(url, location);
            if (!scope.IsSameHost(target))
            {
                return (null, $"redirect to {target} on another host, not followed");
            }
        }

        return (null, $"more than {MaxRedirects} redirects");
    }

    [LoggerMessage(EventId = 101, Level = LogLevel.Debug, Message = "robots.txt of {Archive}: {Status}, {RuleCount} rules, crawl-delay {CrawlDelaySeconds}s")]
    private static partial void LogRobots(ILogger logger, string archive, string status, int ruleCount, double? crawlDelaySeconds);
}
