using Harvester.Hosting;
using Harvester.Tests.Support;

namespace Harvester.Tests.ProcessRuns;

/// <summary>
/// Flags that cannot go together (issue 11, Cli/FlagConflicts.cs): one line naming both, exit 2, and no request made
/// (the fixture servers' request logs stay empty).
/// </summary>
[Collection(HarvesterProcessCollection.Name)]
public sealed class FlagConflictProcessTests(HarvesterBinary harvester) : IDisposable
{
    private readonly ProcessScratch _scratch = new();

    public static TheoryData<string[], string, string> Pairs => new()
    {
        { ["--append-to", "DRAFT", "--format", "json"], "--append-to", "--format json" },
        { ["--append-to", "DRAFT", "--draft"], "--append-to", "--draft" },
        { ["--append-to", "DRAFT", "--out", "OUT"], "--append-to", "--out" },
        { ["--since-last-run", "--from", "2026-11-09"], "--since-last-run", "--from" },
        { ["--days", "3", "--from", "2026-11-09"], "--days", "--from" },
        { ["--draft", "--format", "json"], "--draft", "--format json" },
        { ["--offline", "--refresh"], "--offline", "--refresh" },
        { ["--sections", "pulls", "--draft"], "--sections", "--draft" },
        { ["--sections", "pulls", "--format", "json"], "--sections", "--format json" },
        { ["--sections", "pulls", "--append-to", "DRAFT"], "--sections", "--append-to" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task Harvest_FlagsThatCannotGoTogether_Exit2WithOneLineNamingBothAndNoRequest(string[] flags, string first, string second)
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(ProcessScratch.Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(ProcessScratch.Week);
        var draft = _scratch.File("draft.md");
        await File.WriteAllTextAsync(draft, "# draft\n");
        var arguments = flags.Select(f => f switch { "DRAFT" => draft, "OUT" => _scratch.File("out.md"), _ => f }).Append("--to").Append("2026-11-16");

        var result = await harvester.RunAsync(arguments, _scratch.Environment(spinics.BaseUrl, mailArchive.BaseUrl));

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        var line = Assert.Single(result.StderrLines);
        Assert.Contains(first + " cannot be used with " + second, line, StringComparison.Ordinal);
        Assert.Empty(spinics.Requests);
        Assert.Empty(mailArchive.Requests);
        Assert.Equal("", result.Stdout);
        Assert.Equal("# draft\n", await File.ReadAllTextAsync(draft));
        Assert.False(File.Exists(_scratch.File("out.md")));
    }

    public void Dispose() => _scratch.Dispose();
}
