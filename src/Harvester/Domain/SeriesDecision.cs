namespace Harvester.Domain;

/// <summary>Filter's verdict on one series, with the reasons (e.g. <c>subject: xdp</c>, <c>diffstat: net/core/filter.c</c>).</summary>
public sealed record SeriesDecision(PatchSeries Series, bool Relevant, IReadOnlyList<string> Reasons)
{
    /// <summary>The series' area (<c>Harvester.Filter.SeriesAreas</c>), for <c>Harvester:Output:GroupBy</c> = <c>area</c>; empty when not decided.</summary>
    public string Area { get; init; } = "";
}
