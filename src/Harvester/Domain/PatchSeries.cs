namespace Harvester.Domain;

/// <summary>One message of a series with the reading of its subject.</summary>
public sealed record SeriesPart(MailMessage Message, PatchSubject Subject);

/// <summary>A patch series: an optional cover letter (0/N) and its parts, listed by index.</summary>
public sealed record PatchSeries
{
    /// <summary>A stable identifier: the cover letter's Message-ID, else the first part's.</summary>
    public required string Id { get; init; }

    /// <summary>The author's cleanest display name.</summary>
    public required string Author { get; init; }

    public required int Version { get; init; }

    public required int Total { get; init; }

    public SeriesPart? Cover { get; init; }

    /// <summary>The parts, as Group put them (by index then date); show them through <see cref="OrderedPatches"/>.</summary>
    public required IReadOnlyList<SeriesPart> Patches { get; init; }

    /// <summary>
    /// The parts in the order every renderer lists them: by index, then date, then Message-ID (so two copies in one slot,
    /// or a hand-built series, always come out the same way). Covered by <c>PatchSeriesTests</c>.
    /// </summary>
    public IReadOnlyList<SeriesPart> OrderedPatches =>
        Patches.OrderBy(p => p.Subject.Index)
            .ThenBy(p => p.Message.Date)
            .ThenBy(p => p.Message.MessageId, StringComparer.Ordinal)
            .ToList();

    /// <summary>Every index 1..Total is present.</summary>
    public bool Complete => Enumerable.Range(1, Total).All(i => Patches.Any(p => p.Subject.Index == i));

    /// <summary>How many distinct indexes 1..Total arrived.</summary>
    public int Received => Patches.Select(p => p.Subject.Index).Where(i => i >= 1 && i <= Total).Distinct().Count();

    /// <summary>The Id of a newer revision of this series in the same window, or null.</summary>
    public string? SupersededBy { get; init; }

    /// <summary>The first message of the series (cover, else first part).</summary>
    public SeriesPart Head => Cover ?? OrderedPatches[0];

    /// <summary>When the series was sent: its earliest message.</summary>
    public DateTimeOffset Date => AllParts().Min(p => p.Message.Date);

    public IEnumerable<SeriesPart> AllParts() => Cover is null ? Patches : Patches.Prepend(Cover);
}

/// <summary>What Group produces: the series, the pull requests seen (listed in JSON only), and older revisions.</summary>
public sealed record GroupResult(IReadOnlyList<PatchSeries> Series, IReadOnlyList<MailMessage> PullRequests);
