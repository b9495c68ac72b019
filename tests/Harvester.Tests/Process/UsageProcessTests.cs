using Harvester.Hosting;
using Harvester.Tests.Support;

namespace Harvester.Tests.ProcessRuns;

/// <summary>Bad flags and settings end the program with exit 2 and a short message, never a stack trace.</summary>
[Collection(HarvesterProcessCollectionB.Name)]
public sealed partial class UsageProcessTests(HarvesterBinary harvester) : IDisposable
{
    /// <summary>Every option the command line defines (Hosting/CommandLine.cs), as --help must list them.</summary>
    private static readonly string[] Options =
    [
        "--from", "--to", "--days", "--format", "--out", "--append-to", "--config", "--all", "--explain", "--offline", "--refresh",
        "--draft", "--issue", "--since-last-run", "--verbose", "-v", "--quiet", "-q", "--help", "--version",
    ];

    private readonly ProcessScratch _scratch = new();

    [Fact]
    public async Task Harvest_UnknownArchiveKindFromEnvironment_Exits2WithOneLineNamingTheSetting()
    {
        var environment = _scratch.Environment(new Uri("http://127.0.0.1:9/lists/netdev/"), null);
        environment["Harvester__Archives__Spinics__Kind"] = "gopher";

        var result = await harvester.RunAsync(ProcessScratch.WeekWindow, environment);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        var line = Assert.Single(result.StderrLines);
        Assert.Contains("Harvester:Archives:Spinics:Kind", line, StringComparison.Ordinal);
        Assert.Contains("gopher", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Theory]
    [InlineData("Harvester__Http__MaxConcurrency", "abc", "Harvester:Http:MaxConcurrency")]
    [InlineData("Harvester__Http__RequestsPerSecond", "0", "RequestsPerSecond")]
    [InlineData("Harvester__Cache__Path", "/proc/no-such-dir/pages.db", "Harvester:Cache:Path")]
    [InlineData("Harvester__Archives__MailArchive__BaseUrl", "ftp://example.org/", "Harvester:Archives:MailArchive:BaseUrl")]
    public async Task Harvest_BadSetting_Exits2WithOneLineAndNoStackTrace(string variable, string value, string named)
    {
        var environment = _scratch.Environment(new Uri("http://127.0.0.1:9/lists/netdev/"), null);
        environment[variable] = value;

        var result = await harvester.RunAsync(ProcessScratch.WeekWindow, environment);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains(result.StderrLines, line => line.Contains(named, StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Harvest_WindowEndsBeforeItStarts_Exits2WithOneLine()
    {
        var result = await harvester.RunAsync(["--from", "2026-11-16", "--to", "2026-11-09"], _scratch.Environment(new Uri("http://127.0.0.1:9/lists/netdev/"), null));

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        var line = Assert.Single(result.StderrLines);
        Assert.Contains("before it starts", line, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Harvest_UnknownFlag_Exits2WithUsage()
    {
        var result = await harvester.RunAsync(["--bogus"], _scratch.Environment(null, null));

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains("--bogus", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(result.StderrLines, line => line.StartsWith("Usage: harvester", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Harvest_FromIsNotADate_Exits2NamingTheFlag()
    {
        var environment = _scratch.Environment(new Uri("http://127.0.0.1:9/lists/netdev/"), null);

        var result = await harvester.RunAsync(["--from", "yesterday"], environment);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        var line = Assert.Single(result.StderrLines);
        Assert.Contains("--from 'yesterday' is not a date", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Harvest_Help_Exits0AndListsEveryOption()
    {
        var result = await harvester.RunAsync(["--help"], _scratch.Environment(null, null));

        Assert.True(result.ExitCode == ExitCodes.Done, result.ToString());
        Assert.All(Options, option => Assert.Matches(@"(^|[\s,])" + System.Text.RegularExpressions.Regex.Escape(option) + @"([\s,<]|$)", result.Stdout));
        Assert.Contains("cache", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Exit codes", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cache_StatsAndPrune_CountThePagesOfARunAndRemoveThem()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(ProcessScratch.Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(ProcessScratch.Week);
        var environment = _scratch.Environment(spinics.BaseUrl, mailArchive.BaseUrl);
        var run = await harvester.RunAsync(ProcessScratch.WeekWindow, environment);
        Assert.True(run.ExitCode == ExitCodes.Done, run.ToString());

        // Every page asked for is cached once (200 and 404 alike), keyed by URL, so per kind the count is the number
        // of distinct pages of that kind the two servers saw; robots.txt is read afresh each run, never cached.
        var requested = spinics.Requests.Select(r => ("s", r)).Concat(mailArchive.Requests.Select(r => ("m", r))).Distinct().ToList();
        var messages = requested.Count(r => r.r.StartsWith("msg", StringComparison.Ordinal));
        var robots = requested.Count(r => r.r == "robots.txt");
        var index = requested.Count - messages - robots;

        var stats = await harvester.RunAsync(["cache", "stats"], environment);
        var pruned = await harvester.RunAsync(["cache", "prune", "--older-than", "0min"], environment);
        var after = await harvester.RunAsync(["cache", "stats"], environment);

        Assert.True(stats.ExitCode == ExitCodes.Done, stats.ToString());
        Assert.Contains($"message pages: {messages}\n", stats.Stdout, StringComparison.Ordinal);
        Assert.Contains($"index pages: {index}\n", stats.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("robots", stats.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, robots);
        Assert.Contains(_scratch.CachePath, stats.Stdout, StringComparison.Ordinal);
        Assert.True(pruned.ExitCode == ExitCodes.Done, pruned.ToString());
        Assert.StartsWith($"removed {messages + index} pages", pruned.Stdout, StringComparison.Ordinal);
        Assert.True(after.ExitCode == ExitCodes.Done, after.ToString());
        Assert.Contains("message pages: 0\n", after.Stdout, StringComparison.Ordinal);
        Assert.Contains("index pages: 0\n", after.Stdout, StringComparison.Ordinal);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Matches($"oldest page: ({today}|{DateTime.UtcNow.AddMinutes(-5):yyyy-MM-dd}) \\d\\d:\\d\\d:\\d\\dZ\n", stats.Stdout);
        Assert.Matches(@"newest page: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\n", stats.Stdout);
        Assert.Contains($"state window: none yet ({_scratch.StatePath})\n", stats.Stdout, StringComparison.Ordinal);
        Assert.Contains("oldest page: none\n", after.Stdout, StringComparison.Ordinal);
        // VACUUM: the file shrinks to what an empty cache takes.
        var sizes = FileSizes().Match(pruned.Stdout);
        Assert.True(sizes.Success, pruned.Stdout);
        Assert.True(long.Parse(sizes.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) < long.Parse(sizes.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) / 2, pruned.Stdout);
    }

    [Fact]
    public async Task CacheStats_AfterALoopRun_ShowsTheStatesWindow()
    {
        await File.WriteAllTextAsync(_scratch.StatePath, "{\"lastWindowStart\":\"2026-11-09T00:00:00Z\",\"lastWindowEnd\":\"2026-11-16T00:00:00Z\"}\n");

        var stats = await harvester.RunAsync(["cache", "stats"], _scratch.Environment(new Uri("http://127.0.0.1:9/lists/netdev/"), null));

        Assert.True(stats.ExitCode == ExitCodes.Done, stats.ToString());
        Assert.Contains($"state window: 2026-11-09 00:00:00Z .. 2026-11-16 00:00:00Z ({_scratch.StatePath})\n", stats.Stdout, StringComparison.Ordinal);
        Assert.Contains("message pages: 0\n", stats.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CachePrune_AmbiguousUnitM_Exits2NamingTheFlag()
    {
        var result = await harvester.RunAsync(["cache", "prune", "--older-than", "1m"], _scratch.Environment(null, null));

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        var line = Assert.Single(result.StderrLines);
        Assert.Contains("--older-than", line, StringComparison.Ordinal);
        Assert.Contains("ambiguous (minutes or months?)", line, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Harvest_MalformedConfigFile_Exits2NamingFileLineAndColumn()
    {
        var config = _scratch.File("settings.json");
        await File.WriteAllTextAsync(config, "{\n  \"Harvester\": {\n    \"Http\": { \"MaxRetries\": 3 \"MaxConcurrency\": 2 }\n  }\n}\n");

        var result = await harvester.RunAsync([.. ProcessScratch.WeekWindow, "--config", config], _scratch.Environment(new Uri("http://127.0.0.1:9/lists/netdev/"), null));

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        var line = Assert.Single(result.StderrLines);
        Assert.Contains($"configuration file {config} is not valid JSON: line 3, column ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Harvest_WronglyTypedSetting_NamesTheKeyAndWhatItShouldBeInWords()
    {
        var environment = _scratch.Environment(new Uri("http://127.0.0.1:9/lists/netdev/"), null);
        environment["Harvester__Http__ObeyRobotsTxt"] = "sometimes";

        var result = await harvester.RunAsync(ProcessScratch.WeekWindow, environment);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Equal("harvester: Harvester:Http:ObeyRobotsTxt is 'sometimes', but it should be true or false", Assert.Single(result.StderrLines));
    }

    [Fact]
    public async Task CachePrune_AgeIsNotAnAge_Exits2()
    {
        var result = await harvester.RunAsync(["cache", "prune", "--older-than", "banana"], _scratch.Environment(null, null));

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains("--older-than", Assert.Single(result.StderrLines), StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    public void Dispose() => _scratch.Dispose();

    [System.Text.RegularExpressions.GeneratedRegex(@"file (\d+) -> (\d+) bytes")]
    private static partial System.Text.RegularExpressions.Regex FileSizes();
}
