using Harvester.Hosting;
using Harvester.Filter;
using Harvester.Tests.Support;

namespace Harvester.Tests.Filter;

/// <summary>
/// The MAINTAINERS matcher against get_maintainer.pl's file_match_pattern semantics (anchored prefix regex, trailing
/// slash = everything below, otherwise equal slash counts) and the shipped BPF/XDP sections.
/// </summary>
public sealed class MaintainersPatternTests
{
    private static readonly MaintainersPatterns Shipped = LoadShipped();

    [Theory]
    [InlineData("kernel/bpf/", "kernel/bpf/verifier.c", true)]
    [InlineData("kernel/bpf/", "kernel/bpf/preload/iterators/iterators.bpf.c", true)]
    [InlineData("kernel/bpf/", "kernel/bpfoo.c", false)]
    [InlineData("net/core/filter.c", "net/core/filter.c", true)]
    [InlineData("net/core/filter.c", "net/core/filter_test.c", false)]
    [InlineData("include/linux/bpf*", "include/linux/bpf_verifier.h", true)]
    [InlineData("include/linux/bpf*", "include/linux/bpf-cgroup.h", true)]
    [InlineData("include/linux/bpf*", "include/linux/bpf/sub.h", false)] // "*" may cross "/" but the slash counts differ
    [InlineData("arch/*/net/*", "arch/x86/net/bpf_jit_comp.c", true)]
    [InlineData("arch/*/net/*", "arch/x86/kernel/traps.c", false)]
    [InlineData("arch/*/net/*", "arch/x86/net/sub/file.c", false)]
    [InlineData("drivers/net/ethernet/*/*/*xdp*", "drivers/net/ethernet/stmicro/stmmac/stmmac_xdp.c", true)]
    [InlineData("drivers/net/ethernet/*/*/*xdp*", "drivers/net/ethernet/intel/ice/ice_xsk.c", false)]
    [InlineData("kernel/bpf/disasm.*", "kernel/bpf/disasm.h", true)]
    [InlineData("kernel/bpf/disasm.*", "kernel/bpf/disasmXc", false)] // "." is literal
    [InlineData("drivers/net/phy/bcm*.[ch]", "drivers/net/phy/bcm7xxx.c", true)]
    [InlineData("drivers/net/phy/bcm*.[ch]", "drivers/net/phy/bcm7xxx.o", false)]
    [InlineData("drivers/hwmon/wm83??-hwmon.c", "drivers/hwmon/wm8350-hwmon.c", true)]
    [InlineData("drivers/staging/vc04_services", "drivers/staging/vc04_services/interface/x.c", true)] // directory without "/"
    public void Matches_GetMaintainerSemantics(string pattern, string path, bool expected) =>
        Assert.Equal(expected, new MaintainersPattern(pattern).Matches(path));

    [Theory]
    [InlineData("kernel/bpf/verifier.c", "bpf/verifier.c", true)]
    [InlineData("kernel/bpf/", "bpf/verifier.c", false)] // could as well be drivers/net/ethernet/netronome/nfp/bpf/verifier.c
    [InlineData("arch/arc/net/", "net/ethernet/ti/am65-cpsw-nuss.c", false)] // only "net" lines up
    [InlineData("tools/testing/selftests/bpf/", "selftests/bpf/prog_tests/tunnel_gso.c", true)]
    [InlineData("tools/testing/selftests/bpf/", "prog_tests/tunnel_gso.c", false)] // no directory of the pattern confirmed
    [InlineData("net/core/filter.c", "core/filter.c", true)]
    [InlineData("net/bpf/", "net/ethernet/ti/am65-cpsw-nuss.c", false)]
    [InlineData("arch/*/net/*", "net/ethernet/ti/am65-cpsw-nuss.c", false)]
    [InlineData("drivers/net/ethernet/*/*/*/*/*xdp*", "net/ethernet/mellanox/mlx5/core/en/xdp.c", true)]
    [InlineData("drivers/net/ethernet/*/*/*/*/*xdp*", "ethernet/mellanox/mlx5/core/en_rx.c", false)]
    public void MatchesTail_ShortenedPaths_OnlyWhenTheTailConfirmsTheDirectory(string pattern, string tail, bool expected) =>
        Assert.Equal(expected, new MaintainersPattern(pattern).MatchesTail(tail.Split('/')));

    [Theory]
    [InlineData("kernel/bpf/syscall.c", "BPF [CORE]")]
    [InlineData("net/core/filter.c", "BPF [GENERAL] (Safe Dynamic Programs and Tools)")]
    [InlineData("net/core/sock_map.c", "BPF [L7 FRAMEWORK] (sockmap)")]
    [InlineData("net/core/skmsg.c", "BPF [L7 FRAMEWORK] (sockmap)")]
    [InlineData("include/linux/bpf_verifier.h", "BPF [CORE]")]
    [InlineData("include/uapi/linux/bpf.h", "BPF [GENERAL] (Safe Dynamic Programs and Tools)")]
    [InlineData("include/net/xdp.h", "XDP (eXpress Data Path)")]
    [InlineData("include/net/xdp_sock_drv.h", "XDP SOCKETS (AF_XDP)")]
    [InlineData("net/xdp/xsk.c", "XDP SOCKETS (AF_XDP)")]
    [InlineData("samples/bpf/xdp1_user.c", "BPF [GENERAL] (Safe Dynamic Programs and Tools)")]
    [InlineData("tools/lib/bpf/libbpf.c", "BPF [GENERAL] (Safe Dynamic Programs and Tools)")]
    [InlineData("tools/testing/selftests/bpf/prog_tests/xdp.c", "BPF [GENERAL] (Safe Dynamic Programs and Tools)")]
    [InlineData("arch/arm64/net/bpf_jit_comp.c", "BPF JIT for ARM64")]
    [InlineData("arch/riscv/net/bpf_jit_comp64.c", "BPF JIT for RISC-V (64-bit)")] // excluded from the 32-bit section
    [InlineData("arch/x86/net/bpf_jit_comp32.c", "BPF JIT for X86 32-BIT")]
    [InlineData(".../bpf/verifier.c", "BPF [CORE]")]
    public void Match_ShippedSections_FindsTheSection(string path, string section) =>
        Assert.Equal(section, Shipped.Match(path)?.Name);

    [Theory]
    [InlineData("net/ipv4/tcp_input.c")]
    [InlineData("net/sched/cls_flower.c")]
    [InlineData("drivers/s390/net/qeth_l2_main.c")]
    [InlineData("drivers/net/ethernet/netronome/nfp/nfp_net_common.c")]
    [InlineData("tools/testing/selftests/net/pmtu.sh")]
    [InlineData("tools/include/uapi/linux/bpf.h")] // the tools copy is not in any BPF section
    [InlineData(".../net/ethernet/ti/am65-cpsw-nuss.c")]
    [InlineData(".../ethernet/mellanox/mlx5/core/en_ethtool.c")]
    public void Match_ShippedSections_LeavesOtherFilesOut(string path) => Assert.Null(Shipped.Match(path));

    [Fact]
    public void TryParse_MalformedJson_GivesAnErrorNotAnException()
    {
        var (patterns, error) = MaintainersPatterns.TryParse("{ \"sections\": [ ");

        Assert.Null(patterns);
        Assert.StartsWith("invalid JSON", error);
    }

    [Fact]
    public void TryLoad_ShippedFile_NamesItsSource()
    {
        Assert.Contains("0feaf415b7822b27ff60c2711fd345a0414a80f0", Shipped.Source);
        Assert.Contains(Shipped.Sections, s => s.Name == "XDP SOCKETS (AF_XDP)");
    }

    private static MaintainersPatterns LoadShipped()
    {
        var (patterns, error) = FilterConfiguration.TryLoadMaintainers(Path.Combine(Paths.Config, "bpf-maintainers.json"));
        return patterns ?? throw new InvalidOperationException(error);
    }
}
