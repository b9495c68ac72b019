using Harvester.Crawl.PublicInbox;
using Harvester.Domain;

namespace Harvester.Tests.Crawl;

public class WindowQueryTests
{
    [Fact]
    public void For_WeekWindow_DaysWithSlackAndPostUrl()
    {
        var query = WindowQuery.For(new HarvestWindow(DateTimeOffset.Parse("2026-11-09T00:00:00Z"), DateTimeOffset.Parse("2026-11-16T00:00:00Z")), slackDays: 1);

        Assert.Equal("d:2026-11-08..2026-11-16", query.Text);
        Assert.Equal("https://lore.kernel.org/bpf/?q=d:2026-11-08..2026-11-16&x=m", query.Url(new Uri("https://lore.kernel.org/bpf/")).AbsoluteUri);
    }

    [Fact]
    public void For_WindowEndingMidDay_ThatDayCounts()
    {
        var query = WindowQuery.For(new HarvestWindow(DateTimeOffset.Parse("2026-11-09T13:00:00+02:00"), DateTimeOffset.Parse("2026-11-12T10:30:00Z")), slackDays: 0);

        Assert.Equal("d:2026-11-09..2026-11-12", query.Text);
    }

    [Theory]
    [InlineData("2026-11-19T23:59:59Z", false)]
    [InlineData("2026-11-20T00:00:00Z", true)]
    public void IsClosed_ThreeDaysAfterTheLastDayEnded(string now, bool closed)
    {
        var query = new WindowQuery(new DateOnly(2026, 11, 8), new DateOnly(2026, 11, 16));

        Assert.Equal(closed, query.IsClosed(DateTimeOffset.Parse(now), finalAfterDays: 3));
    }
}
