using Harvester.Domain;
using Harvester.Parse;

namespace Harvester.Crawl;

/// <summary>
/// What one archive's crawl has gathered so far; becomes an <see cref="ArchiveCrawl"/>. Reads run a little ahead of
/// the walk (to use the host's second connection slot), so what they record is guarded by a lock.
/// </summary>
internal sealed class CrawlRun(string archive, CrawlRequest request)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Uri, FetchedPage> _pages = [];
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly Dictionary<Uri, DiagnosticLevel> _readProblems = [];
    private readonly List<MailMessage> _outside = [];
    private int _edgeReads;
    private int _probes;

    public CrawlRequest Request { get; } = request;

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
    /// True while a dated index is walked: reads outside the window are then edge-day reads (the index's day may be
    /// the sender's), which the request floor does not count; spinics' date probes and number probes it does.
    /// </summary>
    public bool WalkingDatedIndex { get; set; }

    /// <summary>Messages read that lie outside the window: later archives match their index entries without a fetch.</summary>
    public void KeepOutside(MailMessage message)
    {
        lock (_gate)
        {
            _outside.Add(message);
        }
    }

    public void Keep(FetchedPage page)
    {
        lock (_gate)
        {
            _pages.TryAdd(page.Url, page);
        }
    }

    public void CountOutsideRead(bool edgeDay)
    {
        if (edgeDay)
        {
            Interlocked.Increment(ref _edgeReads);
        }
        else
        {
            Interlocked.Increment(ref _probes);
        }
    }

    public void Report(DiagnosticLevel level, Uri? url, string message)
    {
        lock (_gate)
        {
            _diagnostics.Add(new Diagnostic(level, url?.AbsoluteUri, message));
        }
    }

    public int Probes => Volatile.Read(ref _probes);

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
    public async Task<ArchiveCrawl> ToResultAsync()
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
            return new ArchiveCrawl
            {
                Archive = archive,
                MessagePages = [.. _pages.Values],
                Entries = [.. Entries],
                LinkMatches = [.. LinkMatches],
                Diagnostics = [.. _diagnostics],
                Failed = Failed,
                IndexPages = IndexPages,
                Probes = Probes,
                EdgeReads = Volatile.Read(ref _edgeReads),
                OutsideWindow = [.. _outside],
            };
        }
    }
}
