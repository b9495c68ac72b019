using Harvester.Domain;
using Harvester.Parse;
using Microsoft.Extensions.Logging;

namespace Harvester.Crawl.PublicInbox;

/// <summary>
/// A public-inbox archive (lore.kernel.org) as a source: the window's mails of its list in one request, the POST
/// search that returns one gzipped mboxrd (<see cref="WindowQuery"/>, <see cref="MailboxFetcher"/>), handed to Parse as
/// a <see cref="SourceMailbox"/>. It is read before the HTML archives, which then link its mails from their index
/// entries without fetching their pages (<see cref="LinkMatcher"/>).
/// <para>
/// When it fails (down, an Anubis challenge, the circuit open, not cached offline, a result that does not read) it
/// gives nothing, says why on stderr, and the HTML archives fetch the pages as they would without it: the output is
/// the same, only the requests differ. The failure is a warning when an enabled HTML archive carries the same list
/// (<see cref="PublicInboxArchive.HasFallback"/>), else an error and the archive counts as failed.
/// </para>
/// Covered by PublicInboxSourceTests and EndToEnd/BothListsEndToEndTests.
/// </summary>
public sealed partial class PublicInboxSource(PublicInboxArchive inbox, MailboxFetcher fetcher, MailboxReader mailboxes, ILogger logger) : IArchiveSource
{
    public string Archive => inbox.Name;

    public async Task<SourceResult> ReadAsync(SourceRequest request, CancellationToken cancellationToken)
    {
        var query = WindowQuery.For(request.Window, inbox.SlackDays);
        var fetched = await fetcher.FetchAsync(query, inbox.InboxRoot, cancellationToken).ConfigureAwait(false);
        if (fetched.Status == FetchStatus.NotFound)
        {
            LogRead(logger, inbox.Name, query.Text, 0, fetched.FromCache);
            return new SourceResult { Archive = inbox.Name, IndexPages = 1 }; // "No results found": no mail on those days
        }

        if (!fetched.Answered)
        {
            return Unavailable(fetched.Url, $"{fetched.Status}: {fetched.Error}");
        }

        var mailbox = new SourceMailbox(inbox.Name, inbox.InboxRoot, fetched.Url, fetched.Content!);
        var read = mailboxes.Read(mailbox);
        if (read.Failed)
        {
            fetcher.Forget(fetched.Url); // never keep a result that does not read: the next run asks again
            return Unavailable(fetched.Url, string.Join("; ", read.Problems));
        }

        LogRead(logger, inbox.Name, query.Text, read.Messages.Count, fetched.FromCache);
        return new SourceResult { Archive = inbox.Name, Mailboxes = [mailbox], IndexPages = 1 };
    }

    private SourceResult Unavailable(Uri url, string why)
    {
        LogUnavailable(logger, inbox.Name, why, inbox.HasFallback ? "the HTML archives of its list fetch the message pages instead" : "no other archive carries its list");
        var level = inbox.HasFallback ? DiagnosticLevel.Warning : DiagnosticLevel.Error;
        var message = $"{inbox.Name} not read ({why}); " + (inbox.HasFallback ? "message pages fetched from the HTML archives instead" : "no other archive carries its list");
        return new SourceResult { Archive = inbox.Name, Diagnostics = [new Diagnostic(level, url.AbsoluteUri, message)], Failed = !inbox.HasFallback };
    }

    [LoggerMessage(EventId = 130, Level = LogLevel.Information, Message = "{Archive}: {Query} gave {Mails} patch mails{Cached}")]
    private static partial void LogReadCore(ILogger logger, string archive, string query, int mails, string cached);

    private static void LogRead(ILogger logger, string archive, string query, int mails, bool cached) =>
        LogReadCore(logger, archive, query, mails, cached ? " (from the cache)" : "");

    [LoggerMessage(EventId = 131, Level = LogLevel.Warning, Message = "{Archive}: lore not read ({Why}); {Fallback}")]
    private static partial void LogUnavailable(ILogger logger, string archive, string why, string fallback);
}

/// <summary>
/// One configured public-inbox archive as its source reads it: its name (<c>Harvester:Archives:&lt;Name&gt;</c>), its
/// inbox root (the list's URL on lore), the days asked beyond each end of the window
/// (<see cref="PublicInboxOptions.SlackDays"/>), and whether an enabled HTML archive carries the same list (then a
/// failure to read it is only a warning).
/// </summary>
public sealed record PublicInboxArchive(string Name, Uri InboxRoot, int SlackDays, bool HasFallback);
