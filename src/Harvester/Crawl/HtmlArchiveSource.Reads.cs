using Harvester.Domain;
using Harvester.Parse;

namespace Harvester.Crawl;

/// <summary>What reading one message page gave: the message, or why not (a 404 is a gap in the numbering).</summary>
internal sealed record MessageRead(MailMessage? Message, bool IsGap, string? Problem);

public sealed partial class HtmlArchiveSource
{
    /// <summary>
    /// Reads a message page and reports a failure: as an error when the harvest needs the page, as a warning when it
    /// was only a date probe or may lie outside the window (such a failure does not make the run's exit code 3).
    /// </summary>
    private async Task<MailMessage?> ReadMessageAsync(Uri url, CrawlRun run, bool needed, CancellationToken cancellationToken)
    {
        var read = await ReadOnceAsync(url, run, cancellationToken).ConfigureAwait(false);
        if (read.Problem is { } problem)
        {
            run.ReportRead(url, needed ? DiagnosticLevel.Error : DiagnosticLevel.Warning, problem);
        }

        return read.Message;
    }

    /// <summary>Fetches and parses a message page once per run (later calls share the first read); reports nothing.</summary>
    private Task<MessageRead> ReadOnceAsync(Uri url, CrawlRun run, CancellationToken cancellationToken)
    {
        if (!run.Reads.TryGetValue(url, out var read))
        {
            // Whether a read is an edge-day read is known when it starts (a read-ahead may finish after the walk moved on).
            read = FetchMessageAsync(url, run, run.WalkingDatedIndex, cancellationToken);
            run.Reads[url] = read;
        }

        return read;
    }

    private async Task<MessageRead> FetchMessageAsync(Uri url, CrawlRun run, bool edgeDay, CancellationToken cancellationToken)
    {
        var fetched = await fetcher.FetchAsync(url, PageKind.Message, cancellationToken).ConfigureAwait(false);
        if (!fetched.Ok)
        {
            return new MessageRead(null, fetched.Status == FetchStatus.NotFound, $"message page not read: {fetched.Status}: {fetched.Error}");
        }

        var page = new FetchedPage(Archive, kind, url, fetched.Html!);
        var outcome = reader.Read(page);
        if (!outcome.Succeeded)
        {
            if (outcome.Missing.Count == 0)
            {
                // A page that lacks fields stays cached: it is what `harvester cache export` captures for a drift report.
                fetcher.Forget(url);
            }

            return new MessageRead(null, false, "unparseable message page, skipped: " + outcome.Error);
        }

        run.Keep(new SourceDocument(page, edgeDay ? ReadPurpose.Entry : ReadPurpose.Probe));
        return new MessageRead(outcome.Value, false, null);
    }
}
