using System.Text.RegularExpressions;
using Harvester.Hosting;
using Harvester.Tests.Support;

namespace Harvester.Tests.ProcessRuns;

/// <summary>The published program against the fixture servers: what reaches stdout, stderr, files and the exit code.</summary>
[Collection(HarvesterProcessCollectionB.Name)]
public sealed partial class HarvestProcessTests(HarvesterBinary harvester, Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private readonly ProcessScratch _scratch = new();

    [Fact]
    public void Binary_UsedByTheProcessTests_IsThePublishedSingleFile()
    {
        output.WriteLine("process tests run: " + harvester.Description);

        Assert.Equal("harvester", Path.GetFileName(harvester.FileName));
        Assert.True(File.Exists(harvester.FileName), harvester.Description);
        Assert.False(File.Exists(Path.ChangeExtension(harvester.FileName, ".dll")), "a single file has no harvester.dll beside it");
    }

    [Fact]
    public async Task Harvest_WeekOnBothArchives_PrintsExpectedSectionOnStdoutAndLogsOnStderr()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(ProcessScratch.Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(ProcessScratch.Week);

        var result = await harvester.RunAsync(ProcessScratch.WeekWindow, _scratch.Environment(spinics.BaseUrl, mailArchive.BaseUrl));

        Assert.True(result.ExitCode == ExitCodes.Done, harvester.Description + "\n" + result);
        Assert.Equal(ProcessScratch.Expected(spinics, mailArchive), result.Stdout);
        Assert.DoesNotContain(result.Stdout.Split('\n'), line => LogLine().IsMatch(line));
        Assert.All(result.StderrLines, line => Assert.Matches(LogLine(), line));
        Assert.Contains(result.StderrLines, line => line.Contains("Crawling Spinics for 2026-11-09 00:00:00Z .. 2026-11-16 00:00:00Z", StringComparison.Ordinal));
        Assert.InRange(result.StderrLines.Count, 3, 24); // one screen at the default level

        // The summary: 11 series listed in expected.md; every request the servers saw (robots.txt included); no failure.
        // A fresh cache: every page comes from the network, none from the cache.
        var summary = Assert.Single(result.StderrLines, line => line.Contains("Harvested ", StringComparison.Ordinal));
        var match = Summary().Match(summary);
        Assert.True(match.Success, summary);
        Assert.Equal("11", match.Groups["relevant"].Value);
        Assert.Equal((spinics.Requests.Count + mailArchive.Requests.Count).ToString(System.Globalization.CultureInfo.InvariantCulture), match.Groups["requests"].Value);
        Assert.Equal("0", match.Groups["hits"].Value);
        Assert.Empty(spinics.FetchedAgainWithoutCause()); // each page read once (a retry after a timeout aside)
        Assert.Empty(mailArchive.FetchedAgainWithoutCause());
        Assert.Equal("0", match.Groups["errors"].Value);
    }

    [Fact]
    public async Task Harvest_Verbose_LogsEveryRequestOnStderrAndKeepsStdoutClean()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(ProcessScratch.Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(ProcessScratch.Week);

        var result = await harvester.RunAsync([.. ProcessScratch.WeekWindow, "--verbose"], _scratch.Environment(spinics.BaseUrl, mailArchive.BaseUrl));

        Assert.True(result.ExitCode == ExitCodes.Done, result.ToString());
        Assert.Equal(ProcessScratch.Expected(spinics, mailArchive), result.Stdout);
        Assert.All(result.StderrLines, line => Assert.Matches(LogLine(), line));
        var gets = result.StderrLines.Count(line => line.Contains("DBG] GET ", StringComparison.Ordinal));
        Assert.Equal(spinics.Requests.Count + mailArchive.Requests.Count, gets);
    }

    [Fact]
    public async Task Harvest_OutFile_WritesTheSectionThereAtomicallyAndNothingToStdout()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(ProcessScratch.Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(ProcessScratch.Week);
        var output = _scratch.File(Path.Combine("issues", "patches.md"));

        var result = await harvester.RunAsync([.. ProcessScratch.WeekWindow, "--out", output], _scratch.Environment(spinics.BaseUrl, mailArchive.BaseUrl));

        Assert.True(result.ExitCode == ExitCodes.Done, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.Equal(ProcessScratch.Expected(spinics, mailArchive), await File.ReadAllTextAsync(output));
        Assert.Equal(["patches.md"], Directory.GetFiles(Path.GetDirectoryName(output)!).Select(Path.GetFileName)); // no .tmp left
    }

    [Fact]
    public async Task Harvest_AppendToDraft_ReplacesOnlyThePatchesSectionAndIsRepeatable()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(ProcessScratch.Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(ProcessScratch.Week);
        var draft = _scratch.File("draft.md");
        const string Before = "# BPF newsletter, week 46\n\n## Intro\n\nHello from Zdeňka — café ☕, trailing spaces   \n\n";
        const string After = "## Events\n\n- LPC 2026, Tokyo\n\n<!-- editor's note: keep -->\n";
        await File.WriteAllTextAsync(draft, Before + "## Patches\n\n(to be filled in)\n\n" + After);
        var expected = Before + DraftSplicer.StartMarker + "\n" + ProcessScratch.Expected(spinics, mailArchive).TrimEnd('\n') + "\n"
            + DraftSplicer.EndMarker + "\n\n" + After;

        var first = await harvester.RunAsync([.. ProcessScratch.WeekWindow, "--append-to", draft], _scratch.Environment(spinics.BaseUrl, mailArchive.BaseUrl));
        var once = await File.ReadAllBytesAsync(draft);
        var second = await harvester.RunAsync([.. ProcessScratch.WeekWindow, "--append-to", draft], _scratch.Environment(spinics.BaseUrl, mailArchive.BaseUrl));

        Assert.True(first.ExitCode == ExitCodes.Done, first.ToString());
        Assert.True(second.ExitCode == ExitCodes.Done, second.ToString());
        Assert.Equal("", first.Stdout + second.Stdout);
        Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(once));
        Assert.Equal(once, await File.ReadAllBytesAsync(draft));
        Assert.DoesNotContain(Directory.GetFiles(_scratch.Folder), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Harvest_MailArchiveDead_Exits3WithSpinicsResultsOnStdout()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(ProcessScratch.Week);
        var dead = FixtureServer.DeadBaseUrl("/netdev@vger.kernel.org/");

        var result = await harvester.RunAsync(ProcessScratch.WeekWindow, _scratch.Environment(spinics.BaseUrl, dead));

        Assert.True(result.ExitCode == ExitCodes.PartialFailure, result.ToString());
        Assert.Equal(ProcessScratch.Expected(spinics, null).Replace(MailArchiveOnlyLine, "", StringComparison.Ordinal), result.Stdout);
        Assert.Contains(result.StderrLines, line => line.Contains(dead.Authority, StringComparison.Ordinal)); // names the dead archive
    }

    [Fact]
    public async Task Harvest_OfflineWithEmptyCache_SendsNoRequestAndExits1WithAClearMessage()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(ProcessScratch.Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(ProcessScratch.Week);

        var result = await harvester.RunAsync([.. ProcessScratch.WeekWindow, "--offline"], _scratch.Environment(spinics.BaseUrl, mailArchive.BaseUrl));

        // Every archive's first index page is missing from the cache, so every archive fails whole: nothing harvested.
        Assert.True(result.ExitCode == ExitCodes.NothingHarvested, result.ToString());
        Assert.Empty(spinics.Requests);
        Assert.Empty(mailArchive.Requests);
        Assert.Equal("", result.Stdout);
        // A short line first, then each page that could not be read on a line of its own.
        var lines = result.StderrLines.ToList();
        var first = lines.FindIndex(line => line.Contains("] Nothing could be harvested: 2 pages could not be read; nothing was written", StringComparison.Ordinal));
        Assert.True(first >= 0, result.ToString());
        Assert.Contains(spinics.BaseUrl.AbsoluteUri + "maillist.html: index page not read: NotCached: not in the cache (--offline)", lines[first + 1], StringComparison.Ordinal);
        Assert.Contains(mailArchive.BaseUrl.AbsoluteUri + "maillist.html: index page not read: NotCached: not in the cache (--offline)", lines[first + 2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Harvest_Explain_LogsEverySeriesVerdictWithItsReasons()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(ProcessScratch.Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(ProcessScratch.Week);

        var result = await harvester.RunAsync([.. ProcessScratch.WeekWindow, "--explain"], _scratch.Environment(spinics.BaseUrl, mailArchive.BaseUrl));

        Assert.True(result.ExitCode == ExitCodes.Done, result.ToString());
        Assert.Equal(ProcessScratch.Expected(spinics, mailArchive), result.Stdout);
        var verdicts = result.StderrLines.Where(l => l.Contains("Explain: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(11, verdicts.Count(l => l.Contains("Explain: kept ", StringComparison.Ordinal)));
        Assert.Contains(verdicts, l => l.Contains("Explain: dropped ", StringComparison.Ordinal));
        Assert.DoesNotContain(verdicts, l => l.TrimEnd().EndsWith(':'));
        // The checksum series is in only for part 2's diffstat; the TCP fix is out though its Cc line says bpf.
        Assert.Contains(verdicts, l => l.Contains("kept [PATCH net-next 0/3] net: skb: consolidate checksum", StringComparison.Ordinal) && l.Contains("diffstat: net/core/filter.c", StringComparison.Ordinal));
        Assert.Contains(verdicts, l => l.Contains("dropped [PATCH net] tcp: restore cwnd correctly", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Harvest_All_ListsDroppedSeriesMarkedAsSuch()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(ProcessScratch.Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(ProcessScratch.Week);

        var result = await harvester.RunAsync([.. ProcessScratch.WeekWindow, "--all"], _scratch.Environment(spinics.BaseUrl, mailArchive.BaseUrl));

        Assert.True(result.ExitCode == ExitCodes.Done, result.ToString());
        var topLines = result.Stdout.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();
        var expectedTop = ProcessScratch.Expected(spinics, mailArchive).Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();
        Assert.All(expectedTop, line => Assert.Contains(line, topLines));
        var dropped = topLines.Where(l => l.EndsWith(" (not BPF/XDP)", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(dropped);
        Assert.Equal(topLines.Count, expectedTop.Count + dropped.Count);
    }

    [Fact]
    public async Task Harvest_Draft_PrintsAnIssueSkeletonAroundTheSection()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(ProcessScratch.Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(ProcessScratch.Week);
        var environment = new Dictionary<string, string>(_scratch.Environment(spinics.BaseUrl, mailArchive.BaseUrl))
        {
            ["Harvester__Output__Draft__IssueNumber"] = "46",
        };

        var result = await harvester.RunAsync([.. ProcessScratch.WeekWindow, "--draft"], environment);

        Assert.True(result.ExitCode == ExitCodes.Done, result.ToString());
        Assert.StartsWith("---\npath: '/blog/2026/11/16/bpf-updates-46'\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("title: 'BPF updates 46'", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(ProcessScratch.Expected(spinics, mailArchive), result.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("Happy eBPF hacking!\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Harvest_IndexIsNotAnArchivePage_Exits1NamingThePage()
    {
        await using var server = await FixtureServer.StartAsync(new NginxWelcome(), "/lists/netdev/");

        var result = await harvester.RunAsync(ProcessScratch.WeekWindow, _scratch.Environment(server.BaseUrl, null));

        Assert.True(result.ExitCode == ExitCodes.NothingHarvested, result.ToString());
        Assert.Equal("", result.Stdout);
        var lines = result.StderrLines.ToList();
        var first = lines.FindIndex(l => l.Contains("] Nothing could be harvested", StringComparison.Ordinal));
        Assert.True(first >= 0, result.ToString());
        Assert.Contains(server.BaseUrl.AbsoluteUri + "maillist.html: not an archive index page", lines[first + 1], StringComparison.Ordinal);
    }

    public void Dispose() => _scratch.Dispose();

    private sealed class NginxWelcome : IFixtureSite
    {
        public string? Render(string fileName) => "<!DOCTYPE html><html><head><title>Welcome to nginx!</title></head><body><h1>Welcome to nginx!</h1></body></html>";
    }

    /// <summary>The one listed message only mail-archive holds (expected.md; absent when mail-archive is down).</summary>
    private const string MailArchiveOnlyLine =
        "- Tomasz Wierzbicki, [[PATCH net] xsk: Fix use-after-free when unbinding a busy socket](https://www.mail-archive.com/netdev@vger.kernel.org/msg300037.html)\n";

    /// <summary>Serilog's console template outside systemd (HarvesterHost.ConfigureLogging).</summary>
    [GeneratedRegex(@"^\[\d\d:\d\d:\d\d (VRB|DBG|INF|WRN|ERR|FTL)\] ")]
    private static partial Regex LogLine();

    [GeneratedRegex(@"Harvested (?<series>\d+) series \((?<relevant>\d+) listed relevant\) from (?<messages>\d+) messages; (?<requests>\d+) pages downloaded, (?<hits>\d+) taken from the cache, \d+ links found in the index without downloading the page, (?<errors>\d+) pages failed")]
    private static partial Regex Summary();
}
