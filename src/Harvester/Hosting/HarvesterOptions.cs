using Harvester.Crawl;
using Harvester.Filter;
using Harvester.Group;
using Harvester.Parse;
using Harvester.Render;
using Microsoft.Extensions.Options;

namespace Harvester.Hosting;

/// <summary>
/// All of Harvester's settings, bound from the <c>Harvester</c> configuration section. Each options class's annotations
/// are checked at start by <see cref="HarvesterOptionsAnnotations"/> (a new options class: a property here marked
/// <c>[ValidateObjectMembers]</c>); the rules that span settings are in <see cref="HarvesterOptionsValidator"/>.
/// </summary>
public sealed class HarvesterOptions
{
    public const string Section = "Harvester";

    /// <summary>The archives by name (<c>Harvester:Archives:&lt;Name&gt;</c>), crawled in name order of the configuration.</summary>
    public Dictionary<string, ArchiveOptions> Archives { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    [ValidateObjectMembers]
    public HttpOptions Http { get; set; } = new();

    /// <summary>Size caps and the query's slack for the public-inbox archives (<c>Harvester:PublicInbox</c>).</summary>
    [ValidateObjectMembers]
    public Crawl.PublicInbox.PublicInboxOptions PublicInbox { get; set; } = new();

    /// <summary>Bounds on the HTML archives' walks (<c>Harvester:Crawl</c>).</summary>
    [ValidateObjectMembers]
    public CrawlOptions Crawl { get; set; } = new();

    [ValidateObjectMembers]
    public CacheOptions Cache { get; set; } = new();

    /// <summary>When pages lacking required fields stop an archive as layout drift (<c>Harvester:Drift</c>).</summary>
    [ValidateObjectMembers]
    public DriftOptions Drift { get; set; } = new();

    [ValidateObjectMembers]
    public GroupOptions Group { get; set; } = new();

    /// <summary>Word lists only (no annotations); read by RelevanceFilter.</summary>
    public FilterOptions Filter { get; set; } = new();

    [ValidateObjectMembers]
    public OutputOptions Output { get; set; } = new();

    [ValidateObjectMembers]
    public RunOptions Run { get; set; } = new();

    /// <summary>Progress on stderr while crawling (<c>Harvester:Progress</c>).</summary>
    [ValidateObjectMembers]
    public Progress.ProgressOptions Progress { get; set; } = new();
}
