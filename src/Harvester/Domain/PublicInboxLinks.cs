using System.Text;

namespace Harvester.Domain;

/// <summary>
/// Links to a message in a public-inbox archive (lore.kernel.org), made from its Message-ID without a request:
/// <c>&lt;root&gt;&lt;escaped id&gt;/</c>, the raw mail at <c>&lt;root&gt;&lt;escaped id&gt;/raw</c>. The id is escaped as
/// public-inbox's <c>mid_escape</c> does (<c>lib/PublicInbox/MID.pm</c>: <c>uri_escape_utf8</c> with
/// <c>MID_ESC</c>, RFC 3986 §3.3's path characters): letters, digits and <c>-._~!$&amp;'()*+,;=:@</c> stay, every other
/// UTF-8 byte (<c>/</c>, <c>%</c>, <c>#</c>, <c>?</c>, space, <c>&lt;</c> ...) becomes <c>%XX</c>. Covered by PublicInboxLinksTests.
/// </summary>
public static class PublicInboxLinks
{
    private const string Unreserved = "-._~!$&'()*+,;=:@";

    /// <summary>The Message-ID (brackets dropped) escaped for a public-inbox path segment.</summary>
    public static string Escape(string messageId)
    {
        var id = MessageIds.Normalize(messageId) ?? messageId;
        var sb = new StringBuilder(id.Length + 8);
        foreach (var b in Encoding.UTF8.GetBytes(id))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || Unreserved.Contains(c, StringComparison.Ordinal)))
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    /// <summary>The message's web page under an inbox root such as <c>https://lore.kernel.org/bpf/</c>.</summary>
    public static Uri Message(Uri inboxRoot, string messageId) => new(Root(inboxRoot) + Escape(messageId) + "/");

    /// <summary>The message's raw mail under an inbox root.</summary>
    public static Uri Raw(Uri inboxRoot, string messageId) => new(Root(inboxRoot) + Escape(messageId) + "/raw");

    private static string Root(Uri inboxRoot) =>
        inboxRoot.AbsoluteUri.EndsWith('/') ? inboxRoot.AbsoluteUri : inboxRoot.AbsoluteUri + "/";
}
