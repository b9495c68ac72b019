namespace Harvester.Render;

// The JSON output's shape, schema 1 (docs/schema/harvester-output.schema.json). Property order is declaration order;
// names are camelCased by JsonRenderer. Keep names stable: the schema and downstream scripts rely on them.

internal sealed record JsonOutput(
    int Schema,
    JsonWindow Window,
    IReadOnlyList<JsonSeries> Series,
    IReadOnlyList<JsonPullRequest> PullRequests,
    IReadOnlyList<JsonApplied> Applied,
    IReadOnlyList<JsonDiagnostic> Diagnostics,
    JsonStats Stats);

internal sealed record JsonWindow(string From, string To);

internal sealed record JsonSeries(
    string Id,
    string Author,
    int Version,
    int Total,
    bool Complete,
    bool Relevant,
    IReadOnlyList<string> Reasons,
    string? SupersededBy,
    JsonMessage? Cover,
    IReadOnlyList<JsonMessage> Patches,
    JsonAppliedTo? Applied);

internal sealed record JsonMessage(
    string? MessageId,
    string Subject,
    string Title,
    IReadOnlyList<string> Prefixes,
    int Version,
    int Index,
    int Total,
    string Date,
    string Author,
    IReadOnlyList<JsonLink> Links,
    int RepliesSeen);

/// <summary>One archive's copy of a message: the configured archive name, its list address (null when not configured), the URL.</summary>
internal sealed record JsonLink(string Archive, string? List, string Url);

internal sealed record JsonDiagnostic(string Level, string? Url, string Message);

internal sealed record JsonStats(int Requests, int CacheHits, int Messages, int RequestsSaved, int Floor);

internal sealed record JsonPullRequest(string? MessageId, string Subject, string? Date, string Author, string? Tree, IReadOnlyList<JsonLink> Links);

internal sealed record JsonAppliedTo(string Tree, string Branch, string? By);

internal sealed record JsonApplied(
    string Subject,
    string Date,
    string Tree,
    string Branch,
    string? By,
    string? InReplyTo,
    string? Series,
    IReadOnlyList<JsonCommit> Commits,
    IReadOnlyList<JsonLink> Links);

internal sealed record JsonCommit(string Title, string? Url);
