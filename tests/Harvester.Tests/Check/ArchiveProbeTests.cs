using Harvester.Check;
using Harvester.Crawl;
using Harvester.Parse;
using Harvester.Tests.EndToEnd;
using Harvester.Tests.Support;
using Harvester.Tests.Support.Sites;

namespace Harvester.Tests.Check;

/// <summary><c>harvester check</c>'s probe of one archive against fixture sites, unchanged and with a changed layout (issue 16).</summary>
public sealed class ArchiveProbeTests
{
    /// <summary>The week with 20 entries per index page on both sites, so the first page has a next-page link, as on the real lists.</summary>
    private static readonly FixtureArchive Week = FixtureArchive.Load(Paths.Fixture("archives", "week-2026-11"));
    private static readonly FixtureArchive Paged = Week.With(Week.Settings with { MailArchivePageSize = 20, SpinicsPageSize = 20 });
    private static readonly Uri SpinicsBase = new("https://www.spinics.net/lists/netdev/");
    private static readonly Uri MailArchiveBase = new("https://www.mail-archive.com/netdev@vger.kernel.org/");

    [Theory]
    [InlineData("spinics")]
    [InlineData("mail-archive")]
    public async Task Run_UnchangedSite_UsableWithEveryFieldFound(string kind)
    {
        IFixtureSite site = kind == "spinics" ? new SpinicsFixtureSite(Paged) : new MailArchiveFixtureSite(Paged);

        var check = await Probe(kind, site, "User-agent: *\nCrawl-delay: 5\n");

        Assert.Equal(ArchiveVerdict.Usable, check.Verdict);
        Assert.Equal(["robots.txt", "index", "message"], check.Pages.Select(p => p.Page));
        Assert.Contains("Crawl-delay 5 s", check.Politeness, StringComparison.Ordinal);
        Assert.All(check.Pages, p => Assert.Empty(p.MissingRequired));
        var index = check.Pages[1].Fields.Select(f => f.Field).ToList();
        Assert.Equal(kind == "spinics"
            ? [PageFields.Entries, PageFields.Number, PageFields.Subject, PageFields.Author, PageFields.NextPage]
            : [PageFields.Entries, PageFields.Number, PageFields.Subject, PageFields.Author, PageFields.Dates, PageFields.NextPage], index);
        var message = check.Pages[2].Fields;
        Assert.Equal(
            [PageFields.MessageId, PageFields.Subject, PageFields.Author, PageFields.Date, PageFields.References, PageFields.Body, PageFields.Diffstat],
            message.Select(f => f.Field));
        Assert.True(message.Single(f => f.Field == PageFields.Diffstat).Found); // the newest patch mail, not a cover letter
    }

    [Theory]
    [InlineData("spinics")]
    [InlineData("mail-archive")]
    public async Task Run_ListWithOneIndexPage_UsableWithoutANextLink(string kind)
    {
        var single = Week.With(Week.Settings with { MailArchivePageSize = 1000, SpinicsPageSize = 1000 });
        IFixtureSite site = kind == "spinics" ? new SpinicsFixtureSite(single) : new MailArchiveFixtureSite(single);

        var check = await Probe(kind, site);

        Assert.Equal(ArchiveVerdict.Usable, check.Verdict);
        var next = check.Pages[1].Fields.Single(f => f.Field == PageFields.NextPage);
        Assert.True(next.Found);
        Assert.Equal("none: the page says it is the index's last", next.Detail);
    }

    [Fact]
    public async Task Run_SpinicsPagingLinkRenamed_LayoutChangedNamingTheNextPageLink()
    {
        var site = new ChangedLayoutSite(new SpinicsFixtureSite(Paged), "spinics: Next Page renamed", (file, html) =>
            file.StartsWith("msg", StringComparison.Ordinal) ? html : html.Replace(">Next Page<", ">Older<", StringComparison.Ordinal));

        var check = await Probe("spinics", site);

        Assert.Equal(ArchiveVerdict.LayoutChanged, check.Verdict);
        Assert.Equal([PageFields.NextPage], check.Pages[^1].MissingRequired.Select(f => f.Field));
    }

    public static TheoryData<string, string, string[]> Changed() => new()
    {
        { "spinics-markers-labels", "message", [PageFields.MessageId, PageFields.Subject] },
        { "spinics-index-moved", "index", [PageFields.Entries] },
        { "mail-archive-head-class", "message", [PageFields.Subject, PageFields.Author, PageFields.Date] },
        { "mail-archive-index-moved", "index", [PageFields.Entries] },
    };

    [Theory]
    [MemberData(nameof(Changed))]
    public async Task Run_ChangedLayout_LayoutChangedNamingTheMissingFields(string name, string page, string[] missing)
    {
        var site = LayoutDriftRunTests.Site(name, Paged);

        var check = await Probe(name.StartsWith("spinics", StringComparison.Ordinal) ? "spinics" : "mail-archive", site);

        Assert.Equal(ArchiveVerdict.LayoutChanged, check.Verdict);
        Assert.Equal(page, check.Pages[^1].Page);
        Assert.Equal(missing, check.Pages[^1].MissingRequired.Select(f => f.Field));
        Assert.Equal(4, CheckReport.ExitCode([check]));
        var table = CheckReport.Table([check]);
        Assert.All(missing, field => Assert.Matches($@"\n    MISSING  {System.Text.RegularExpressions.Regex.Escape(field)} ", table));
    }

    [Fact]
    public async Task Run_CloudflareChallenge_UnreachableNamingTheChallenge()
    {
        var site = new StaticSite("<html><head><title>Just a moment...</title></head><body><script src=\"/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1\"></script></body></html>");

        var check = await Probe("mail-archive", site);

        Assert.Equal(ArchiveVerdict.Unreachable, check.Verdict);
        Assert.StartsWith("date index not read: challenge: a Cloudflare challenge page", check.Summary, StringComparison.Ordinal);
        Assert.Equal(1, CheckReport.ExitCode([check]));
    }

    [Fact]
    public async Task Run_AnubisChallenge_UnreachableNamingAnubis()
    {
        var site = new StaticSite(File.ReadAllText(Paths.Fixture("pages", "public-inbox", "anubis-challenge.html")));

        var check = await Probe("spinics", site);

        Assert.Equal(ArchiveVerdict.Unreachable, check.Verdict);
        Assert.Equal("date index not read: challenge: an Anubis proof-of-work page (not solved)", check.Summary);
    }

    [Fact]
    public async Task Run_NewestPatchPageNotFound_NextNewestRead()
    {
        var site = new SpinicsFixtureSite(Paged);
        var newest = await Probe("spinics", site);
        var gone = newest.Pages[^1].Url.Segments[^1];

        var check = await Probe("spinics", new WithoutPages(site, f => f == gone));

        Assert.Equal(ArchiveVerdict.Usable, check.Verdict);
        Assert.EndsWith("; 1 newer patch mail(s) not found", check.Summary, StringComparison.Ordinal);
        Assert.NotEqual(gone, check.Pages[^1].Url.Segments[^1]);
    }

    [Fact]
    public async Task Run_NoMessagePageOnASite_UnreachableAfterMaxMessagePages()
    {
        var fetcher = new SiteProbeFetcher(new WithoutPages(new SpinicsFixtureSite(Paged), f => f.StartsWith("msg", StringComparison.Ordinal)), SpinicsBase);

        var check = await new ArchiveProbe("Spinics", "spinics", fetcher, new SpinicsIndexPageParser(), new SpinicsMessagePageParser(), TimeProvider.System).RunAsync("1 request/s", default);

        Assert.Equal(ArchiveVerdict.Unreachable, check.Verdict);
        Assert.Equal(ArchiveProbe.MaxMessagePages, fetcher.Fetched.Count(u => u.Segments[^1].StartsWith("msg", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Run_IndexMissing_Unreachable()
    {
        var check = await Probe("spinics", new StaticSite(null));

        Assert.Equal(ArchiveVerdict.Unreachable, check.Verdict);
        Assert.Equal("not found: HTTP 404", check.Pages[1].Outcome);
    }

    [Fact]
    public async Task Run_RobotsDisallowsTheList_UnreachableWithoutFetchingIt()
    {
        var fetcher = new SiteProbeFetcher(new SpinicsFixtureSite(Paged), SpinicsBase, "User-agent: *\nDisallow: /lists/\n");

        var check = await new ArchiveProbe("Spinics", "spinics", fetcher, new SpinicsIndexPageParser(), new SpinicsMessagePageParser(), TimeProvider.System).RunAsync("1 request/s", default);

        Assert.Equal(ArchiveVerdict.Unreachable, check.Verdict);
        Assert.Empty(fetcher.Fetched);
    }

    [Fact]
    public void ExitCode_LayoutWinsOverUnreachable_ZeroWhenAllUsable()
    {
        ArchiveCheck Of(ArchiveVerdict v) => new("A", "spinics", SpinicsBase, v, "", "", []);

        Assert.Equal(0, CheckReport.ExitCode([Of(ArchiveVerdict.Usable), Of(ArchiveVerdict.Usable)]));
        Assert.Equal(1, CheckReport.ExitCode([Of(ArchiveVerdict.Usable), Of(ArchiveVerdict.Unreachable)]));
        Assert.Equal(4, CheckReport.ExitCode([Of(ArchiveVerdict.Unreachable), Of(ArchiveVerdict.LayoutChanged)]));
    }

    private static Task<ArchiveCheck> Probe(string kind, IFixtureSite site, string? robots = null)
    {
        var parsers = PageParsers.For(kind)!.Value;
        var baseUri = kind == "spinics" ? SpinicsBase : MailArchiveBase;
        return new ArchiveProbe(kind == "spinics" ? "Spinics" : "MailArchive", kind, new SiteProbeFetcher(site, baseUri, robots), parsers.Index, parsers.Message, TimeProvider.System)
            .RunAsync("1 request/s per host", default);
    }

    private sealed class WithoutPages(IFixtureSite inner, Func<string, bool> gone) : IFixtureSite
    {
        public string? Render(string fileName) => gone(fileName) ? null : inner.Render(fileName);
    }

    private sealed class StaticSite(string? html) : IFixtureSite
    {
        public string? Render(string fileName) => html;
    }
}
