using System.Text.Json.Nodes;
using Harvester.Domain;
using Harvester.Render;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using static Harvester.Tests.Render.Some;

namespace Harvester.Tests.Render;

/// <summary>
/// Issue 12: text at the start of a list item (an author, or a subject shown without a link) cannot restyle the list;
/// read back with Markdig, each item is one list item holding one paragraph and one link, and the text reads as written.
/// </summary>
public sealed class HostileMarkdownTests
{
    public static TheoryData<string> LineStarts =>
    [
        "# Eve", "###### Eve", "#Eve", "> Eve", "> > Eve", "1. Eve", "1) Eve", "2024. Eve", "123456789) Eve",
        "- Eve", "+ Eve", "* Eve", "---", "***", "___", "- - -", "===", "```", "~~~ Eve", "    Eve", "\t\tEve",
        "\u00A0\u00A0\u00A0\u00A0Eve", "<div>Eve</div>", "[Eve]: http://evil.example", "| Eve | Mallory |",
    ];

    [Theory]
    [MemberData(nameof(LineStarts))]
    public void Render_HostileAuthor_StaysOnePlainListItemWithOneLink(string author)
    {
        var markdown = new MarkdownRenderer(new OutputOptions()).Render(Report(Relevant(Single(author, "[PATCH] bpf: fine", Monday, 1))));

        foreach (var document in Parsed(markdown))
        {
            var item = Assert.IsType<ListItemBlock>(Assert.Single(OnlyList(document)));
            var paragraph = Assert.IsType<ParagraphBlock>(Assert.Single(item));
            Assert.Single(paragraph.Inline!.Descendants<LinkInline>());
            Assert.Equal(Expected(author) + ", [PATCH] bpf: fine", Text(paragraph.Inline!));
        }
    }

    [Theory]
    [MemberData(nameof(LineStarts))]
    public void Render_HostileSubjectWithoutLink_StaysOneNestedItem(string subject)
    {
        // A part without a usable link is shown as text, leading its nested item.
        var cover = Message("[PATCH 0/1] bpf: cover", Monday, Spinics(1));
        var part = Message(subject, Monday.AddMinutes(1), new ArchiveLink("Evil", new Uri("javascript:alert(1)")));
        var series = Series("Eve", cover, part) with { Patches = [new SeriesPart(part with { Author = "Eve" }, Harvester.Group.SubjectParser.Parse("[PATCH 1/1] x"))] };

        var markdown = new MarkdownRenderer(new OutputOptions()).Render(Report(Relevant(series)));

        foreach (var document in Parsed(markdown))
        {
            var top = Assert.IsType<ListItemBlock>(Assert.Single(OnlyList(document)));
            var nested = Assert.Single(top.OfType<ListBlock>());
            var item = Assert.IsType<ListItemBlock>(Assert.Single(nested));
            var paragraph = Assert.IsType<ParagraphBlock>(Assert.Single(item));
            Assert.Empty(paragraph.Inline!.Descendants<LinkInline>());
            Assert.Equal(Expected(subject), Text(paragraph.Inline!));
        }
    }

    [Fact]
    public void Render_EmojiSubject_ReadsBackIntact()
    {
        const string subject = "[PATCH] bpf: make the verifier \U0001F41D-safe";
        var markdown = new MarkdownRenderer(new OutputOptions()).Render(Report(Relevant(Single("Eve", subject, Monday, 1))));

        var link = Assert.Single(Markdown.Parse(markdown).Descendants<LinkInline>());
        Assert.Equal(subject, Text(link));
    }

    [Fact]
    public void Render_BidiControls_RemovedFromMarkdownKeptInJson()
    {
        const string subject = "[PATCH] bpf: a\u202Eb\u2066c\u2069d\u202Ae";
        var report = Report(Relevant(Single("Eve\u202E", subject, Monday, 1)));

        var markdown = new MarkdownRenderer(new OutputOptions()).Render(report);
        var json = JsonNode.Parse(new JsonRenderer(new OutputOptions()).Render(report))!;

        Assert.Contains("- Eve, [[PATCH] bpf: abcde](", markdown, StringComparison.Ordinal); // were spaces: "a b c d e"
        Assert.Equal(subject, json["series"]![0]!["patches"]![0]!["subject"]!.GetValue<string>());
        Assert.Equal("Eve\u202E", json["series"]![0]!["author"]!.GetValue<string>());
    }

    private static IEnumerable<MarkdownDocument> Parsed(string markdown) =>
    [
        Markdown.Parse(markdown),
        Markdown.Parse(markdown, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build()),
    ];

    /// <summary>The document's one list: nothing but the Patches heading and the list and footer paragraphs around it.</summary>
    private static ListBlock OnlyList(MarkdownDocument document)
    {
        Assert.Single(document.Descendants<HeadingBlock>());
        Assert.Empty(document.Descendants<QuoteBlock>());
        Assert.Empty(document.Descendants<ThematicBreakBlock>());
        Assert.Empty(document.Descendants<CodeBlock>());
        Assert.Empty(document.Descendants<HtmlBlock>());
        return Assert.Single(document.OfType<ListBlock>());
    }

    /// <summary>What the reader should see: whitespace collapsed and trimmed, nothing else changed.</summary>
    private static string Expected(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Text(ContainerInline container) => string.Concat(container.Select(inline => inline switch
    {
        LiteralInline literal => literal.Content.ToString(),
        CodeInline code => code.Content,
        LinkInline link => Text(link),
        ContainerInline inner => Text(inner),
        _ => "\u0001" + inline.GetType().Name,
    }));
}
