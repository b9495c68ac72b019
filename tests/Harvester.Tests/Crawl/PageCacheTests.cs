using Harvester.Crawl;

namespace Harvester.Tests.Crawl;

public sealed class PageCacheTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "harvester-tests", Guid.NewGuid().ToString("N"), "pages.db");

    [Fact]
    public void Get_AfterPutAndReopen_ReturnsThePage()
    {
        var at = DateTimeOffset.Parse("2026-11-20T10:00:00Z");
        using (var cache = new PageCache(_path))
        {
            cache.Put(new CachedPage("https://h/lists/netdev/msg1.html", PageKind.Message, 200, "<html>1</html>", "\"e1\"", null, at));
        }

        using var reopened = new PageCache(_path);
        var page = reopened.Get(new Uri("https://h/lists/netdev/msg1.html"));

        Assert.NotNull(page);
        Assert.Equal("<html>1</html>", page.Body);
        Assert.Equal("\"e1\"", page.ETag);
        Assert.Equal(at, page.FetchedAt);
    }

    [Fact]
    public void PruneOlderThan_RemovesOnlyOlderPages()
    {
        using var cache = new PageCache(_path);
        cache.Put(new CachedPage("https://h/old", PageKind.Index, 200, "old", null, null, DateTimeOffset.UtcNow.AddDays(-100)));
        cache.Put(new CachedPage("https://h/new", PageKind.Message, 200, "new", null, null, DateTimeOffset.UtcNow));

        Assert.Equal(1, cache.PruneOlderThan(DateTimeOffset.UtcNow.AddDays(-90)));
        Assert.Null(cache.Get(new Uri("https://h/old")));
        Assert.NotNull(cache.Get(new Uri("https://h/new")));
        Assert.Equal(1, cache.CountByKind()[PageKind.Message]);
    }

    [Fact]
    public void Put_SameUrlTwice_LastWriteWins()
    {
        using var cache = new PageCache(_path);
        cache.Put(new CachedPage("https://h/maillist.html", PageKind.Index, 200, "v1", null, null, DateTimeOffset.UtcNow));
        cache.Put(new CachedPage("https://h/maillist.html", PageKind.Index, 200, "v2", null, null, DateTimeOffset.UtcNow));

        Assert.Equal("v2", cache.Get(new Uri("https://h/maillist.html"))!.Body);
    }

    public void Dispose()
    {
        Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);
    }
}
