using System.Text.Json;
using System.Text.RegularExpressions;
using Harvester.Hosting;
using Harvester.Parse;
using Harvester.Tests.EndToEnd;
using Harvester.Tests.Support;
using Harvester.Tests.Support.Sites;

namespace Harvester.Tests.ProcessRuns;

/// <summary>
/// <c>harvester check</c> as the program (issue 16) against the fixture servers: the unchanged sites give exit 0 and a
/// full table, the changed-layout sites of LayoutDriftRunTests exit 4 naming the archive and the missing fields, a dead
/// host exits 1, the fake lore server's search and raw mail are read, Cloudflare and Anubis challenges are named.
/// </summary>
[Collection(HarvesterProcessCollectionB.Name)]
public sealed partial class CheckProcessTests(HarvesterBinary harvester) : IDisposable
{
    /// <summary>20 entries per index page on both sites, so the first page has a next-page link, as on the real lists.</summary>
    private static readonly FixtureArchive Paged = ProcessScratch.Week.With(ProcessScratch.Week.Settings with { MailArchivePageSize = 20, SpinicsPageSize = 20 });

    private readonly ProcessScratch _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task Check_UnchangedSites_Exit0AndAFullTable()
    {
        await using var spinics = await FixtureServer.StartAsync(new SpinicsFixtureSite(Paged), "/lists/netdev/");
        await using var mailArchive = await FixtureServer.StartAsync(new MailArchiveFixtureSite(Paged), "/netdev@vger.kernel.org/");
        spinics.RobotsTxt = "User-agent: *\nCrawl-delay: 0.05\nDisallow: /cgi-bin/\n";

        var result = await harvester.RunAsync(["check"], _scratch.Environment(spinics.BaseUrl, mailArchive.BaseUrl));

        Assert.True(result.ExitCode == ExitCodes.Done, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("ARCHIVE", lines[0], StringComparison.Ordinal);
        Assert.Matches(
            @"^Spinics +spinics +usable +\d+ ms  index and newest patch mail read \(.+\); 1000 request/s per host, at most 2 at once; robots\.txt Crawl-delay 0\.05 s$",
            Assert.Single(lines, l => l.StartsWith("Spinics ", StringComparison.Ordinal)));
        Assert.Single(lines, l => Regex.IsMatch(l, @"^MailArchive +mail-archive +usable "));
        Assert.Contains(lines, l => l.Contains("robots.txt", StringComparison.Ordinal) && l.Contains("ok: 1 rules for us, Crawl-delay 0.05 s", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("none (HTTP 404): everything allowed", StringComparison.Ordinal)); // mail-archive's server has none
        // Every field of both pages of both archives: 5 (spinics index) + 6 (mail-archive index) + 7 + 7 (message pages).
        Assert.Equal(25, lines.Count(l => FieldLine().IsMatch(l)));
        Assert.DoesNotContain(lines, l => l.Contains("MISSING", StringComparison.Ordinal));
        Assert.Equal(2, lines.Count(l => Regex.IsMatch(l, @"^    found    diffstat +\d+ file\(s\) changed$"))); // a patch mail, not a cover letter
        Assert.Equal(1, spinics.CountOf("robots.txt")); // read once: the report and the page checks share it
        Assert.Equal(1, spinics.CountOf("maillist.html"));
        Assert.Equal(1, spinics.MessagePageRequests);
        Assert.DoesNotContain("[", result.Stdout.Split('\n')[0], StringComparison.Ordinal); // no log line on stdout
        Assert.Contains(result.StderrLines, l => l.Contains("Checking Spinics at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_FormatJson_OneObjectPerArchiveWithPagesAndFields()
    {
        await using var spinics = await FixtureServer.StartAsync(new SpinicsFixtureSite(Paged), "/lists/netdev/");
        await using var mailArchive = await FixtureServer.StartAsync(ChangedLayoutSite.MailArchiveHeadClassRenamed(Paged), "/netdev@vger.kernel.org/");

        var result = await harvester.RunAsync(["check", "--format", "json"], _scratch.Environment(spinics.BaseUrl, mailArchive.BaseUrl));

        Assert.True(result.ExitCode == ExitCodes.LayoutChanged, result.ToString());
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(1, root.GetProperty("schema").GetInt32());
        Assert.Equal(4, root.GetProperty("exitCode").GetInt32());
        var archives = root.GetProperty("archives").EnumerateArray().ToDictionary(a => a.GetProperty("archive").GetString()!);
        Assert.Equal(["MailArchive", "Spinics"], archives.Keys.Order());
        Assert.Equal("usable", archives["Spinics"].GetProperty("result").GetString());
        Assert.Equal("layout changed", archives["MailArchive"].GetProperty("result").GetString());
        var pages = archives["MailArchive"].GetProperty("pages").EnumerateArray().ToList();
        Assert.Equal(["robots.txt", "index", "message"], pages.Select(p => p.GetProperty("page").GetString()));
        Assert.Equal([PageFields.Subject, PageFields.Author, PageFields.Date], pages[2].GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
        Assert.All(pages, p => Assert.True(p.GetProperty("elapsedMs").GetDouble() >= 0));
        Assert.StartsWith(mailArchive.BaseUrl.AbsoluteUri, pages[2].GetProperty("url").GetString(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> ChangedSites() => new()
    {
        { "spinics-markers-labels", "Message-ID, subject" },
        { "spinics-index-moved", "index entries" },
        { "mail-archive-head-class", "subject, author, date" },
        { "mail-archive-index-moved", "index entries" },
    };

    [Theory]
    [MemberData(nameof(ChangedSites))]
    public async Task Check_ChangedLayout_Exit4NamingTheArchiveAndTheMissingFields(string name, string missing)
    {
        var spinicsChanged = name.StartsWith("spinics", StringComparison.Ordinal);
        await using var changed = await FixtureServer.StartAsync(LayoutDriftRunTests.Site(name, Paged), LayoutDriftRunTests.ListPath(name));
        await using var other = spinicsChanged
            ? await FixtureServer.StartAsync(new MailArchiveFixtureSite(Paged), "/netdev@vger.kernel.org/")
            : await FixtureServer.StartAsync(new SpinicsFixtureSite(Paged), "/lists/netdev/");
        var environment = spinicsChanged ? _scratch.Environment(changed.BaseUrl, other.BaseUrl) : _scratch.Environment(other.BaseUrl, changed.BaseUrl);

        var result = await harvester.RunAsync(["check"], environment);

        Assert.True(result.ExitCode == ExitCodes.LayoutChanged, result.ToString());
        var lines = result.Stdout.Split('\n');
        var (archive, otherArchive) = spinicsChanged ? ("Spinics", "MailArchive") : ("MailArchive", "Spinics");
        var line = Assert.Single(lines, l => l.StartsWith(archive + " ", StringComparison.Ordinal));
        Assert.Matches(@" layout changed +\d+ ms  the (date index|newest patch mail's page) lacks " + Regex.Escape(missing) + ";", line);
        Assert.Single(lines, l => Regex.IsMatch(l, "^" + otherArchive + @" +[a-z-]+ +usable "));
        Assert.Equal(missing.Split(", "), lines.Where(l => l.StartsWith("    MISSING  ", StringComparison.Ordinal)).Select(l => l[13..].Split("  ")[0].Trim()));
    }

    [Fact]
    public async Task Check_OnItsOwnCapturedPages_SameVerdictAndFieldsWithoutTheSite()
    {
        // fixtures/README.md "From captured pages to a fixture", steps 1 and 2: check, export what it cached, check the export.
        await using var spinics = await FixtureServer.StartAsync(ChangedLayoutSite.SpinicsMarkersAndLabelsRenamed(Paged), "/lists/netdev/");
        var environment = _scratch.Environment(spinics.BaseUrl, null);
        var onSite = await harvester.RunAsync(["check"], environment);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var export = await harvester.RunAsync(["cache", "export", _scratch.File("capture"), "--archive", "Spinics", "--from", today], environment);
        var mirror = MirrorLine().Match(export.Stdout).Groups["url"].Value;
        Assert.StartsWith("file://", mirror, StringComparison.Ordinal);
        var requests = spinics.Requests.Count;

        var reproduced = await harvester.RunAsync(["check"], new Dictionary<string, string>(environment)
        {
            ["Harvester__Archives__Spinics__BaseUrl"] = mirror,
            ["Harvester__Cache__Path"] = _scratch.File("fresh.db"),
        });

        Assert.True(onSite.ExitCode == ExitCodes.LayoutChanged, onSite.ToString());
        Assert.True(reproduced.ExitCode == ExitCodes.LayoutChanged, reproduced.ToString());
        Assert.Contains("none (a file:// mirror has no robots.txt): everything allowed", reproduced.Stdout, StringComparison.Ordinal);
        Assert.Equal(Fields(onSite.Stdout), Fields(reproduced.Stdout.Replace(mirror, spinics.BaseUrl.AbsoluteUri, StringComparison.Ordinal))); // MISSING ones included
        Assert.Contains("    MISSING  Message-ID", reproduced.Stdout, StringComparison.Ordinal);
        Assert.Equal(requests, spinics.Requests.Count); // the capture alone was read

        static List<string> Fields(string table) => [.. table.Split('\n').Where(l => FieldLine().IsMatch(l))];
    }

    [Fact]
    public async Task Check_DeadHost_Exit1AndTheOtherArchiveStillChecked()
    {
        await using var mailArchive = await FixtureServer.StartAsync(new MailArchiveFixtureSite(Paged), "/netdev@vger.kernel.org/");

        var result = await harvester.RunAsync(["check"], _scratch.Environment(FixtureServer.DeadBaseUrl("/lists/netdev/"), mailArchive.BaseUrl));

        Assert.True(result.ExitCode == ExitCodes.NothingHarvested, result.ToString());
        var lines = result.Stdout.Split('\n');
        Assert.Matches(@"^Spinics +spinics +unreachable +\d+ ms  date index not read: failed: ", Assert.Single(lines, l => l.StartsWith("Spinics ", StringComparison.Ordinal)));
        Assert.Single(lines, l => Regex.IsMatch(l, @"^MailArchive +mail-archive +usable "));
    }

    [Fact]
    public async Task Check_CloudflareChallenge_Exit1NamingTheChallenge()
    {
        await using var mailArchive = await FixtureServer.StartAsync(new MailArchiveFixtureSite(Paged), "/netdev@vger.kernel.org/");
        mailArchive.Inject("maillist.html", Fault.Challenge());

        var result = await harvester.RunAsync(["check"], _scratch.Environment(null, mailArchive.BaseUrl));

        Assert.True(result.ExitCode == ExitCodes.NothingHarvested, result.ToString());
        Assert.Contains("unreachable", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("date index not read: challenge: Cloudflare challenge (HTTP 403, cf-mitigated: challenge)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_FakeLore_LastDaysSearchAndOneRawMailRead()
    {
        await using var lore = await PublicInboxServer.StartAsync(new Dictionary<string, FixtureArchive> { ["netdev"] = EndingToday(ProcessScratch.Week) });
        var environment = LoreOnly(lore);

        var result = await harvester.RunAsync(["check"], environment);

        Assert.True(result.ExitCode == ExitCodes.Done, result.ToString());
        var lines = result.Stdout.Split('\n');
        Assert.Matches(@"^LoreNetdev +public-inbox +usable +\d+ ms  the last day's search \(\d+ mails\) and one raw mail read; ", Assert.Single(lines, l => l.StartsWith("LoreNetdev ", StringComparison.Ordinal)));
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var search = Assert.Single(lore.Requests, r => r.StartsWith("POST netdev/?q=d:", StringComparison.Ordinal));
        Assert.EndsWith(".." + today + "&x=m", search, StringComparison.Ordinal);
        var raw = Assert.Single(lore.Requests, r => r.EndsWith("/raw", StringComparison.Ordinal));
        Assert.StartsWith("GET netdev/", raw, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("  query ", StringComparison.Ordinal) && l.Contains(" ok  ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  message ", StringComparison.Ordinal) && l.EndsWith("/raw", StringComparison.Ordinal));
        var message = lines.SkipWhile(l => !l.StartsWith("  message ", StringComparison.Ordinal)).Skip(1).ToList();
        Assert.Equal(
            [PageFields.MessageId, PageFields.Subject, PageFields.Author, PageFields.Date, PageFields.References, PageFields.Body, PageFields.Diffstat],
            message.Where(l => FieldLine().IsMatch(l)).Select(l => l[13..].Split("  ")[0].Trim()));
        Assert.DoesNotContain(lines, l => l.Contains("MISSING", StringComparison.Ordinal));
        Assert.Equal(1, lore.Requests.Count(r => r.EndsWith("robots.txt", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Check_FakeLoreQuietLastDay_WidensToAWeekAndStillReadsOneRawMail()
    {
        await using var lore = await PublicInboxServer.StartAsync(new Dictionary<string, FixtureArchive> { ["netdev"] = EndingDaysAgo(ProcessScratch.Week, 3) });

        var result = await harvester.RunAsync(["check"], LoreOnly(lore));

        Assert.True(result.ExitCode == ExitCodes.Done, result.ToString());
        Assert.Matches(@"usable +\d+ ms  the last 7 days' search \(\d+ mails\) and one raw mail read", Assert.Single(result.Stdout.Split('\n'), l => l.StartsWith("LoreNetdev ", StringComparison.Ordinal)));
        var today = DateTime.UtcNow.Date;
        Assert.Equal(
            [$"POST netdev/?q=d:{today.AddDays(-1):yyyy-MM-dd}..{today:yyyy-MM-dd}&x=m", $"POST netdev/?q=d:{today.AddDays(-7):yyyy-MM-dd}..{today:yyyy-MM-dd}&x=m"],
            lore.Requests.Where(r => r.StartsWith("POST ", StringComparison.Ordinal)));
        Assert.Single(lore.Requests, r => r.EndsWith("/raw", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_FakeLoreNoMailInAWeek_Exit4SayingTheSearchMayHaveChanged()
    {
        await using var lore = await PublicInboxServer.StartAsync(new Dictionary<string, FixtureArchive> { ["netdev"] = EndingDaysAgo(ProcessScratch.Week, 30) });

        var result = await harvester.RunAsync(["check"], LoreOnly(lore));

        Assert.True(result.ExitCode == ExitCodes.LayoutChanged, result.ToString());
        Assert.Contains("the search found no mail in the last 7 days", Assert.Single(result.Stdout.Split('\n'), l => l.StartsWith("LoreNetdev ", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain(lore.Requests, r => r.EndsWith("/raw", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_LoreAnubisChallenge_Exit1NamingAnubis()
    {
        await using var lore = await PublicInboxServer.StartAsync(new Dictionary<string, FixtureArchive> { ["netdev"] = EndingToday(ProcessScratch.Week) });
        lore.ChallengeEveryone = true;

        var result = await harvester.RunAsync(["check"], LoreOnly(lore));

        Assert.True(result.ExitCode == ExitCodes.NothingHarvested, result.ToString());
        var line = Assert.Single(result.Stdout.Split('\n'), l => l.StartsWith("LoreNetdev ", StringComparison.Ordinal));
        Assert.Contains("unreachable", line, StringComparison.Ordinal);
        Assert.Contains("the last day's search not read: challenge: an Anubis proof-of-work page", line, StringComparison.Ordinal);
        Assert.DoesNotContain(lore.Requests, r => r.EndsWith("/raw", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--bogus", null)]
    public async Task Check_BadFlag_Exit2BeforeAnyRequest(string flag, string? value)
    {
        await using var spinics = await FixtureServer.StartAsync(new SpinicsFixtureSite(Paged), "/lists/netdev/");

        var result = await harvester.RunAsync(value is null ? ["check", flag] : ["check", flag, value], _scratch.Environment(spinics.BaseUrl, null));

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains(value ?? flag, result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
        Assert.Empty(spinics.Requests);
    }

    /// <summary>Only the fake lore's netdev inbox enabled (the HTML archives off).</summary>
    private Dictionary<string, string> LoreOnly(PublicInboxServer lore)
    {
        var environment = _scratch.Environment(null, null);
        environment["Harvester__Archives__LoreNetdev__BaseUrl"] = lore.Inbox("netdev").AbsoluteUri;
        environment["Harvester__Archives__LoreNetdev__Enabled"] = "True";
        return environment;
    }

    /// <summary>The archive moved by whole days so that its newest mail is dated today (UTC): the last day's search finds mail.</summary>
    private static FixtureArchive EndingToday(FixtureArchive archive) => EndingDaysAgo(archive, 0);

    /// <summary>The archive moved by whole days so that its newest mail is dated <paramref name="days"/> days before today (UTC).</summary>
    private static FixtureArchive EndingDaysAgo(FixtureArchive archive, int days)
    {
        var shift = TimeSpan.FromDays((DateTime.UtcNow.Date.AddDays(-days) - archive.Messages.Max(m => m.Date.UtcDateTime.Date)).Days);
        var moved = archive.Messages.Select(m => m with { Date = m.Date + shift, Received = m.Received + shift, Raw = null }).ToList();
        return FixtureArchive.FromMessages(moved, archive.Settings, archive.List);
    }

    [GeneratedRegex(@"^Spinics: \d+ pages; read them with Harvester__Archives__Spinics__BaseUrl=(?<url>\S+)$", RegexOptions.Multiline)]
    private static partial Regex MirrorLine();

    [GeneratedRegex(@"^    (found|MISSING|absent)  ")]
    private static partial Regex FieldLine();
}
