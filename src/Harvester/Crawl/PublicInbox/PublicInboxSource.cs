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
/// (<paramref name="hasFallback"/>), else an error and the archive counts as failed.
/// </para>
/// Covered by PublicInboxSourceTests and EndToEnd/BothListsEndToEndTests.
/// </summary>
public sealed partial class PublicInboxSource(
    string archive,
    Uri inboxRoot,
    MailboxFetcher fetcher,
    MailboxReader mailboxes,
    PublicInboxOptions options,
    bool hasFallback,
    ILogger logger) : IArchiveSource
{
    public string Archive => archive;

    public async Task<SourceResult> ReadAsync(SourceRequest request, CancellationToken cancellationToken)
    {
        var query = WindowQuery.For(request.Window, options.SlackDays);
        var fetched = await fetcher.FetchAsync(query, inboxRoot, cancellationToken).ConfigureAwait(false);
        if (fetched.Status == FetchStatus.NotFound)
        {
            LogRead(logger, archive, query.Text, 0, fetched.FromCache);
            return new SourceResult { Archive = archive, IndexPages = 1 }; // "No results found": no mail on those days
        }

        if (!fetched.Answered)
        {
            return Unavailable(fetched.Url, $"{fetched.Status}: {fetched.Error}");
        }

        var mailbox = new SourceMailbox(archive, inboxRoot, fetched.Url, fetched.Content!);
        var read = mailboxes.Read(mailbox);
        if (read.Failed)
        {
            fetcher.Forget(fetched.Url); // never keep a result that does not read: the next run asks again
            return Unavailable(fetched.Url, string.Join("; ", read.Problems));
        }

        LogRead(logger, archive, query.Text, read.Messages.Count, fetched.FromCache);
        return new SourceResult { Archive = archive, Mailboxes = [mailbox], IndexPages = 1 };
    }

    private SourceResult Unavailable(Uri url, string why)
    {
        LogUnavailable(logger, archive, why, hasFallback ? "the HTML archives of its list fetch the message pages instead" : "no other archive carries its list");
        var level = hasFallback ? DiagnosticLevel.Warning : DiagnosticLevel.Error;
        var message = $"{archive} not read ({why}); " + (hasFallback ? "message pages fetched from the HTML archives instead" : "no other archive carries its list");
        return new SourceResult { Archive = archive, Diagnostics = [new Diagnostic(level, url.AbsoluteUri, message)], Failed = !hasFallback };
    }

    [LoggerMessage(EventId = 130, Level = LogLevel.Information, Message = "{Archive}: {Query} gave {Mails} patch mails{Cached}")]
    private static partial void LogReadCore(ILogger logger, string archive, string query, int mails, string cached);

    private static void LogRead(ILogger logger, string archive, string query, int mails, bool cached) =>
        LogReadCore(logger, archive, query, mails, cached ? " (from the cache)" : "");

    [LoggerMessage(EventId = 131, Level = LogLevel.Warning, Message = "{Archive}: lore not read ({Why}); {Fallback}")]
    private static partial void LogUnavailable(ILogger logger, string archive, string why, string fallback);
}
