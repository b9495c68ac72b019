namespace Harvester.Domain;

/// <summary>One configured archive as later stages need it: its name, kind, list and root (enabled or not).</summary>
public sealed record ArchiveInfo(string Name, string Kind, string? List, Uri? BaseUri, bool Enabled);

/// <summary>
/// The configured archives (<c>Harvester:Archives</c>) by name, for the stages after Crawl: Merge annotates links with
/// their archive's kind and list, and makes lore links from Message-IDs (<see cref="PublicInboxLinks"/>).
/// </summary>
public sealed class ArchiveCatalog
{
    private readonly Dictionary<string, ArchiveInfo> _byName;

    public ArchiveCatalog(IEnumerable<ArchiveInfo> archives) =>
        _byName = archives.ToDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>No archive configured: links keep what they carry and no lore link is made.</summary>
    public static ArchiveCatalog Empty { get; } = new([]);

    public IReadOnlyCollection<ArchiveInfo> All => _byName.Values;

    public ArchiveInfo? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>
    /// The public-inbox archive that carries <paramref name="list"/>, enabled or not (a link needs no request); the
    /// first by name when several do.
    /// </summary>
    public ArchiveInfo? PublicInboxFor(string list) =>
        _byName.Values
            .Where(a => a.Kind == ArchiveKinds.PublicInbox && a.BaseUri is not null && string.Equals(a.List, list, StringComparison.OrdinalIgnoreCase))
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .FirstOrDefault();
}

/// <summary>The archive kinds Harvester reads (<c>Harvester:Archives:&lt;Name&gt;:Kind</c>).</summary>
public static class ArchiveKinds
{
    public const string Spinics = "spinics";
    public const string MailArchive = "mail-archive";
    public const string PublicInbox = "public-inbox";

    /// <summary>What <c>Harvester:Output:PreferredArchives</c> may call the public-inbox kind, as the issue does.</summary>
    public const string LoreAlias = "lore";

    public static readonly string[] All = [Spinics, MailArchive, PublicInbox];
}
