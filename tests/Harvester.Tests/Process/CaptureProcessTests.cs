using System.Text.RegularExpressions;
using Harvester.Hosting;
using Harvester.Tests.Support;

namespace Harvester.Tests.ProcessRuns;

/// <summary>
/// <c>harvester cache export</c> as the program (issue 16): a harvest's cache exported to a folder that, read as
/// <c>file://</c> mirrors with the BaseUrl lines the command prints, gives the harvest's output again.
/// </summary>
[Collection(HarvesterProcessCollection.Name)]
public sealed partial class CaptureProcessTests(HarvesterBinary harvester) : IDisposable
{
    private readonly ProcessScratch _scratch = new();

    [Fact]
    public async Task CacheExport_OfAHarvest_IsAMirrorGivingTheSameOutput()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(ProcessScratch.Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(ProcessScratch.Week);
        var environment = _scratch.Environment(spinics.BaseUrl, mailArchive.BaseUrl);
        var original = await harvester.RunAsync(ProcessScratch.WeekWindow, environment);
        Assert.True(original.ExitCode == ExitCodes.Done, original.ToString());

        var mirror = _scratch.File("capture");
        var export = await harvester.RunAsync(["cache", "export", mirror], environment);

        Assert.True(export.ExitCode == ExitCodes.Done, export.ToString());
        Assert.StartsWith("exported ", export.Stdout, StringComparison.Ordinal);
        var bases = BaseUrlLine().Matches(export.Stdout).ToDictionary(m => m.Groups["archive"].Value, m => m.Groups["url"].Value);
        Assert.Equal(["MailArchive", "Spinics"], bases.Keys.Order());
        Assert.True(File.Exists(new Uri(new Uri(bases["Spinics"]), "maillist.html").LocalPath));

        var fromMirror = new Dictionary<string, string>(environment)
        {
            ["Harvester__Archives__Spinics__BaseUrl"] = bases["Spinics"],
            ["Harvester__Archives__MailArchive__BaseUrl"] = bases["MailArchive"],
            ["Harvester__Cache__Path"] = _scratch.File("fresh.db"),
        };
        var again = await harvester.RunAsync(ProcessScratch.WeekWindow, fromMirror);

        Assert.True(again.ExitCode == ExitCodes.Done, again.ToString());
        Assert.Equal(
            original.Stdout,
            again.Stdout.Replace(bases["Spinics"], spinics.BaseUrl.AbsoluteUri, StringComparison.Ordinal)
                .Replace(bases["MailArchive"], mailArchive.BaseUrl.AbsoluteUri, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CacheExport_OneArchiveAndAFetchDay_WritesOnlyItsPages()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(ProcessScratch.Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(ProcessScratch.Week);
        var environment = _scratch.Environment(spinics.BaseUrl, mailArchive.BaseUrl);
        Assert.Equal(ExitCodes.Done, (await harvester.RunAsync(ProcessScratch.WeekWindow, environment)).ExitCode);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var spinicsOnly = await harvester.RunAsync(["cache", "export", _scratch.File("a"), "--archive", "spinics", "--from", today, "--to", tomorrow], environment);
        var before = await harvester.RunAsync(["cache", "export", _scratch.File("b"), "--to", today], environment);

        Assert.True(spinicsOnly.ExitCode == ExitCodes.Done, spinicsOnly.ToString());
        Assert.Single(Directory.GetDirectories(_scratch.File("a"))); // one host folder: spinics' server
        Assert.Contains("Spinics: ", spinicsOnly.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("MailArchive", spinicsOnly.Stdout, StringComparison.Ordinal);
        Assert.True(before.ExitCode == ExitCodes.Done, before.ToString());
        Assert.StartsWith("exported 0 cached pages", before.Stdout, StringComparison.Ordinal); // nothing was fetched before today
    }

    [Theory]
    [InlineData("--archive", "Gopher")]
    [InlineData("--from", "last tuesday")]
    public async Task CacheExport_BadArchiveOrDate_Exits2(string flag, string value)
    {
        var environment = _scratch.Environment(new Uri("http://127.0.0.1:9/lists/netdev/"), new Uri("http://127.0.0.1:9/netdev@vger.kernel.org/"));
        var result = await harvester.RunAsync(["cache", "export", _scratch.File("x"), flag, value], environment);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains(value, result.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _scratch.Dispose();

    [GeneratedRegex(@"^(?<archive>\w+): \d+ pages; read them with Harvester__Archives__\w+__BaseUrl=(?<url>\S+)$", RegexOptions.Multiline)]
    private static partial Regex BaseUrlLine();
}
