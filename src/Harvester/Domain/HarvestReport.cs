namespace Harvester.Domain;

/// <summary>Counters a harvest reports in <c>stats</c>.</summary>
public sealed record HarvestStats
{
    public int Requests { get; init; }
    public int CacheHits { get; init; }
    public int Messages { get; init; }
    public int RequestsSaved { get; init; }
    public int Floor { get; init; }
}

/// <summary>Everything Render needs: the window, the decided series in output order, and what went wrong.</summary>
public sealed record HarvestReport
{
    public required HarvestWindow Window { get; init; }
    public required IReadOnlyList<SeriesDecision> Series { get; init; }
    /// <summary>The patchwork bot's replies of the window, each with the series it answers (or none).</summary>
    public IReadOnlyList<AppliedNotice> Applied { get; init; } = [];

    /// <summary>The window's pull requests, one per mail, by day.</summary>
    public IReadOnlyList<PullRequest> PullRequests { get; init; } = [];
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];
    public HarvestStats Stats { get; init; } = new();
}
