using Harvester.Cli;

namespace Harvester.Tests.Cli;

public sealed class AgeTests
{
    [Theory]
    [InlineData("30d", 30 * 24 * 60)]
    [InlineData("12h", 12 * 60)]
    [InlineData("90min", 90)]
    [InlineData("0min", 0)]
    public void TryParse_DaysHoursMinutes_GivesTheAge(string text, int minutes)
    {
        Assert.True(Age.TryParse(text, out var age, out var error), error);
        Assert.Equal(TimeSpan.FromMinutes(minutes), age);
    }

    [Fact]
    public void TryParse_M_IsRefusedAsAmbiguous()
    {
        Assert.False(Age.TryParse("1m", out _, out var error));
        Assert.Contains("ambiguous", error, StringComparison.Ordinal);
        Assert.Contains("1min", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("30")]
    [InlineData("-3d")]
    [InlineData("3 weeks")]
    public void TryParse_NotAnAge_IsRefused(string text)
    {
        Assert.False(Age.TryParse(text, out _, out var error));
        Assert.Contains("30d, 12h or 90min", error, StringComparison.Ordinal);
    }
}
