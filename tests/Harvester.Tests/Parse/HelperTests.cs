using Harvester.Parse;

namespace Harvester.Tests.Parse;

/// <summary>The small decoders the parsers rely on; check values come from spinics.md and mail-archive.md.</summary>
public sealed class HelperTests
{
    [Theory]
    [InlineData("n.ebfgnNylpbf.pb.hx", "a.rosta@lycos.co.uk")] // spinics.md S7 test value
    [InlineData("Xnar Rrirybcre &#60;wnar.qriNrknzcyr.pbz>", "Jane Developer &#60;jane.dev@example.com>")] // spinics.md §2.2
    [InlineData("@[JX", "NMXJ")] // ring ends: @<->N, M<->[, J<->X
    public void MhonarcRot13_CheckValues_Decode(string encoded, string decoded)
    {
        Assert.Equal(decoded, MhonarcRot13.Apply(encoded));
        Assert.Equal(encoded, MhonarcRot13.Apply(decoded));
    }

    [Theory]
    [InlineData("=?UTF-8?q?J=C3=B6rg_M=C3=BCller?=", "Jörg Müller")]
    [InlineData("=?utf-8?B?SsO2cmc=?= =?utf-8?B?IE3DvGxsZXI=?=", "Jörg Müller")]
    [InlineData("=?ISO-8859-1?Q?Andr=E9?= <a@b.c>", "André <a@b.c>")]
    [InlineData("plain =?x-unknown?q?abc?= text", "plain abc text")] // unknown charset: read in the fallback charset
    [InlineData("no words here", "no words here")]
    public void MailHeaders_DecodeWords_HandlesQBAndUnknownCharsets(string raw, string expected) =>
        Assert.Equal(expected, MailHeaders.DecodeWords(raw));

    [Theory]
    [InlineData("Tue, 11 Jul 2017 10:12:33 -0700", 2017, 7, 11, 10, 12, 33, -7 * 60)]
    [InlineData("Wed, 28 Jul 1999 14:06:37 -0400 (EDT)", 1999, 7, 28, 14, 6, 37, -4 * 60)]
    [InlineData("3 Feb 2024 17:45 -0800", 2024, 2, 3, 17, 45, 0, -8 * 60)]
    [InlineData("Mon, 1 Jan 24 00:00:00 GMT", 2024, 1, 1, 0, 0, 0, 0)]
    [InlineData("Fri, 5 Apr 2024 08:00:00 EDT", 2024, 4, 5, 8, 0, 0, -4 * 60)]
    [InlineData("Sat, 6 Apr 2024 08:00:00 +0530", 2024, 4, 6, 8, 0, 0, 5 * 60 + 30)]
    public void MailHeaders_TryParseDate_ReadsArchiveForms(string text, int y, int mo, int d, int h, int mi, int s, int offsetMinutes)
    {
        Assert.True(MailHeaders.TryParseDate(text, out var date));
        Assert.Equal(new DateTimeOffset(y, mo, d, h, mi, s, TimeSpan.FromMinutes(offsetMinutes)), date);
        Assert.Equal(TimeSpan.FromMinutes(offsetMinutes), date.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("31 Feb 2024 10:00:00 +0000")]
    public void MailHeaders_TryParseDate_RejectsNonDates(string text) => Assert.False(MailHeaders.TryParseDate(text, out _));

    [Theory]
    [InlineData("\"Anna K. Maintainer\" <anna@example.com>", "Anna K. Maintainer", "anna@example.com")]
    [InlineData("Jane Developer <jane.dev@example.com>", "Jane Developer", "jane.dev@example.com")]
    [InlineData("stan@example.net (Stan Sender)", "Stan Sender", "stan@example.net")]
    [InlineData("bob@example.net", "", "bob@example.net")]
    [InlineData("<bob@example.net>", "", "bob@example.net")]
    [InlineData("\"O'Reviewer, \\\"B\\\"\" <b@example.org>", "O'Reviewer, \"B\"", "b@example.org")]
    [InlineData("=?UTF-8?q?J=C3=B6rg?= <j@example.de>", "Jörg", "j@example.de")]
    public void MailHeaders_ParseFrom_SplitsNameAndAddress(string text, string name, string address)
    {
        var from = MailHeaders.ParseFrom(text);
        Assert.Equal(name, from.Name);
        Assert.Equal(address, from.Address);
        Assert.Equal(name.Length > 0 ? name : address[..address.IndexOf('@')], from.AuthorOrLocalPart);
    }

    [Theory]
    [InlineData("\"Anna K. Maintainer\" <anna@xxxxxxxxxxx>", "Anna K. Maintainer", "anna@xxxxxxxxxxx")] // spinics-sample-index.html
    [InlineData("\"O'Reviewer, \\\"B\\\"\" <b@xxxxxxxxxxx>", "O'Reviewer, \"B\"", "b@xxxxxxxxxxx")]
    [InlineData("O'Reviewer, Brian \"B\" <brian@xxxxxxxxxxx>", "O'Reviewer, Brian \"B\"", "brian@xxxxxxxxxxx")]
    [InlineData("A & B; C <ab@xxxxxxx>", "A & B; C", "ab@xxxxxxx")]
    [InlineData("stan@example.net (Stan Sender)", "Stan Sender", "stan@example.net")]
    [InlineData("bob@xxxxxxxxxxx", "", "bob@xxxxxxxxxxx")]
    public void MailHeaders_ParseShownFrom_SplitsAtTheAngleAddress(string text, string name, string address)
    {
        var from = MailHeaders.ParseShownFrom(text);
        Assert.Equal(name, from.Name);
        Assert.Equal(address, from.Address);
    }

    [Theory]
    [InlineData("Jane Developer", "Jane Developer")] // spinics' index entry with the address left off
    [InlineData("  Jane   Developer  ", "Jane Developer")]
    [InlineData("=?UTF-8?q?J=C3=B6rg?=", "Jörg")]
    public void MailHeaders_ParseFrom_NameOnlyIsAllName(string text, string name)
    {
        var from = MailHeaders.ParseFrom(text);
        Assert.Equal(name, from.Name);
        Assert.Null(from.Address);
    }

    [Fact]
    public void CloudflareEmail_Decode_SampleValuesAndRoundTrip()
    {
        // data-cfemail values of the shared mail-archive sample page; decoded by hand with key = first byte.
        Assert.Equal("sam.revie...@example.org", CloudflareEmail.Decode("3142505c1f43544758541f1f1f715449505c415d541f5e4356"));
        Assert.Equal("jane.develo...@example.com", CloudflareEmail.Decode("5a303b343f743e3f2c3f36357474741a3f223b372a363f74393537"));
        Assert.Equal("ü@x.y", CloudflareEmail.Decode(CloudflareEmail.Encode("ü@x.y", 0x7f)));
        Assert.Null(CloudflareEmail.Decode("zz"));
        Assert.Null(CloudflareEmail.Decode("abc"));
    }

    [Fact]
    public void SpinicsMasking_Mask_OneXPerDomainCharacter()
    {
        Assert.Equal("Name <fw@xxxxxxxxx>", SpinicsMasking.Mask("Name <fw@strlen.de>")); // spinics.md S5: fw@xxxxxxxxx
        Assert.True(new FromHeader("", "aconole@xxxxxxxxxx").IsMasked);
        Assert.False(new FromHeader("", "aconole@redhat.com").IsMasked);
        Assert.False(new FromHeader("", "aconole@").IsMasked);
    }

    [Fact]
    public void Parse_EscapedEntityText_IsDecodedExactlyOnce()
    {
        const string html = "[Prev Page][Next Page]<ul><li><strong><a name=\"00001\" href=\"msg00001.html\">a &amp;lt; b &amp;amp; c</a></strong>\n" +
            "<ul><li><em>From</em>: A &amp;amp; B &lt;ab@xxxxxxx&gt;</li></ul></li></ul>";
        var page = ParseTestSupport.SpinicsIndex(html);
        Assert.Equal("a &lt; b &amp; c", page.Entries.Single().Subject);
        Assert.Equal("A &amp; B", page.Entries.Single().Author);
        Assert.Null(page.NextPage);
    }
}
