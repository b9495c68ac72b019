namespace Harvester.Crawl;

/// <summary>Counters shared by the fetchers of one run (thread-safe).</summary>
public sealed class CrawlStats
{
    private int _requests;
    private int _cacheHits;
    private int _requestsSaved;

    public int Requests => _requests;

    public int CacheHits => _cacheHits;

    /// <summary>Message pages not fetched because an index entry matched an already known message.</summary>
    public int RequestsSaved => _requestsSaved;

    public void CountRequest() => Interlocked.Increment(ref _requests);

    public void CountCacheHit() => Interlocked.Increment(ref _cacheHits);

    public void CountSaved() => Interlocked.Increment(ref _requestsSaved);
}
