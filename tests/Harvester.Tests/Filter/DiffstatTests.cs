using Harvester.Filter;

namespace Harvester.Tests.Filter;

/// <summary>Diffstat parsing on the shapes git format-patch writes (counts checked by hand against each text).</summary>
public sealed class DiffstatTests
{
    [Fact]
    public void Parse_PlainDiffstat_ReadsPathsAndSummary()
    {
        const string body = """
            Fix the thing.

            Signed-off-by: A <a@example.org>
            ---
             kernel/bpf/verifier.c                       | 12 +++++++-----
             tools/testing/selftests/bpf/test_verifier.c |  4 ++--
             2 files changed, 10 insertions(+), 6 deletions(-)

            """;

        var stat = Diffstat.Parse(body);

        Assert.Equal((2, 10, 6), (stat.FilesChanged, stat.Insertions, stat.Deletions));
        Assert.Equal(["kernel/bpf/verifier.c", "tools/testing/selftests/bpf/test_verifier.c"], stat.Paths);
        Assert.Equal([12, 4], stat.Entries.Select(e => e.Changes));
    }

    [Fact]
    public void Parse_RenameWithBraces_GivesBothNames()
    {
        const string body = """
            ---
             tools/testing/selftests/{net => bpf}/test_xdp_veth.sh | 0
             1 file changed, 0 insertions(+), 0 deletions(-)
             rename tools/testing/selftests/{net => bpf}/test_xdp_veth.sh (100%)
            """;

        var stat = Diffstat.Parse(body);

        var entry = Assert.Single(stat.Entries);
        Assert.Equal("tools/testing/selftests/bpf/test_xdp_veth.sh", entry.Path);
        Assert.Equal("tools/testing/selftests/net/test_xdp_veth.sh", entry.OldPath);
        Assert.Equal(["tools/testing/selftests/bpf/test_xdp_veth.sh", "tools/testing/selftests/net/test_xdp_veth.sh"], stat.Paths);
    }

    [Theory]
    [InlineData("old.c => new.c", "old.c", "new.c")]
    [InlineData("net/{core => xdp}/xsk.c", "net/core/xsk.c", "net/xdp/xsk.c")]
    [InlineData("samples/bpf/{ => legacy}/xdp1_user.c", "samples/bpf/xdp1_user.c", "samples/bpf/legacy/xdp1_user.c")]
    [InlineData("{a => b}/c.c", "a/c.c", "b/c.c")]
    [InlineData("tools/lib/bpf/{libbpf.c => libbpf_core.c}", "tools/lib/bpf/libbpf.c", "tools/lib/bpf/libbpf_core.c")]
    public void SplitRename_GitForms_GiveOldAndNew(string name, string expectedOld, string expectedNew) =>
        Assert.Equal((expectedOld, expectedNew), Diffstat.SplitRename(name));

    [Fact]
    public void Parse_BinaryFileAndCreateMode_AreRead()
    {
        const string body = """
            ---
             Documentation/networking/af_xdp.rst       |  12 ++++
             Documentation/networking/af_xdp_rings.svg | Bin 0 -> 14232 bytes
             2 files changed, 12 insertions(+)
             create mode 100644 Documentation/networking/af_xdp_rings.svg
            """;

        var stat = Diffstat.Parse(body);

        Assert.Equal((2, 12, 0), (stat.FilesChanged, stat.Insertions, stat.Deletions));
        Assert.True(stat.Entries[1].Binary);
        Assert.Equal(["Documentation/networking/af_xdp.rst", "Documentation/networking/af_xdp_rings.svg"], stat.Paths);
    }

    [Fact]
    public void Parse_ShortenedPathWithCreateModeLine_ResolvesToTheFullPath()
    {
        const string body = """
            ---
             .../selftests/bpf/prog_tests/tunnel_gso.c      | 88 ++++++++++++++++++++
             1 file changed, 88 insertions(+)
             create mode 100644 tools/testing/selftests/bpf/prog_tests/tunnel_gso.c
            """;

        var entry = Assert.Single(Diffstat.Parse(body).Entries);

        Assert.Equal("tools/testing/selftests/bpf/prog_tests/tunnel_gso.c", entry.Path);
        Assert.False(entry.Shortened);
    }

    [Fact]
    public void Parse_ShortenedPathAlone_StaysShortened()
    {
        const string body = """
            ---
             .../net/ethernet/mellanox/mlx5/core/en/xdp.c  | 41 +++++++++++++++-----
             .../ethernet/mellanox/mlx5/core/en_rx.c       | 12 ++--
             2 files changed, 39 insertions(+), 14 deletions(-)
            """;

        var stat = Diffstat.Parse(body);

        Assert.All(stat.Entries, e => Assert.True(e.Shortened));
        Assert.Equal([".../net/ethernet/mellanox/mlx5/core/en/xdp.c", ".../ethernet/mellanox/mlx5/core/en_rx.c"], stat.Paths);
    }

    [Fact]
    public void Parse_DeleteModeAndModeChange_AddTheirPaths()
    {
        const string body = """
            ---
             samples/bpf/old_loader.c      | 120 ---------------
             tools/testing/selftests/bpf/vmtest.sh |   0
             2 files changed, 120 deletions(-)
             delete mode 100644 samples/bpf/old_loader.c
             mode change 100644 => 100755 tools/testing/selftests/bpf/vmtest.sh
            """;

        var stat = Diffstat.Parse(body);

        Assert.Equal((2, 0, 120), (stat.FilesChanged, stat.Insertions, stat.Deletions));
        Assert.Equal(["samples/bpf/old_loader.c", "tools/testing/selftests/bpf/vmtest.sh"], stat.Paths);
    }

    [Fact]
    public void Parse_NoDiffstat_TakesPathsAndCountsFromTheDiff()
    {
        const string body = """
            Drop the reference on the error path.

            Signed-off-by: A <a@example.org>

            diff --git a/net/xdp/xsk.c b/net/xdp/xsk.c
            index 3a1b2c4..5d6e7f8 100644
            --- a/net/xdp/xsk.c
            +++ b/net/xdp/xsk.c
            @@ -1001,6 +1001,7 @@ static int xsk_bind(struct socket *sock)
             		if (err) {
            +			xdp_put_umem(umem, false);
            -			old();
             		}
            -- 
            2.43.0
            """;

        var stat = Diffstat.Parse(body);

        Assert.Equal((1, 1, 1), (stat.FilesChanged, stat.Insertions, stat.Deletions));
        Assert.Equal(["net/xdp/xsk.c"], stat.Paths);
        Assert.Empty(stat.Entries);
    }

    [Fact]
    public void Parse_OnlyPlusPlusPlusLines_GivesTheNewPath()
    {
        const string body = "Fix.\n\n--- a/kernel/bpf/core.c\n+++ b/kernel/bpf/core.c\n@@ -1 +1 @@\n-a\n+b\n";

        Assert.Equal(["kernel/bpf/core.c"], Diffstat.Parse(body).Paths);
    }

    [Fact]
    public void Parse_CoverLetterWithShortlog_ReadsTheSeriesDiffstat()
    {
        const string body = """
            Two fixes.

            Hana Sato (2):
              ice: fix Rx ring refill in zero-copy mode
              ice: don't leak buffers

             drivers/net/ethernet/intel/ice/ice_txrx.c |  4 +++-
             drivers/net/ethernet/intel/ice/ice_xsk.c  | 11 ++++++++---
             2 files changed, 11 insertions(+), 4 deletions(-)

            -- 
            2.43.0
            """;

        var stat = Diffstat.Parse(body);

        Assert.Equal(2, stat.FilesChanged);
        Assert.Equal(["drivers/net/ethernet/intel/ice/ice_txrx.c", "drivers/net/ethernet/intel/ice/ice_xsk.c"], stat.Paths);
    }

    [Fact]
    public void Parse_ProseWithoutDiff_IsEmpty()
    {
        var stat = Diffstat.Parse("Hi David,\n\nPlease pull.\n\nThanks | really\n");

        Assert.Equal((0, 0, 0), (stat.FilesChanged, stat.Insertions, stat.Deletions));
        Assert.Empty(stat.Paths);
    }
}
