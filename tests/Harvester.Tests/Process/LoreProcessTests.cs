using Harvester.Hosting;
using Harvester.Tests.Support;

namespace Harvester.Tests.ProcessRuns;

/// <summary>The published program with lore configured: what stderr says when lore fails, and that stdout does not change.</summary>
[Collection(HarvesterProcessCollectionB.Name)]
public sealed class LoreProcessTests(HarvesterBinary harvester) : IDisposable
{
    private readonly ProcessScratch _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task Harvest_LoreDown_SameSectionOnStdout_StderrSaysWhyAndWhatStandsIn()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(ProcessScratch.Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(ProcessScratch.Week);
        var environment = _scratch.Environment(spinics.BaseUrl, mailArchive.BaseUrl);
        environment["Harvester__Archives__LoreNetdev__BaseUrl"] = FixtureServer.DeadBaseUrl("/netdev/").AbsoluteUri;
        environment["Harvester__Archives__LoreNetdev__Enabled"] = "True";

        var result = await harvester.RunAsync(ProcessScratch.WeekWindow, environment);

        Assert.True(result.ExitCode == ExitCodes.Done, harvester.Description + "\n" + result);
        Assert.Equal(ProcessScratch.Expected(spinics, mailArchive), result.Stdout);
        var line = Assert.Single(result.StderrLines, l => l.Contains("LoreNetdev: lore not read (", StringComparison.Ordinal));
        Assert.Contains("the HTML archives of its list fetch the message pages instead", line, StringComparison.Ordinal);
    }
}
