using Harvester.Crawl;

namespace Harvester.Tests.Crawl;

public class RobotsRulesTests
{
    private const string Robots = """
        # a comment
        User-agent: BadBot
        Disallow: /

        User-agent: *
        Disallow: /search
        Disallow: /lists/netdev/private/
        Allow: /lists/netdev/private/public.html
        Crawl-delay: 3
        """;

    [Theory]
    [InlineData("https://h/lists/netdev/msg1.html", true)]
    [InlineData("https://h/search?l=netdev&q=x", false)]
    [InlineData("https://h/lists/netdev/private/a.html", false)]
    [InlineData("https://h/lists/netdev/private/public.html", true)]
    public void IsAllowed_StarGroup_LongestMatchWins(string url, bool allowed)
    {
        var rules = RobotsRules.Parse(Robots, "harvester");

        Assert.Equal(allowed, rules.IsAllowed(new Uri(url)));
    }

    [Fact]
    public void Parse_StarGroup_ReadsCrawlDelay()
    {
        Assert.Equal(TimeSpan.FromSeconds(3), RobotsRules.Parse(Robots, "harvester").CrawlDelay);
    }

    [Fact]
    public void Parse_GroupNamingOurAgent_WinsOverStar()
    {
        var rules = RobotsRules.Parse("User-agent: *\nDisallow: /\n\nUser-agent: Harvester\nDisallow: /search\n", "harvester");

        Assert.True(rules.IsAllowed(new Uri("https://h/lists/netdev/maillist.html")));
        Assert.False(rules.IsAllowed(new Uri("https://h/search")));
    }

    [Fact]
    public void Parse_EmptyDisallow_AllowsEverything()
    {
        var rules = RobotsRules.Parse("User-agent: *\nDisallow:\n", "harvester");

        Assert.True(rules.IsAllowed(new Uri("https://h/anything")));
    }
}
