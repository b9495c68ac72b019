using Harvester.Domain;

namespace Harvester.Tests.Domain;

public sealed class AuthorNameTests
{
    [Theory]
    [InlineData("David S. Miller", "David Miller")]
    [InlineData("Jakub Kicinski", "JAKUB KICINSKI")]
    [InlineData("Jane Doe via B4 Relay", "Jane Doe")]
    [InlineData("\"Jane Doe via B4 Relay\"", "jane doe")]
    [InlineData("Eric Dumazet via netdev", "Eric Dumazet")]
    [InlineData("Björn Töpel", "Bjorn Topel")]
    [InlineData("Lobakin, Alexander", "Alexander Lobakin")]
    [InlineData("vkabatov@redhat.com", "VKABATOV@redhat.com")]
    public void Key_SpellingsOfOnePerson_AreEqual(string a, string b)
    {
        Assert.Equal(AuthorName.Key(a), AuthorName.Key(b));
    }

    [Theory]
    [InlineData("David Miller", "David Ahern")]
    [InlineData("Jane Doe", "John Doe")]
    public void Key_DifferentPeople_Differ(string a, string b)
    {
        Assert.NotEqual(AuthorName.Key(a), AuthorName.Key(b));
    }

    [Theory]
    [InlineData("patchwork-bot+netdevbpf@kernel.org")] // the From header: no display name
    [InlineData("patchwork-bot+netdevbpf")] // spinics' index and page: the local part
    [InlineData("patchwork-bot+netdevbpf@xxxxxxxxxx")] // spinics' masked address
    [InlineData("patchwork-bot+netdev...@kernel.org")] // mail-archive's truncated address
    [InlineData("\"patchwork-bot+netdevbpf@kernel.org\"")] // a display name that is the address
    public void Key_PatchworkBotForms_AreTheBot(string form)
    {
        Assert.Equal(AuthorName.PatchworkBot, AuthorName.Key(form));
        Assert.True(AuthorName.IsPatchworkBot(form));
    }

    [Theory]
    [InlineData("patchwork-bot@example.org")]
    [InlineData("Jane Bot")]
    [InlineData("kernel test robot")]
    public void Key_OtherSenders_AreNotTheBot(string form)
    {
        Assert.False(AuthorName.IsPatchworkBot(form));
    }

    [Fact]
    public void Cleanest_Spellings_PrefersRealMixedCaseFullName()
    {
        var best = AuthorName.Cleanest(["david miller", "davem@davemloft.net", "David S. Miller via netdev", "David Miller"]);

        Assert.Equal("David S. Miller", best);
    }

    [Fact]
    public void Cleanest_OnlyBlank_ReturnsEmpty()
    {
        Assert.Equal("", AuthorName.Cleanest([null, " "]));
    }
}
