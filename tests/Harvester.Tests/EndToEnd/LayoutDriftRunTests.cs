using System.Text.Json;
using Harvester.Hosting;
using Harvester.Tests.Support;
using Harvester.Tests.Support.Sites;

namespace Harvester.Tests.EndToEnd;

/// <summary>
/// A normal harvest against fixture sites whose layout changed (issue 16): the drifted archive is stopped with one
/// error, the run exits 4, and no section is ever built from it; what the other archive gave is still written.
/// </summary>
public sealed class LayoutDriftRunTests : IDisposable
{
    private static readonly FixtureArchive Week = FixtureArchive.Load(Paths.Fixture("archives", "week-2026-11"));
    private const string Draft = "# BPF newsletter\n\n## Patches\n\n(to be filled in)\n\n## Events\n\n- none\n";
    private readonly HarvestRun _run = new();

    public static TheoryData<string> ChangedSites() =>
        ["spinics-markers-labels", "spinics-index-moved", "mail-archive-head-class", "mail-archive-index-moved"];

    internal static ChangedLayoutSite Site(string name, FixtureArchive archive) => name switch
    {
        "spinics-markers-labels" => ChangedLayoutSite.SpinicsMarkersAndLabelsRenamed(archive),
        "spinics-index-moved" => ChangedLayoutSite.SpinicsIndexMoved(archive),
        "mail-archive-head-class" => ChangedLayoutSite.MailArchiveHeadClassRenamed(archive),
        _ => ChangedLayoutSite.MailArchiveIndexMoved(archive),
    };

    internal static string ListPath(string name) => name.StartsWith("spinics", StringComparison.Ordinal) ? "/lists/netdev/" : "/netdev@vger.kernel.org/";

    [Theory]
    [MemberData(nameof(ChangedSites))]
    public async Task Harvest_OnlyArchiveChangedLayout_Exits4WithoutASection(string name)
    {
        await using var server = await FixtureServer.StartAsync(Site(name, Week), ListPath(name));
        var spinics = name.StartsWith("spinics", StringComparison.Ordinal);
        var settings = WeekSettings(spinics ? server.BaseUrl : null, spinics ? null : server.BaseUrl);

        var (code, output) = await _run.RunAsync(settings);

        Assert.Equal(ExitCodes.LayoutChanged, code);
        Assert.Equal("", output); // no "Patches" section, empty or not, from a drifted archive
    }

    [Fact]
    public async Task Harvest_SpinicsMarkersRenamed_StopsSpinicsAfterTwoMessagePages()
    {
        await using var server = await FixtureServer.StartAsync(ChangedLayoutSite.SpinicsMarkersAndLabelsRenamed(Week), "/lists/netdev/");
        var settings = WeekSettings(server.BaseUrl, null);
        settings["Harvester:Http:MaxConcurrency"] = "1"; // no read-ahead: the count below is exact

        var (code, _) = await _run.RunAsync(settings);

        Assert.Equal(ExitCodes.LayoutChanged, code);
        // Harvester:Drift:MinimumMissing (2) pages, all lacking fields (share 1 >= 0.5): the archive is stopped there,
        // no further date probe or window read.
        Assert.Equal(2, server.Requests.Where(r => r.StartsWith("msg", StringComparison.Ordinal)).Distinct().Count());
        Assert.Empty(server.FetchedAgainWithoutCause());
    }

    [Fact]
    public async Task Harvest_SpinicsDriftedMailArchiveFine_WritesMailArchiveResultAndOneDriftError()
    {
        await using var spinics = await FixtureServer.StartAsync(ChangedLayoutSite.SpinicsMarkersAndLabelsRenamed(Week), "/lists/netdev/");
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(Week);
        var alone = WeekSettings(null, mailArchive.BaseUrl);
        var (aloneCode, aloneOutput) = await _run.RunAsync(alone);
        Assert.Equal(ExitCodes.Done, aloneCode);

        var (code, output) = await _run.RunAsync(WeekSettings(spinics.BaseUrl, mailArchive.BaseUrl));

        Assert.Equal(ExitCodes.LayoutChanged, code);
        Assert.Equal(aloneOutput, output); // exactly what mail-archive gives alone: nothing of spinics' pages, no link there
        Assert.DoesNotContain("spinics", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Harvest_SpinicsDriftedWithAppendTo_Exits4AndMarksTheDraftBlockNamingTheArchive()
    {
        await using var spinics = await FixtureServer.StartAsync(ChangedLayoutSite.SpinicsMarkersAndLabelsRenamed(Week), "/lists/netdev/");
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(Week);
        var draft = Path.Combine(_run.Folder, "draft.md");
        await File.WriteAllTextAsync(draft, Draft);
        var settings = WeekSettings(spinics.BaseUrl, mailArchive.BaseUrl);
        settings.Remove("Harvester:Run:Out");
        settings["Harvester:Run:AppendTo"] = draft;

        var (code, _) = await _run.RunAsync(settings);

        Assert.Equal(ExitCodes.LayoutChanged, code);
        var text = await File.ReadAllTextAsync(draft);
        var start = text.IndexOf(DraftSplicer.StartMarker, StringComparison.Ordinal);
        Assert.True(start >= 0, text);
        var block = text[start..text.IndexOf(DraftSplicer.EndMarker, StringComparison.Ordinal)];
        // mail-archive's result is written, and the block says plainly that spinics was stopped by a layout change.
        Assert.Contains("## Patches", block, StringComparison.Ordinal);
        Assert.Contains($"]({mailArchive.BaseUrl.GetLeftPart(UriPartial.Authority)}/", block, StringComparison.Ordinal);
        Assert.DoesNotContain($"]({spinics.BaseUrl.GetLeftPart(UriPartial.Authority)}/", block, StringComparison.Ordinal);
        var note = Assert.Single(block.Split('\n'), l => l.StartsWith(IncompleteNote.Prefix, StringComparison.Ordinal));
        Assert.True(note.Contains("layout changed: Spinics", StringComparison.Ordinal), note);
        Assert.EndsWith("## Events\n\n- none\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Harvest_OnlyArchiveDriftedWithAppendTo_LeavesTheDraftByteIdentical()
    {
        await using var spinics = await FixtureServer.StartAsync(ChangedLayoutSite.SpinicsMarkersAndLabelsRenamed(Week), "/lists/netdev/");
        var draft = Path.Combine(_run.Folder, "draft.md");
        await File.WriteAllTextAsync(draft, Draft);
        var settings = WeekSettings(spinics.BaseUrl, null);
        settings.Remove("Harvester:Run:Out");
        settings["Harvester:Run:AppendTo"] = draft;

        var (code, _) = await _run.RunAsync(settings);

        Assert.Equal(ExitCodes.LayoutChanged, code);
        Assert.Equal(Draft, await File.ReadAllTextAsync(draft)); // no "no patches" block from a drifted archive
    }

    [Fact]
    public async Task Harvest_DriftInJson_OneErrorNamingArchiveFieldsAndHowToCapture()
    {
        await using var spinics = await FixtureServer.StartAsync(ChangedLayoutSite.SpinicsMarkersAndLabelsRenamed(Week), "/lists/netdev/");
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(Week);
        var settings = WeekSettings(spinics.BaseUrl, mailArchive.BaseUrl);
        settings["Harvester:Run:Format"] = "json";

        var (code, output) = await _run.RunAsync(settings);

        Assert.Equal(ExitCodes.LayoutChanged, code);
        var errors = JsonDocument.Parse(output).RootElement.GetProperty("diagnostics").EnumerateArray()
            .Where(d => d.GetProperty("level").GetString() == "error")
            .Select(d => d.GetProperty("message").GetString()!)
            .ToList();
        var error = Assert.Single(errors); // one error for the archive, not one per page
        Assert.StartsWith("Spinics: its page layout seems to have changed", error, StringComparison.Ordinal);
        Assert.Contains("message pages lack Message-ID, subject", error, StringComparison.Ordinal);
        Assert.Contains("harvester cache export DIR --archive Spinics", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Harvest_UnchangedSites_Exit0()
    {
        // The control: the same settings against the unchanged sites give the full section.
        await using var spinics = await FixtureServer.StartSpinicsAsync(Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(Week);

        var (code, output) = await _run.RunAsync(WeekSettings(spinics.BaseUrl, mailArchive.BaseUrl));

        Assert.Equal(ExitCodes.Done, code);
        Assert.Contains("## Patches", output, StringComparison.Ordinal);
    }

    private Dictionary<string, string?> WeekSettings(Uri? spinics, Uri? mailArchive)
    {
        var settings = _run.Settings(spinics, mailArchive);
        settings["Harvester:Run:From"] = "2026-11-09";
        settings["Harvester:Run:To"] = "2026-11-16";
        return settings;
    }

    public void Dispose() => _run.Dispose();
}
