using Harvester.Group;

namespace Harvester.Tests.Group;

public sealed class PullRequestTreeTests
{
    [Theory]
    [InlineData("pull-request: bpf-next 2026-11-28", "bpf-next")]
    [InlineData("pull-request: bpf 2026-11-30", "bpf")]
    [InlineData("pull-request: bpf-next 2019-05-09", "bpf-next")]
    [InlineData("[pull request][net-next 00/10] mlx5 updates 2026-11-20", "net-next")]
    [InlineData("[GIT PULL net-next] ipsec-next 2026-11-20", "net-next")]
    [InlineData("[GIT PULL] Networking for v6.19-rc2", "net")]
    [InlineData("[GIT PULL] Networking for 6.19-rc7", "net")]
    [InlineData("[GIT PULL] Networking for 6.19", "net-next")]
    [InlineData("[GIT PULL] Networking for v6.19", "net-next")]
    [InlineData("[GIT] Networking", "net")]
    public void Of_RealSubjectForms_NamesTheTree(string subject, string tree)
    {
        Assert.Equal(tree, PullRequestTree.Of(subject));
    }

    [Theory]
    [InlineData("[GIT PULL] Please pull ext4 fixes")]
    [InlineData("[PATCH bpf-next] bpf: not a pull")]
    public void Of_NoTreeNamed_IsNull(string subject)
    {
        Assert.Null(PullRequestTree.Of(subject));
    }
}
