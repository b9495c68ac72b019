using Harvester.Domain;
using Harvester.Render;
using static Harvester.Tests.Render.Some;

namespace Harvester.Tests.Render;

public sealed class MarkdownRendererTests
{
    private static readonly DateTimeOffset T = Monday.AddHours(9);

    [Fact]
    public void Render_ShuffledInput_ByteIdentical()
    {
        var options = SeedIssue.Options();
        options.PreferredArchives = ["Spinics"];
        var baseline = SeedIssue.Report(SeedIssue.All().Select(d => d with { Series = Map(d.Series, WithLoreLink) }));
        var expected = new MarkdownRenderer(options).Render(baseline);
        var expectedJson = new JsonRenderer(options).Render(baseline);
        var random = new Random(20170518);

        for (var round = 0; round < 20; round++)
        {
            // Series, parts within each series and links within each message all in a new order.
            var shuffled = baseline.Series
                .Select(d => d with { Series = Map(d.Series, m => m with { Links = [.. Shuffle(m.Links, random)] }) })
                .Select(d => d with { Series = d.Series with { Patches = [.. Shuffle(d.Series.Patches, random)] } })
                .OrderBy(_ => random.Next())
                .ToList();
            var report = SeedIssue.Report(shuffled);

            Assert.Equal(expected, new MarkdownRenderer(options).Render(report));
            Assert.Equal(expectedJson, new JsonRenderer(options).Render(report));
        }
    }

    [Fact]
    public void Render_NoCoverLetter_FirstPartOnTopOthersNested()
    {
        var series = Series("Ann",
            Message("[PATCH bpf-next 2/2] bpf: two", T.AddMinutes(1), Spinics(2)),
            Message("[PATCH bpf-next 1/2] bpf: one", T, Spinics(1)));

        var markdown = new MarkdownRenderer(new OutputOptions()).Render(Report(Relevant(series)));

        Assert.Equal(
            "## Patches\n\n"
            + "- Ann, [[PATCH bpf-next 1/2] bpf: one](https://www.spinics.net/lists/netdev/msg1.html)\n"
            + "  - [[PATCH bpf-next 2/2] bpf: two](https://www.spinics.net/lists/netdev/msg2.html)\n",
            markdown);
    }

    [Fact]
    public void Render_IncompleteSeries_SaysHowManyPartsArrived()
    {
        var series = Series("Ann",
            Message("[PATCH 0/3] bpf: cover", T, Spinics(10)),
            Message("[PATCH 1/3] bpf: one", T, Spinics(11)),
            Message("[PATCH 3/3] bpf: three", T, Spinics(13)));

        var markdown = new MarkdownRenderer(new OutputOptions()).Render(Report(Relevant(series)));

        Assert.Contains("- Ann, [[PATCH 0/3] bpf: cover](https://www.spinics.net/lists/netdev/msg10.html) (2 of 3 parts)\n", markdown, StringComparison.Ordinal);
        Assert.Equal(2, markdown.Split('\n').Count(l => l.StartsWith("  - ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Render_ListAll_MarksIrrelevantSeries()
    {
        var report = Report(Relevant(Single("Ann", "[PATCH] bpf: yes", T, 1)), Irrelevant(Single("Bob", "[PATCH] tcp: no", T.AddHours(1), 2)));
        var options = new OutputOptions { ListAll = true };

        var all = new MarkdownRenderer(options).Render(report);
        var relevantOnly = new MarkdownRenderer(new OutputOptions()).Render(report);

        Assert.Contains("- Bob, [[PATCH] tcp: no](https://www.spinics.net/lists/netdev/msg2.html) (not BPF/XDP)\n", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Ann, [[PATCH] bpf: yes](https://www.spinics.net/lists/netdev/msg1.html) (", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Bob", relevantOnly, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SupersededSeries_SaysSo()
    {
        var series = Single("Ann", "[PATCH] bpf: old", T, 1) with { SupersededBy = "new@example.org" };

        var markdown = new MarkdownRenderer(new OutputOptions()).Render(Report(Relevant(series)));

        Assert.Contains("msg1.html) (superseded)\n", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MailArchive,Spinics", "https://www.mail-archive.com/netdev@vger.kernel.org/msg7.html")]
    [InlineData("Lore,Spinics", "https://www.spinics.net/lists/netdev/msg5.html")]
    [InlineData("Lore", "https://www.mail-archive.com/netdev@vger.kernel.org/msg7.html")]
    [InlineData("", "https://www.spinics.net/lists/netdev/msg5.html")] // empty: spinics, then mail-archive, then lore
    [InlineData("mail-archive", "https://www.mail-archive.com/netdev@vger.kernel.org/msg7.html")] // a kind names every archive of it
    public void Render_PreferredArchives_PicksPreferredThenNextThenFirst(string preferred, string expectedUrl)
    {
        // With no preferred archive present ("Lore"), the first link by archive name: "MailArchive" < "Spinics".
        var message = Message("[PATCH] bpf: x", T, Spinics(5), MailArchive(7));
        var options = new OutputOptions { PreferredArchives = [.. preferred.Split(',', StringSplitOptions.RemoveEmptyEntries)] };

        var markdown = new MarkdownRenderer(options).Render(Report(Relevant(Series("Ann", message))));

        Assert.Equal($"## Patches\n\n- Ann, [[PATCH] bpf: x]({expectedUrl})\n", markdown);
    }

    [Fact]
    public void Render_HeaderAndFooter_PlacedWithBlankLinesAndOneFinalNewline()
    {
        var options = new OutputOptions { Header = "Intro line.\r\n", Footer = "Footer line.\n\n\n" };

        var markdown = new MarkdownRenderer(options).Render(Report(Relevant(Single("Ann", "[PATCH] bpf: x", T, 1))));

        Assert.Equal(
            "## Patches\n\nIntro line.\n\n- Ann, [[PATCH] bpf: x](https://www.spinics.net/lists/netdev/msg1.html)\n\nFooter line.\n",
            markdown);
    }

    [Fact]
    public void Render_NothingListed_SaysSo()
    {
        var markdown = new MarkdownRenderer(new OutputOptions()).Render(Report());

        Assert.Equal("## Patches\n\nNo BPF/XDP patches were found in this window.\n", markdown);
    }

    [Fact]
    public void Render_SameDateSameAuthor_TiesBreakBySeriesId()
    {
        var a = Single("Ann", "[PATCH] bpf: a", T, 1) with { Id = "b-id" };
        var b = Single("Ann", "[PATCH] bpf: b", T, 2) with { Id = "a-id" };

        var markdown = new MarkdownRenderer(new OutputOptions()).Render(Report(Relevant(a), Relevant(b)));

        Assert.True(markdown.IndexOf("bpf: b]", StringComparison.Ordinal) < markdown.IndexOf("bpf: a]", StringComparison.Ordinal));
    }

    /// <summary>A second link per message, so the choice between links is exercised (spinics-only messages fall back to it).</summary>
    private static MailMessage WithLoreLink(MailMessage m) =>
        m with { Links = [.. m.Links, new ArchiveLink("Lore", new Uri("https://lore.example/" + Uri.EscapeDataString(m.MessageId)))] };

    private static PatchSeries Map(PatchSeries s, Func<MailMessage, MailMessage> f) => s with
    {
        Cover = s.Cover is { } c ? c with { Message = f(c.Message) } : null,
        Patches = [.. s.Patches.Select(p => p with { Message = f(p.Message) })],
    };

    private static IEnumerable<T> Shuffle<T>(IEnumerable<T> items, Random random) => items.OrderBy(_ => random.Next()).ToList();
}
