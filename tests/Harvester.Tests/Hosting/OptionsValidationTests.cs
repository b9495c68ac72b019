using Harvester.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Harvester.Tests.Hosting;

/// <summary>Every options class is validated at start (issue 13: Output and Draft annotations were never evaluated).</summary>
public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("Harvester:Output:Draft:IssueNumber", "0", "Harvester:Output:Draft:IssueNumber")]
    [InlineData("Harvester:Output:Order", "size", "Harvester:Output:Order")]
    [InlineData("Harvester:Http:MaxConcurrency", "0", "Harvester:Http:MaxConcurrency")]
    [InlineData("Harvester:Group:UnthreadedWindowMinutes", "0", "Harvester:Group:UnthreadedWindowMinutes")]
    [InlineData("Harvester:Run:Days", "0", "Harvester:Run:Days")]
    public void Options_BadValue_FailsNamingTheSetting(string key, string value, string named)
    {
        var failures = Failures(new() { [key] = value });

        Assert.Contains(failures, f => SettingErrors.Failure(f).Contains(named, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("date")]
    [InlineData("Date")]
    [InlineData("AUTHOR")]
    public void Options_OrderInAnyCase_IsAccepted(string order)
    {
        Assert.Empty(Failures(new() { ["Harvester:Output:Order"] = order }));
    }

    private static List<string> Failures(Dictionary<string, string?> settings)
    {
        var configuration = HarvesterHost.BuildConfiguration(null, settings);
        using var services = new ServiceCollection().AddLogging().AddHarvester(configuration).BuildServiceProvider();
        try
        {
            _ = services.GetRequiredService<IOptions<HarvesterOptions>>().Value;
            return [];
        }
        catch (OptionsValidationException ex)
        {
            return [.. ex.Failures];
        }
    }
}
