namespace Harvester.Domain;

/// <summary>Where one archive holds its copy of a message: the archive's configured name and the page's URL.</summary>
public sealed record ArchiveLink(string Archive, Uri Url);
