using Harvester.Domain;

namespace Harvester.Tests.Group;

/// <summary>A one-line reading of a series for table tests: <c>v3 cover+4 4/4</c>, <c>v1 2 1/2 superseded</c>.</summary>
internal static class SeriesSummary
{
    public static string Of(PatchSeries s) =>
        $"v{s.Version} {(s.Cover is null ? "" : "cover+")}{s.Patches.Count} {s.Received}/{s.Total}"
        + (s.Complete ? "" : " incomplete")
        + (s.SupersededBy is null ? "" : " superseded");

    public static string Of(GroupResult result) => string.Join(" | ", result.Series.Select(Of));
}
