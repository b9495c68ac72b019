namespace Harvester.Domain;

/// <summary>
/// The order of <c>Harvester:Output:PreferredArchives</c>: each entry names an archive (<c>SpinicsBpf</c>) or a kind
/// (<c>spinics</c>, <c>mail-archive</c>, <c>public-inbox</c> or its alias <c>lore</c>), case-insensitively. An archive ranks
/// by the first entry that names it or its kind; one no entry names ranks last. An empty list means
/// <see cref="Default"/>: spinics first, then mail-archive, then lore, as the seed issue's links are.
/// </summary>
public sealed class ArchivePreference
{
    public static readonly IReadOnlyList<string> Default = [ArchiveKinds.Spinics, ArchiveKinds.MailArchive, ArchiveKinds.LoreAlias];

    private readonly IReadOnlyList<string> _entries;

    public ArchivePreference(IReadOnlyList<string>? entries) =>
        _entries = entries is { Count: > 0 } ? entries : Default;

    /// <summary>0 for the most preferred; <see cref="int.MaxValue"/> when no entry names the archive or its kind.</summary>
    public int Rank(string archive, string? kind)
    {
        for (var i = 0; i < _entries.Count; i++)
        {
            var entry = _entries[i];
            if (string.Equals(entry, archive, StringComparison.OrdinalIgnoreCase)
                || (kind is not null && (string.Equals(entry, kind, StringComparison.OrdinalIgnoreCase)
                    || (kind == ArchiveKinds.PublicInbox && string.Equals(entry, ArchiveKinds.LoreAlias, StringComparison.OrdinalIgnoreCase)))))
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
