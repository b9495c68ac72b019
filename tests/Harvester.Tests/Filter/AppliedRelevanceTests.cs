using Harvester.Domain;
using Harvester.Filter;
using Harvester.Hosting;
using Harvester.Tests.Support;
using static Harvester.Tests.Render.Some;

namespace Harvester.Tests.Filter;

/// <summary>
/// <see cref="AppliedRelevance"/>'s rule on each of its branches, with the shipped filter (config/filter.json): a reply
/// matched to a series follows that series (listed only when the series is in the output and relevant; named only when
/// it is in the output), an unmatched one is listed when it went to a BPF tree or its subject alone is BPF/XDP.
/// </summary>
public sealed class AppliedRelevanceTests
{
    private static readonly RelevanceFilter Filter = FilterConfiguration.LoadDefaults(Paths.Config);
    private static readonly DateTimeOffset Sent = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly PatchSeries Bpf = Single("Mirela Kovacs", "[PATCH bpf-next] bpf: Allow sleepable tracepoints", Sent, 10);
    private static readonly PatchSeries Tcp = Single("Rafael Monteiro", "[PATCH net-next] tcp: trim the retransmit queue", Sent, 20);

    private readonly AppliedRelevance _relevance = new(Filter);

    [Fact]
    public void Decide_MatchedSeriesInOutputAndRelevant_KeepsItsIdAndIsListed()
    {
        var notice = Notice("Re: " + Bpf.Head.Message.Subject, "netdev/net-next.git", Bpf.Id);

        var decided = Assert.Single(_relevance.Decide([notice], [Relevant(Bpf)], [Relevant(Bpf)]));

        Assert.Equal(Bpf.Id, decided.SeriesId);
        Assert.True(decided.Listed);
        Assert.Equal(notice.Match, decided.Match);
    }

    [Fact]
    public void Decide_MatchedSeriesInOutputButNotRelevant_KeepsItsIdButIsNotListed()
    {
        // --all puts the dropped series in the output: the reply may name it, but it is no BPF/XDP news. Its tree is a
        // BPF one, so the unmatched rule would list it: the series' verdict decides.
        var notice = Notice("Re: " + Tcp.Head.Message.Subject, "bpf/bpf-next.git", Tcp.Id);

        var decided = Assert.Single(_relevance.Decide([notice], [Irrelevant(Tcp)], [Irrelevant(Tcp)]));

        Assert.Equal(Tcp.Id, decided.SeriesId);
        Assert.False(decided.Listed);
    }

    [Fact]
    public void Decide_MatchedSeriesLeftOutOfTheOutput_NamesNoSeriesIsNotListedAndSaysWhy()
    {
        // Its tree is a BPF one: were the reply treated as unmatched, the tree rule would list it.
        var notice = Notice("Re: " + Tcp.Head.Message.Subject, "bpf/bpf.git", Tcp.Id);

        var decided = Assert.Single(_relevance.Decide([notice], [Relevant(Bpf), Irrelevant(Tcp)], [Relevant(Bpf)]));

        Assert.Null(decided.SeriesId);
        Assert.False(decided.Listed);
        Assert.StartsWith(notice.Match + "; ", decided.Match, StringComparison.Ordinal);
        Assert.EndsWith("that series is left out of this output (not BPF/XDP)", decided.Match, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_MatchedRelevantSeriesLeftOut_SaysNotListedRatherThanNotBpf()
    {
        var notice = Notice("Re: " + Bpf.Head.Message.Subject, "bpf/bpf-next.git", Bpf.Id);

        var decided = Assert.Single(_relevance.Decide([notice], [Relevant(Bpf)], []));

        Assert.Null(decided.SeriesId);
        Assert.False(decided.Listed);
        Assert.EndsWith("that series is left out of this output (not listed)", decided.Match, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Re: [PATCH bpf] net: fix a refcount leak in the receive path", "bpf/bpf.git", true)] // BPF tree, subject says nothing
    [InlineData("Re: [PATCH bpf-next 0/2] net: fix a refcount leak", "netdev/net-next.git", true)] // subject's tree prefix
    [InlineData("Re: [PATCH net] xsk: Fix a umem leak when bind fails", "netdev/net.git", true)] // subject word
    [InlineData("Re: Re: [PATCH bpf-next] net: fix a refcount leak", "netdev/net-next.git", true)] // the prefix behind two Re:
    [InlineData("Re: [PATCH net] tcp: restore cwnd correctly", "netdev/net.git", false)] // neither
    [InlineData("Re: [PATCH net-next] tcp: trim the retransmit queue", "netdev/net-next.git", false)]
    public void Decide_UnmatchedReply_ListedByBpfTreeOrItsSubjectAlone(string subject, string tree, bool listed)
    {
        var notice = Notice(subject, tree, seriesId: null);

        var decided = Assert.Single(_relevance.Decide([notice], [Relevant(Bpf), Irrelevant(Tcp)], [Relevant(Bpf)]));

        Assert.Null(decided.SeriesId);
        Assert.Equal(listed, decided.Listed);
        Assert.Equal(notice.Match, decided.Match);
    }

    [Fact]
    public void Decide_SeriesIdOfNoDecision_IsTreatedAsUnmatched()
    {
        // An id no decision has (the series was never grouped in this run) falls back to the unmatched rule.
        var notice = Notice("Re: [PATCH net] tcp: restore cwnd correctly", "bpf/bpf.git", "someone-else@example.org");

        var decided = Assert.Single(_relevance.Decide([notice], [Relevant(Bpf)], [Relevant(Bpf)]));

        Assert.True(decided.Listed);
    }

    [Fact]
    public void Decide_SeveralNotices_KeepsTheirOrderAndCount()
    {
        var notices = new[]
        {
            Notice("Re: " + Tcp.Head.Message.Subject, "netdev/net-next.git", Tcp.Id),
            Notice("Re: " + Bpf.Head.Message.Subject, "bpf/bpf-next.git", Bpf.Id),
            Notice("Re: [PATCH bpf] bpf: an older fix", "bpf/bpf.git", null),
        };

        var decided = _relevance.Decide(notices, [Relevant(Bpf), Irrelevant(Tcp)], [Relevant(Bpf)]);

        Assert.Equal(notices.Select(n => n.Subject), decided.Select(n => n.Subject));
        Assert.Equal([false, true, true], decided.Select(n => n.Listed));
    }

    private static AppliedNotice Notice(string subject, string tree, string? seriesId) => new()
    {
        Subject = subject,
        Date = Sent.AddDays(1),
        To = new AppliedTo(tree, "master", "Alexei Starovoitov"),
        SeriesId = seriesId,
        Match = seriesId is null ? "no series of this output has its subject" : $"In-Reply-To <{seriesId}> is the cover letter of series {seriesId}",
        Links = [Spinics(99)],
    };
}
