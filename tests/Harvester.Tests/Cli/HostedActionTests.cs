using Harvester.Cli;

namespace Harvester.Tests.Cli;

public sealed class HostedActionTests
{
    [Fact]
    public void Flags_GivenFlags_BecomeTheirConfigurationKeysAndAbsentOnesSetNothing()
    {
        var parsed = HarvesterCli.Build().Parse("--from 2026-11-09 --days 3 --all --issue 12 -q");

        var flags = HostedAction.Flags(parsed);

        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["Harvester:Run:From"] = "2026-11-09",
                ["Harvester:Run:Days"] = "3",
                ["Harvester:Output:ListAll"] = "true",
                ["Harvester:Output:Draft:IssueNumber"] = "12",
                ["Serilog:MinimumLevel:Default"] = "Warning",
            },
            flags);
    }

    [Fact]
    public void Flags_VerboseAndQuiet_VerboseWins()
    {
        var flags = HostedAction.Flags(HarvesterCli.Build().Parse("-q -v"));

        Assert.Equal("Debug", flags["Serilog:MinimumLevel:Default"]);
    }

    [Fact]
    public void Flags_CommonOptionsOnASubcommand_AreRead()
    {
        var parsed = HarvesterCli.Build().Parse("cache stats --config x.json -q");

        Assert.Empty(parsed.Errors);
        Assert.Equal("x.json", parsed.GetValue(CommonOptions.Config));
        Assert.Equal("Warning", HostedAction.Flags(parsed)["Serilog:MinimumLevel:Default"]);
    }
}
