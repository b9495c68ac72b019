namespace Harvester.Domain;

/// <summary>
/// One mail as the archives show it. Parse produces one per archive page (one link); Merge folds the copies
/// that share a Message-ID into one, carrying every archive's link.
/// </summary>
public sealed record MailMessage
{
    /// <summary>The Message-ID without angle brackets.</summary>
    public required string MessageId { get; init; }

    /// <summary>The Subject header, decoded, whitespace collapsed.</summary>
    public required string Subject { get; init; }

    /// <summary>The sender's display name as the archive shows it (not yet normalised).</summary>
    public required string Author { get; init; }

    /// <summary>The sender's address where an archive reveals it (spinics' X-From-R13 does), else null.</summary>
    public string? AuthorAddress { get; init; }

    /// <summary>
    /// The display name of the first <c>To:</c> recipient where the archive gives the whole header (lore's raw mail),
    /// else null. The patchwork bot addresses its reply to the series' author (fixture week-2026-12-sections 120), so
    /// an Applied line for a series older than the window can still name who wrote it.
    /// </summary>
    public string? Recipient { get; init; }

    public required DateTimeOffset Date { get; init; }

    /// <summary>
    /// When the archive filed it, where the page says so apart from the Date (spinics' X-Date comment: the first
    /// Received header's date, spinics.md §2.2). The archive orders its date index by it; null otherwise.
    /// </summary>
    public DateTimeOffset? ArchivedAt { get; init; }

    /// <summary>The In-Reply-To id, without brackets, or null.</summary>
    public string? InReplyTo { get; init; }

    /// <summary>Referenced ids, oldest first as in the References header (In-Reply-To included, last).</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>The plain-text body, entities decoded.</summary>
    public string Body { get; init; } = "";

    /// <summary>
    /// The page of the message this one replies to, as an archive's thread view shows it, for archives whose pages carry
    /// no In-Reply-To (mail-archive's thread slice). Merge turns it into <see cref="InReplyTo"/> when that page's
    /// message is known.
    /// </summary>
    public Uri? ParentLink { get; init; }

    /// <summary>Every archive page that holds this message.</summary>
    public required IReadOnlyList<ArchiveLink> Links { get; init; }

    /// <summary>How many replies to this message the crawled indexes showed (not fetched).</summary>
    public int RepliesSeen { get; init; }

    /// <summary>Closest ancestor first: In-Reply-To, then References from newest to oldest.</summary>
    public IEnumerable<string> AncestorsClosestFirst()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (InReplyTo is { } parent && seen.Add(parent))
        {
            yield return parent;
        }

        for (var i = References.Count - 1; i >= 0; i--)
        {
            if (seen.Add(References[i]))
            {
                yield return References[i];
            }
        }
    }
}
