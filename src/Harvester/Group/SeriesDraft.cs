using Harvester.Domain;

namespace Harvester.Group;

/// <summary>A series being assembled: its version, total and author key (from the first member), and one member per slot.</summary>
internal sealed class SeriesDraft
{
    private readonly SortedDictionary<int, Candidate> slots = [];

    public SeriesDraft(Candidate head)
    {
        AuthorKey = head.AuthorKey;
        Version = head.Subject.Version;
        MinorVersion = head.Subject.MinorVersion;
        Total = head.Subject.Total;
        FirstDate = LastDate = head.Date;
        Add(head);
    }

    public string AuthorKey { get; }

    public int Version { get; private set; }

    public int MinorVersion { get; private set; }

    public int Total { get; }

    public DateTimeOffset FirstDate { get; private set; }

    public DateTimeOffset LastDate { get; private set; }

    public IEnumerable<Candidate> Members => slots.Values;

    public bool HasSlot(int slot) => slots.ContainsKey(slot);

    /// <summary>
    /// Whether <paramref name="c"/> fits: same total, a compatible version (a part that states none inherits the
    /// series', as the parts of base-different-versions.mbox do from their "v3 0/4" cover; one that states another is a
    /// new revision: revision-threaded-to-cover.mbox, v5.1 in revision-partial-reroll.mbox), and its slot free or held
    /// by an identical copy.
    /// </summary>
    public bool Accepts(Candidate c) =>
        c.Subject.Total == Total
        && VersionFits(c.Subject)
        && (!slots.TryGetValue(c.Slot, out var held) || held.SameContentAs(c));

    /// <summary>Adds a member; an identical copy in a taken slot keeps the newer one (its links are the newest).</summary>
    public void Add(Candidate c)
    {
        if (slots.TryGetValue(c.Slot, out var held) && Candidate.CompareByDate(held, c) > 0)
        {
            return;
        }

        slots[c.Slot] = c;
        if (c.Subject.IsCoverLetter && c.Subject.VersionStated)
        {
            // The cover's version is the series' version (base-different-versions.mbox).
            (Version, MinorVersion) = (c.Subject.Version, c.Subject.MinorVersion);
        }

        FirstDate = c.Date < FirstDate ? c.Date : FirstDate;
        LastDate = c.Date > LastDate ? c.Date : LastDate;
    }

    /// <summary>Whether <paramref name="instant"/> lies within <paramref name="window"/> of the draft's span.</summary>
    public bool IsNear(DateTimeOffset instant, TimeSpan window) =>
        instant >= FirstDate - window && instant <= LastDate + window;

    public PatchSeries ToSeries()
    {
        var cover = slots.TryGetValue(0, out var c) ? c : null;
        var parts = slots.Where(s => s.Key > 0).Select(s => s.Value).ToList();
        var head = cover ?? parts[0];
        return new PatchSeries
        {
            Id = head.Id,
            Author = AuthorName.Cleanest(Members.Select(m => m.Message.Author)),
            Version = Version,
            Total = Total,
            Cover = cover is null ? null : Part(cover),
            Patches = parts.Select(Part).ToList(),
        };
    }

    private bool VersionFits(PatchSubject s) =>
        !s.VersionStated || (s.Version == Version && s.MinorVersion == MinorVersion);

    private static SeriesPart Part(Candidate c) => new(c.Message, c.Subject);
}
