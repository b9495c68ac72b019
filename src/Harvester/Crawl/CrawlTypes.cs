using Harvester.Domain;
using Harvester.Parse;

namespace Harvester.Crawl;

/// <summary>
/// What Crawl is asked for: the window, and the messages earlier archives already read, in the window and outside it
/// (to save requests).
/// </summary>
public sealed record CrawlRequest(HarvestWindow Window, IReadOnlyList<MailMessage> Known, IReadOnlyList<MailMessage>? KnownOutside = null);

/// <summary>An index entry of this archive that matched an already known message: its link, got without a fetch.</summary>
public sealed record LinkMatch(string MessageId, ArchiveLink Link);

/// <summary>What one archive's crawl gave.</summary>
public sealed record ArchiveCrawl
{
    public required string Archive { get; init; }

    /// <summary>The message pages fetched (from the network or the cache) whose content the harvest needs.</summary>
    public IReadOnlyList<FetchedPage> MessagePages { get; init; } = [];

    /// <summary>Every index entry walked in the window's region, replies and pull requests included.</summary>
    public IReadOnlyList<IndexEntry> Entries { get; init; } = [];

    public IReadOnlyList<LinkMatch> LinkMatches { get; init; } = [];

    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>Nothing usable came from this archive (its first index page failed, or it was blocked).</summary>
    public bool Failed { get; init; }

    /// <summary>Index pages read; with the needed message pages, the request floor.</summary>
    public int IndexPages { get; init; }

    /// <summary>Pages read only to learn a date (spinics' undated index, number probes): part of the request floor.</summary>
    public int Probes { get; init; }

    /// <summary>Pages of a dated index's edge days read and found outside the window: not part of the floor.</summary>
    public int EdgeReads { get; init; }

    /// <summary>Messages read that lie outside the window (probes, edge days): known to later archives, never listed.</summary>
    public IReadOnlyList<MailMessage> OutsideWindow { get; init; } = [];
}

/// <summary>Crawls one archive for a window.</summary>
public interface IArchiveCrawler
{
    string Archive { get; }

    Task<ArchiveCrawl> CrawlAsync(CrawlRequest request, CancellationToken cancellationToken);
}
