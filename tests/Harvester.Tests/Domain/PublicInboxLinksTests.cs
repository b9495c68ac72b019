using Harvester.Domain;

namespace Harvester.Tests.Domain;

public class PublicInboxLinksTests
{
    private static readonly Uri Bpf = new("https://lore.kernel.org/bpf/");

    [Theory]
    // public-inbox's own cases (t/mid.t: mid_escape keeps RFC 3986 §3.3 path characters, escapes '%').
    [InlineData("foo!@(bar)", "foo!@(bar)")]
    [InlineData("foo%!@(bar)", "foo%25!@(bar)")]
    [InlineData("20261109081002.18231-1-mirela.kovacs@example.com", "20261109081002.18231-1-mirela.kovacs@example.com")]
    [InlineData("slashy/asdf@example.com", "slashy%2Fasdf@example.com")]
    [InlineData("a b#c?d\"e<f>@x", "a%20b%23c%3Fd%22e%3Cf%3E@x")]
    [InlineData("$&'()*+,;=:~_.-@x", "$&'()*+,;=:~_.-@x")]
    [InlineData("zdeňka@example.cz", "zde%C5%88ka@example.cz")]
    [InlineData("<with-brackets@x>", "with-brackets@x")]
    public void Escape_MessageId_EscapedAsPublicInboxMidEscape(string id, string expected)
    {
        Assert.Equal(expected, PublicInboxLinks.Escape(id));
    }

    [Fact]
    public void Message_SlashInId_LinkKeepsOnePathSegment()
    {
        var link = PublicInboxLinks.Message(Bpf, "<slashy/asdf@example.com>");

        Assert.Equal("https://lore.kernel.org/bpf/slashy%2Fasdf@example.com/", link.AbsoluteUri);
        Assert.Equal(3, link.Segments.Length); // "/", "bpf/", "slashy%2Fasdf@example.com/"
    }

    [Fact]
    public void Raw_RootWithoutSlash_RawUnderTheMessage()
    {
        Assert.Equal("https://lore.kernel.org/bpf/a@b/raw", PublicInboxLinks.Raw(new Uri("https://lore.kernel.org/bpf"), "a@b").AbsoluteUri);
    }
}
