namespace Harvester.Crawl;

/// <summary>What a page is: message pages never change, index pages do, robots.txt is per host.</summary>
public enum PageKind
{
    Message = 0,
    Index = 1,
    Robots = 2,

    /// <summary>A public-inbox search result (a gzipped mbox, kept base64): for good once its days are closed.</summary>
    Search = 3,

    /// <summary>One raw mail (public-inbox <c>&lt;list&gt;/&lt;message-id&gt;/raw</c>, served as <c>text/plain</c>): never changes.</summary>
    Raw = 4,
}
