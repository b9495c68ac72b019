using Harvester.Hosting;
using Harvester.Filter;
using Harvester.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace Harvester.Tests.Filter;

/// <summary>The filter's decisions and reasons on the brief's named cases, and its options (expected reasons read off the fixtures by hand).</summary>
public sealed class RelevanceFilterTests
{
    private static readonly RelevanceFilter Filter = FilterConfiguration.LoadDefaults(Paths.Config);

    [Fact]
    public void Decide_NfpSeries_ComesInWholeOnCoverAndPart7()
    {
        var series = FixtureSeries.Load("relevant", "nfp-lso-checksum-xdp");

        var decision = Filter.Decide(series);

        Assert.True(decision.Relevant);
        Assert.Equal(9, decision.Series.Patches.Count);
        Assert.NotNull(decision.Series.Cover);
        Assert.Equal(["subject: xdp", "body: xdp"], decision.Reasons); // cover and 7/9 titles, 7/9 message
    }

    [Fact]
    public void Decide_MacsecIcvVerifier_StaysOutWithNearMiss()
    {
        var decision = Filter.Decide(FixtureSeries.Load("irrelevant", "macsec-verifier"));

        Assert.False(decision.Relevant);
        Assert.Contains("near miss: verifier only in \"ICV verifier\"", decision.Reasons);
    }

    [Fact]
    public void Decide_VerifierInAnotherSense_CountsOnlyOutsideTheExcludedPhrase()
    {
        var options = new FilterOptions { Words = ["verifier"], SubjectExclusions = ["ICV verifier"] };
        var filter = new RelevanceFilter(options, MaintainersPatterns.Empty);

        Assert.True(filter.Decide(Single("[PATCH net-next] nfp: reject unsupported verifier states")).Relevant);
        Assert.False(filter.Decide(Single("[PATCH net] macsec: fix icv VERIFIER length check")).Relevant);
    }

    [Fact]
    public void Decide_TitleSilentDriverPatch_ComesInOnNetCoreFilterC()
    {
        var decision = Filter.Decide(FixtureSeries.Load("relevant", "title-silent-filter-c"));

        Assert.True(decision.Relevant);
        Assert.Equal(["diffstat: net/core/filter.c"], decision.Reasons);
    }

    [Fact]
    public void Decide_TcpFixWithBpfOnlyInCc_StaysOutWithNearMiss()
    {
        var decision = Filter.Decide(FixtureSeries.Load("irrelevant", "tcp-cc-bpf"));

        Assert.False(decision.Relevant);
        Assert.Equal(["near miss: bpf only in Cc"], decision.Reasons);
    }

    [Fact]
    public void Decide_QuotedMention_StaysOut()
    {
        var decision = Filter.Decide(FixtureSeries.Load("irrelevant", "quoted-review-mention"));

        Assert.False(decision.Relevant);
        Assert.Equal(["near miss: bpf only in quoted text"], decision.Reasons);
    }

    [Fact]
    public void Decide_XskDriverFile_ComesInByFileName()
    {
        var decision = Filter.Decide(FixtureSeries.Load("relevant", "xsk-driver-file"));

        Assert.Equal(["diffstat: drivers/net/ethernet/intel/ice/ice_xsk.c"], decision.Reasons);
    }

    [Fact]
    public void Decide_ShortenedCoverPathsResolvedByPart_AreReportedInFull()
    {
        var decision = Filter.Decide(FixtureSeries.Load("relevant", "shortened-selftests-tunnel"));

        Assert.Equal(
            ["diffstat: tools/testing/selftests/bpf/prog_tests/tunnel_gso.c", "diffstat: tools/testing/selftests/bpf/progs/test_tunnel_gso.c"],
            decision.Reasons);
    }

    [Fact]
    public void Decide_TreeSubjectAndFiles_AreGroupedInThatOrder()
    {
        var decision = Filter.Decide(FixtureSeries.Load("relevant", "sockmap-copied-seq"));

        Assert.Equal(["tree: bpf", "subject: bpf", "subject: sockmap", "diffstat: net/ipv4/tcp_bpf.c"], decision.Reasons);
    }

    [Fact]
    public void Decide_PullRequestAllowed_CountsByItsTitle()
    {
        var series = FixtureSeries.Load("irrelevant", "pull-request-bpf-next");
        var options = Options();
        options.ExcludePullRequests = false;

        var decision = new RelevanceFilter(options, MaintainersPatterns.Empty).Decide(series);

        Assert.True(decision.Relevant);
        Assert.Contains("subject: bpf", decision.Reasons);
    }

    [Fact]
    public void Decide_ReplyAllowed_CountsByItsTitle()
    {
        var options = Options();
        options.ExcludeReplies = false;

        var decision = new RelevanceFilter(options, MaintainersPatterns.Empty).Decide(FixtureSeries.Load("irrelevant", "reply-to-bpf-patch"));

        Assert.True(decision.Relevant);
    }

    [Fact]
    public void Decide_WithoutDiffstatRule_TitleSilentPatchStaysOut()
    {
        var options = Options();
        options.UseDiffstat = false;

        var decision = new RelevanceFilter(options, MaintainersPatterns.Empty).Decide(FixtureSeries.Load("relevant", "title-silent-filter-c"));

        Assert.False(decision.Relevant);
    }

    [Fact]
    public void Decide_NearMissesOff_DroppedSeriesHasNoReasons()
    {
        var options = Options();
        options.ExplainNearMisses = false;

        var decision = new RelevanceFilter(options, MaintainersPatterns.Empty).Decide(FixtureSeries.Load("irrelevant", "tcp-cc-bpf"));

        Assert.False(decision.Relevant);
        Assert.Empty(decision.Reasons);
    }

    [Fact]
    public void TryLoad_MissingDirectory_GivesAnError()
    {
        var (filter, error) = FilterConfiguration.TryLoad(Path.Combine(Path.GetTempPath(), "no-such-config-dir"));

        Assert.Null(filter);
        Assert.StartsWith("not found", error);
    }

    [Fact]
    public void LoadDefaults_ShippedConfig_BindsListsOnce()
    {
        var (_, error) = FilterConfiguration.TryLoad(Paths.Config);
        var bound = Options();

        Assert.Null(error);
        Assert.Equal(bound.Words.Distinct().Count(), bound.Words.Count);
        Assert.Equal(["bpf", "bpf-next", "bpf-next/net"], bound.Trees);
        Assert.Contains("verifier", bound.Words); // issue 5's list; its non-BPF uses are SubjectExclusions
        Assert.Contains("ICV verifier", bound.SubjectExclusions);
    }

    private static Harvester.Domain.PatchSeries Single(string subject) =>
        Render.Some.Single("A Developer", subject, Render.Some.Monday, 1);

    private static FilterOptions Options()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(Paths.Config, "filter.json")).Build();
        return configuration.GetSection("Harvester:Filter").Get<FilterOptions>()!;
    }
}
