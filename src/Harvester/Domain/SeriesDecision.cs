namespace Harvester.Domain;

/// <summary>Filter's verdict on one series, with the reasons (e.g. <c>subject: xdp</c>, <c>diffstat: net/core/filter.c</c>).</summary>
public sealed record SeriesDecision(PatchSeries Series, bool Relevant, IReadOnlyList<string> Reasons);
