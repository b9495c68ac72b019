using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Harvester.Tests.Support.Sites;

/// <summary>Text helpers shared by the fixture site writers (escaping, dates, file names, message order).</summary>
internal static partial class SiteText
{
    /// <summary>HTML escaping of text and attribute values: <c>&amp; &lt; &gt; &quot;</c> (MHonArc htmlize, mail-archive alike).</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    /// <summary>RFC 2822 date in the sender's own offset: <c>Tue, 11 Jul 2017 10:12:33 -0700</c>.</summary>
    public static string Rfc2822(DateTimeOffset date)
    {
        var offset = date.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return date.ToString("ddd, d MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture) +
               $"{sign}{abs.Hours:D2}{abs.Minutes:D2}";
    }

    /// <summary>MHonArc's message file name, <c>msg%05d.html</c>.</summary>
    public static string MessageFile(long number) => "msg" + number.ToString("D5", CultureInfo.InvariantCulture) + ".html";

    /// <summary>The date index page name for page k (1-based): <c>maillist.html</c>, <c>mail2.html</c>, ...</summary>
    public static string IndexFile(int page) => page == 1 ? "maillist.html" : $"mail{page}.html";

    /// <summary>Page number of a date index file name, or null when it is not one.</summary>
    public static int? IndexPage(string fileName)
    {
        if (fileName == "maillist.html")
        {
            return 1;
        }

        var m = IndexName().Match(fileName);
        return m.Success && int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var k) && k >= 2 ? k : null;
    }

    /// <summary>Message number of a message file name, or null.</summary>
    public static long? MessageNumber(string fileName)
    {
        var m = MessageName().Match(fileName);
        return m.Success && long.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    /// <summary>The raw header form of a text: itself when ASCII, else one RFC 2047 Q encoded word (as a mail client sends it).</summary>
    public static string RawHeader(string text)
    {
        if (text.All(c => c < 0x80))
        {
            return text;
        }

        var sb = new StringBuilder("=?UTF-8?q?");
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            sb.Append(b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9'
                ? ((char)b).ToString()
                : b == ' ' ? "_" : "=" + b.ToString("X2", CultureInfo.InvariantCulture));
        }

        return sb.Append("?=").ToString();
    }

    /// <summary>Addresses in text (the same shape as MHonArc's and mail-archive's address matching, simplified).</summary>
    [GeneratedRegex(@"(?<local>[\w.+=-]+)@(?<domain>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")]
    public static partial Regex Address();

    /// <summary>URLs that both sites turn into <c>&lt;a  rel="nofollow" href&gt;</c> links (two spaces after <c>a</c>).</summary>
    [GeneratedRegex(@"https?://[^\s<>""&]+")]
    public static partial Regex Url();

    [GeneratedRegex(@"^mail(\d+)\.html$")]
    private static partial Regex IndexName();

    [GeneratedRegex(@"^msg(\d+)\.html$")]
    private static partial Regex MessageName();
}
