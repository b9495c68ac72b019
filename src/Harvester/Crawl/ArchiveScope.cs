namespace Harvester.Crawl;

/// <summary>
/// One archive's place on the web: its name and base URL. Pages are written by strangers, so every link is checked
/// against it before it is followed (same scheme, host and list folder).
/// </summary>
public sealed record ArchiveScope(string Archive, Uri BaseUri)
{
    public Uri Resolve(string relative) => new(BaseUri, relative);

    /// <summary>True when <paramref name="url"/> lies inside this archive (same scheme, host and list folder).</summary>
    public bool IsInside(Uri url) =>
        url.Scheme == BaseUri.Scheme && string.Equals(url.Authority, BaseUri.Authority, StringComparison.OrdinalIgnoreCase)
        && url.AbsolutePath.StartsWith(BaseUri.AbsolutePath, StringComparison.Ordinal);

    /// <summary>True when <paramref name="url"/> is on this archive's host (robots.txt redirects may go no further).</summary>
    public bool IsSameHost(Uri url) =>
        url.Scheme == BaseUri.Scheme && string.Equals(url.Authority, BaseUri.Authority, StringComparison.OrdinalIgnoreCase);
}
