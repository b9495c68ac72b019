using System.Text.Json.Nodes;
using Harvester.Hosting;
using Harvester.Tests.Support;
using Harvester.Tests.Support.Sites;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Harvester.Tests.ProcessRuns;

/// <summary>
/// Issue 12's process proof: the published program against a fixture server that serves one stranger's page. A page
/// that crashed the process without the nesting bound (45,000 unclosed <c>&lt;b&gt;</c> inside a broken Cloudflare
/// address: exit 134 after 35 s) or stalled it (a 1,000,000-character line of spaces: minutes in Diffstat's stat-line
/// pattern) costs at most itself; authors that look like Markdown stay
/// plain list items; an emoji written as a numeric reference reads back as itself.
/// </summary>
[Collection(HarvesterProcessCollectionB.Name)]
public sealed class HostilePageProcessTests(HarvesterBinary harvester) : IDisposable
{
    // "In seconds": the week's run takes a few seconds even on a loaded machine; past this the run is killed and fails.
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(45);

    private const string Target = "[PATCH bpf-next] libbpf: Fix memory leak when BTF loading fails";
    private readonly ProcessScratch _scratch = new();

    [Fact]
    public async Task Harvest_DeepNestingMessagePage_ListsEveryOtherMessageInSeconds()
    {
        // Without PageLimits.MaxNesting this run died of a stack overflow (exit 134, after about 15 s of parsing): the
        // body walk reads the broken address's text through HtmlAgilityPack's recursive InnerText, 45,000 levels deep.
        var page = SiteText.MessageFile(Assert.Single(ProcessScratch.Week.Messages, m => m.Subject == Target).MailArchiveNumber!.Value);
        var piece = HostilePages.DeepNestingInAddress();
        var site = new EditedSite(new MailArchiveFixtureSite(ProcessScratch.Week), (file, html) => file == page ? HostilePages.Into(html, piece) : html);
        Assert.Contains("<!--X-Body-of-Message-->\n" + piece, site.Render(page), StringComparison.Ordinal); // inside div.msgBody
        await using var mailArchive = await FixtureServer.StartAsync(site, "/netdev@vger.kernel.org/");

        var result = await harvester.RunAsync(ProcessScratch.WeekWindow, _scratch.Environment(null, mailArchive.BaseUrl), Budget);

        Assert.True(result.ExitCode is ExitCodes.Done or ExitCodes.PartialFailure, result.ToString());
        var target = "/" + page + ")";
        var expected = EndToEnd.SingleArchiveTests.ExpectedFromMailArchiveOnly(mailArchive).Split('\n').Where(l => !l.Contains(target, StringComparison.Ordinal));
        Assert.Equal(expected, result.Stdout.Split('\n').Where(l => !l.Contains(target, StringComparison.Ordinal)));
        Assert.Contains("nested", result.Stderr, StringComparison.Ordinal); // the page is reported, not silently lost
    }

    [Fact]
    public async Task Harvest_MillionSpacesLineMessagePage_ListsEveryOtherMessageInSeconds()
    {
        var (result, spinics) = await RunWithPieceAsync(HostilePages.LongSpaceLine());
        await using (spinics)
        {
            AssertEveryOtherMessageListed(result, spinics);
        }
    }

    [Fact]
    public async Task Harvest_AuthorsThatLookLikeMarkdown_RenderAsPlainListItemsWithOneLinkEach()
    {
        var authors = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Target] = "# Eve",
            ["[PATCH iproute2-next] tc: bpf: print the program tag in filter dumps"] = "> Eve",
            ["[PATCH bpf-next] selftests/bpf: Fix flaky timeout in the sockmap redirect test"] = "1. Eve",
        };
        var archive = ProcessScratch.Week.Select(m => authors.TryGetValue(m.Subject, out var author) ? m with { FromName = author } : m);
        await using var spinics = await FixtureServer.StartSpinicsAsync(archive);

        var result = await harvester.RunAsync(ProcessScratch.WeekWindow, _scratch.Environment(spinics.BaseUrl, null), Budget);

        Assert.True(result.ExitCode == ExitCodes.Done, result.ToString());
        var expectedItems = ExpectedLines(spinics).Count(l => l.StartsWith("- ", StringComparison.Ordinal));
        foreach (var document in new[] { Markdown.Parse(result.Stdout), Markdown.Parse(result.Stdout, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build()) })
        {
            Assert.Single(document.Descendants<HeadingBlock>()); // "## Patches" only
            Assert.Empty(document.Descendants<QuoteBlock>());
            var list = Assert.Single(document.OfType<ListBlock>());
            Assert.Equal(expectedItems, list.Count);
            foreach (var (subject, author) in authors)
            {
                var item = Assert.Single(list.Cast<ListItemBlock>(), i => i.Descendants<LinkInline>().Any(l => Text(l) == subject));
                var paragraph = Assert.IsType<ParagraphBlock>(Assert.Single(item)); // no heading, quote or nested list inside
                Assert.Single(paragraph.Inline!.Descendants<LinkInline>());
                Assert.Equal($"{author}, {subject}", Text(paragraph.Inline!));
            }
        }
    }

    [Fact]
    public async Task Harvest_EmojiSubjectWrittenAsNumericReference_ReadsBackIntactInMarkdownAndJson()
    {
        const string Subject = "[PATCH net] xsk: Fix use-after-free when unbinding a busy socket";
        const string Emoji = "\U0001F41D";
        var archive = ProcessScratch.Week.Select(m => m.Subject == Subject ? m with { Subject = Subject + " " + Emoji } : m);
        var site = new EditedSite(new MailArchiveFixtureSite(archive), (_, html) => html.Replace(Emoji, "&#128029;", StringComparison.Ordinal));
        var number = Assert.Single(archive.Messages, m => m.Subject.EndsWith(Emoji, StringComparison.Ordinal)).MailArchiveNumber!.Value;
        Assert.Contains("busy socket &#128029;", site.Render(SiteText.MessageFile(number)), StringComparison.Ordinal); // as the archive writes it
        await using var mailArchive = await FixtureServer.StartAsync(site, "/netdev@vger.kernel.org/");

        var markdown = await harvester.RunAsync(ProcessScratch.WeekWindow, _scratch.Environment(null, mailArchive.BaseUrl), Budget);
        var json = await harvester.RunAsync([.. ProcessScratch.WeekWindow, "--format", "json"], _scratch.Environment(null, mailArchive.BaseUrl), Budget);

        Assert.True(markdown.ExitCode == ExitCodes.Done, markdown.ToString());
        Assert.True(json.ExitCode == ExitCodes.Done, json.ToString());
        var link = Assert.Single(Markdown.Parse(markdown.Stdout).Descendants<LinkInline>(), l => l.Url!.EndsWith(SiteText.MessageFile(number), StringComparison.Ordinal));
        Assert.Equal(Subject + " " + Emoji, Text(link));
        Assert.Contains(Subject + " " + Emoji, Subjects(JsonNode.Parse(json.Stdout)));
        Assert.DoesNotContain("&#", markdown.Stdout + json.Stdout, StringComparison.Ordinal); // was "&##128029;"
    }

    public void Dispose() => _scratch.Dispose();

    /// <summary>Runs the week with <paramref name="piece"/> put into <see cref="Target"/>'s spinics message page.</summary>
    private async Task<(ProcessResult Result, FixtureServer Spinics)> RunWithPieceAsync(string piece)
    {
        var page = SiteText.MessageFile(Assert.Single(ProcessScratch.Week.Messages, m => m.Subject == Target).SpinicsNumber!.Value);
        var site = new EditedSite(new SpinicsFixtureSite(ProcessScratch.Week), (file, html) => file == page ? HostilePages.Into(html, piece) : html);
        Assert.Contains(piece, site.Render(page), StringComparison.Ordinal);
        var spinics = await FixtureServer.StartAsync(site, "/lists/netdev/");
        try
        {
            return (await harvester.RunAsync(ProcessScratch.WeekWindow, _scratch.Environment(spinics.BaseUrl, null), Budget), spinics);
        }
        catch
        {
            await spinics.DisposeAsync();
            throw;
        }
    }

    /// <summary>Exit 0 or 3, and stdout is expected.md's section with every message but the target's, in order.</summary>
    private static void AssertEveryOtherMessageListed(ProcessResult result, FixtureServer spinics)
    {
        Assert.True(result.ExitCode is ExitCodes.Done or ExitCodes.PartialFailure, result.ToString());
        var target = "/" + SiteText.MessageFile(Assert.Single(ProcessScratch.Week.Messages, m => m.Subject == Target).SpinicsNumber!.Value) + ")";
        var expected = ExpectedLines(spinics).Where(l => !l.Contains(target, StringComparison.Ordinal));
        var listed = result.Stdout.Split('\n').Where(l => !l.Contains(target, StringComparison.Ordinal));
        Assert.Equal(expected, listed);
    }

    /// <summary>expected.md for a spinics-only run: the one message only mail-archive holds is not listed.</summary>
    private static List<string> ExpectedLines(FixtureServer spinics) =>
        [.. ProcessScratch.Expected(spinics, null).Split('\n').Where(l => !l.Contains("https://www.mail-archive.com/", StringComparison.Ordinal))];

    private static IEnumerable<string> Subjects(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "subject" && p.Value is JsonValue v ? [v.GetValue<string>()] : Subjects(p.Value)),
        JsonArray a => a.SelectMany(Subjects),
        _ => [],
    };

    private static string Text(ContainerInline container) => string.Concat(container.Select(inline => inline switch
    {
        LiteralInline literal => literal.Content.ToString(),
        CodeInline code => code.Content,
        ContainerInline inner => Text(inner),
        _ => "\u0001" + inline.GetType().Name,
    }));
}
