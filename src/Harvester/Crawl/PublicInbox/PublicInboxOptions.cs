using System.ComponentModel.DataAnnotations;

namespace Harvester.Crawl.PublicInbox;

/// <summary>
/// How the <c>public-inbox</c> archives (lore.kernel.org) are read (<c>Harvester:PublicInbox</c>). The window comes as one
/// gzipped mbox per list, far larger than an HTML page, so it has its own size caps; politeness, retries, the circuit
/// breaker and the cache are the <c>Harvester:Http</c> and <c>Harvester:Cache</c> ones.
/// </summary>
public sealed class PublicInboxOptions
{
    /// <summary>The largest search result accepted as sent (gzipped); a larger one is cut off and the HTML archives stand in.</summary>
    /// <value>The default value is 60 MB (a busy netdev week is a few MB gzipped).</value>
    [Range(1024, 1L << 31)]
    public long MaxResponseBytes { get; set; } = 60_000_000;

    /// <summary>The most a search result may unpack to; a gzip bomb stops there and is reported.</summary>
    /// <value>The default value is 400 MB.</value>
    [Range(1024, 1L << 34)]
    public long MaxUnpackedBytes { get; set; } = 400_000_000;

    /// <summary>The largest single mail read from a result; a larger one is skipped and reported.</summary>
    /// <value>The default value is 10 MB.</value>
    [Range(1024, 1L << 30)]
    public long MaxMailBytes { get; set; } = 10_000_000;

    /// <summary>
    /// Days asked for beyond each end of the window (<c>d:</c> ranges are whole UTC days, and lore.md advises asking a day
    /// more than needed). Mails read there are known to the HTML archives' walks, never listed.
    /// </summary>
    /// <value>The default value is 1.</value>
    [Range(0, 14)]
    public int SlackDays { get; set; } = 1;

    /// <summary>
    /// How long after a query's last day a result is kept for good (mail can reach the archive late): before that it is
    /// reused for <c>Harvester:Cache:IndexTtlMinutes</c>, then asked again. An empty result (404) is never kept for good.
    /// </summary>
    /// <value>The default value is 3 days.</value>
    [Range(0, 365)]
    public int FinalAfterDays { get; set; } = 3;
}
