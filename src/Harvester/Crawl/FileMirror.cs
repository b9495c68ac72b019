namespace Harvester.Crawl;

/// <summary>
/// Reads pages of a <c>file://</c> base URL (a saved copy of an archive): no robots.txt, no throttle, the same size cap
/// as HTTP. Touches only the files under the archive's base folder (the fetcher checks the URL first).
/// </summary>
public sealed class FileMirror(long maxResponseBytes, CrawlStats stats)
{
    public FetchResult Read(Uri url)
    {
        var path = url.LocalPath;
        if (!File.Exists(path))
        {
            return new FetchResult(url, FetchStatus.NotFound, null, false, "no such file in the mirror");
        }

        if (new FileInfo(path).Length > maxResponseBytes)
        {
            return new FetchResult(url, FetchStatus.TooLarge, null, false, $"file larger than {maxResponseBytes} bytes");
        }

        stats.CountRequest();
        return new FetchResult(url, FetchStatus.Ok, File.ReadAllText(path, System.Text.Encoding.UTF8), false);
    }
}
