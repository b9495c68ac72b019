using Harvester.Domain;
using Harvester.Parse;

namespace Harvester.Crawl;

/// <summary>What one archive's crawl has gathered so far; becomes an <see cref="ArchiveCrawl"/>.</summary>
internal sealed class CrawlRun(string archive, CrawlRequest request)
{
    private readonly Dictionary<Uri, FetchedPage> _pages = [];

    public CrawlRequest Request { get; } = request;

    public HarvestWindow Window => Request.Window;

    public List<IndexEntry> Entries { get; } = [];

    /// <summary>Message pages already read in this run (a date probe's page is often read again by the walk).</summary>
    public Dictionary<Uri, MailMessage?> Read { get; } = [];

    public List<LinkMatch> LinkMatches { get; } = [];

    public List<Diagnostic> Diagnostics { get; } = [];

    public bool Failed { get; set; }

    public int IndexPages { get; set; }

    public int Probes { get; set; }

    public void Keep(FetchedPage page) => _pages.TryAdd(page.Url, page);

    public void Report(DiagnosticLevel level, Uri? url, string message) => Diagnostics.Add(new Diagnostic(level, url?.AbsoluteUri, message));

    public ArchiveCrawl ToResult() => new()
    {
        Archive = archive,
        MessagePages = [.. _pages.Values],
        Entries = [.. Entries],
        LinkMatches = [.. LinkMatches],
        Diagnostics = [.. Diagnostics],
        Failed = Failed,
        IndexPages = IndexPages,
        Probes = Probes,
    };
}
