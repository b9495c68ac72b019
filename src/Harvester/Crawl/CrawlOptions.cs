using System.ComponentModel.DataAnnotations;

namespace Harvester.Crawl;

/// <summary>Bounds on one HTML archive's walk (<c>Harvester:Crawl</c>): pages are written by strangers, memory is not.</summary>
public sealed class CrawlOptions
{
    /// <summary>
    /// The most message pages a number walk (below an index that does not reach back to the window) reads in one run;
    /// at the bound the walk stops with an error naming this key.
    /// </summary>
    /// <value>The default value is 20,000.</value>
    [Range(1, 1_000_000)]
    public int MaxNumberWalkPages { get; set; } = 20_000;

    /// <summary>
    /// The most message page HTML one archive's crawl keeps for Parse, in kilobytes (as held in memory, two bytes a
    /// character); at the bound the walk stops with an error naming this key, and what was read is still harvested.
    /// </summary>
    /// <value>The default value is 200,000 (about 200 MB; a 6,000-mail week keeps some 11 MB).</value>
    [Range(100, 10_000_000)]
    public int MaxRetainedPageKilobytes { get; set; } = 200_000;
}
