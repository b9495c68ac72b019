using Harvester.Hosting;

namespace Harvester.Tests.Hosting;

public class HarvestWindowFactoryTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-22T06:00:00Z");

    [Fact]
    public void TryCreate_Defaults_IsTheLastSevenDays()
    {
        Assert.True(HarvestWindowFactory.TryCreate(new RunOptions(), Now, null, out var window, out _));
        Assert.Equal(Now.AddDays(-7), window!.From);
        Assert.Equal(Now, window.To);
    }

    [Fact]
    public void TryCreate_FromAndTo_AreUtcDates()
    {
        Assert.True(HarvestWindowFactory.TryCreate(new RunOptions { From = "2017-05-09", To = "2017-05-18" }, Now, null, out var window, out _));
        Assert.Equal(DateTimeOffset.Parse("2017-05-09T00:00:00Z"), window!.From);
        Assert.Equal(DateTimeOffset.Parse("2017-05-18T00:00:00Z"), window.To);
    }

    [Theory]
    [InlineData("2017-05-18", "2017-05-09", "before it starts")]
    [InlineData("yesterday", null, "--from 'yesterday' is not a date")]
    public void TryCreate_BadWindow_SaysWhy(string from, string? to, string expected)
    {
        Assert.False(HarvestWindowFactory.TryCreate(new RunOptions { From = from, To = to }, Now, null, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void TryCreate_SinceLastRun_StartsAtThePreviousEnd()
    {
        var previous = DateTimeOffset.Parse("2026-11-12T06:00:00Z");

        Assert.True(HarvestWindowFactory.TryCreate(new RunOptions { SinceLastRun = true }, Now, previous, out var window, out _));
        Assert.Equal(previous, window!.From);
    }
}
