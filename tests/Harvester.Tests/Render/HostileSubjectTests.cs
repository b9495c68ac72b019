using System.Text;
using Harvester.Domain;
using Harvester.Render;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using static Harvester.Tests.Render.Some;

namespace Harvester.Tests.Render;

/// <summary>Hostile subjects, authors and URLs render harmlessly: the parsed Markdown holds exactly the expected items and links.</summary>
public sealed class HostileSubjectTests
{
    private static readonly string[] Subjects =
    [
        "[PATCH] ](javascript:alert(1))",
        "[PATCH 1/2] <script>alert(1)</script> and <img src=x onerror=alert(1)>",
        "[PATCH 2/2] unbalanced [ bracket ] ] and [[ more",
        "[PATCH] bpf: first line\n- injected item\n\n<div>block</div>\r\n## heading",
        "[PATCH] bpf: `code` and ``` fences `` and a trailing \\",
        "[PATCH] *bold* and _under_ and **strong** ~~strike~~",
        "[PATCH] [x](javascript:alert(1)) and ![img](http://evil.example/i.png) and [ref][1]",
        "[PATCH] <http://evil.example> &lt;b&gt; &#60; http://auto.example www.evil.example",
        "[PATCH] tab\there \u202Ereversed\u0000nul",
    ];

    public static TheoryData<string> Pipelines => ["commonmark", "advanced"];

    [Theory]
    [MemberData(nameof(Pipelines))]
    public void Render_HostileInput_OnlyExpectedItemsAndLinks(string pipelineName)
    {
        var (report, expectedUrls, expectedTexts) = HostileReport();
        var pipeline = pipelineName == "advanced"
            ? new MarkdownPipelineBuilder().UseAdvancedExtensions().Build()
            : new MarkdownPipelineBuilder().Build();

        var markdown = new MarkdownRenderer(new OutputOptions()).Render(report);
        var document = Markdown.Parse(markdown, pipeline);

        var lists = document.Descendants<ListBlock>().ToList();
        Assert.Equal(2, lists.Count); // the list and the one nested list of the 1/2, 2/2 series
        Assert.Equal(Subjects.Length, document.Descendants<ListItemBlock>().Count());
        Assert.Single(document.OfType<ListBlock>());
        Assert.Single(document.OfType<HeadingBlock>());
        Assert.Empty(document.Descendants<HtmlBlock>());
        Assert.Empty(document.Descendants<HtmlInline>());
        Assert.Empty(document.Descendants<AutolinkInline>());
        Assert.Empty(document.Descendants<EmphasisInline>());
        var links = document.Descendants<LinkInline>().ToList();
        Assert.Equal(expectedUrls, links.Select(l => l.Url));
        Assert.All(links, l => Assert.False(l.IsImage));
        Assert.Equal(expectedTexts, links.Select(PlainText));
    }

    [Fact]
    public void Render_HostileAuthor_IsPlainText()
    {
        var series = Single("Mallory [x](javascript:y) <b>*</b>", "[PATCH] bpf: fine", Monday, 1);

        var markdown = new MarkdownRenderer(new OutputOptions()).Render(Report(Relevant(series)));
        var document = Markdown.Parse(markdown);

        Assert.Single(document.Descendants<LinkInline>());
        Assert.Empty(document.Descendants<HtmlInline>());
        Assert.Empty(document.Descendants<EmphasisInline>());
        Assert.Contains("- Mallory \\[x\\](javascript:y) \\<b>\\*\\</b>, [[PATCH] bpf: fine](", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NonWebScheme_RendersTextWithoutLink()
    {
        var message = Message("[PATCH] bpf: x", Monday, new ArchiveLink("Evil", new Uri("javascript:alert(1)")));

        var markdown = new MarkdownRenderer(new OutputOptions()).Render(Report(Relevant(Series("A", message))));

        Assert.Empty(Markdown.Parse(markdown).Descendants<LinkInline>());
        Assert.Contains("- A, \\[PATCH\\] bpf: x\n", markdown, StringComparison.Ordinal);
    }

    private static (HarvestReport Report, List<string> Urls, List<string> Texts) HostileReport()
    {
        var series = new List<SeriesDecision>();
        var urls = new List<string>();
        var texts = new List<string>();
        var pair = new List<MailMessage>();
        for (var i = 0; i < Subjects.Length; i++)
        {
            // A URL with ")", "(", spaces, "<" and ">": each must be percent-encoded so the link cannot end early.
            var url = new Uri($"https://archive.example/a b)(c)<{i}>.html");
            var message = Message(Subjects[i], Monday.AddHours(i), new ArchiveLink("X", url));
            urls.Add($"https://archive.example/a%20b%29%28c%29%3C{i}%3E.html");
            texts.Add(MarkdownTextOf(Subjects[i]));
            if (i is 1 or 2)
            {
                pair.Add(message);
                if (i == 2)
                {
                    series.Add(Relevant(Series("Eve", [.. pair])));
                }

                continue;
            }

            series.Add(Relevant(Series("Eve", message)));
        }

        return (Report([.. series]), urls, texts);
    }

    /// <summary>What a reader should see: bidi controls removed, other control characters as spaces, whitespace collapsed.</summary>
    private static string MarkdownTextOf(string subject) =>
        string.Join(' ', subject.Replace("\u202E", "", StringComparison.Ordinal).Replace('\0', ' ').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string PlainText(ContainerInline container)
    {
        var sb = new StringBuilder();
        foreach (var inline in container)
        {
            sb.Append(inline switch
            {
                LiteralInline literal => literal.Content.ToString(),
                CodeInline code => code.Content,
                ContainerInline inner => PlainText(inner),
                _ => "\u0001" + inline.GetType().Name,
            });
        }

        return sb.ToString();
    }
}
