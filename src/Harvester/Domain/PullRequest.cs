namespace Harvester.Domain;

/// <summary>
/// A pull request of the window (<c>pull-request: bpf-next 2026-11-28</c>, <c>[GIT PULL] Networking for v6.19-rc2</c>),
/// one per mail whatever the archives that show it. Usually seen only in the indexes, never fetched.
/// </summary>
public sealed record PullRequest
{
    public required string Subject { get; init; }

    /// <summary>The sender as the index (or the fetched page) shows it.</summary>
    public required string Author { get; init; }

    /// <summary>The Message-ID when the mail was read, else null (an index entry carries none).</summary>
    public string? MessageId { get; init; }

    /// <summary>
    /// The day the mail was sent (UTC): its own Date when its page was read, else the day a dated index (mail-archive)
    /// files it under. Null when no archive dates the mail itself: never a neighbouring mail's date.
    /// </summary>
    public DateOnly? Day { get; init; }

    /// <summary>The tree it goes to (<c>bpf-next</c>, <c>bpf</c>, <c>net</c>, <c>net-next</c>), or null when the subject does not say.</summary>
    public string? Tree { get; init; }

    /// <summary>Every archive page that holds it.</summary>
    public required IReadOnlyList<ArchiveLink> Links { get; init; }
}
