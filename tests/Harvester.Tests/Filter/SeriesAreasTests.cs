using Harvester.Domain;
using Harvester.Filter;
using Harvester.Hosting;
using Harvester.Tests.Support;
using static Harvester.Tests.Render.Some;

namespace Harvester.Tests.Filter;

/// <summary>
/// The area rule of <c>Harvester:Output:GroupBy</c> = <c>area</c> on the shipped MAINTAINERS sections
/// (<c>config/bpf-maintainers.json</c>); each expected area read off the sections by hand.
/// </summary>
public sealed class SeriesAreasTests
{
    private static readonly MaintainersPatterns Shipped =
        FilterConfiguration.TryLoadMaintainers(Path.Combine(Paths.Config, "bpf-maintainers.json")).Patterns!;

    private static readonly SeriesAreas Areas = new(Shipped);

    private static readonly DateTimeOffset Sent = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AreaOf_VerifierWithItsSelftests_CoreAndVerifier()
    {
        // verifier.c is BPF [CORE]; the selftests file is BPF [SELFTESTS], which counts only when nothing else is touched.
        var series = Patch("[PATCH bpf-next] bpf: track spill of constants", "kernel/bpf/verifier.c", "tools/testing/selftests/bpf/progs/verifier_spill_fill.c", "tools/testing/selftests/bpf/prog_tests/verifier.c");

        Assert.Equal(SeriesAreas.Core, Areas.AreaOf(series));
    }

    [Fact]
    public void AreaOf_OnlySelftests_Selftests()
    {
        var series = Patch("[PATCH bpf-next] selftests/bpf: fix a flaky test", "tools/testing/selftests/bpf/prog_tests/test_maps.c", "tools/testing/selftests/bpf/Makefile");

        Assert.Equal(SeriesAreas.Selftests, Areas.AreaOf(series));
    }

    [Fact]
    public void AreaOf_SeveralAreas_MostFilesWins()
    {
        // Three libbpf files against one bpftool file (the subject says bpftool: the files decide).
        var series = Patch("[PATCH bpf-next] bpftool: dump struct_ops links", "tools/lib/bpf/libbpf.c", "tools/lib/bpf/libbpf.h", "tools/lib/bpf/libbpf.map", "tools/bpf/bpftool/link.c");

        Assert.Equal(SeriesAreas.Libbpf, Areas.AreaOf(series));
    }

    [Fact]
    public void AreaOf_TieBetweenAreas_TheAreaPrintedFirst()
    {
        // One libbpf file and one bpftool file: libbpf comes before bpftool in SeriesAreas.Order.
        var series = Patch("[PATCH bpf-next] bpftool: x", "tools/bpf/bpftool/prog.c", "tools/lib/bpf/btf.c");

        Assert.Equal(SeriesAreas.Libbpf, Areas.AreaOf(series));
    }

    // The XDP selftests below are in three shipped sections: BPF [GENERAL], BPF [SELFTESTS] and XDP
    // ("tools/testing/selftests/bpf/*/*xdp*"). Before the explicit selftests rule, a file went to the first non-GENERAL
    // section in the file's order, and BPF [SELFTESTS] happens to precede XDP there: these three passed in the shipped
    // order by luck and fail in the reversed one (AreaOf_SectionsInAnotherOrder_SameAreas).
    [Fact]
    public void AreaOf_VerifierWithTwoXdpSelftests_CoreAndVerifier()
    {
        var series = Patch("[PATCH bpf-next] bpf: check xdp_buff tail growth", VerifierAndXdpSelftests);

        Assert.Equal(SeriesAreas.Core, Areas.AreaOf(series));
    }

    [Fact]
    public void AreaOf_OnlyXdpSelftests_Selftests()
    {
        var series = Patch("[PATCH bpf-next] selftests/bpf: grow the xdp tail further", OnlyXdpSelftests);

        Assert.Equal(SeriesAreas.Selftests, Areas.AreaOf(series));
    }

    [Fact]
    public void AreaOf_XdpCoreWithItsSelftest_Xdp()
    {
        var series = Patch("[PATCH bpf-next] xdp: fix frag count on tail growth", XdpCoreAndSelftest);

        Assert.Equal(SeriesAreas.Xdp, Areas.AreaOf(series));
    }

    [Theory]
    [InlineData(nameof(VerifierAndXdpSelftests), SeriesAreas.Core)] // fails before the rule: XDP (2 files) over Core (1)
    [InlineData(nameof(OnlyXdpSelftests), SeriesAreas.Selftests)] // fails before the rule: XDP
    [InlineData(nameof(XdpCoreAndSelftest), SeriesAreas.Xdp)]
    [InlineData(nameof(NetkitAndItsSelftest), SeriesAreas.Hooks)] // tc_netkit.c: BPF [NETKIT] and [SELFTESTS]
    [InlineData(nameof(ShortenedXdpSelftests), SeriesAreas.Selftests)]
    public void AreaOf_SectionsInAnotherOrder_SameAreas(string files, string expected)
    {
        var series = Patch("[PATCH bpf-next] x: y", FilesNamed(files));
        var reversed = new SeriesAreas(new MaintainersPatterns([.. Shipped.Sections.Reverse()]));
        var generalLast = new SeriesAreas(new MaintainersPatterns([.. Shipped.Sections.OrderBy(s => s.Name.StartsWith("BPF [GENERAL]", StringComparison.Ordinal)).ThenByDescending(s => s.Name, StringComparer.Ordinal)]));

        Assert.Equal(expected, Areas.AreaOf(series));
        Assert.Equal(expected, reversed.AreaOf(series));
        Assert.Equal(expected, generalLast.AreaOf(series));
    }

    [Fact]
    public void AreaOf_ShortenedXdpSelftests_Selftests()
    {
        // Git cut ".../selftests/bpf/prog_tests/xdp_metadata.c" to fit: before the rule the tail went to the first
        // section it fits, BPF [GENERAL] ("tools/testing/selftests/bpf/"), and the series came out Core and verifier.
        Assert.Equal(SeriesAreas.Selftests, Areas.AreaOf(Patch("[PATCH bpf-next] selftests/bpf: x", ShortenedXdpSelftests)));
    }

    private static readonly string[] VerifierAndXdpSelftests =
        ["kernel/bpf/verifier.c", "tools/testing/selftests/bpf/prog_tests/xdp_adjust_tail.c", "tools/testing/selftests/bpf/progs/test_xdp_adjust_tail_grow.c"];

    private static readonly string[] OnlyXdpSelftests =
        ["tools/testing/selftests/bpf/prog_tests/xdp_adjust_tail.c", "tools/testing/selftests/bpf/progs/test_xdp_adjust_tail_grow.c"];

    private static readonly string[] XdpCoreAndSelftest = ["net/core/xdp.c", "tools/testing/selftests/bpf/prog_tests/xdp_adjust_tail.c"];

    private static readonly string[] NetkitAndItsSelftest = ["drivers/net/netkit.c", "tools/testing/selftests/bpf/prog_tests/tc_netkit.c"];

    private static readonly string[] ShortenedXdpSelftests =
        [".../selftests/bpf/prog_tests/xdp_metadata.c", ".../selftests/bpf/progs/xdp_metadata.c"];

    private static string[] FilesNamed(string name) => name switch
    {
        nameof(VerifierAndXdpSelftests) => VerifierAndXdpSelftests,
        nameof(OnlyXdpSelftests) => OnlyXdpSelftests,
        nameof(XdpCoreAndSelftest) => XdpCoreAndSelftest,
        nameof(NetkitAndItsSelftest) => NetkitAndItsSelftest,
        nameof(ShortenedXdpSelftests) => ShortenedXdpSelftests,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such file list"),
    };

    [Theory]
    [InlineData("net/xdp/xsk.c", SeriesAreas.Xdp)] // XDP SOCKETS (AF_XDP)
    [InlineData("kernel/bpf/devmap.c", SeriesAreas.Xdp)] // XDP and BPF [GENERAL]: the specific section wins
    [InlineData("drivers/net/ethernet/netronome/nfp/bpf/jit.c", SeriesAreas.Xdp)] // BPF JIT for NFP NICs: the NIC's offload
    [InlineData("arch/x86/net/bpf_jit_comp.c", SeriesAreas.Jit)]
    [InlineData("net/core/sock_map.c", SeriesAreas.Sockmap)]
    [InlineData("net/core/filter.c", SeriesAreas.Hooks)] // BPF [NETWORKING] and [GENERAL]
    [InlineData("kernel/bpf/hashtab.c", SeriesAreas.Core)] // only BPF [GENERAL]
    [InlineData("tools/bpf/bpftool/map.c", SeriesAreas.Bpftool)]
    public void AreaOf_OneFile_ItsSectionsArea(string path, string expected)
    {
        Assert.Equal(expected, Areas.AreaOf(Patch("[PATCH bpf-next] x: y", path)));
    }

    [Theory]
    [InlineData("[PATCH bpf-next] libbpf: add a helper", SeriesAreas.Libbpf)]
    [InlineData("[PATCH bpf-next] xsk: fix a leak", SeriesAreas.Xdp)]
    [InlineData("[PATCH bpf] bpf: fix a leak", SeriesAreas.Core)]
    [InlineData("[PATCH net-next] tcp: trim retransmits", SeriesAreas.Other)]
    public void AreaOf_NoDiffstat_SubjectPrefixElseOther(string subject, string expected)
    {
        Assert.Equal(expected, Areas.AreaOf(Patch(subject)));
    }

    [Fact]
    public void AreaOf_FilesOutsideEverySection_SubjectPrefix()
    {
        Assert.Equal(SeriesAreas.Sockmap, Areas.AreaOf(Patch("[PATCH bpf] sockmap: fix a race", "net/ipv6/route.c")));
    }

    [Fact]
    public void AreaOf_CoverDiffstat_IsUsedOverTheParts()
    {
        // The cover letter's combined diffstat says libbpf; the one part given (of two) touches only bpftool.
        var cover = Message("[PATCH bpf-next 0/2] libbpf: struct_ops autoattach", Sent, Spinics(1)) with { Body = Stat("tools/lib/bpf/libbpf.c", "tools/lib/bpf/libbpf.h", "tools/bpf/bpftool/gen.c") };
        var part = Message("[PATCH bpf-next 2/2] bpftool: gen autoattach", Sent, Spinics(3)) with { Body = Stat("tools/bpf/bpftool/gen.c") };

        Assert.Equal(SeriesAreas.Libbpf, Areas.AreaOf(Series("Ingrid Solberg", cover, part)));
    }

    [Fact]
    public void AreaOfSection_EverySectionShipped_HasAnAreaOfTheOrder()
    {
        var patterns = FilterConfiguration.TryLoadMaintainers(Path.Combine(Paths.Config, "bpf-maintainers.json")).Patterns!;

        Assert.All(patterns.Sections, s => Assert.Contains(SeriesAreas.AreaOfSection(s.Name), SeriesAreas.Order));
    }

    private static PatchSeries Patch(string subject, params string[] paths) =>
        Series("Some One", Message(subject, Sent, Spinics(1)) with { Body = paths.Length == 0 ? "No diffstat here.\n" : Stat(paths) });

    private static string Stat(params string[] paths) =>
        "A change.\n\nSigned-off-by: Some One <some@example.org>\n---\n"
        + string.Concat(paths.Select(p => $" {p} | 2 +-\n"))
        + $" {paths.Length} files changed, {paths.Length} insertions(+), {paths.Length} deletions(-)\n\n";
}
