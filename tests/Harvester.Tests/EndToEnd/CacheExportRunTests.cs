using Harvester.Crawl;
using Harvester.Hosting;
using Harvester.Tests.Support;

namespace Harvester.Tests.EndToEnd;

/// <summary>
/// Captured pages (issue 16): the cache of a real harvest, exported as files laid out as on the sites and read back as
/// <c>file://</c> mirrors, gives the same output as the original run (links aside, which name where pages were read).
/// </summary>
public sealed class CacheExportRunTests : IDisposable
{
    private static readonly FixtureArchive Week = FixtureArchive.Load(Paths.Fixture("archives", "week-2026-11"));
    private readonly HarvestRun _run = new();

    [Fact]
    public async Task Harvest_FromExportedCache_GivesTheOriginalOutput()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(Week);
        var settings = WeekSettings(spinics.BaseUrl, mailArchive.BaseUrl, _run.CachePath);
        var (code, original) = await _run.RunAsync(settings);
        Assert.Equal(ExitCodes.Done, code);

        var mirror = Path.Combine(_run.Folder, "export");
        using (var cache = new PageCache(_run.CachePath))
        {
            var exported = MirrorExport.Write(cache, mirror, null, null, null);
            var served = new[] { spinics, mailArchive }.Sum(s => s.Requests.Where(r => r != "robots.txt").Distinct().Count());
            Assert.InRange(exported.Written, 1, served); // every page read and answered 200, once
            Assert.Equal(0, exported.Skipped);
        }

        var spinicsMirror = MirrorExport.MirrorBase(mirror, spinics.BaseUrl)!;
        var mailArchiveMirror = MirrorExport.MirrorBase(mirror, mailArchive.BaseUrl)!;
        var (mirrorCode, fromMirror) = await _run.RunAsync(WeekSettings(spinicsMirror, mailArchiveMirror, Path.Combine(_run.Folder, "fresh.db")));

        Assert.Equal(ExitCodes.Done, mirrorCode);
        Assert.Contains("## Patches", original, StringComparison.Ordinal);
        Assert.Equal(
            original,
            fromMirror.Replace(spinicsMirror.AbsoluteUri, spinics.BaseUrl.AbsoluteUri, StringComparison.Ordinal)
                .Replace(mailArchiveMirror.AbsoluteUri, mailArchive.BaseUrl.AbsoluteUri, StringComparison.Ordinal));
    }

    private Dictionary<string, string?> WeekSettings(Uri spinics, Uri mailArchive, string cachePath)
    {
        var settings = _run.Settings(spinics, mailArchive);
        settings["Harvester:Cache:Path"] = cachePath;
        settings["Harvester:Run:From"] = "2026-11-09";
        settings["Harvester:Run:To"] = "2026-11-16";
        return settings;
    }

    public void Dispose() => _run.Dispose();
}
