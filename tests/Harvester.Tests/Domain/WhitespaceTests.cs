using Harvester.Domain;

namespace Harvester.Tests.Domain;

public sealed class WhitespaceTests
{
    [Theory]
    [InlineData("  a \t b\r\n c  ", "a b c")]
    [InlineData("[PATCH net-next v2\t1/3]\n bpf: x", "[PATCH net-next v2 1/3] bpf: x")] // a folded Subject header
    [InlineData("a\u00a0\u00a0b\u2009c", "a b c")] // no-break and thin spaces, as HTML pages give them
    [InlineData("a\u2028b", "a b")] // line separator
    [InlineData("", "")]
    [InlineData(" \t\n", "")]
    [InlineData(null, "")]
    public void Collapse_Text_RunsBecomeOneSpaceAndEndsTrimmed(string? text, string expected)
    {
        Assert.Equal(expected, Whitespace.Collapse(text));
    }
}
