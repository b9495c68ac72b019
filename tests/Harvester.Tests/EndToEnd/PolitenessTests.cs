using Harvester.Hosting;
using Harvester.Tests.Support;

namespace Harvester.Tests.EndToEnd;

/// <summary>robots.txt, the page cache's refresh switch, and the request floor, end to end.</summary>
public sealed partial class PolitenessTests : IDisposable
{
    private static readonly FixtureArchive Week = FixtureArchive.Load(Paths.Fixture("archives", "week-2026-11"));
    private readonly HarvestRun _run = new();

    [Fact]
    public async Task Harvest_RobotsDisallowsAPage_NeverRequestsItAndReadsRobotsOnce()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(Week);
        spinics.RobotsTxt = "User-agent: *\nDisallow: /lists/netdev/msg1200003.html\n";
        var settings = Settings(spinics);
        settings["Harvester:Http:ObeyRobotsTxt"] = "true";

        var (code, output) = await _run.RunAsync(settings);

        Assert.Equal(ExitCodes.PartialFailure, code);
        Assert.Equal(0, spinics.CountOf("msg1200003.html"));
        Assert.Equal(1, spinics.Served.Count(s => s.FileName == "robots.txt" && s.Good)); // a retry after a timeout is no second read
        Assert.DoesNotContain("msg1200003.html", output);
        Assert.Contains("msg1200004.html", output);
    }

    [Fact]
    public async Task Harvest_RobotsCrawlDelay_SpacesRequests()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(Week);
        spinics.RobotsTxt = "User-agent: *\nCrawl-delay: 0.2\n";
        var started = DateTime.UtcNow;

        var (code, _) = await _run.RunAsync(Settings(spinics));

        var requests = spinics.Requests.Count;
        Assert.Equal(ExitCodes.Done, code);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(0.2 * (requests - 2)), $"{requests} requests in {DateTime.UtcNow - started}");
    }

    [Fact]
    public async Task Harvest_Refresh_FetchesMessagePagesAgain()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(Week);
        var settings = Settings(spinics);
        var (_, first) = await _run.RunAsync(settings);
        var firstRun = spinics.Served.Count;
        var messagePagesFirst = spinics.Served.Where(s => s.FileName.StartsWith("msg", StringComparison.Ordinal)).Select(s => s.FileName).ToHashSet();
        settings["Harvester:Run:Refresh"] = "true";

        var (code, second) = await _run.RunAsync(settings);

        Assert.Equal(ExitCodes.Done, code);
        Assert.Equal(first, second);
        // Every message page of the first run is read again (the cache is ignored), none twice within the run.
        var messagePagesSecond = spinics.Served.Skip(firstRun).Where(s => s.FileName.StartsWith("msg", StringComparison.Ordinal)).Select(s => s.FileName).ToHashSet();
        Assert.NotEmpty(messagePagesFirst);
        Assert.Superset(messagePagesFirst, messagePagesSecond);
        Assert.Empty(spinics.FetchedAgainWithoutCause(firstRun));
    }

    [Fact]
    public async Task Harvest_Week_RequestsStayNearWhatTheWeekNeeds()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(Week);
        var settings = Settings(spinics);
        settings["Harvester:Archives:MailArchive:BaseUrl"] = mailArchive.BaseUrl.AbsoluteUri;
        settings["Harvester:Archives:MailArchive:Enabled"] = "true";
        settings["Harvester:Run:Format"] = "json";

        var (_, output) = await _run.RunAsync(settings);

        // What the week needs, counted from the fixture alone: robots.txt and every index page of both sites, and
        // one page per patch mail or cover letter sent in the window (from whichever site has it). A handful of
        // date probes and edge-day reads come on top; the naive crawler reads every page of both sites.
        var window = (From: DateTimeOffset.Parse("2026-11-09T00:00:00Z"), To: DateTimeOffset.Parse("2026-11-16T00:00:00Z"));
        var patchMails = Week.Messages.Count(m => m.Date >= window.From && m.Date < window.To && PatchMail().IsMatch(m.Subject));
        var indexPages = (Week.OnSpinics.Count() + 19) / 20 + 1;
        var needed = 2 + indexPages + patchMails;
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var served = spinics.Requests.Count + mailArchive.Requests.Count;
        Assert.Equal(served, json.RootElement.GetProperty("stats").GetProperty("requests").GetInt32());
        Assert.InRange(served, needed, needed + 8);
        var naive = Week.OnSpinics.Count() + Week.OnMailArchive.Count() + indexPages;
        Assert.True(served * 1.5 < naive, $"{served} requests, a naive crawler needs {naive}");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\[(?:PATCH|RFC)[^\]]*\]")]
    private static partial System.Text.RegularExpressions.Regex PatchMail();

    [Fact]
    public async Task Harvest_StaleIndexWithETag_RevalidatesWithIfNoneMatch()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(Week);
        spinics.IndexETags = true;
        var settings = Settings(spinics);
        settings["Harvester:Cache:IndexTtlMinutes"] = "0"; // every index page is stale at once
        var (_, first) = await _run.RunAsync(settings);
        Assert.Empty(spinics.NotModified);

        var (code, second) = await _run.RunAsync(settings);

        Assert.Equal(ExitCodes.Done, code);
        Assert.Equal(first, second);
        Assert.Equal(["maillist.html", "mail2.html", "mail3.html"], spinics.NotModified.ToArray());
    }

    [Fact]
    public async Task Harvest_StaleIndexWithLastModified_RevalidatesWithIfModifiedSince()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(Week);
        spinics.IndexLastModified = DateTimeOffset.Parse("2026-11-16T00:00:00Z");
        var settings = Settings(spinics);
        settings["Harvester:Cache:IndexTtlMinutes"] = "0";
        var (_, first) = await _run.RunAsync(settings);

        var (code, second) = await _run.RunAsync(settings);

        Assert.Equal(ExitCodes.Done, code);
        Assert.Equal(first, second);
        Assert.Equal(["maillist.html", "mail2.html", "mail3.html"], spinics.NotModified.ToArray());
    }

    [Fact]
    public async Task Harvest_EveryRequest_CarriesTheConfiguredUserAgent()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(Week);
        var settings = Settings(spinics);
        settings["Harvester:Http:UserAgent"] = "Harvester/9.9 (+https://example.org/contact)";

        await _run.RunAsync(settings);

        Assert.NotEmpty(spinics.UserAgents);
        Assert.All(spinics.UserAgents, ua => Assert.Equal("Harvester/9.9 (+https://example.org/contact)", ua));
    }

    [Fact]
    public async Task Harvest_NewMailPushedEntriesDownAPage_NeverMixesIndexPagesOfDifferentAges()
    {
        // 10:00 a run caches all three index pages. Then five mails arrive: every entry moves five places down, so the
        // last five of page 1 are now at the top of page 2. 11:05 page 1 has expired (simulated by removing it from
        // the cache) and is fetched again; page 2's cached copy is older than that page 1, so it must be fetched again
        // too, or those five entries would be on neither copy.
        var newest = Week.Messages.OrderByDescending(m => m.Date).Take(5).Select(m => m.MessageId).ToHashSet();
        var site = new SwitchableSite(new Support.Sites.SpinicsFixtureSite(Week.Without(m => newest.Contains(m.MessageId))));
        await using var spinics = await FixtureServer.StartAsync(site, "/lists/netdev/");
        var settings = Settings(spinics);
        await _run.RunAsync(settings);
        var firstRun = spinics.Served.Count;
        site.Current = new Support.Sites.SpinicsFixtureSite(Week);
        using (var cache = new Harvester.Crawl.PageCache(_run.CachePath))
        {
            cache.Remove(new Uri(spinics.BaseUrl, "maillist.html"));
        }

        var (code, output) = await _run.RunAsync(settings);

        Assert.Equal(ExitCodes.Done, code);
        Assert.Equal(HarvestEndToEndTests.Expected(Week, spinics, null).Replace(MailArchiveOnlyLine, "", StringComparison.Ordinal), output);
        Assert.Contains(spinics.Served.Skip(firstRun), s => s.FileName == "mail2.html" && s.Good); // read again in the second run
        Assert.Empty(spinics.FetchedAgainWithoutCause(firstRun));
    }

    public void Dispose() => _run.Dispose();

    private const string MailArchiveOnlyLine =
        "- Tomasz Wierzbicki, [[PATCH net] xsk: Fix use-after-free when unbinding a busy socket](https://www.mail-archive.com/netdev@vger.kernel.org/msg300037.html)\n";

    private sealed class SwitchableSite(IFixtureSite current) : IFixtureSite
    {
        public IFixtureSite Current { get; set; } = current;

        public string? Render(string fileName) => Current.Render(fileName);
    }

    private Dictionary<string, string?> Settings(FixtureServer spinics)
    {
        var settings = _run.Settings(spinics.BaseUrl, null);
        settings["Harvester:Run:From"] = "2026-11-09";
        settings["Harvester:Run:To"] = "2026-11-16";
        return settings;
    }
}
