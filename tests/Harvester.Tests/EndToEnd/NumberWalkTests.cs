using Harvester.Hosting;
using Harvester.Tests.Support;

namespace Harvester.Tests.EndToEnd;

/// <summary>
/// The archives' index pages list only the newest messages (archive-html/mail-archive.md, "Coverage is limited"). A
/// window older than the index must still come out, found by probing message numbers.
/// </summary>
public sealed class NumberWalkTests : IDisposable
{
    private static readonly FixtureArchive Week = FixtureArchive.Load(Paths.Fixture("archives", "week-2026-11"));
    private readonly HarvestRun _run = new();

    [Fact]
    public async Task Harvest_WindowOlderThanIndex_FindsMessagesByNumber()
    {
        // Only the 3 newest messages of each site are on an index page: everything in the window is reachable by number only.
        var limited = Week.With(Week.Settings with { SpinicsIndexLimit = 3, MailArchiveIndexLimit = 3 });
        Assert.Null(new Support.Sites.SpinicsFixtureSite(limited).Render("mail2.html"));
        await using var spinics = await FixtureServer.StartSpinicsAsync(limited);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(limited);
        var settings = _run.Settings(spinics.BaseUrl, mailArchive.BaseUrl);
        settings["Harvester:Run:From"] = "2026-11-09";
        settings["Harvester:Run:To"] = "2026-11-16";

        var (code, output) = await _run.RunAsync(settings);

        Assert.Equal(ExitCodes.Done, code);
        Assert.Equal(HarvestEndToEndTests.Expected(Week, spinics, mailArchive), output);
        // Probing stays near the index: a bounded number of pages, not a walk from message 1.
        Assert.InRange(spinics.MessagePageRequests, 1, 2 * limited.OnSpinics.Count());
        Assert.InRange(mailArchive.MessagePageRequests, 0, 2 * limited.OnMailArchive.Count());
    }

    public void Dispose() => _run.Dispose();
}
