namespace Harvester.Domain;

/// <summary>
/// How a subject line reads as a patch mail, in the manner of b4's <c>LoreSubject</c>: prefixes, version and
/// counters, and whether each was stated or inferred. Produced by <c>Harvester.Group.SubjectParser</c>.
/// </summary>
public sealed record PatchSubject
{
    /// <summary>The subject as received.</summary>
    public required string Raw { get; init; }

    /// <summary>What remains after reply markers and leading bracket groups, whitespace collapsed.</summary>
    public required string Title { get; init; }

    /// <summary>Tokens of the leading bracket groups other than PATCH, versions and counters, in order, original case.</summary>
    public IReadOnlyList<string> Prefixes { get; init; } = [];

    public int Version { get; init; } = 1;

    /// <summary>False when no version was written (the default 1 is assumed).</summary>
    public bool VersionStated { get; init; }

    /// <summary>
    /// The part after the dot of a partial re-roll's version (<c>v5.1</c> reads Version 5, MinorVersion 1), else 0.
    /// </summary>
    public int MinorVersion { get; init; }

    public int Index { get; init; } = 1;

    public int Total { get; init; } = 1;

    /// <summary>False when no <c>n/m</c> counter was written (1/1 is assumed).</summary>
    public bool CountersStated { get; init; }

    /// <summary>A <c>Re:</c>, <c>RE:</c> or <c>Aw:</c> marker was removed.</summary>
    public bool IsReply { get; init; }

    /// <summary>A <c>Fwd:</c> or <c>FW:</c> marker was removed.</summary>
    public bool IsForward { get; init; }

    /// <summary>A pull request (<c>[GIT PULL]</c>, <c>[GIT] Networking</c>, <c>pull-request:</c>, <c>[pull request]</c>).</summary>
    public bool IsPullRequest { get; init; }

    /// <summary>The subject says it is a patch (a PATCH token, an RFC, or a counter in its brackets).</summary>
    public bool IsPatch { get; init; }

    /// <summary>A cover letter: index 0 with a stated counter.</summary>
    public bool IsCoverLetter => CountersStated && Index == 0;
}
