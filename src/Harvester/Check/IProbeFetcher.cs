using Harvester.Crawl;
using Harvester.Crawl.PublicInbox;

namespace Harvester.Check;

/// <summary>What <see cref="ArchiveProbe"/> needs from Crawl for one archive: its robots.txt and its pages, at its host's pace.</summary>
public interface IProbeFetcher
{
    Uri BaseUri { get; }

    /// <summary>robots.txt of the archive's host, read now (never from the cache), and the rules that apply to us.</summary>
    Task<(FetchResult Result, RobotsRules Rules)> RobotsAsync(CancellationToken cancellationToken);

    /// <summary>A page of the archive, from the site (not the cache), through the host's throttle; stored in the cache.</summary>
    Task<FetchResult> FetchAsync(Uri url, PageKind kind, CancellationToken cancellationToken);
}

/// <summary>What <see cref="PublicInboxProbe"/> needs besides pages: the window search the public-inbox source sends.</summary>
public interface IInboxProbeFetcher : IProbeFetcher
{
    /// <summary>The search (<see cref="WindowQuery"/>: POST <c>?q=d:FROM..TO&amp;x=m</c>), from the site, through the host's throttle.</summary>
    Task<MailboxFetch> SearchAsync(WindowQuery query, CancellationToken cancellationToken);
}
