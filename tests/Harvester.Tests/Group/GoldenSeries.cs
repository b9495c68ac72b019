using System.Text.Json;
using System.Text.Json.Serialization;
using Harvester.Domain;

namespace Harvester.Tests.Group;

/// <summary>A hand-written expected grouping (<c>fixtures/series/NAME.expected.json</c>); see fixtures/series/README.md.</summary>
internal sealed record GoldenFile
{
    /// <summary>The mbox to group, when it is not NAME.mbox (one mbox checked under two option sets).</summary>
    public string? Mbox { get; init; }

    public bool KeepSupersededRevisions { get; init; }

    public List<GoldenSeries> Series { get; init; } = [];

    public List<string>? PullRequests { get; init; }

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };
}

/// <summary>One expected series. Id, Author, Received and PartIds are compared only when the golden file gives them.</summary>
internal sealed record GoldenSeries
{
    public string? Id { get; init; }

    public string? Author { get; init; }

    public int Version { get; init; }

    public int Total { get; init; }

    public bool Complete { get; init; }

    public int? Received { get; init; }

    public string? SupersededBy { get; init; }

    public string? Cover { get; init; }

    public List<string> Parts { get; init; } = [];

    public List<string>? PartIds { get; init; }

    /// <summary>The actual series read the way <paramref name="expected"/> is written (its optional fields only).</summary>
    public static GoldenSeries From(PatchSeries s, GoldenSeries? expected) => new()
    {
        Id = expected?.Id is null ? null : s.Id,
        Author = expected?.Author is null ? null : s.Author,
        Version = s.Version,
        Total = s.Total,
        Complete = s.Complete,
        Received = expected?.Received is null ? null : s.Received,
        SupersededBy = s.SupersededBy,
        Cover = s.Cover?.Message.Subject,
        Parts = s.Patches.Select(p => p.Message.Subject).ToList(),
        PartIds = expected?.PartIds is null ? null : s.Patches.Select(p => p.Message.MessageId).ToList(),
    };
}
