using System.Text;

namespace Harvester.Crawl;

/// <summary>What <see cref="MirrorExport.Write"/> did: files written, pages that cannot be files, and where they went.</summary>
public sealed record MirrorExportResult(int Written, int Skipped, IReadOnlyList<string> Files);

/// <summary>
/// <c>harvester cache export DIR</c>: writes cached pages as files laid out as on the site, the layout
/// <c>wget --mirror</c> leaves (<c>DIR/www.spinics.net/lists/netdev/msg01234.html</c>), so that DIR serves as a
/// <c>file://</c> mirror: <c>BaseUrl=file://DIR/www.spinics.net/lists/netdev/</c>. Only pages answered 200 are written
/// (a missing file reads as a 404, as the cached 404 did). Covered by Crawl/MirrorExportTests and
/// EndToEnd/CacheExportRunTests.
/// </summary>
public static class MirrorExport
{
    /// <summary>
    /// The path a page has in the mirror, relative to DIR: host (with <c>_port</c> when the URL names one), then the
    /// URL's path; <c>index.html</c> for a folder URL. Null when the page cannot be a file: not http(s), a query string,
    /// or a path that would leave DIR.
    /// </summary>
    public static string? RelativePath(Uri url)
    {
        if (url.Scheme is not ("http" or "https") || url.Query.Length > 0)
        {
            return null;
        }

        var host = url.IsDefaultPort ? url.Host : $"{url.Host}_{url.Port}";
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList();
        if (segments.Any(s => s is "." or ".." || s.Contains('/') || s.Contains('\0')) || host.Length == 0)
        {
            return null;
        }

        if (url.AbsolutePath.EndsWith('/'))
        {
            segments.Add("index.html");
        }

        return Path.Combine([host, .. segments]);
    }

    /// <summary>The <c>file://</c> base URL that reads an archive's pages from the mirror in <paramref name="directory"/>.</summary>
    public static Uri? MirrorBase(string directory, Uri archiveBase)
    {
        var relative = RelativePath(archiveBase);
        if (relative is null)
        {
            return null;
        }

        // RelativePath gave ".../index.html" for the folder URL: the base is its folder.
        var folder = Path.GetDirectoryName(Path.Combine(Path.GetFullPath(directory), relative))!;
        return new Uri(folder + Path.DirectorySeparatorChar);
    }

    /// <summary>
    /// Writes the cached pages under <paramref name="archiveBase"/> (all when null), fetched in [from, to), into
    /// <paramref name="directory"/>. Existing files are overwritten; nothing outside DIR is ever written.
    /// </summary>
    public static MirrorExportResult Write(PageCache cache, string directory, Uri? archiveBase, DateTimeOffset? from, DateTimeOffset? to)
    {
        var root = Path.GetFullPath(directory);
        var files = new List<string>();
        var skipped = 0;
        cache.ForEachPage(archiveBase?.AbsoluteUri, from, to, page =>
        {
            var relative = Uri.TryCreate(page.Url, UriKind.Absolute, out var url) ? RelativePath(url) : null;
            var path = relative is null ? null : Path.GetFullPath(Path.Combine(root, relative));
            if (path is null || !path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                skipped++;
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, page.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            files.Add(path);
        });
        return new MirrorExportResult(files.Count, skipped, files);
    }
}
