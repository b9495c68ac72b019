using Harvester.Domain;
using Harvester.Parse;

namespace Harvester.Crawl.Html;

/// <summary>
/// What one archive's crawl has gathered so far; becomes a <see cref="SourceResult"/>. Reads run a little ahead of
/// the walk (to use the host's second connection slot), so what they record is guarded by a lock. The message page
/// HTML it keeps is bounded (<see cref="CrawlOptions.MaxRetainedPageKilobytes"/>): past the bound a page is not kept,
/// the run is <see cref="Stopped"/> and says so once.
/// </summary>
internal sealed class CrawlRun(string archive, SourceRequest request, long maxRetainedBytes)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Uri, SourceDocument> _documents = [];
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly Dictionary<Uri, DiagnosticLevel> _readProblems = [];
    private readonly List<IndexEntry> _entries = [];
    private readonly List<LinkMatch> _linkMatches = [];
    private long _retainedBytes;
    private volatile bool _stopped;

    public string Archive => archive;

    public HarvestWindow Window => request.Window;

    public SourceRequest Request => request;

    public bool Failed { get; set; }

    public int IndexPages { get; set; }

    /// <summary>A bound stopped the walk (its diagnostic is in the result): no further page is read.</summary>
    public bool Stopped => _stopped;

    public void AddEntries(IEnumerable<IndexEntry> entries)
    {
        lock (_gate)
        {
            _entries.AddRange(entries);
        }
    }

    public void AddLinkMatch(LinkMatch match)
    {
        lock (_gate)
        {
            _linkMatches.Add(match);
        }
    }

    /// <summary>Keeps a parsed page for Parse; false (and the run stopped) when its HTML would pass the bound.</summary>
    public bool Keep(SourceDocument document)
    {
        var bytes = 2L * document.Page.Html.Length;
        lock (_gate)
        {
            if (_documents.ContainsKey(document.Page.Url))
            {
                return true;
            }

            if (_retainedBytes + bytes > maxRetainedBytes)
            {
                StopLocked(document.Page.Url, $"page HTML kept for this archive reached Harvester:Crawl:MaxRetainedPageKilobytes ({maxRetainedBytes / 1024} KB) after {_documents.Count} pages; walk stopped, later pages not read");
                return false;
            }

            _retainedBytes += bytes;
            _documents.Add(document.Page.Url, document);
            return true;
        }
    }

    /// <summary>Stops the walk because a bound was reached, with an error saying which (once).</summary>
    public void Stop(Uri? url, string why)
    {
        lock (_gate)
        {
            StopLocked(url, why);
        }
    }

    public void Report(DiagnosticLevel level, Uri? url, string message)
    {
        lock (_gate)
        {
            _diagnostics.Add(new Diagnostic(level, url?.AbsoluteUri, message));
        }
    }

    /// <summary>Reports a page that could not be read, once; again only if it turns out to be needed after all.</summary>
    public void ReportRead(Uri url, DiagnosticLevel level, string problem)
    {
        lock (_gate)
        {
            if (_readProblems.TryGetValue(url, out var reported) && reported >= level)
            {
                return;
            }

            _readProblems[url] = level;
            _diagnostics.Add(new Diagnostic(level, url.AbsoluteUri, problem));
        }
    }

    public SourceResult ToResult()
    {
        lock (_gate)
        {
            return new SourceResult
            {
                Archive = archive,
                Documents = [.. _documents.Values],
                Entries = [.. _entries],
                LinkMatches = [.. _linkMatches],
                Diagnostics = [.. _diagnostics],
                Failed = Failed,
                IndexPages = IndexPages,
            };
        }
    }

    private void StopLocked(Uri? url, string why)
    {
        if (!_stopped)
        {
            _stopped = true;
            _diagnostics.Add(new Diagnostic(DiagnosticLevel.Error, url?.AbsoluteUri, why));
        }
    }
}
