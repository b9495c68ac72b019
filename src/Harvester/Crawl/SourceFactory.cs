using Harvester.Parse;
using Microsoft.Extensions.Logging;

namespace Harvester.Crawl;

/// <summary>
/// Makes the run's sources and fetchers from the configuration: one <see cref="PageFetcher"/> per archive, sharing one
/// throttle and one circuit per host (two archives on one host share its politeness), and one source per archive by
/// its kind. A new archive kind adds its case to <see cref="Create"/>.
/// </summary>
public sealed class SourceFactory(FetchSettings settings, PageCache? cache, CrawlStats stats, MessageReader reader, LayoutWatch? watch, ILoggerFactory loggers)
{
    private readonly Dictionary<string, HostGate> _hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A polite client for one archive's host; every client for the same host shares that host's gate.</summary>
    public PoliteHttpClient CreateHttpClient(string archive, Uri baseUri)
    {
        var http = settings.Http;
        HostGate? gate;
        lock (_hosts)
        {
            if (!_hosts.TryGetValue(baseUri.Authority, out gate))
            {
                gate = new HostGate(new HostThrottle(TimeSpan.FromSeconds(1 / http.RequestsPerSecond), http.MaxConcurrency, settings.Time), new HostCircuit(http.HostFailureLimit), settings.Time);
                _hosts[baseUri.Authority] = gate;
            }
        }

        return new PoliteHttpClient(settings.Clients(archive), gate, http, stats, loggers.CreateLogger("Harvester.Crawl." + archive));
    }

    /// <summary>A fetcher for one archive's pages: cache, mirror, robots.txt and the host's polite client.</summary>
    public PageFetcher CreateFetcher(string archive, Uri baseUri)
    {
        var scope = new ArchiveScope(archive, baseUri);
        var http = CreateHttpClient(archive, baseUri);
        var logger = loggers.CreateLogger("Harvester.Crawl." + archive);
        return new PageFetcher(
            scope,
            new PageCachePolicy(cache, settings.Policy, stats, settings.Time),
            new RobotsPolicy(scope, http, settings.Policy, logger),
            http,
            new FileMirror(settings.Policy.MaxResponseBytes, stats));
    }

    /// <summary>The source for one configured archive, by its kind; null for a kind no source reads.</summary>
    public IArchiveSource? Create(string archive, ArchiveOptions options)
    {
        if (options.BaseUri is not { } baseUri || PageParsers.For(options.Kind) is not { } parsers)
        {
            return null;
        }

        IIndexPageParser index = watch is null ? parsers.Index : new WatchedIndexParser(parsers.Index, watch);
        var logger = loggers.CreateLogger("Harvester.Crawl." + archive);
        return new HtmlArchiveSource(CreateFetcher(archive, baseUri), options.Kind, index, reader, stats, settings.Http.MaxConcurrency - 1, logger);
    }
}

/// <summary>What every fetcher of a run is made with: the HTTP options, the run's fetch policy, a client per archive, the clock.</summary>
public sealed record FetchSettings(HttpOptions Http, FetchPolicy Policy, Func<string, HttpClient> Clients, TimeProvider Time);
