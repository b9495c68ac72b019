namespace Harvester.Domain;

/// <summary>
/// Where one archive holds its copy of a message: the archive's configured name and the page's URL. Merge fills in
/// the archive's <see cref="Kind"/> and <see cref="List"/> from the configuration (<see cref="ArchiveCatalog"/>), so
/// Render can prefer archives by kind and name the list a link belongs to.
/// </summary>
public sealed record ArchiveLink(string Archive, Uri Url)
{
    /// <summary>The archive's kind (<c>spinics</c>, <c>mail-archive</c>, <c>public-inbox</c>), once Merge knows it.</summary>
    public string? Kind { get; init; }

    /// <summary>The list the archive carries (<c>bpf@vger.kernel.org</c>), once Merge knows it; null when not configured.</summary>
    public string? List { get; init; }
}
