namespace Harvester.Crawl;

/// <summary>Counters shared by the fetchers of one run (thread-safe).</summary>
public sealed class CrawlStats
{
    private int _requests;
    private int _cacheHits;
    private int _requestsSaved;
    private int _messagePagesFetched;

    public int Requests => _requests;

    public int CacheHits => _cacheHits;

    /// <summary>Message pages not fetched because an index entry matched an already known message.</summary>
    public int RequestsSaved => _requestsSaved;

    /// <summary>Message pages fetched over the network (not from the cache).</summary>
    public int MessagePagesFetched => _messagePagesFetched;

    public void CountRequest(PageKind kind)
    {
        Interlocked.Increment(ref _requests);
        if (kind == PageKind.Message)
        {
            Interlocked.Increment(ref _messagePagesFetched);
        }
    }

    public void CountCacheHit() => Interlocked.Increment(ref _cacheHits);

    public void CountSaved() => Interlocked.Increment(ref _requestsSaved);
}
