using Harvester.Crawl;
using Harvester.Crawl.PublicInbox;
using Microsoft.Extensions.Logging.Abstractions;

namespace Harvester.Tests.Support;

/// <summary>A <see cref="MailboxFetcher"/> as <see cref="SourceFactory"/> composes it, with the tests' client and clocks.</summary>
internal static class MailboxFetchers
{
    /// <param name="hostTime">The clock of the host's throttle, retries and timeouts.</param>
    /// <param name="cacheTime">The clock the cache's freshness is judged by.</param>
    public static MailboxFetcher Create(
        HttpClient client, HttpOptions http, FetchPolicy policy, PageCache? cache, TimeProvider hostTime, TimeProvider cacheTime, HostCircuit? circuit = null, PublicInboxOptions? options = null)
    {
        options ??= new PublicInboxOptions();
        var gate = new HostGate(new HostThrottle(TimeSpan.FromSeconds(1 / http.RequestsPerSecond), http.MaxConcurrency, hostTime), circuit ?? new HostCircuit(http.HostFailureLimit), hostTime);
        var stats = new CrawlStats();
        var polite = new PoliteHttpClient(client, gate, http, stats, NullLogger.Instance);
        var robots = new RobotsPolicy(new ArchiveScope("LoreBpf", new Uri("https://lore.kernel.org/bpf/")), polite, policy, NullLogger.Instance);
        return new MailboxFetcher(polite, robots, new MailboxCache(cache, policy, options.FinalAfterDays, stats, cacheTime), options);
    }
}
