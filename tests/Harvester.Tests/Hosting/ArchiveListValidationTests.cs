using Harvester.Crawl;
using Harvester.Hosting;

namespace Harvester.Tests.Hosting;

/// <summary><c>Harvester:Archives:&lt;Name&gt;:List</c> and the public-inbox kind at start-up.</summary>
public class ArchiveListValidationTests
{
    private static HarvesterOptions With(string name, ArchiveOptions archive) => new()
    {
        Archives = new(StringComparer.OrdinalIgnoreCase) { [name] = archive },
        Run = new RunOptions { From = "2026-11-09", To = "2026-11-16" },
    };

    [Fact]
    public void Validate_PublicInboxWithList_Accepted()
    {
        var result = new HarvesterOptionsValidator(TimeProvider.System)
            .Validate(null, With("LoreBpf", new ArchiveOptions { Kind = "public-inbox", BaseUrl = "https://lore.kernel.org/bpf/", List = "bpf@vger.kernel.org" }));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_PublicInboxWithoutList_FailsNamingTheSetting()
    {
        var result = new HarvesterOptionsValidator(TimeProvider.System)
            .Validate(null, With("LoreBpf", new ArchiveOptions { Kind = "public-inbox", BaseUrl = "https://lore.kernel.org/bpf/" }));

        Assert.True(result.Failed);
        Assert.Contains("Harvester:Archives:LoreBpf:List is required", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ListNotAnAddress_FailsNamingTheSetting()
    {
        var result = new HarvesterOptionsValidator(TimeProvider.System)
            .Validate(null, With("SpinicsBpf", new ArchiveOptions { Kind = "spinics", BaseUrl = "https://www.spinics.net/lists/bpf/", List = "bpf list" }));

        Assert.True(result.Failed);
        Assert.Contains("Harvester:Archives:SpinicsBpf:List 'bpf list'", result.FailureMessage, StringComparison.Ordinal);
    }
}
