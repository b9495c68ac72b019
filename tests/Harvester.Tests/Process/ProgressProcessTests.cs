using System.Globalization;
using System.Text.RegularExpressions;
using Harvester.Hosting;
using Harvester.Tests.Support;

namespace Harvester.Tests.ProcessRuns;

/// <summary>
/// Progress while crawling (issue 11, Hosting/Progress): on a stderr that is not a terminal, a short line at most every
/// <c>Harvester:Progress:IntervalSeconds</c>, with pages read of pages expected and the time left; nothing with <c>-q</c>.
/// </summary>
[Collection(HarvesterProcessCollection.Name)]
public sealed partial class ProgressProcessTests(HarvesterBinary harvester) : IDisposable
{
    private readonly ProcessScratch _scratch = new();

    [Fact]
    public async Task Harvest_SlowRunOnANonTerminal_WritesProgressLinesWithPagesExpectedAndTimeLeft()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(ProcessScratch.Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(ProcessScratch.Week);
        var environment = _scratch.Environment(spinics.BaseUrl, mailArchive.BaseUrl);
        environment["Harvester__Progress__IntervalSeconds"] = "1";

        var first = await harvester.RunAsync(ProcessScratch.WeekWindow, environment); // a whole crawl: the pace for the next
        SlowDown(spinics, mailArchive, environment);
        var slow = await harvester.RunAsync([.. ProcessScratch.WeekWindow, "--refresh"], environment);
        var quiet = await harvester.RunAsync([.. ProcessScratch.WeekWindow, "--refresh", "-q"], environment);

        Assert.True(first.ExitCode == ExitCodes.Done, first.ToString());
        Assert.True(slow.ExitCode == ExitCodes.Done, slow.ToString());
        var lines = slow.StderrLines.Where(l => l.Contains("] Progress: ", StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count >= 2, slow.ToString());
        Assert.Contains(lines, l => Expected().IsMatch(l));
        // At most one line a second per archive (they are crawled one after the other): no more lines than seconds.
        Assert.True(lines.Count <= slow.Elapsed.TotalSeconds + 1, $"{lines.Count} lines in {slow.Elapsed.TotalSeconds:F1} s");
        Assert.All(lines, l => Assert.True(l.Length < 160, l));
        Assert.Equal(slow.Stdout, first.Stdout);
        Assert.True(quiet.ExitCode == ExitCodes.Done, quiet.ToString());
        Assert.True(quiet.Elapsed > TimeSpan.FromSeconds(2), quiet.Elapsed.ToString()); // slow enough for lines to be due
        Assert.DoesNotContain("Progress", quiet.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Harvest_FirstRunWithoutPace_SaysPagesReadAndThatThereIsNoEstimateYet()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(ProcessScratch.Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(ProcessScratch.Week);
        var environment = _scratch.Environment(spinics.BaseUrl, mailArchive.BaseUrl);
        environment["Harvester__Progress__IntervalSeconds"] = "1";
        SlowDown(spinics, mailArchive, environment);

        var result = await harvester.RunAsync(ProcessScratch.WeekWindow, environment);

        Assert.True(result.ExitCode == ExitCodes.Done, result.ToString());
        Assert.Contains(result.StderrLines, l => Regex.IsMatch(l, @"\] Progress: Spinics: \d+ pages read in \d+ s \(no estimate of the total before a first whole run\)$"));
        Assert.True(File.Exists(_scratch.File("pace.json"))); // the next run has an estimate
    }

    [Fact]
    public async Task Harvest_OnATerminal_ShowsTheLiveDisplayOnStderrAndKeepsStdoutTheSection()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(ProcessScratch.Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(ProcessScratch.Week);
        var environment = _scratch.Environment(spinics.BaseUrl, mailArchive.BaseUrl);
        SlowDown(spinics, mailArchive, environment);
        var output = _scratch.File("out.md");

        // script(1) gives the program a terminal (stdin, stdout and stderr are the pty), as an editor's shell would.
        var command = $"{harvester.PublishedFile} {string.Join(' ', ProcessScratch.WeekWindow)} --out {output}";
        var result = await harvester.Start(["-qec", command, "/dev/null"], environment, fileName: "script").WaitAsync(TimeSpan.FromSeconds(90));

        Assert.True(result.ExitCode == ExitCodes.Done, result.ToString());
        Assert.Contains("\u001b[?25l", result.Stdout, StringComparison.Ordinal); // the live display hides the cursor while it draws
        Assert.Matches(@"Spinics\s.*\d+ pages", result.Stdout);
        Assert.Matches(@"MailArchive\s.*\d+ pages", result.Stdout);
        Assert.DoesNotContain("Progress: ", result.Stdout, StringComparison.Ordinal); // not the line form
        Assert.Equal(ProcessScratch.Expected(spinics, mailArchive), await File.ReadAllTextAsync(output));
    }

    public void Dispose() => _scratch.Dispose();

    /// <summary>
    /// A run slow enough for progress to be due (12 requests/s, 40 ms a page), at the process tests' 10 s attempt
    /// timeout (<see cref="ProcessScratch.Environment"/>).
    /// </summary>
    private static void SlowDown(FixtureServer spinics, FixtureServer mailArchive, Dictionary<string, string> environment)
    {
        spinics.Latency = mailArchive.Latency = TimeSpan.FromMilliseconds(40);
        environment["Harvester__Http__RequestsPerSecond"] = "12";
    }

    [GeneratedRegex(@"\] Progress: (Spinics|MailArchive): \d+ of about \d+ pages read, (about \d+ s left|time left not known yet)$")]
    private static partial Regex Expected();
}
