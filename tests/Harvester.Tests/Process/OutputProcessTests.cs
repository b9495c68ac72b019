using System.Diagnostics;
using Harvester.Hosting;
using Harvester.Tests.Support;

namespace Harvester.Tests.ProcessRuns;

/// <summary>
/// What reaches the output when things go wrong (issue 11): unwritable outputs are refused before any request; a run
/// that read nothing writes nothing; a partial run marks the draft; a write that fails at the end names the file.
/// </summary>
[Collection(HarvesterProcessCollectionB.Name)]
public sealed class OutputProcessTests(HarvesterBinary harvester) : IDisposable
{
    private const string Draft = "# BPF newsletter\n\n## Patches\n\n(to be filled in)\n\n## Events\n\n- none\n";
    private readonly ProcessScratch _scratch = new();

    [Theory]
    [InlineData("--append-to", "FOLDER", "is a folder")]
    [InlineData("--out", "FOLDER", "is a folder")]
    [InlineData("--out", "/proc/harvester-test.md", "cannot be written")]
    [InlineData("--append-to", "UNDER-A-FILE", "is a file, not a folder")]
    public async Task Harvest_UnwritableOutput_Exits2BeforeAnyRequest(string flag, string path, string problem)
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(ProcessScratch.Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(ProcessScratch.Week);
        Directory.CreateDirectory(_scratch.File("folder"));
        await File.WriteAllTextAsync(_scratch.File("plain"), "x");
        var target = path switch { "FOLDER" => _scratch.File("folder"), "UNDER-A-FILE" => Path.Combine(_scratch.File("plain"), "draft.md"), _ => path };

        var result = await harvester.RunAsync([.. ProcessScratch.WeekWindow, flag, target], _scratch.Environment(spinics.BaseUrl, mailArchive.BaseUrl));

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        var line = Assert.Single(result.StderrLines);
        Assert.Contains($"{flag} {target}", line, StringComparison.Ordinal);
        Assert.Contains(problem, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(spinics.Requests);
        Assert.Empty(mailArchive.Requests);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Harvest_OfflineOnAnEmptyCacheWithAppendTo_Exits1AndLeavesTheDraftByteIdentical()
    {
        var draft = _scratch.File("draft.md");
        await File.WriteAllTextAsync(draft, Draft);
        var before = await File.ReadAllBytesAsync(draft);
        await File.WriteAllTextAsync(_scratch.StatePath, "{\"lastWindowEnd\":\"2026-11-09T00:00:00Z\"}\n");
        var environment = _scratch.Environment(new Uri("http://127.0.0.1:9/lists/netdev/"), new Uri("http://127.0.0.1:9/netdev@vger.kernel.org/"));

        var result = await harvester.RunAsync(["--since-last-run", "--to", "2026-11-16", "--offline", "--append-to", draft], environment);

        Assert.True(result.ExitCode == ExitCodes.NothingHarvested, result.ToString());
        Assert.Equal(before, await File.ReadAllBytesAsync(draft));
        Assert.Equal("", result.Stdout);
        Assert.DoesNotContain("No BPF/XDP patches", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("{\"lastWindowEnd\":\"2026-11-09T00:00:00Z\"}\n", await File.ReadAllTextAsync(_scratch.StatePath));
        Assert.Equal(["draft.md", "pages.db", "state.json"], Directory.GetFiles(_scratch.Folder).Select(Path.GetFileName).Where(f => !f!.StartsWith("pages.db-", StringComparison.Ordinal)).Order());
        // The short line comes first; the pages that failed follow it.
        var summary = result.StderrLines.ToList().FindIndex(l => l.Contains("] Nothing could be harvested", StringComparison.Ordinal));
        Assert.True(summary >= 0, result.ToString());
        Assert.True(result.StderrLines[summary].Length < 120, result.StderrLines[summary]);
        Assert.Contains("not in the cache", result.StderrLines[summary + 1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Harvest_OneArchiveDownWithAppendTo_Exits3AndMarksTheBlockNamingWhatIsMissing()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(ProcessScratch.Week);
        var draft = _scratch.File("draft.md");
        await File.WriteAllTextAsync(draft, Draft);
        var environment = _scratch.Environment(spinics.BaseUrl, FixtureServer.DeadBaseUrl("/netdev@vger.kernel.org/"));

        var result = await harvester.RunAsync([.. ProcessScratch.WeekWindow, "--append-to", draft], environment);

        Assert.True(result.ExitCode == ExitCodes.PartialFailure, result.ToString());
        var text = await File.ReadAllTextAsync(draft);
        var block = text[text.IndexOf(DraftSplicer.StartMarker, StringComparison.Ordinal)..text.IndexOf(DraftSplicer.EndMarker, StringComparison.Ordinal)];
        var note = Assert.Single(block.Split('\n'), l => l.StartsWith(IncompleteNote.Prefix, StringComparison.Ordinal));
        Assert.Contains("not read: MailArchive", note, StringComparison.Ordinal);
        Assert.Contains("maillist.html", note, StringComparison.Ordinal);
        Assert.EndsWith("-->", note, StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(note, "--")); // only the comment's own "<!--" and "-->"
        Assert.Contains("## Patches", block, StringComparison.Ordinal);
        Assert.EndsWith("## Events\n\n- none\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Harvest_WholeRun_HasNoIncompleteNote()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(ProcessScratch.Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(ProcessScratch.Week);
        var draft = _scratch.File("draft.md");
        await File.WriteAllTextAsync(draft, Draft);

        var result = await harvester.RunAsync([.. ProcessScratch.WeekWindow, "--append-to", draft], _scratch.Environment(spinics.BaseUrl, mailArchive.BaseUrl));

        Assert.True(result.ExitCode == ExitCodes.Done, result.ToString());
        Assert.DoesNotContain(IncompleteNote.Prefix, await File.ReadAllTextAsync(draft), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Harvest_OutputFolderReplacedByAFileDuringTheRun_Exits1NamingTheFileAndKeepsTheCache()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(ProcessScratch.Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(ProcessScratch.Week);
        spinics.Latency = mailArchive.Latency = TimeSpan.FromMilliseconds(20);
        var folder = _scratch.File("issues");
        Directory.CreateDirectory(folder);
        var output = Path.Combine(folder, "patches.md");
        var environment = _scratch.Environment(spinics.BaseUrl, mailArchive.BaseUrl);

        var process = harvester.Start([.. ProcessScratch.WeekWindow, "--out", output], environment);
        var clock = Stopwatch.StartNew();
        while (spinics.MessagePageRequests < 3 && clock.Elapsed < TimeSpan.FromSeconds(30) && !process.HasExited)
        {
            await Task.Delay(5);
        }

        Directory.Delete(folder); // the disk "fills": the folder the output goes to is now a file
        await File.WriteAllTextAsync(folder, "in the way");
        var result = await process.WaitAsync(TimeSpan.FromSeconds(60));
        var offline = await harvester.RunAsync([.. ProcessScratch.WeekWindow, "--offline"], environment);

        Assert.True(result.ExitCode == ExitCodes.NothingHarvested, result.ToString());
        var line = Assert.Single(result.StderrLines, l => l.Contains("Could not write", StringComparison.Ordinal));
        Assert.Contains(output, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.True(offline.ExitCode == ExitCodes.Done, offline.ToString()); // the cache kept every page
        Assert.Equal(ProcessScratch.Expected(spinics, mailArchive), offline.Stdout);
    }

    public void Dispose() => _scratch.Dispose();
}
