namespace Harvester.Render;

/// <summary>
/// The Markdown sections a run prints (<c>--sections</c>, <c>Harvester:Run:Sections</c>): <c>patches</c>,
/// <c>pulls</c>, <c>applied</c>, any subset, always printed in that order. Parsed from a comma-separated list.
/// </summary>
public static class ReportSections
{
    public const string Patches = "patches";
    public const string Pulls = "pulls";
    public const string Applied = "applied";

    /// <summary>Every section, in print order.</summary>
    public static readonly IReadOnlyList<string> All = [Patches, Pulls, Applied];

    /// <summary>The sections a list names, in print order; the unknown names in <paramref name="unknown"/>.</summary>
    public static IReadOnlyList<string> Parse(string? list, out IReadOnlyList<string> unknown)
    {
        var names = (list ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.ToLowerInvariant())
            .ToList();
        unknown = names.Where(n => !All.Contains(n)).Distinct().ToList();
        return All.Where(names.Contains).ToList();
    }
}
