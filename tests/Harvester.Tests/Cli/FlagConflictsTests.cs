using Harvester.Cli;

namespace Harvester.Tests.Cli;

public sealed class FlagConflictsTests
{
    [Theory]
    [InlineData("--append-to d.md --format json", "--append-to cannot be used with --format json")]
    [InlineData("--append-to d.md --format JSON", "--append-to cannot be used with --format json")]
    [InlineData("--offline --refresh", "--offline cannot be used with --refresh")]
    public void Find_BothFlagsGiven_NamesBoth(string line, string expected)
    {
        var parsed = HarvesterCli.Build().Parse(line);

        Assert.StartsWith(expected, FlagConflicts.Find(parsed), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--append-to d.md --format markdown")]
    [InlineData("--append-to d.md --since-last-run")]
    [InlineData("--from 2026-11-09 --to 2026-11-16")]
    [InlineData("--days 3 --to 2026-11-16")]
    [InlineData("--draft --since-last-run")]
    [InlineData("--offline")]
    [InlineData("cache stats")]
    public void Find_FlagsThatGoTogether_FindsNothing(string line)
    {
        var parsed = HarvesterCli.Build().Parse(line);

        Assert.Empty(parsed.Errors);
        Assert.Null(FlagConflicts.Find(parsed));
    }
}
