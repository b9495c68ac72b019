using Harvester.Hosting;
using Microsoft.Extensions.Configuration;

namespace Harvester.Tests.Hosting;

public sealed class SettingErrorsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("harvester-tests-").FullName;

    [Fact]
    public void Describe_MalformedConfigFile_NamesFileLineColumnAndWhat()
    {
        var file = Path.Combine(_folder, "bad.json");
        File.WriteAllText(file, "{\n  \"Harvester\": {\n    \"Http\": { \"MaxRetries\": 3,, }\n  }\n}\n");

        var ex = Assert.ThrowsAny<Exception>(() => HarvesterHost.BuildConfiguration(file, new Dictionary<string, string?>()));
        var line = SettingErrors.Describe(ex);

        Assert.Contains(file, line, StringComparison.Ordinal);
        Assert.Contains("line 3, column 31", line, StringComparison.Ordinal);
        Assert.Contains("invalid start of a property name", line, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_WronglyTypedValue_NamesTheKeyAndWhatItShouldBeInWords()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Harvester:Http:MaxConcurrency"] = "two" }).Build();

        var ex = Assert.Throws<InvalidOperationException>(() => configuration.GetSection("Harvester").Get<HarvesterOptions>());

        Assert.Equal("Harvester:Http:MaxConcurrency is 'two', but it should be a whole number", SettingErrors.Describe(ex));
    }

    [Fact]
    public void Failure_GeneratedValidatorMessage_NamesTheSettingAsConfigured()
    {
        var failure = "RequestsPerSecond: The field HarvesterOptions.Http.RequestsPerSecond must be between 0.01 and 10000.";

        Assert.Equal("Harvester:Http:RequestsPerSecond: must be between 0.01 and 10000.", SettingErrors.Failure(failure));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
