using Harvester.Crawl.Html;
using Harvester.Crawl.PublicInbox;
using Harvester.Parse;
using Microsoft.Extensions.Logging;

namespace Harvester.Crawl;

/// <summary>
/// Makes the run's sources and fetchers from the configuration: one <see cref="PageFetcher"/> per archive, sharing one
/// throttle and one circuit per host (two archives on one host share its politeness), and one source per archive by
/// its kind. A new archive kind adds its case to <see cref="Create"/>.
/// </summary>
public sealed class SourceFactory(FetchSettings settings, PageCache? cache, CrawlStats stats, SourceReaders readers, ILoggerFactory loggers)
{
    private readonly Dictionary<string, HostGate> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly PublicInboxOptions _publicInbox = settings.PublicInbox;

    /// <summary>A polite client for one archive's host; every client for the same host shares that host's gate.</summary>
    public PoliteHttpClient CreateHttpClient(string archive, Uri baseUri) =>
        new(settings.Clients(archive), Gate(baseUri), settings.Http, stats, loggers.CreateLogger("Harvester.Crawl." + archive));

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

    private HostGate Gate(Uri baseUri)
    {
        var http = settings.Http;
        lock (_hosts)
        {
            if (!_hosts.TryGetValue(baseUri.Authority, out var gate))
            {
                gate = new HostGate(new HostThrottle(TimeSpan.FromSeconds(1 / http.RequestsPerSecond), http.MaxConcurrency, settings.Time), new HostCircuit(http.HostFailureLimit), settings.Time);
                _hosts[baseUri.Authority] = gate;
            }

            return gate;
        }
    }

    /// <summary>
    /// The source for one configured archive, by its kind; null for a kind no source reads. <paramref name="listHasHtmlArchive"/>
    /// says whether an enabled HTML archive carries a public-inbox archive's list (then its failure is only a warning).
    /// </summary>
    public IArchiveSource? Create(string archive, ArchiveOptions options, bool listHasHtmlArchive = false)
    {
        if (options.BaseUri is { } inboxRoot && string.Equals(options.Kind, Domain.ArchiveKinds.PublicInbox, StringComparison.OrdinalIgnoreCase))
        {
            return CreatePublicInbox(archive, inboxRoot, listHasHtmlArchive);
        }

        if (options.BaseUri is not { } baseUri || PageParsers.For(options.Kind) is not { } parsers)
        {
            return null;
        }

        IIndexPageParser index = readers.Watch is null ? parsers.Index : new WatchedIndexParser(parsers.Index, readers.Watch);
        var logger = loggers.CreateLogger("Harvester.Crawl." + archive);
        var pages = new HtmlArchivePages(options.Kind, index, readers.Messages);
        return new HtmlArchiveSource(CreateFetcher(archive, baseUri), pages, WalkLimits.From(settings.Http, settings.Crawl), stats, logger);
    }

    private PublicInboxSource CreatePublicInbox(string archive, Uri inboxRoot, bool hasFallback)
    {
        var (_, fetcher) = CreatePublicInboxFetchers(archive, inboxRoot);
        var logger = loggers.CreateLogger("Harvester.Crawl." + archive);
        var inbox = new PublicInboxArchive(archive, inboxRoot, _publicInbox.SlackDays, hasFallback);
        return new PublicInboxSource(inbox, fetcher, readers.Mailboxes ?? new MailboxReader(_publicInbox.MaxUnpackedBytes, _publicInbox.MaxMailBytes), logger);
    }

    /// <summary>
    /// A public-inbox archive's fetchers: its pages (robots.txt, read once, and single mails) and its window searches,
    /// which go through the same polite client and ask the same robots.txt. <c>harvester check</c> uses both.
    /// </summary>
    public (PageFetcher Pages, MailboxFetcher Mailboxes) CreatePublicInboxFetchers(string archive, Uri inboxRoot)
    {
        var pages = CreateFetcher(archive, inboxRoot);
        var fetcher = new MailboxFetcher(pages.Http, pages.Robots, new MailboxCache(cache, settings.Policy, _publicInbox.FinalAfterDays, stats, settings.Time), _publicInbox);
        return (pages, fetcher);
    }
}

/// <summary>
/// What every fetcher and walk of a run is made with: the HTTP options, the run's fetch policy, a client per archive,
/// the clock, and the walks' bounds and lore's caps (defaults unless set).
/// </summary>
public sealed record FetchSettings(HttpOptions Http, FetchPolicy Policy, Func<string, HttpClient> Clients, TimeProvider Time)
{
    public CrawlOptions Crawl { get; init; } = new();

    public PublicInboxOptions PublicInbox { get; init; } = new();
}

/// <summary>
/// The Parse-side readers a source needs to tell a usable page from an unusable one: the message reader (which also
/// watches for layout drift), the index watch, and lore's mailbox reader (default caps when null).
/// </summary>
public sealed record SourceReaders(MessageReader Messages, LayoutWatch? Watch = null, MailboxReader? Mailboxes = null);
