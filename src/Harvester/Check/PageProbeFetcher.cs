using Harvester.Crawl;
using Harvester.Crawl.PublicInbox;

namespace Harvester.Check;

/// <summary>
/// The check's requests through Crawl's <see cref="PageFetcher"/>, as the harvest makes them (the host's throttle,
/// robots.txt read once, the archive's scope, a <c>file://</c> mirror). The fetcher comes from the factory that asks
/// the sites, not the cache (<c>HarvesterServiceCollectionExtensions.FreshFetch</c>).
/// </summary>
public sealed class PageProbeFetcher(PageFetcher pages) : IProbeFetcher
{
    public Uri BaseUri => pages.BaseUri;

    public async Task<(FetchResult Result, RobotsRules Rules)> RobotsAsync(CancellationToken cancellationToken)
    {
        var reading = await pages.RobotsAsync(cancellationToken).ConfigureAwait(false);
        return (reading.Result, reading.Rules);
    }

    public Task<FetchResult> FetchAsync(Uri url, PageKind kind, CancellationToken cancellationToken) => pages.FetchAsync(url, kind, cancellationToken);
}

/// <summary>A public-inbox archive's check requests: its pages (robots.txt, <c>/raw</c>) and its window search, as the source sends it.</summary>
public sealed class InboxProbeFetcher(PageFetcher pages, MailboxFetcher mailboxes) : IInboxProbeFetcher
{
    private readonly PageProbeFetcher _pages = new(pages);

    public Uri BaseUri => pages.BaseUri;

    public Task<(FetchResult Result, RobotsRules Rules)> RobotsAsync(CancellationToken cancellationToken) => _pages.RobotsAsync(cancellationToken);

    public Task<FetchResult> FetchAsync(Uri url, PageKind kind, CancellationToken cancellationToken) => _pages.FetchAsync(url, kind, cancellationToken);

    public Task<MailboxFetch> SearchAsync(WindowQuery query, CancellationToken cancellationToken) => mailboxes.FetchAsync(query, pages.BaseUri, cancellationToken);
}
