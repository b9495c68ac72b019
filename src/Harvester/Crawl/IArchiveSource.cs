using Harvester.Domain;
using Harvester.Parse;

namespace Harvester.Crawl;

/// <summary>
/// One archive as a source of pages for a window: the only thing the pipeline knows of an archive kind. Each kind
/// (spinics and mail-archive in <see cref="Html.HtmlArchiveSource"/>, public-inbox in <see cref="PublicInbox.PublicInboxSource"/>) implements it; Parse turns what it
/// gives into messages, and later sources are told what earlier ones gave, so they can skip pages already known.
/// </summary>
public interface IArchiveSource
{
    /// <summary>The archive's configured name (<c>Harvester:Archives:&lt;Name&gt;</c>).</summary>
    string Archive { get; }

    /// <summary>Reads the pages the window needs. Failures are diagnostics in the result; only our own cancellation throws.</summary>
    Task<SourceResult> ReadAsync(SourceRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// What a source is asked for: the window, and the messages earlier sources already gave, in the window and outside it
/// (read there to steer a walk): an entry known from these is linked without a fetch.
/// </summary>
public sealed record SourceRequest(HarvestWindow Window, IReadOnlyList<MailMessage> Known, IReadOnlyList<MailMessage> KnownOutside)
{
    public SourceRequest(HarvestWindow window)
        : this(window, [], [])
    {
    }
}

/// <summary>Why a message page was read; decides how a page that turns out to lie outside the window is counted.</summary>
public enum ReadPurpose
{
    /// <summary>
    /// An entry the index dates in the window or on a day next to it (the index's day may be the sender's). Outside the
    /// window it is overhead, not part of the request floor.
    /// </summary>
    Entry,

    /// <summary>Read (also) to learn a date the walk steers by: spinics' undated index, the number walk. Part of the floor.</summary>
    Probe,
}

/// <summary>A message page a source read, and why. Parse decides whether it lies in the window.</summary>
public sealed record SourceDocument(FetchedPage Page, ReadPurpose Purpose);

/// <summary>
/// A mailbox a source read whole: a public-inbox search result (a gzipped mboxrd of every mail of its list for the days
/// asked), under the inbox root its mails' links are made from. Parse reads it (<see cref="MailboxReader"/>).
/// </summary>
public sealed record SourceMailbox(string Archive, Uri InboxRoot, Uri Url, byte[] Content);

/// <summary>An index entry of this archive that matched an already known message: its link, got without a fetch.</summary>
public sealed record LinkMatch(string MessageId, ArchiveLink Link);

/// <summary>What one source gave for a window.</summary>
public sealed record SourceResult
{
    public required string Archive { get; init; }

    /// <summary>The message pages read (from the network or the cache) that parsed, in the window or next to it.</summary>
    public IReadOnlyList<SourceDocument> Documents { get; init; } = [];

    /// <summary>Mailboxes read whole (public-inbox search results), each holding many mails.</summary>
    public IReadOnlyList<SourceMailbox> Mailboxes { get; init; } = [];

    /// <summary>Every index entry walked in the window's region, replies and pull requests included.</summary>
    public IReadOnlyList<IndexEntry> Entries { get; init; } = [];

    /// <summary>Entries linked to a message an earlier source gave, without a fetch.</summary>
    public IReadOnlyList<LinkMatch> LinkMatches { get; init; } = [];

    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>Nothing usable came from this source (its first index page failed, or it was blocked).</summary>
    public bool Failed { get; init; }

    /// <summary>Index pages read: part of the request floor.</summary>
    public int IndexPages { get; init; }
}
