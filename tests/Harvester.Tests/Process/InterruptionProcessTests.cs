using System.Diagnostics;
using Harvester.Hosting;
using Harvester.Tests.Support;

namespace Harvester.Tests.ProcessRuns;

/// <summary>
/// A run stopped mid-crawl (issue 7): by SIGKILL (no cleanup at all) or SIGTERM (<c>systemctl stop</c>). The page
/// cache keeps every page fetched whole, so the next run resumes without asking for those pages again and prints the
/// same section as an uninterrupted run.
/// </summary>
[Collection(HarvesterProcessCollection.Name)]
public sealed class InterruptionProcessTests(HarvesterBinary harvester) : IDisposable
{
    private readonly ProcessScratch _scratch = new();

    [Fact]
    public async Task Harvest_KilledMidCrawl_NextRunResumesFromTheCacheWithTheSameOutput()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(ProcessScratch.Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(ProcessScratch.Week);

        var killed = await StartSlowAndWaitAsync(spinics, mailArchive, messagePages: 15);
        killed.Kill();
        var first = await killed.WaitAsync(TimeSpan.FromSeconds(30));
        var (spinicsFirst, mailArchiveFirst) = (spinics.Requests.ToList(), mailArchive.Requests.ToList());
        var stateWritten = File.Exists(_scratch.StatePath);
        var second = await RunFastAsync(spinics, mailArchive);

        Assert.NotEqual(ExitCodes.Done, first.ExitCode);
        Assert.Equal("", first.Stdout);
        Assert.True(second.ExitCode == ExitCodes.Done, second.ToString());
        Assert.Equal(ProcessScratch.Expected(spinics, mailArchive), second.Stdout);
        AssertNoMessagePageFetchedTwice(spinicsFirst, spinics, mailArchiveFirst, mailArchive);
        Assert.False(stateWritten); // the killed run recorded nothing
    }

    [Fact]
    public async Task Harvest_Sigterm_ExitsPromptlyAndNextRunGivesTheSameOutput()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(ProcessScratch.Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(ProcessScratch.Week);

        var stopped = await StartSlowAndWaitAsync(spinics, mailArchive, messagePages: 10);
        var clock = Stopwatch.StartNew();
        stopped.Terminate();
        var first = await stopped.WaitAsync(TimeSpan.FromSeconds(30));
        var shutdown = clock.Elapsed;
        var (spinicsFirst, mailArchiveFirst) = (spinics.Requests.ToList(), mailArchive.Requests.ToList());
        var stateWritten = File.Exists(_scratch.StatePath);
        var second = await RunFastAsync(spinics, mailArchive);

        Assert.True(shutdown < TimeSpan.FromSeconds(5), $"SIGTERM took {shutdown.TotalSeconds:F1} s\n{first}");
        Assert.True(first.ExitCode == ExitCodes.Interrupted, first.ToString());
        Assert.Equal("", first.Stdout);
        Assert.Contains(first.StderrLines, line => line.Contains("Interrupted", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", first.Stderr, StringComparison.Ordinal);
        Assert.False(stateWritten); // an interrupted run is not a successful one
        Assert.True(second.ExitCode == ExitCodes.Done, second.ToString());
        Assert.Equal(ProcessScratch.Expected(spinics, mailArchive), second.Stdout);
        AssertNoMessagePageFetchedTwice(spinicsFirst, spinics, mailArchiveFirst, mailArchive);
    }

    public void Dispose() => _scratch.Dispose();

    /// <summary>
    /// Starts a run slowed to take a few seconds (30 ms per response, 20 requests a second), and returns once the
    /// servers have served <paramref name="messagePages"/> message pages.
    /// </summary>
    private async Task<HarvesterProcess> StartSlowAndWaitAsync(FixtureServer spinics, FixtureServer mailArchive, int messagePages)
    {
        spinics.Latency = mailArchive.Latency = TimeSpan.FromMilliseconds(30);
        var environment = _scratch.Environment(spinics.BaseUrl, mailArchive.BaseUrl);
        environment["Harvester__Http__RequestsPerSecond"] = "20";
        var process = harvester.Start(ProcessScratch.WeekWindow, environment);
        var deadline = Stopwatch.StartNew();
        while (spinics.MessagePageRequests + mailArchive.MessagePageRequests < messagePages)
        {
            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                var result = process.HasExited ? await process.WaitAsync(TimeSpan.FromSeconds(5)) : null;
                Assert.Fail($"the run ended or stalled before {messagePages} message pages were served: {result}");
            }

            await Task.Delay(5);
        }

        return process;
    }

    private Task<ProcessResult> RunFastAsync(FixtureServer spinics, FixtureServer mailArchive)
    {
        spinics.Latency = mailArchive.Latency = TimeSpan.Zero;
        return harvester.RunAsync(ProcessScratch.WeekWindow, _scratch.Environment(spinics.BaseUrl, mailArchive.BaseUrl));
    }

    /// <summary>
    /// No message page is asked for by both runs, but for those in flight when the first run was stopped: at most
    /// <c>MaxConcurrency</c> (2) at once (the crawl reads one page ahead), and a page reaches the cache only once its
    /// whole response was read, so the last pages the server saw may not have been stored.
    /// </summary>
    private static void AssertNoMessagePageFetchedTwice(List<string> spinicsFirst, FixtureServer spinics, List<string> mailArchiveFirst, FixtureServer mailArchive)
    {
        var repeated = new List<string>();
        foreach (var (first, server) in new[] { (spinicsFirst, spinics), (mailArchiveFirst, mailArchive) })
        {
            var firstPages = first.Where(IsMessage).ToList();
            var again = server.Requests.Skip(first.Count).Where(IsMessage).Where(firstPages.Contains).ToList();
            var inFlight = firstPages.TakeLast(2).ToList();
            Assert.True(again.Count <= 2 && again.All(inFlight.Contains), $"asked for again: {string.Join(", ", again)}; first run's last: {string.Join(", ", inFlight)}");
            repeated.AddRange(again);
        }

        Assert.True(repeated.Count <= 2, "more than two pages were in flight: " + string.Join(", ", repeated));
        Assert.True(spinicsFirst.Count(IsMessage) + mailArchiveFirst.Count(IsMessage) >= 10);
    }

    private static bool IsMessage(string page) => page.StartsWith("msg", StringComparison.Ordinal);
}
