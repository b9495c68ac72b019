using System.Text.RegularExpressions;
using Harvester.Hosting;
using Harvester.Tests.Support;

namespace Harvester.Tests.EndToEnd;

/// <summary>The real host against real HTTP servers serving the fixture archives in both sites' structure.</summary>
public sealed partial class HarvestEndToEndTests : IDisposable
{
    private static readonly FixtureArchive Week = FixtureArchive.Load(Paths.Fixture("archives", "week-2026-11"));
    private static readonly FixtureArchive Seed = FixtureArchive.Load(Paths.Fixture("archives", "seed-2017-05"));

    private readonly HarvestRun _run = new();

    [Fact]
    public async Task Harvest_WeekOnBothArchives_PrintsTheExpectedSection()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(Week);

        var (code, output) = await _run.RunAsync(WeekSettings(spinics, mailArchive));

        Assert.Equal(ExitCodes.Done, code);
        Assert.Equal(Expected(Week, spinics, mailArchive), output);
        AssertNoSharedLinks(output);
    }

    [Fact]
    public async Task Harvest_SeedWindowOnBothArchives_RebuildsTheNewsletterSection()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(Seed);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(Seed);
        var settings = _run.Settings(spinics.BaseUrl, mailArchive.BaseUrl);
        settings["Harvester:Run:From"] = "2017-05-09";
        settings["Harvester:Run:To"] = "2017-05-18";

        var (code, output) = await _run.RunAsync(settings);

        Assert.Equal(ExitCodes.Done, code);
        Assert.Equal(Expected(Seed, spinics, mailArchive), output);
        AssertNoSharedLinks(output);
    }

    [Fact]
    public async Task Harvest_MailArchiveDown_PrintsSpinicsResultsAndExits3()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(Week);
        var settings = _run.Settings(spinics.BaseUrl, FixtureServer.DeadBaseUrl("/netdev@vger.kernel.org/"));
        settings["Harvester:Run:From"] = "2026-11-09";
        settings["Harvester:Run:To"] = "2026-11-16";
        settings["Harvester:Http:MaxRetries"] = "1";

        var (code, output) = await _run.RunAsync(settings);

        Assert.Equal(ExitCodes.PartialFailure, code);
        Assert.Contains("[[PATCH bpf-next v2 0/3] bpf: Report verifier stack depth per subprogram](https://www.spinics.net/lists/netdev/msg1200002.html)".Replace("https://www.spinics.net/lists/netdev/", spinics.BaseUrl.AbsoluteUri), output);
        Assert.DoesNotContain("msg300037", output); // the xsk fix is only on mail-archive
    }

    [Fact]
    public async Task Harvest_NoArchiveAnswers_ExitsOneWithoutOutput()
    {
        var settings = _run.Settings(FixtureServer.DeadBaseUrl("/lists/netdev/"), null);
        settings["Harvester:Http:MaxRetries"] = "1";

        var (code, output) = await _run.RunAsync(settings);

        Assert.Equal(ExitCodes.NothingHarvested, code);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task Harvest_IndexIsNotAnArchivePage_ExitsOne()
    {
        await using var server = await FixtureServer.StartAsync(new StaticSite("<html><body><h1>Welcome to nginx!</h1></body></html>"), "/lists/netdev/");

        var (code, output) = await _run.RunAsync(_run.Settings(server.BaseUrl, null));

        Assert.Equal(ExitCodes.NothingHarvested, code);
        Assert.Equal("", output); // no empty "## Patches" section passed off as a quiet week
        Assert.Equal(["maillist.html"], server.Requests.Where(r => r != "robots.txt").Distinct()); // nothing read past the non-index
    }

    [Fact]
    public async Task Harvest_SecondRunSameDay_FetchesNoMessagePage()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(Week);
        var settings = WeekSettings(spinics, mailArchive);
        var (_, first) = await _run.RunAsync(settings);
        var messagePagesFirst = spinics.MessagePageRequests + mailArchive.MessagePageRequests;

        var (code, second) = await _run.RunAsync(settings);

        Assert.Equal(ExitCodes.Done, code);
        Assert.Equal(first, second);
        Assert.True(messagePagesFirst > 0);
        Assert.Equal(messagePagesFirst, spinics.MessagePageRequests + mailArchive.MessagePageRequests);
    }

    [Fact]
    public async Task Harvest_Offline_RendersFromTheCacheWithoutARequest()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(Week);
        var settings = WeekSettings(spinics, mailArchive);
        var (_, online) = await _run.RunAsync(settings);
        var requests = spinics.Requests.Count + mailArchive.Requests.Count;
        settings["Harvester:Run:Offline"] = "true";

        var (code, offline) = await _run.RunAsync(settings);

        Assert.Equal(ExitCodes.Done, code);
        Assert.Equal(online, offline);
        Assert.Equal(requests, spinics.Requests.Count + mailArchive.Requests.Count);
    }

    [Fact]
    public async Task Harvest_Json_HasSchemaOneShape()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(Week);
        var settings = WeekSettings(spinics, null);
        settings["Harvester:Run:Format"] = "json";

        var (code, output) = await _run.RunAsync(settings);

        Assert.Equal(ExitCodes.Done, code);
        var schema = await NJsonSchema.JsonSchema.FromFileAsync(Path.Combine(Paths.RepoRoot, "docs", "schema", "harvester-output.schema.json"));
        Assert.Empty(schema.Validate(output));
        using var json = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal(DateTimeOffset.Parse("2026-11-09T00:00:00Z"), json.RootElement.GetProperty("window").GetProperty("from").GetDateTimeOffset());
        Assert.Equal(SpinicsHeadLinks(spinics), RelevantHeadLinks(json));
        Assert.True(json.RootElement.GetProperty("stats").GetProperty("requests").GetInt32() > 0);
        var messages = json.RootElement.GetProperty("series").EnumerateArray()
            .SelectMany(s => s.GetProperty("patches").EnumerateArray().Append(s.GetProperty("cover")))
            .Where(m => m.ValueKind == System.Text.Json.JsonValueKind.Object)
            .ToList();
        Assert.Contains(messages, m => m.GetProperty("repliesSeen").GetInt32() > 0);
        var pull = Assert.Single(json.RootElement.GetProperty("pullRequests").EnumerateArray());
        Assert.StartsWith("pull-request: bpf-next 2026-11-12", pull.GetProperty("subject").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, pull.GetProperty("messageId").ValueKind);
    }

    [Fact]
    public async Task Harvest_MailArchiveServesACloudflareChallenge_ReportsItAndExits3()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(Week);
        mailArchive.Inject("maillist.html", Fault.Challenge());
        var settings = WeekSettings(spinics, mailArchive);
        settings["Harvester:Run:Format"] = "json";

        var (code, output) = await _run.RunAsync(settings);

        Assert.Equal(ExitCodes.PartialFailure, code);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        Assert.Contains(json.RootElement.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("message").GetString()!.Contains("Cloudflare challenge", StringComparison.Ordinal));
        Assert.Equal(SpinicsHeadLinks(spinics), RelevantHeadLinks(json)); // spinics' series are all still there
    }

    [Fact]
    public async Task Harvest_BothArchives_TakesSecondArchiveLinksWithoutFetching()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(Week);
        var settings = WeekSettings(spinics, mailArchive);
        settings["Harvester:Run:Format"] = "json";

        var (code, output) = await _run.RunAsync(settings);

        Assert.Equal(ExitCodes.Done, code);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var saved = json.RootElement.GetProperty("stats").GetProperty("requestsSaved").GetInt32();
        Assert.True(saved >= 20, $"only {saved} requests saved");
        // A mail-archive page is fetched only for a message spinics lacks, or one on the window's edge days (whose
        // index day cannot place it): never for a window message that spinics already gave.
        var window = new Harvester.Domain.HarvestWindow(DateTimeOffset.Parse("2026-11-09T00:00:00Z"), DateTimeOffset.Parse("2026-11-16T00:00:00Z"));
        var fetched = mailArchive.Requests.Where(r => r.StartsWith("msg", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(fetched);
        Assert.All(fetched, page =>
        {
            var message = Week.Messages.Single(m => $"msg{m.MailArchiveNumber}.html" == page);
            Assert.True(message.SpinicsNumber is null || !window.Contains(message.Date), page + " was fetched though spinics gave it");
        });
        var cover = json.RootElement.GetProperty("series")[0].GetProperty("cover");
        // Both netdev archives' pages, and the lore link made from the Message-ID (LoreNetdev is disabled: no request).
        Assert.Equal(["LoreNetdev", "MailArchive", "Spinics"], cover.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("archive").GetString()).Order());
        Assert.All(cover.GetProperty("links").EnumerateArray(), l => Assert.Equal("netdev@vger.kernel.org", l.GetProperty("list").GetString()));
    }

    [Fact]
    public async Task Harvest_MailArchivePreferred_ShowsItsLinksAndSpinicsForWhatItLacks()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(Week);
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(Week);
        var settings = WeekSettings(spinics, mailArchive);
        settings["Harvester:Output:PreferredArchives:0"] = "MailArchive";
        settings["Harvester:Output:PreferredArchives:1"] = "Spinics";

        var (code, output) = await _run.RunAsync(settings);

        // expected.md with every link moved to the message's mail-archive page where mail-archive has it.
        var expected = Expected(Week, spinics, mailArchive);
        foreach (var message in Week.Messages.Where(m => m.SpinicsNumber is not null && m.MailArchiveNumber is not null))
        {
            expected = expected.Replace($"{spinics.BaseUrl.AbsoluteUri}msg{message.SpinicsNumber}.html)", $"{mailArchive.BaseUrl.AbsoluteUri}msg{message.MailArchiveNumber}.html)", StringComparison.Ordinal);
        }

        Assert.Equal(ExitCodes.Done, code);
        Assert.Equal(expected, output);
        Assert.Contains(spinics.BaseUrl.AbsoluteUri, output); // bpf 2/2 is only on spinics
    }

    [Fact]
    public async Task Harvest_IndexPagesLinkInACircle_WalkStopsAndSaysSo()
    {
        // The last index page's inactive "[Next Page]" turned into a link back to the first page; the window lies
        // before every message, so nothing else would end the walk.
        var site = new RewritingSite(new Support.Sites.SpinicsFixtureSite(Week), "mail3.html", "[Next Page]", "[<a href=\"maillist.html\">Next Page</a>]");
        await using var spinics = await FixtureServer.StartAsync(site, "/lists/netdev/");
        var settings = _run.Settings(spinics.BaseUrl, null);
        settings["Harvester:Run:From"] = "2026-10-01";
        settings["Harvester:Run:To"] = "2026-10-08";
        settings["Harvester:Run:Format"] = "json";

        var (code, output) = await _run.RunAsync(settings).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(ExitCodes.Done, code);
        Assert.Contains(spinics.Served, s => s.FileName == "maillist.html" && s.Good);
        Assert.Empty(spinics.FetchedAgainWithoutCause()); // maillist.html is not read a second time through the loop
        Assert.Contains("index pages link back to a page already read", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Harvest_IndexEntryLinksOutsideTheArchive_IsNeitherFetchedNorLinked()
    {
        // A hostile mail-archive index whose entries point at another host: as the second archive its entries would
        // otherwise become links without any fetch (LinkMatcher).
        await using var spinics = await FixtureServer.StartSpinicsAsync(Week);
        var site = new RewritingSite(new Support.Sites.MailArchiveFixtureSite(Week), "maillist.html", "href=\"msg", "href=\"http://evil.example/netdev@vger.kernel.org/msg");
        await using var mailArchive = await FixtureServer.StartAsync(site, "/netdev@vger.kernel.org/");
        var settings = WeekSettings(spinics, mailArchive);
        settings["Harvester:Run:Format"] = "json";

        var (_, output) = await _run.RunAsync(settings);

        using var json = System.Text.Json.JsonDocument.Parse(output);
        var links = json.RootElement.GetProperty("series").EnumerateArray()
            .SelectMany(s => s.GetProperty("patches").EnumerateArray())
            .SelectMany(m => m.GetProperty("links").EnumerateArray())
            .Select(l => l.GetProperty("url").GetString()!)
            .ToList();
        Assert.NotEmpty(links);
        Assert.DoesNotContain(links, url => url.Contains("evil.example", StringComparison.Ordinal));
        Assert.Contains(json.RootElement.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("message").GetString()!.StartsWith("index entry links outside the archive, ignored: http://evil.example/", StringComparison.Ordinal));
    }

    public void Dispose() => _run.Dispose();

    private Dictionary<string, string?> WeekSettings(FixtureServer spinics, FixtureServer? mailArchive)
    {
        var settings = _run.Settings(spinics.BaseUrl, mailArchive?.BaseUrl);
        settings["Harvester:Run:From"] = "2026-11-09";
        settings["Harvester:Run:To"] = "2026-11-16";
        return settings;
    }

    /// <summary>The archive's hand-written expected.md with the real sites' URLs swapped for the fixture servers'.</summary>
    internal static string Expected(FixtureArchive archive, FixtureServer spinics, FixtureServer? mailArchive)
    {
        var text = File.ReadAllText(Path.Combine(archive.Directory, "expected.md"));
        text = text.Replace("https://www.spinics.net/lists/netdev/", spinics.BaseUrl.AbsoluteUri, StringComparison.Ordinal);
        return mailArchive is null ? text : text.Replace("https://www.mail-archive.com/netdev@vger.kernel.org/", mailArchive.BaseUrl.AbsoluteUri, StringComparison.Ordinal);
    }

    /// <summary>The head links (cover, else first part) of expected.md's series that spinics holds, in order.</summary>
    private static List<string> SpinicsHeadLinks(FixtureServer spinics) =>
        Expected(Week, spinics, null).Split('\n')
            .Where(l => l.StartsWith("- ", StringComparison.Ordinal))
            .Select(l => LinkPattern().Match(l).Groups[1].Value)
            .Where(url => url.StartsWith(spinics.BaseUrl.AbsoluteUri, StringComparison.Ordinal))
            .ToList();

    /// <summary>The JSON's relevant series' head links (cover, else first part; preferred archive first), in order.</summary>
    private static List<string> RelevantHeadLinks(System.Text.Json.JsonDocument json) =>
        json.RootElement.GetProperty("series").EnumerateArray()
            .Where(s => s.GetProperty("relevant").GetBoolean())
            .Select(s => s.GetProperty("cover").ValueKind == System.Text.Json.JsonValueKind.Object ? s.GetProperty("cover") : s.GetProperty("patches")[0])
            .Select(m => m.GetProperty("links")[0].GetProperty("url").GetString()!)
            .ToList();

    /// <summary>Every link points at its own message: no two lines share one (the seed's hand-made section did).</summary>
    internal static void AssertNoSharedLinks(string markdown)
    {
        var links = LinkPattern().Matches(markdown).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(links);
        Assert.Equal(links.Count, links.Distinct(StringComparer.Ordinal).Count());
    }

    [GeneratedRegex(@"\]\((https?://[^)\s]+)\)")]
    private static partial Regex LinkPattern();

    private sealed class RewritingSite(IFixtureSite inner, string page, string find, string replace) : IFixtureSite
    {
        public string? Render(string fileName) =>
            fileName == page ? inner.Render(fileName)?.Replace(find, replace, StringComparison.Ordinal) : inner.Render(fileName);
    }

    private sealed class StaticSite(string html) : IFixtureSite
    {
        public string? Render(string fileName) => html;
    }
}
