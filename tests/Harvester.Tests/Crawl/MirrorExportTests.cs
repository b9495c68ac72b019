using Harvester.Crawl;

namespace Harvester.Tests.Crawl;

/// <summary>The file layout of <c>harvester cache export</c> and what it writes (issue 16).</summary>
public sealed class MirrorExportTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "harvester-tests", Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("https://www.spinics.net/lists/netdev/msg01234.html", "www.spinics.net/lists/netdev/msg01234.html")]
    [InlineData("https://www.mail-archive.com/netdev@vger.kernel.org/maillist.html", "www.mail-archive.com/netdev@vger.kernel.org/maillist.html")]
    [InlineData("http://127.0.0.1:41234/lists/netdev/mail2.html", "127.0.0.1_41234/lists/netdev/mail2.html")]
    [InlineData("https://www.mail-archive.com/netdev@vger.kernel.org/", "www.mail-archive.com/netdev@vger.kernel.org/index.html")]
    public void RelativePath_PageUrl_IsHostThenPath(string url, string expected) =>
        Assert.Equal(expected, MirrorExport.RelativePath(new Uri(url)));

    [Theory]
    [InlineData("https://lore.kernel.org/netdev/?q=d:2026-11-01..&x=A")] // a query has no file
    [InlineData("https://h/lists/netdev/a%2F..%2F..%2Fescape.html")] // an escaped slash would leave the folder
    [InlineData("file:///tmp/lists/netdev/msg1.html")]
    public void RelativePath_NotAFile_Null(string url) => Assert.Null(MirrorExport.RelativePath(new Uri(url)));

    [Fact]
    public void Write_FiltersByArchiveAndFetchTime_AndSkipsFailuresAndQueries()
    {
        var day = DateTimeOffset.Parse("2026-11-20T10:00:00Z");
        using var cache = new PageCache(Path.Combine(_folder, "pages.db"));
        cache.Put(new CachedPage("https://www.spinics.net/lists/netdev/maillist.html", PageKind.Index, 200, "<index>ü</index>", null, null, day));
        cache.Put(new CachedPage("https://www.spinics.net/lists/netdev/msg00001.html", PageKind.Message, 200, "<msg 1>", null, null, day.AddDays(-3)));
        cache.Put(new CachedPage("https://www.spinics.net/lists/netdev/msg00002.html", PageKind.Message, 404, null, null, null, day));
        cache.Put(new CachedPage("https://www.spinics.net/lists/netdev/?q=x", PageKind.Index, 200, "query", null, null, day));
        cache.Put(new CachedPage("https://www.mail-archive.com/netdev@vger.kernel.org/msg00001.html", PageKind.Message, 200, "<ma>", null, null, day));
        var mirror = Path.Combine(_folder, "mirror");

        var result = MirrorExport.Write(cache, mirror, new Uri("https://www.spinics.net/lists/netdev/"), day.AddDays(-1), day.AddDays(1));

        Assert.Equal(1, result.Written);
        Assert.Equal(1, result.Skipped); // the query page; the 404, the older page and the other archive are not selected
        var index = Path.Combine(mirror, "www.spinics.net", "lists", "netdev", "maillist.html");
        Assert.Equal([index], result.Files);
        Assert.Equal("<index>ü</index>", File.ReadAllText(index));
        Assert.False(File.Exists(Path.Combine(mirror, "www.spinics.net", "lists", "netdev", "msg00002.html")));
        Assert.False(Directory.Exists(Path.Combine(mirror, "www.mail-archive.com")));

        var all = MirrorExport.Write(cache, mirror, null, null, null);
        Assert.Equal(3, all.Written);
    }

    [Fact]
    public void MirrorBase_ArchiveBase_IsTheFolderAsFileUrl()
    {
        var mirror = Path.Combine(_folder, "mirror");
        var baseUrl = MirrorExport.MirrorBase(mirror, new Uri("https://www.mail-archive.com/netdev@vger.kernel.org/"))!;

        Assert.True(baseUrl.IsFile);
        Assert.Equal(Path.Combine(mirror, "www.mail-archive.com", "netdev@vger.kernel.org") + "/", baseUrl.LocalPath);
        Assert.Equal(Path.Combine(mirror, "www.mail-archive.com", "netdev@vger.kernel.org", "msg00001.html"), new Uri(baseUrl, "msg00001.html").LocalPath);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a cache file still open on a slow runner: left for the OS to clean
        }
    }
}
