using Harvester.Crawl;
using Harvester.Filter;
using Harvester.Group;
using Harvester.Parse;
using Harvester.Render;

namespace Harvester.Hosting;

/// <summary>All of Harvester's settings, bound from the <c>Harvester</c> configuration section.</summary>
public sealed class HarvesterOptions
{
    public const string Section = "Harvester";

    /// <summary>The archives by name (<c>Harvester:Archives:&lt;Name&gt;</c>), crawled in name order of the configuration.</summary>
    public Dictionary<string, ArchiveOptions> Archives { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public HttpOptions Http { get; set; } = new();

    public CacheOptions Cache { get; set; } = new();

    /// <summary>When pages lacking required fields stop an archive as layout drift (<c>Harvester:Drift</c>).</summary>
    public DriftOptions Drift { get; set; } = new();

    public GroupOptions Group { get; set; } = new();

    public FilterOptions Filter { get; set; } = new();

    public OutputOptions Output { get; set; } = new();

    public RunOptions Run { get; set; } = new();
}
