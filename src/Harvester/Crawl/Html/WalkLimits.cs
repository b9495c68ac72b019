namespace Harvester.Crawl.Html;

/// <summary>
/// How far one walk may go: reads kept in flight ahead of it (the host's connection slots but one), and the bounds of
/// <see cref="CrawlOptions"/>.
/// </summary>
public sealed record WalkLimits(int Lookahead, int MaxNumberWalkPages, long MaxRetainedBytes)
{
    public static WalkLimits From(HttpOptions http, CrawlOptions crawl) =>
        new(http.MaxConcurrency - 1, crawl.MaxNumberWalkPages, crawl.MaxRetainedPageKilobytes * 1024L);
}
