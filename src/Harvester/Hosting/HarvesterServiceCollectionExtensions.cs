using System.Net;
using Harvester.Crawl;
using Harvester.Filter;
using Harvester.Group;
using Harvester.Merge;
using Harvester.Parse;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Harvester.Hosting;

/// <summary>One place that wires the stages: options, the per-archive HTTP clients, the cache and the pipeline.</summary>
public static class HarvesterServiceCollectionExtensions
{
    public static IServiceCollection AddHarvester(this IServiceCollection services, IConfiguration configuration)
    {
        // Every options class is checked at start: its annotations by the generated validator, the rules that span
        // settings (archive kinds, the window) by HarvesterOptionsValidator.
        services.AddOptions<HarvesterOptions>().Bind(configuration.GetSection(HarvesterOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HarvesterOptions>, HarvesterOptionsAnnotations>();
        services.AddSingleton<IValidateOptions<HarvesterOptions>, HarvesterOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<RunState>();
        services.AddSingleton<CrawlStats>();
        services.AddSingleton(sp => new PageCache(sp.GetRequiredService<IOptions<HarvesterOptions>>().Value.Cache.ResolvePath()));
        services.AddSingleton(sp => new LayoutWatch(sp.GetRequiredService<IOptions<HarvesterOptions>>().Value.Drift));
        services.AddSingleton(sp => new MessageReader(kind => PageParsers.For(kind)?.Message, sp.GetRequiredService<LayoutWatch>()));
        services.AddSingleton<MessageMerger>();
        services.AddSingleton(sp => new SeriesGrouper(sp.GetRequiredService<IOptions<HarvesterOptions>>().Value.Group));
        services.AddSingleton(_ => LoadMaintainers());
        services.AddSingleton(sp => new RelevanceFilter(sp.GetRequiredService<IOptions<HarvesterOptions>>().Value.Filter, sp.GetRequiredService<MaintainersPatterns>()));
        services.AddSingleton(sp => new SeriesAreas(sp.GetRequiredService<MaintainersPatterns>()));
        services.AddSingleton<IReadOnlyList<IArchiveCrawler>>(CreateCrawlers);
        services.AddSingleton<HarvestPipeline>();

        foreach (var archive in configuration.GetSection(HarvesterOptions.Section + ":Archives").GetChildren())
        {
            services.AddHttpClient(archive.Key, (sp, client) =>
                {
                    client.DefaultRequestHeaders.UserAgent.ParseAdd(sp.GetRequiredService<IOptions<HarvesterOptions>>().Value.Http.UserAgent);
                    client.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline owns timeouts
                })
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
                {
                    AutomaticDecompression = DecompressionMethods.All,
                    AllowAutoRedirect = false, // ArchiveFetcher follows redirects itself, inside the archive only
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                });
        }

        return services;
    }

    /// <summary>The BPF/XDP file patterns shipped as data beside the binary (<c>config/bpf-maintainers.json</c>).</summary>
    private static MaintainersPatterns LoadMaintainers()
    {
        var (patterns, error) = FilterConfiguration.TryLoadMaintainers(Path.Combine(AppContext.BaseDirectory, "config", "bpf-maintainers.json"));
        return patterns ?? throw new InvalidDataException("config/bpf-maintainers.json: " + error);
    }

    /// <summary>
    /// The enabled archives, the preferred one (<c>Harvester:Output:PreferredArchives</c>) first: the later ones then
    /// only add links to messages it already gave, mostly without fetching.
    /// </summary>
    private static IReadOnlyList<IArchiveCrawler> CreateCrawlers(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<HarvesterOptions>>().Value;
        var time = sp.GetRequiredService<TimeProvider>();
        var stats = sp.GetRequiredService<CrawlStats>();
        var cache = sp.GetRequiredService<PageCache>();
        var clients = sp.GetRequiredService<IHttpClientFactory>();
        var loggers = sp.GetRequiredService<ILoggerFactory>();
        var reader = sp.GetRequiredService<MessageReader>();
        var watch = sp.GetRequiredService<LayoutWatch>();
        var run = options.Run;
        var policy = new FetchPolicy(
            run.Offline,
            run.Refresh,
            options.Http.MaxResponseBytes,
            TimeSpan.FromMinutes(options.Cache.IndexTtlMinutes),
            TimeSpan.FromMinutes(options.Cache.NotFoundTtlMinutes),
            options.Http.ObeyRobotsTxt,
            "harvester");
        var hosts = new Dictionary<string, (HostThrottle Throttle, HostCircuit Circuit)>(StringComparer.OrdinalIgnoreCase);
        var preference = options.Output.PreferredArchives;
        return options.Archives
            .Where(a => a.Value.Enabled)
            .OrderBy(a => preference.FindIndex(p => string.Equals(p, a.Key, StringComparison.OrdinalIgnoreCase)) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(a => a.Key, StringComparer.OrdinalIgnoreCase)
            .Select(a =>
            {
                var baseUri = a.Value.BaseUri!;
                if (!hosts.TryGetValue(baseUri.Authority, out var host))
                {
                    host = (new HostThrottle(TimeSpan.FromSeconds(1 / options.Http.RequestsPerSecond), options.Http.MaxConcurrency, time),
                        new HostCircuit(options.Http.HostFailureLimit));
                    hosts[baseUri.Authority] = host;
                }

                var logger = loggers.CreateLogger("Harvester.Crawl." + a.Key);
                var fetcher = new ArchiveFetcher(a.Key, baseUri, clients.CreateClient(a.Key), host.Throttle, host.Circuit, ResiliencePipelines.Create(options.Http, time), cache, policy, stats, time, logger);
                var parsers = PageParsers.For(a.Value.Kind)!.Value;
                return (IArchiveCrawler)new ArchiveCrawler(fetcher, a.Value.Kind, new WatchedIndexParser(parsers.Index, watch), reader, stats, options.Http.MaxConcurrency - 1, logger);
            })
            .ToList();
    }
}
