using Harvester.Domain;
using Harvester.Parse;

namespace Harvester.Crawl;

/// <summary>
/// What one archive's crawl has gathered so far; becomes a <see cref="SourceResult"/>. Reads run a little ahead of
/// the walk (to use the host's second connection slot), so what they record is guarded by a lock.
/// </summary>
internal sealed class CrawlRun(string archive, SourceRequest request)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Uri, SourceDocument> _documents = [];
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly Dictionary<Uri, DiagnosticLevel> _readProblems = [];

    public SourceRequest Request { get; } = request;

    public HarvestWindow Window => Request.Window;

    public List<IndexEntry> Entries { get; } = [];

    public List<LinkMatch> LinkMatches { get; } = [];

    /// <summary>Message page reads of this run, by URL, so none is fetched twice (touched by the walk only).</summary>
    public Dictionary<Uri, Task<MessageRead>> Reads { get; } = [];

    public bool Failed { get; set; }

    public int IndexPages { get; set; }

    /// <summary>A message dated before the window's end was seen: every later index entry is older than the end too.</summary>
    public bool EndFound { get; set; }

    /// <summary>
    /// True while a dated index is walked: its reads are <see cref="ReadPurpose.Entry"/> (outside the window, overhead
    /// the request floor does not count); spinics' date probes and number probes are <see cref="ReadPurpose.Probe"/>.
    /// </summary>
    public bool WalkingDatedIndex { get; set; }

    public void Keep(SourceDocument document)
    {
        lock (_gate)
        {
            _documents.TryAdd(document.Page.Url, document);
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

    /// <summary>Waits for reads still in flight (a look-ahead past the point where the walk stopped), then sums up.</summary>
    public async Task<SourceResult> ToResultAsync()
    {
        try
        {
            await Task.WhenAll(Reads.Values).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // the walk itself already saw the cancellation
        }

        lock (_gate)
        {
            return new SourceResult
            {
                Archive = archive,
                Documents = [.. _documents.Values],
                Entries = [.. Entries],
                LinkMatches = [.. LinkMatches],
                Diagnostics = [.. _diagnostics],
                Failed = Failed,
                IndexPages = IndexPages,
            };
        }
    }
}
