using System.Diagnostics;
using Harvester.Filter;
using Harvester.Parse;
using Harvester.Tests.Support;

namespace Harvester.Tests.Parse;

/// <summary>
/// Issue 12: no stranger's page can crash or stall a parse, one bad index entry costs only itself, and numeric
/// character references decode. Pages are the shared samples with one hostile piece put into them.
/// </summary>
public sealed class HostilePageTests
{
    // The shapes took 29 s to hours before; a warm parse of each takes well under a second (docs/benchmarks.md, verb
    // hostile). The first parse also JIT-compiles and builds the regexes' automata, on a machine shared by 14 jobs.
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);

    [Fact]
    public void Parse_DeepNestingMessagePage_FailsWithDiagnosticInsteadOfCrashing()
    {
        // Without the nesting bound both pages parse (1 s of HtmlAgilityPack's quadratic tree building) and this fails;
        // the stack overflow (exit 134) takes a recursive walk 32,700 levels deep: HostilePageProcessTests.
        foreach (var (kind, sample) in new[] { ("spinics", "spinics-sample-message.html"), ("mail-archive", "mail-archive-sample-message.html") })
        {
            var html = HostilePages.Into(ParseTestSupport.SharedSample(sample), HostilePages.DeepNesting());
            var outcome = Timed(() => PageParsers.For(kind)!.Value.Message.Parse(new FetchedPage(kind, kind, new Uri(ParseTestSupport.SpinicsRoot, "msg1.html"), html)));
            Assert.False(outcome.Succeeded);
            Assert.Contains("nested", outcome.Error, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Parse_NestingWithinBound_StillReadsBody()
    {
        var html = HostilePages.Into(ParseTestSupport.SharedSample("mail-archive-sample-message.html"), HostilePages.DeepNesting(200));
        var message = ParseTestSupport.MailArchiveMessage(html);
        Assert.Contains("deep", message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MoreTagsThanTheCap_FailsNamingTheCap()
    {
        var html = HostilePages.Into(ParseTestSupport.SharedSample("spinics-sample-index.html"), HostilePages.ManyTags());
        var outcome = Timed(() => new SpinicsIndexPageParser().Parse("spinics", ParseTestSupport.SpinicsRoot, html));
        Assert.False(outcome.Succeeded);
        Assert.Contains("50000 tags", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EndlessTag_FailsNamingTheAttributeCap()
    {
        var html = HostilePages.Into(ParseTestSupport.SharedSample("mail-archive-sample-index.html"), HostilePages.EndlessTag());
        var outcome = Timed(() => new MailArchiveIndexPageParser().Parse("mail-archive", ParseTestSupport.MailArchiveRoot, html));
        Assert.False(outcome.Succeeded);
        Assert.Contains("attributes", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OpenXCommentOnMillionCharacterLine_FinishesInTime()
    {
        // MhonarcPage's X-comment pattern backtracked: 29 s on this line before RegexOptions.NonBacktracking.
        var html = HostilePages.OpenXComment() + ParseTestSupport.SharedSample("spinics-sample-message.html");
        var message = ParseTestSupport.Ok(Timed(() => new SpinicsMessagePageParser().Parse(
            new FetchedPage("spinics", "spinics", new Uri(ParseTestSupport.SpinicsRoot, "msg434497.html"), html))));
        Assert.Equal("[PATCH net-next v2 1/3] net: sched: add foo offload", message.Subject);
    }

    [Fact]
    public void Diffstat_StatLikeLine_FinishesInTime()
    {
        // 38 s on 320,000 characters before RegexOptions.NonBacktracking, growing four-fold per doubling.
        var body = "Fix it.\n\n---\n" + HostilePages.StatLikeLine() + "\n 1 file changed, 1 insertion(+)\n";
        var stat = Timed(() => Diffstat.Parse(body));
        Assert.Equal(1, stat.FilesChanged);
    }

    [Fact]
    public void Parse_MillionSpaceLine_FinishesInTime()
    {
        var html = HostilePages.Into(ParseTestSupport.SharedSample("spinics-sample-message.html"), HostilePages.LongSpaceLine());
        var message = ParseTestSupport.Ok(Timed(() => new SpinicsMessagePageParser().Parse(
            new FetchedPage("spinics", "spinics", new Uri(ParseTestSupport.SpinicsRoot, "msg434497.html"), html))));
        Timed(() => Diffstat.Parse(message.Body));
        Timed(() => CommitMessage.Classify(message.Body, ["Signed-off-by"]));
    }

    [Fact]
    public void Parse_MalformedEntryHrefOnMailArchiveIndex_DropsThatEntryWithWarning()
    {
        var html = ParseTestSupport.SharedSample("mail-archive-sample-index.html");
        var whole = ParseTestSupport.MailArchiveIndex(html);
        const string good = "href=\"msg302229.html\"";
        Assert.Contains(good, html, StringComparison.Ordinal);

        // new Uri threw on this, losing the page and, on page 1, the archive.
        var page = ParseTestSupport.MailArchiveIndex(html.Replace(good, "href=\"http://[::1/msg302229.html\"", StringComparison.Ordinal));

        Assert.Equal(whole.Entries.Count - 1, page.Entries.Count);
        Assert.DoesNotContain(page.Entries, e => e.Number == 302229);
        Assert.Contains("not a URL", Assert.Single(page.Warnings), StringComparison.Ordinal);
        Assert.Empty(whole.Warnings);
        Assert.Equal(whole.NextPage, page.NextPage);
    }

    [Theory]
    [InlineData("spinics", "spinics-sample-index.html", "<a href=\"mail2.html\">")]
    [InlineData("mail-archive", "mail-archive-sample-index.html", "<A HREF=\"mail2.html\"")]
    public void Parse_MalformedNextPageHref_ReadsEntriesAndWarns(string kind, string sample, string link)
    {
        var html = ParseTestSupport.SharedSample(sample);
        var parser = PageParsers.For(kind)!.Value.Index;
        var whole = ParseTestSupport.Ok(parser.Parse(kind, ParseTestSupport.SpinicsRoot, html));
        Assert.NotNull(whole.NextPage);

        var broken = html.Replace(link, link.Replace("mail2.html", "http://host:99999/mail2.html", StringComparison.Ordinal), StringComparison.Ordinal);
        var page = ParseTestSupport.Ok(parser.Parse(kind, ParseTestSupport.SpinicsRoot, broken));

        Assert.Equal(whole.Entries.Count, page.Entries.Count);
        Assert.Null(page.NextPage);
        Assert.Contains("next-page href", Assert.Single(page.Warnings), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("&#128029;")]
    [InlineData("&#x1F41D;")]
    [InlineData("&#X1f41d;")]
    public void Parse_NumericReferenceInSubject_DecodesToItsCharacter(string reference)
    {
        var html = ParseTestSupport.SharedSample("mail-archive-sample-message.html")
            .Replace("report offload statistics</span>", "report offload statistics " + reference + "</span>", StringComparison.Ordinal);
        var message = ParseTestSupport.MailArchiveMessage(html);
        Assert.EndsWith("statistics \U0001F41D", message.Subject, StringComparison.Ordinal); // was "&##128029;"
    }

    [Fact]
    public void Parse_EntitySoupBody_DecodesOnceWithoutThrowing()
    {
        var html = HostilePages.Into(ParseTestSupport.SharedSample("spinics-sample-message.html"), HostilePages.EntitySoup(10_000));
        var message = ParseTestSupport.Ok(Timed(() => new SpinicsMessagePageParser().Parse(
            new FetchedPage("spinics", "spinics", new Uri(ParseTestSupport.SpinicsRoot, "msg434497.html"), html))));
        Assert.Contains("\U0001F41D\U0001F41D&&amp;", message.Body, StringComparison.Ordinal);
    }

    private static T Timed<T>(Func<T> parse)
    {
        var clock = Stopwatch.StartNew();
        var result = parse();
        Assert.True(clock.Elapsed < Budget, $"took {clock.Elapsed.TotalMilliseconds:F0} ms (budget {Budget.TotalMilliseconds:F0} ms)");
        return result;
    }
}
