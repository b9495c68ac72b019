using Harvester.Domain;

namespace Harvester.Filter;

/// <summary>
/// The area a series belongs to (<c>Harvester:Output:GroupBy</c> = <c>area</c>), decided from the MAINTAINERS sections
/// (<c>config/bpf-maintainers.json</c>) its diffstat touches:
/// <list type="number">
/// <item>Each changed file goes to the area of the most specific section holding it (<c>BPF [GENERAL]</c> only when no
/// other does): see <see cref="AreaOfSection"/>. Files are the cover letter's combined diffstat, else the parts'.</item>
/// <item>A series touching several areas goes to the one with the most files; Selftests counts only when nothing else
/// is touched (a series' tests follow its change); ties go to the area listed first in <see cref="Order"/>.</item>
/// <item>No file in any section (no diffstat, or only files outside them): the subject's prefix word (<c>libbpf:</c>,
/// <c>bpftool:</c>, <c>selftests/bpf:</c>, <c>xdp:</c>/<c>xsk:</c>, <c>sockmap:</c>), else <see cref="Other"/>.</item>
/// </list>
/// Covered by <c>SeriesAreasTests</c>.
/// </summary>
public sealed class SeriesAreas(MaintainersPatterns patterns)
{
    public const string Core = "Core and verifier";
    public const string Jit = "JIT compilers";
    public const string Libbpf = "libbpf";
    public const string Bpftool = "bpftool";
    public const string Xdp = "XDP and drivers";
    public const string Sockmap = "sockmap";
    public const string Hooks = "Networking hooks";
    public const string Selftests = "Selftests";
    public const string Other = "Other";

    /// <summary>The areas in the order the sub-headings are printed.</summary>
    public static readonly IReadOnlyList<string> Order = [Core, Jit, Libbpf, Bpftool, Xdp, Sockmap, Hooks, Selftests, Other];

    private const string General = "BPF [GENERAL]";

    public string AreaOf(PatchSeries series)
    {
        var counts = Files(series)
            .Select(AreaOfPath)
            .OfType<string>()
            .GroupBy(a => a)
            .ToDictionary(g => g.Key, g => g.Count());
        if (counts.Count > 1)
        {
            counts.Remove(Selftests);
        }

        if (counts.Count > 0)
        {
            return counts.OrderByDescending(c => c.Value).ThenBy(c => Rank(c.Key)).First().Key;
        }

        return ByPrefix(series.Head.Subject.Title) ?? Other;
    }

    /// <summary>A MAINTAINERS section's area (by its name as the kernel's MAINTAINERS file spells it).</summary>
    public static string AreaOfSection(string section) => section switch
    {
        _ when section.StartsWith("BPF JIT for NFP", StringComparison.Ordinal) => Xdp, // the NIC's offload, a driver
        _ when section.StartsWith("BPF JIT for", StringComparison.Ordinal) => Jit,
        _ when section.StartsWith("BPF [LIBRARY]", StringComparison.Ordinal) => Libbpf,
        _ when section.StartsWith("BPF [TOOLING]", StringComparison.Ordinal) => Bpftool,
        _ when section.StartsWith("XDP", StringComparison.Ordinal) => Xdp,
        _ when section.StartsWith("BPF [L7 FRAMEWORK]", StringComparison.Ordinal) => Sockmap,
        _ when section.StartsWith("BPF [NETWORKING]", StringComparison.Ordinal) || section.StartsWith("BPF [NETKIT]", StringComparison.Ordinal) => Hooks,
        _ when section.StartsWith("BPF [SELFTESTS]", StringComparison.Ordinal) => Selftests,
        _ => Core, // [CORE], [GENERAL], [ITERATOR], [RINGBUF], [TRACING], [SECURITY & LSM], [CRYPTO], ...
    };

    private string? AreaOfPath(string path)
    {
        var holding = patterns.Sections.Where(s => s.Matches(path)).ToList();
        var section = holding.FirstOrDefault(s => !s.Name.StartsWith(General, StringComparison.Ordinal)) ?? holding.FirstOrDefault()
            ?? patterns.Match(path); // a path git shortened (".../bpf/verifier.c")
        if (section is not null)
        {
            return AreaOfSection(section.Name);
        }

        return path.StartsWith("drivers/net/", StringComparison.Ordinal) && path.Contains("xdp", StringComparison.OrdinalIgnoreCase) ? Xdp : null;
    }

    private static IEnumerable<string> Files(PatchSeries series)
    {
        var cover = series.Cover is { } c ? Diffstat.Parse(c.Message.Body).Paths : [];
        return cover.Count > 0 ? cover : series.Patches.SelectMany(p => Diffstat.Parse(p.Message.Body).Paths).Distinct(StringComparer.Ordinal);
    }

    private static string? ByPrefix(string title)
    {
        var word = title.Split(':', 2)[0].Trim().ToLowerInvariant();
        return word switch
        {
            "libbpf" => Libbpf,
            "bpftool" => Bpftool,
            "selftests/bpf" => Selftests,
            "xdp" or "xsk" or "af_xdp" => Xdp,
            "sockmap" or "skmsg" => Sockmap,
            "bpf" => Core,
            _ => null,
        };
    }

    private static int Rank(string area) => Order.ToList().IndexOf(area);
}
