using System.Text.Json;
using Harvester.Hosting;
using Harvester.Tests.Support;
using Harvester.Tests.Support.Sites;

namespace Harvester.Tests.EndToEnd;

/// <summary>
/// Issue 12, bounded memory: <c>Harvester:Crawl:MaxNumberWalkPages</c> and <c>Harvester:Crawl:MaxRetainedPageKilobytes</c>
/// (CrawlOptions), set small through configuration, stop the walk with an error that names the key, and the run still
/// lists what it read before the bound. Each bounded run is compared with the same archive's unbounded run.
/// </summary>
public sealed class CrawlBoundsTests : IDisposable
{
    private static readonly FixtureArchive Week = FixtureArchive.Load(Paths.Fixture("archives", "week-2026-11"));
    private readonly HarvestRun _bounded = new();
    private readonly HarvestRun _unbounded = new();

    [Fact]
    public async Task Harvest_NumberWalkLongerThanMaxNumberWalkPages_StopsWithDiagnosticAndListsWhatItRead()
    {
        // Only the 3 newest messages are on the index: the window is reached by a number walk (NumberWalkTests).
        var limited = Week.With(Week.Settings with { SpinicsIndexLimit = 3 });
        await using var spinics = await FixtureServer.StartSpinicsAsync(limited);
        var unbounded = await RunAsync(_unbounded, spinics, null);
        var walked = PagesRead(spinics);

        var bounded = await RunAsync(_bounded, spinics, ("Harvester:Crawl:MaxNumberWalkPages", "5"));

        Assert.Equal(ExitCodes.Done, unbounded.Code);
        Assert.Equal(ExitCodes.PartialFailure, bounded.Code);
        var (diagnostic, _) = Assert.Single(bounded.Errors);
        Assert.StartsWith("number walk stopped after Harvester:Crawl:MaxNumberWalkPages (5) pages; messages from msg", diagnostic, StringComparison.Ordinal);
        Assert.EndsWith(" up to the index not read", diagnostic, StringComparison.Ordinal);
        Assert.True(PagesRead(spinics).Count < walked.Count, $"bounded run read {PagesRead(spinics).Count} message pages, unbounded {walked.Count}");
        AssertListsWhatItRead(bounded, unbounded, PagesRead(spinics));
    }

    [Fact]
    public async Task Harvest_PagesPastMaxRetainedPageKilobytes_StopsWithDiagnosticAndListsWhatItKept()
    {
        // Each message page padded to about 20,000 characters (40 KB as held): the smallest bound allowed, 100 KB,
        // keeps two pages and stops the walk at the third.
        var padded = new EditedSite(new SpinicsFixtureSite(Week), (file, html) =>
            file.StartsWith("msg", StringComparison.Ordinal) ? html.Replace("</body>", "<!--" + new string('x', 20_000) + "-->\n</body>", StringComparison.Ordinal) : html);
        await using var spinics = await FixtureServer.StartAsync(padded, "/lists/netdev/");
        var unbounded = await RunAsync(_unbounded, spinics, null);

        var bounded = await RunAsync(_bounded, spinics, ("Harvester:Crawl:MaxRetainedPageKilobytes", "100"));

        Assert.Equal(ExitCodes.Done, unbounded.Code);
        Assert.Equal(ExitCodes.PartialFailure, bounded.Code);
        var (diagnostic, notKept) = Assert.Single(bounded.Errors);
        Assert.Equal("page HTML kept for this archive reached Harvester:Crawl:MaxRetainedPageKilobytes (100 KB) after 2 pages; walk stopped, later pages not read", diagnostic);
        Assert.Equal(3, PagesRead(spinics).Count); // the third was read, and is the one the diagnostic names
        Assert.Contains(notKept, PagesRead(spinics));
        AssertListsWhatItRead(bounded, unbounded, PagesRead(spinics));
    }

    public void Dispose()
    {
        _bounded.Dispose();
        _unbounded.Dispose();
    }

    /// <summary>
    /// The bounded run lists something, and exactly the unbounded run's messages whose pages it read and kept (the
    /// page named by the diagnostic passed the bound and was not kept).
    /// </summary>
    private static void AssertListsWhatItRead(Run bounded, Run unbounded, IReadOnlySet<string> read)
    {
        read = read.Except(bounded.Errors.Select(e => e.Page)).ToHashSet();
        Assert.NotEmpty(bounded.Listed);
        Assert.True(bounded.Listed.Count < unbounded.Listed.Count, $"bounded run listed {bounded.Listed.Count}, unbounded {unbounded.Listed.Count}");
        Assert.Equal(unbounded.Listed.Where(read.Contains).Order(StringComparer.Ordinal), bounded.Listed.Order(StringComparer.Ordinal));
    }

    private static HashSet<string> PagesRead(FixtureServer server) =>
        [.. server.Served.Where(r => r.Status == 200 && r.FileName.StartsWith("msg", StringComparison.Ordinal)).Select(r => r.FileName)];

    private static async Task<Run> RunAsync(HarvestRun run, FixtureServer spinics, (string Key, string Value)? bound)
    {
        spinics.Served.Clear();
        var settings = run.Settings(spinics.BaseUrl, null);
        settings["Harvester:Run:From"] = "2026-11-09";
        settings["Harvester:Run:To"] = "2026-11-16";
        settings["Harvester:Run:Format"] = "json";
        if (bound is { } b)
        {
            settings[b.Key] = b.Value;
        }

        var (code, output) = await run.RunAsync(settings);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        var listed = root.GetProperty("series").EnumerateArray()
            .SelectMany(s => s.GetProperty("patches").EnumerateArray().Concat(s.GetProperty("cover") is { ValueKind: JsonValueKind.Object } cover ? [cover] : []))
            .SelectMany(m => m.GetProperty("links").EnumerateArray())
            .Where(l => l.GetProperty("archive").GetString() == "Spinics") // not the lore links made from the id
            .Select(l => new Uri(l.GetProperty("url").GetString()!).Segments[^1])
            .ToList();
        var errors = root.GetProperty("diagnostics").EnumerateArray()
            .Where(d => d.GetProperty("level").GetString() == "error")
            .Select(d => (d.GetProperty("message").GetString()!, d.GetProperty("url").GetString() is { } url ? new Uri(url).Segments[^1] : ""))
            .ToList();
        return new Run(code, listed, errors);
    }

    private sealed record Run(int Code, List<string> Listed, List<(string Message, string Page)> Errors);
}
