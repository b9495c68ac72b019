using Harvester.Crawl;

namespace Harvester.Hosting.Progress;

/// <summary>An archive's crawler with its progress shown while it runs (wraps any <see cref="IArchiveCrawler"/>).</summary>
public sealed class ProgressCrawler(IArchiveCrawler inner, HarvestProgress progress) : IArchiveCrawler
{
    public string Archive => inner.Archive;

    public Task<ArchiveCrawl> CrawlAsync(CrawlRequest request, CancellationToken cancellationToken) =>
        progress.TrackAsync(inner.Archive, request.Window, () => inner.CrawlAsync(request, cancellationToken), crawl => !crawl.Failed);
}
