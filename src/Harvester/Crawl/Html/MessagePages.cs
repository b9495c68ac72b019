using Harvester.Domain;
using Harvester.Parse;

namespace Harvester.Crawl.Html;

/// <summary>What reading one message page gave: the message, or why not (a 404 is a gap in the numbering).</summary>
internal sealed record MessageRead(MailMessage? Message, bool IsGap, string? Problem);

/// <summary>
/// The message pages of one run: each fetched and parsed once (later asks share the first read), kept for Parse with
/// the purpose it was first read for, some read ahead of the walk. The reads belong to the run: <see cref="DrainAsync"/>
/// waits for those still in flight when the walk is done, and <see cref="AbandonAsync"/> cancels and waits for them
/// when the walk failed, so none is left writing into a cache that is being disposed (issue 12; MessagePagesTests).
/// </summary>
internal sealed class MessagePages(PageFetcher fetcher, HtmlArchivePages pages, CrawlRun run, CancellationToken cancellationToken) : IDisposable
{
    private readonly CancellationTokenSource _reads = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    private readonly Dictionary<Uri, Task<MessageRead>> _started = [];

    /// <summary>The archive's layout drifted (its pages lack required fields) or a bound stopped the run: read no more.</summary>
    public bool Stopped => run.Stopped || pages.Messages.DriftOf(run.Archive) is not null;

    /// <summary>Fetches and parses a page once per run; reports nothing (see <see cref="ReadAsync"/>).</summary>
    public Task<MessageRead> ReadOnceAsync(Uri url, ReadPurpose purpose)
    {
        if (!_started.TryGetValue(url, out var read))
        {
            read = FetchAsync(url, purpose, _reads.Token);
            _started[url] = read;
        }

        return read;
    }

    /// <summary>Starts reading a page the walk will want soon, without waiting for it.</summary>
    public void ReadAhead(Uri url, ReadPurpose purpose) => _ = ReadOnceAsync(url, purpose);

    /// <summary>
    /// Reads a page and reports a failure: as an error when the harvest needs the page, as a warning when it was only
    /// a date probe or may lie outside the window (such a failure does not make the run's exit code 3).
    /// </summary>
    public async Task<MailMessage?> ReadAsync(Uri url, ReadPurpose purpose, bool needed)
    {
        var read = await ReadOnceAsync(url, purpose).ConfigureAwait(false);
        if (read.Problem is { } problem)
        {
            run.ReportRead(url, needed ? DiagnosticLevel.Error : DiagnosticLevel.Warning, problem);
        }

        return read.Message;
    }

    /// <summary>The walk is done: waits for the reads still in flight (a look-ahead past where the walk stopped).</summary>
    public Task DrainAsync() => WaitForAllAsync();

    /// <summary>The walk failed: cancels the reads still in flight and waits until each has stopped.</summary>
    public async Task AbandonAsync()
    {
        await _reads.CancelAsync().ConfigureAwait(false);
        await WaitForAllAsync().ConfigureAwait(false);
    }

    public void Dispose() => _reads.Dispose();

    private async Task WaitForAllAsync()
    {
        try
        {
            await Task.WhenAll(_started.Values).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // the walk itself saw the cancellation
        }
    }

    private async Task<MessageRead> FetchAsync(Uri url, ReadPurpose purpose, CancellationToken token)
    {
        var fetched = await fetcher.FetchAsync(url, PageKind.Message, token).ConfigureAwait(false);
        if (!fetched.Ok)
        {
            return new MessageRead(null, fetched.Status == FetchStatus.NotFound, $"message page not read: {fetched.Status}: {fetched.Error}");
        }

        var page = new FetchedPage(run.Archive, pages.Kind, url, fetched.Html!);
        var outcome = pages.Messages.Read(page);
        if (!outcome.Succeeded)
        {
            if (outcome.Missing.Count == 0)
            {
                // A page that lacks fields stays cached: it is what `harvester cache export` captures for a drift report.
                fetcher.Forget(url);
            }

            return new MessageRead(null, false, "unparseable message page, skipped: " + outcome.Error);
        }

        return run.Keep(new SourceDocument(page, purpose))
            ? new MessageRead(outcome.Value, false, null)
            : new MessageRead(null, false, "not kept: Harvester:Crawl:MaxRetainedPageKilobytes reached");
    }
}
