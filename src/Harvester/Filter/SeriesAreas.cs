using Harvester.Domain;

namespace Harvester.Filter;

/// <summary>
/// The area a series belongs to (<c>Harvester:Output:GroupBy</c> = <c>area</c>), decided from the files its diffstat
/// touches (the cover letter's combined diffstat, else the parts'), in three steps:
/// <list type="number">
/// <item>A file under <c>tools/testing/selftests/</c> is <see cref="Selftests"/>, whatever section also lists it (an
/// XDP test such as <c>tools/testing/selftests/bpf/prog_tests/xdp_attach.c</c> is in both <c>BPF [SELFTESTS]</c> and
/// <c>XDP</c>); so is a path git shortened to <c>.../selftests/...</c> or <c>.../testing/selftests/...</c>.</item>
/// <item>Any other file goes to the area of the MAINTAINERS sections (<c>config/bpf-maintainers.json</c>) holding it,
/// see <see cref="AreaOfSection"/>; <c>BPF [GENERAL]</c> counts only when no other section holds the file. When the
/// sections holding one file name different areas, the file goes to the one listed first in <see cref="Order"/> (none
/// of the shipped sections do). A path git shortened (<c>.../bpf/verifier.c</c>) is held by the sections its tail fits
/// (<see cref="MaintainersSection.MatchesTail"/>). A file in no section is not counted, except a driver file under
/// <c>drivers/net/</c> with "xdp" in its path (<see cref="Xdp"/>).</item>
/// <item>The area with the most files wins. <see cref="Selftests"/> counts only when the series touches no file of
/// another area (a series' tests follow its change). Ties go to the area listed first in <see cref="Order"/>.</item>
/// </list>
/// No step depends on the order of the sections in the configuration file. When no file is counted (no diffstat, or
/// only files outside every section), the subject's prefix word decides (<c>libbpf:</c>, <c>bpftool:</c>,
/// <c>selftests/bpf:</c>, <c>xdp:</c>/<c>xsk:</c>, <c>sockmap:</c>, <c>bpf:</c>), else <see cref="Other"/>.
/// Covered by <c>SeriesAreasTests</c> (the order independence by
/// <c>AreaOf_SectionsInAnotherOrder_SameAreas</c>).
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

    private const string SelftestsDirectory = "tools/testing/selftests/";

    private const string Shortened = ".../";

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
        if (IsSelftest(path))
        {
            return Selftests;
        }

        var holding = patterns.Holding(path).ToList();
        var specific = holding.Where(s => !s.Name.StartsWith(General, StringComparison.Ordinal)).ToList();
        var areas = (specific.Count > 0 ? specific : holding).Select(s => AreaOfSection(s.Name)).ToList();
        if (areas.Count > 0)
        {
            return areas.MinBy(Rank);
        }

        return path.StartsWith("drivers/net/", StringComparison.Ordinal) && path.Contains("xdp", StringComparison.OrdinalIgnoreCase) ? Xdp : null;
    }

    /// <summary>
    /// Under <c>tools/testing/selftests/</c>; a shortened path when its tail starts with a <c>selftests</c> directory or
    /// holds <c>testing/selftests/</c> (a tail cut below <c>selftests</c>, <c>.../bpf/prog_tests/x.c</c>, goes by its
    /// sections instead).
    /// </summary>
    private static bool IsSelftest(string path)
    {
        if (!path.StartsWith(Shortened, StringComparison.Ordinal))
        {
            return path.StartsWith(SelftestsDirectory, StringComparison.Ordinal);
        }

        var tail = path[Shortened.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < tail.Length - 1; i++)
        {
            if (tail[i] == "selftests" && (i == 0 || tail[i - 1] == "testing"))
            {
                return true;
            }
        }

        return false;
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
