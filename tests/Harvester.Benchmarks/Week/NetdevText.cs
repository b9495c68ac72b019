using System.Text;

namespace Harvester.Benchmarks.Week;

/// <summary>
/// Word lists and body writers for the simulated netdev week: subjects, commit messages, diffstats and diffs shaped
/// like real list traffic (subject forms from /work/shared/data/subjects-sample.tsv), with made-up people.
/// </summary>
internal static class NetdevText
{
    public static readonly (string Name, string Address, TimeSpan Offset)[] People =
    [
        ("Alice Moreau", "alice.moreau@example.org", TimeSpan.FromHours(1)),
        ("Bogdan Ionescu", "bogdan@linux.example.com", TimeSpan.FromHours(2)),
        ("Chen Wei", "chenwei@corp.example.cn", TimeSpan.FromHours(8)),
        ("Dmitri Volkov", "dvolkov@example.net", TimeSpan.FromHours(3)),
        ("Eva Lindqvist", "eva@lindqvist.example", TimeSpan.FromHours(1)),
        ("Farid Haddad", "farid.haddad@example.com", TimeSpan.FromHours(-5)),
        ("Gráinne Ní Bhriain", "grainne@example.ie", TimeSpan.Zero),
        ("Hiroshi Tanaka", "htanaka@example.co.jp", TimeSpan.FromHours(9)),
        ("Ines Carvalho", "ines@example.pt", TimeSpan.Zero),
        ("Jonas Øverby", "jonas.overby@example.no", TimeSpan.FromHours(1)),
        ("Kavya Raman", "kavya.r@example.in", new TimeSpan(5, 30, 0)),
        ("Lucas Schmidt", "lschmidt@example.de", TimeSpan.FromHours(1)),
        ("Maria Gonzalez", "mgonzalez@example.es", TimeSpan.FromHours(1)),
        ("Nikolai Petrov", "npetrov@example.ru", TimeSpan.FromHours(3)),
        ("Olivia Brown", "olivia.brown@example.com", TimeSpan.FromHours(-8)),
        ("Pavel Novák", "pnovak@example.cz", TimeSpan.FromHours(1)),
        ("Quentin Dubois", "quentin@example.fr", TimeSpan.FromHours(1)),
        ("Rahul Mehta", "rmehta@example.com", TimeSpan.FromHours(-7)),
        ("Sofia Rossi", "sofia.rossi@example.it", TimeSpan.FromHours(1)),
        ("Tomasz Kowalski", "tkowalski@example.pl", TimeSpan.FromHours(1)),
        ("Uma Krishnan", "uma@example.com", TimeSpan.FromHours(-8)),
        ("Viktor Horváth", "vhorvath@example.hu", TimeSpan.FromHours(1)),
        ("Wang Fang", "wangfang@example.cn", TimeSpan.FromHours(8)),
        ("Yusuf Demir", "ydemir@example.com.tr", TimeSpan.FromHours(3)),
    ];

    /// <summary>Senders of noise: syzbot reports and patchwork-bot's "applied" notices (no display name, as on the list).</summary>
    public static readonly (string Name, string Address, TimeSpan Offset) Syzbot = ("syzbot", "syzbot+3f1e8a2c9b@syzkaller.appspotmail.example", TimeSpan.FromHours(-8));

    public static readonly (string Name, string Address, TimeSpan Offset) PatchworkBot = ("", "patchwork-bot+netdevbpf@kernel.example", TimeSpan.Zero);

    public static readonly string[] NetAreas =
        ["net: stmmac", "net/mlx5e", "ice", "igc", "net: phy: micrel", "tcp", "ipv6", "net: dsa: mv88e6xxx", "netfilter: nf_tables",
         "net/sched: act_mirred", "bnxt_en", "virtio_net", "net: hns3", "eth: fbnic", "selftests: net", "netlink: specs", "gve"];

    public static readonly string[] BpfAreas =
        ["bpf", "libbpf", "selftests/bpf", "bpftool", "bpf, x86", "bpf, arm64", "xsk", "bpf: verifier"];

    private static readonly string[] Verbs = ["Add", "Fix", "Remove", "Convert", "Use", "Support", "Refactor", "Avoid", "Introduce", "Drop"];

    private static readonly string[] Objects =
        ["RSS context handling", "a NULL dereference in the probe error path", "per-queue statistics", "the legacy ring parameters",
         "page pool for RX buffers", "a race between reset and ndo_open", "the unused helper", "XDP multi-buffer support",
         "a memory leak on module unload", "the netlink attribute policy", "kfuncs for socket lookup", "a test for the new flag",
         "BTF type tag checks", "the spin lock in the hot path", "ethtool link modes", "the devlink health reporter"];

    private static readonly string[] Files =
        ["drivers/net/ethernet/stmicro/stmmac/stmmac_main.c", "drivers/net/ethernet/mellanox/mlx5/core/en_main.c",
         "drivers/net/ethernet/intel/ice/ice_txrx.c", "net/ipv4/tcp_input.c", "net/core/dev.c", "include/linux/netdevice.h",
         "kernel/bpf/verifier.c", "kernel/bpf/syscall.c", "tools/lib/bpf/libbpf.c", "tools/testing/selftests/bpf/prog_tests/xdp.c",
         "net/xdp/xsk.c", "include/uapi/linux/bpf.h", "net/sched/act_mirred.c", "Documentation/netlink/specs/netdev.yaml"];

    public static string Pick(Random random, string[] items) => items[random.Next(items.Length)];

    public static string Title(Random random) => $"{Pick(random, Verbs)} {Pick(random, Objects)}";

    public static string PatchBody(Random random, string author, string address, string title, bool bpf)
    {
        var sb = new StringBuilder();
        sb.Append("The current code does not handle this case: ").Append(title.ToLowerInvariant()).Append(".\n");
        for (var i = random.Next(2, 6); i > 0; i--)
        {
            sb.Append("This is needed because the driver otherwise takes the slow path under load, and the\n");
        }

        sb.Append("\nSigned-off-by: ").Append(author).Append(" <").Append(address).Append(">\n---\n");
        var files = Enumerable.Range(0, random.Next(1, 5)).Select(_ => bpf && random.Next(3) > 0 ? BpfFile(random) : Pick(random, Files)).Distinct().ToList();
        var added = 0;
        var removed = 0;
        foreach (var file in files)
        {
            int plus = random.Next(1, 80), minus = random.Next(0, 30);
            added += plus;
            removed += minus;
            sb.Append(' ').Append(file.PadRight(52)).Append(" | ").Append(plus + minus).Append(' ')
                .Append(new string('+', Math.Min(plus, 40))).Append(new string('-', Math.Min(minus, 20))).Append('\n');
        }

        sb.Append($" {files.Count} file{(files.Count > 1 ? "s" : "")} changed, {added} insertions(+), {removed} deletions(-)\n\n");
        foreach (var file in files)
        {
            sb.Append($"diff --git a/{file} b/{file}\nindex 3f2a1b4..8c9d0e7 100644\n--- a/{file}\n+++ b/{file}\n@@ -120,7 +120,9 @@ static int setup(struct net_device *dev)\n");
            sb.Append(" \tif (!dev)\n \t\treturn -EINVAL;\n-\tret = old_call(dev, &priv->cfg);\n+\tret = new_call(dev, &priv->cfg, flags);\n+\tif (ret < 0)\n+\t\tgoto err_free;\n");
        }

        return sb.Append("-- \n2.47.1\n").ToString();
    }

    public static string CoverBody(Random random, string title, int version, IReadOnlyList<string> parts)
    {
        var sb = new StringBuilder($"This series is about {title.ToLowerInvariant()}.\n\nPatch 1 prepares the ground, the rest builds on it.\n");
        if (version > 1)
        {
            sb.Append($"\n---\nChanges in v{version}:\n- addressed review comments\n- rebased on net-next\nLink to v{version - 1}: https://lore.example/all/v{version - 1}/\n");
        }

        sb.Append('\n');
        foreach (var part in parts)
        {
            sb.Append("  ").Append(part).Append('\n');
        }

        return sb.Append($"\n {parts.Count * 3} files changed, {random.Next(40, 900)} insertions(+), {random.Next(5, 200)} deletions(-)\n\n-- \n2.47.1\n").ToString();
    }

    public static string ReplyBody(Random random, string parentAuthor, string parentBody)
    {
        var quoted = string.Join('\n', parentBody.Split('\n').Take(random.Next(3, 12)).Select(l => "> " + l));
        var tail = random.Next(4) switch
        {
            0 => "Reviewed-by: Someone Reviewer <reviewer@example.org>",
            1 => "Why is this needed? The caller already holds the lock.",
            2 => "Acked-by: Another Maintainer <maint@example.org>",
            _ => "pw-bot: cr",
        };
        return $"On Tue, {parentAuthor} wrote:\n{quoted}\n\n{tail}\n";
    }

    private static string BpfFile(Random random) => Pick(random, Files[6..12]);
}
