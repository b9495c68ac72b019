using System.Net;
using Harvester.Crawl;
using Harvester.Domain;
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
        services.AddSingleton(sp => new ArchiveCatalog(sp.GetRequiredService<IOptions<HarvesterOptions>>().Value.Archives.Select(a => a.Value.ToInfo(a.Key))));
        services.AddSingleton(sp => new MessageMerger(sp.GetRequiredService<ArchiveCatalog>()));
        services.AddSingleton(sp => new SeriesGrouper(sp.GetRequiredService<IOptions<HarvesterOptions>>().Value.Group));
        services.AddSingleton(_ => LoadMaintainers());
        services.AddSingleton(sp => new RelevanceFilter(sp.GetRequiredService<IOptions<HarvesterOptions>>().Value.Filter, sp.GetRequiredService<MaintainersPatterns>()));
        services.AddSingleton(sp => new SeriesAreas(sp.GetRequiredService<MaintainersPatterns>()));
        services.AddSingleton(sp => CreateSourceFactory(sp, fresh: false));
        services.AddKeyedSingleton(FreshFetch, (sp, _) => CreateSourceFactory(sp, fresh: true));
        services.AddSingleton<IReadOnlyList<IArchiveSource>>(CreateSources);
        services.AddSingleton(sp =>
        {
            var publicInbox = sp.GetRequiredService<IOptions<HarvesterOptions>>().Value.PublicInbox;
            return new MailboxReader(publicInbox.MaxUnpackedBytes, publicInbox.MaxMailBytes);
        });
        services.AddSingleton(sp => new ParseStage(sp.GetRequiredService<MessageReader>(), sp.GetRequiredService<MailboxReader>()));
        services.AddSingleton<HarvestPipeline>();

        foreach (var archive in configuration.GetSection(HarvesterOptions.Section + ":Archives").GetChildren())
        {
            services.AddHttpClient(archive.Key, (sp, client) =>
                {
                    client.DefaultRequestHeaders.UserAgent.ParseAdd(sp.GetRequiredService<IOptions<HarvesterOptions>>().Value.Http.UserAgent);
                    client.Timeout = Timeout.InfiniteTimeSpan; // PoliteHttpClient owns timeouts
                })
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
                {
                    AutomaticDecompression = DecompressionMethods.All,
                    AllowAutoRedirect = false, // PageFetcher follows redirects itself, inside the archive only
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
    /// The key of the <see cref="SourceFactory"/> whose fetchers ask the sites, never the cache (which they still
    /// update), whatever <c>Harvester:Run:Offline</c>/<c>Refresh</c> say: <c>harvester check</c> times real requests.
    /// </summary>
    public const string FreshFetch = "fresh";

    /// <summary>The factory of the run's sources and fetchers, from the options and the command line (<paramref name="fresh"/>: see <see cref="FreshFetch"/>).</summary>
    private static SourceFactory CreateSourceFactory(IServiceProvider sp, bool fresh)
    {
        var options = sp.GetRequiredService<IOptions<HarvesterOptions>>().Value;
        var clients = sp.GetRequiredService<IHttpClientFactory>();
        var policy = new FetchPolicy(
            options.Run.Offline && !fresh,
            options.Run.Refresh || fresh,
            options.Http.MaxResponseBytes,
            TimeSpan.FromMinutes(options.Cache.IndexTtlMinutes),
            TimeSpan.FromMinutes(options.Cache.NotFoundTtlMinutes),
            options.Http.ObeyRobotsTxt,
            "harvester");
        return new SourceFactory(
            new FetchSettings(options.Http, policy, clients.CreateClient, sp.GetRequiredService<TimeProvider>()),
            sp.GetRequiredService<PageCache>(),
            sp.GetRequiredService<CrawlStats>(),
            sp.GetRequiredService<MessageReader>(),
            sp.GetRequiredService<LayoutWatch>(),
            sp.GetRequiredService<ILoggerFactory>(),
            options.PublicInbox,
            sp.GetRequiredService<MailboxReader>());
    }

    /// <summary>
    /// The enabled archives, the preferred one (<c>Harvester:Output:PreferredArchives</c>) first: the later ones then
    /// only add links to messages it already gave, mostly without fetching.
    /// </summary>
    private static IReadOnlyList<IArchiveSource> CreateSources(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<HarvesterOptions>>().Value;
        var factory = sp.GetRequiredService<SourceFactory>();
        var preference = new ArchivePreference(options.Output.PreferredArchives);
        var enabled = options.Archives.Where(a => a.Value.Enabled).ToList();
        bool IsPublicInbox(ArchiveOptions a) => string.Equals(a.Kind, ArchiveKinds.PublicInbox, StringComparison.OrdinalIgnoreCase);
        bool HtmlCarries(string list) => list.Length > 0 && enabled.Any(a => !IsPublicInbox(a.Value) && string.Equals(a.Value.List.Trim(), list.Trim(), StringComparison.OrdinalIgnoreCase));

        // public-inbox archives first: they give a list's window in one request, and the HTML archives after them then
        // link those mails from their index entries instead of fetching their pages.
        return enabled
            .OrderBy(a => IsPublicInbox(a.Value) ? 0 : 1)
            .ThenBy(a => preference.Rank(a.Key, a.Value.Kind.ToLowerInvariant()))
            .ThenBy(a => a.Key, StringComparer.OrdinalIgnoreCase)
            .Select(a => factory.Create(a.Key, a.Value, HtmlCarries(a.Value.List)) ?? throw new InvalidOperationException($"no source reads archive kind '{a.Value.Kind}' ({a.Key})"))
            .ToList();
    }
}
