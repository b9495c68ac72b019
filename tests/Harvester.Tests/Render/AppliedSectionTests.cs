using Harvester.Domain;
using Harvester.Render;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using static Harvester.Tests.Render.Some;

namespace Harvester.Tests.Render;

/// <summary>
/// The "Applied" list (issue 15): a matched series gives its author, subject and link; an unmatched reply its own subject
/// without <c>Re:</c> and its own link; text at the start of an item cannot restyle the list (issue 12).
/// </summary>
public sealed class AppliedSectionTests
{
    private static readonly AppliedTo BpfNext = new("bpf/bpf-next.git", "master", "Alexei Starovoitov");

    [Fact]
    public void Render_ReplyMatchedToASeries_AuthorSeriesLinkAndShortTree()
    {
        var series = Single("Jane Doe", "[PATCH bpf-next] bpf: fix a leak", Monday, 42);
        var report = Report(Relevant(series)) with { Applied = [Notice("Re: [PATCH bpf-next] bpf: fix a leak", series.Id, Spinics(99))] };

        var markdown = new AppliedSection(new OutputOptions()).Render(report);

        Assert.Equal(
            "## Applied\n\n- Jane Doe, [[PATCH bpf-next] bpf: fix a leak](https://www.spinics.net/lists/netdev/msg42.html) (bpf-next)\n",
            markdown);
    }

    [Fact]
    public void Render_ReplyMatchedToNoSeries_OwnSubjectWithoutReAndOwnLink()
    {
        var report = Report() with { Applied = [Notice("Re: RE: [PATCH bpf] bpf: an older series", null, Spinics(7))] };

        var markdown = new AppliedSection(new OutputOptions()).Render(report);

        Assert.Equal("## Applied\n\n- [[PATCH bpf] bpf: an older series](https://www.spinics.net/lists/netdev/msg7.html) (bpf-next)\n", markdown);
    }

    [Fact]
    public void Render_OlderSeriesWithTheRepliesRecipient_NamesItAsAuthor()
    {
        // lore's raw mail gives the bot's To: (fixture week-2026-12-sections 120: "To: Oskar Lindqvist <…>").
        var notice = Notice("Re: [PATCH bpf-next 0/2] libbpf: an older series", null, Spinics(7)) with { Recipient = "\"Lindqvist, Oskar\"" };

        var markdown = new AppliedSection(new OutputOptions()).Render(Report() with { Applied = [notice] });

        Assert.Equal(
            "## Applied\n\n- Oskar Lindqvist, [[PATCH bpf-next 0/2] libbpf: an older series](https://www.spinics.net/lists/netdev/msg7.html) (bpf-next)\n",
            markdown);
    }

    [Theory]
    [InlineData("# Eve")]
    [InlineData("> Eve")]
    [InlineData("1. Eve")]
    public void Render_HostileRecipient_StaysOnePlainListItemWithOneLink(string recipient)
    {
        var notice = Notice("Re: [PATCH bpf] bpf: older", null, Spinics(7)) with { Recipient = recipient };

        var document = Markdown.Parse(new AppliedSection(new OutputOptions()).Render(Report() with { Applied = [notice] }));

        Assert.Single(document.Descendants<HeadingBlock>());
        Assert.Empty(document.Descendants<QuoteBlock>());
        var item = Assert.IsType<ListItemBlock>(Assert.Single(Assert.Single(document.OfType<ListBlock>())));
        var paragraph = Assert.IsType<ParagraphBlock>(Assert.Single(item));
        Assert.Single(paragraph.Inline!.Descendants<LinkInline>());
    }

    [Fact]
    public void Render_SomeRowsWithoutACommit_SaysHowManyHaveOne()
    {
        // The bot's summary row "(no matching commit)" (patchwork-bot.md; fixture week-2026-12-sections 090): before,
        // the series read as wholly applied.
        var series = Single("Jane Doe", "[PATCH bpf-next 0/3] bpf: three things", Monday, 42);
        var notice = Notice("Re: [PATCH bpf-next 0/3] bpf: three things", series.Id, Spinics(99)) with
        {
            Commits = [Commit("bpf: one", "8a3c7e02f1d9"), Commit("bpf: two", "c05b91e4d7a2"), Commit("selftests/bpf: three", null)],
        };

        var markdown = new AppliedSection(new OutputOptions()).Render(Report(Relevant(series)) with { Applied = [notice] });

        Assert.Equal(
            "## Applied\n\n- Jane Doe, [[PATCH bpf-next 0/3] bpf: three things](https://www.spinics.net/lists/netdev/msg42.html) (bpf-next, 2 of 3 patches)\n",
            markdown);
    }

    [Fact]
    public void Render_EveryRowWithACommit_KeepsTheSeedsTreeAlone()
    {
        var notice = Notice("Re: [PATCH bpf] bpf: an older series", null, Spinics(7)) with
        {
            Commits = [Commit("bpf: one", "8a3c7e02f1d9"), Commit("bpf: two", "c05b91e4d7a2")],
        };

        var markdown = new AppliedSection(new OutputOptions()).Render(Report() with { Applied = [notice] });

        Assert.Equal("## Applied\n\n- [[PATCH bpf] bpf: an older series](https://www.spinics.net/lists/netdev/msg7.html) (bpf-next)\n", markdown);
    }

    [Fact]
    public void Render_NoListedNotice_SaysNoneApplied()
    {
        var report = Report() with { Applied = [Notice("Re: [PATCH net] net: not ours", null, Spinics(7)) with { Listed = false }] };

        var markdown = new AppliedSection(new OutputOptions()).Render(report);

        Assert.Equal("## Applied\n\n" + new OutputOptions().NoneApplied + "\n", markdown);
    }

    [Theory]
    [InlineData("# Eve")]
    [InlineData("> Eve")]
    [InlineData("1. Eve")]
    [InlineData("---")]
    [InlineData("    Eve")]
    public void Render_HostileAuthor_StaysOnePlainListItemWithOneLink(string author)
    {
        var series = Single(author, "[PATCH bpf-next] bpf: fine", Monday, 1);
        var report = Report(Relevant(series)) with { Applied = [Notice("Re: [PATCH bpf-next] bpf: fine", series.Id, Spinics(2))] };

        var document = Markdown.Parse(new AppliedSection(new OutputOptions()).Render(report));

        Assert.Single(document.Descendants<HeadingBlock>());
        Assert.Empty(document.Descendants<QuoteBlock>());
        Assert.Empty(document.Descendants<ThematicBreakBlock>());
        Assert.Empty(document.Descendants<CodeBlock>());
        var item = Assert.IsType<ListItemBlock>(Assert.Single(Assert.Single(document.OfType<ListBlock>())));
        var paragraph = Assert.IsType<ParagraphBlock>(Assert.Single(item));
        Assert.Single(paragraph.Inline!.Descendants<LinkInline>());
        var text = string.Concat(paragraph.Inline!.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
        Assert.StartsWith(author.Trim() + ",", text, StringComparison.Ordinal);
    }

    private static AppliedCommit Commit(string title, string? hash) =>
        new(title, hash is null ? null : new Uri("https://git.kernel.org/bpf/bpf-next/c/" + hash));

    private static AppliedNotice Notice(string subject, string? seriesId, ArchiveLink link) => new()
    {
        Subject = subject,
        Date = Monday.AddHours(5),
        To = BpfNext,
        IsSeries = false,
        SeriesId = seriesId,
        Listed = true,
        Links = [link],
    };
}
