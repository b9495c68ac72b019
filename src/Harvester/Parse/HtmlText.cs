using System.Text;
using HtmlAgilityPack;

namespace Harvester.Parse;

/// <summary>Text helpers shared by the page parsers: entity decoding, node-to-text (whitespace: <see cref="Domain.Whitespace"/>).</summary>
internal static class HtmlText
{
    /// <summary>Entity-decodes a raw HTML string (null-safe). <c>HtmlEntity.DeEntitize</c> handles named, decimal and hex entities.</summary>
    public static string Decode(string? raw) => string.IsNullOrEmpty(raw) ? "" : HtmlEntity.DeEntitize(raw) ?? "";

    /// <summary>XPath predicate body that matches a whole class token (so <c>nextpglink</c> does not match <c>tnextpglink</c>).</summary>
    public static string HasClass(string token) => $"contains(concat(' ', normalize-space(@class), ' '), ' {token} ')";

    /// <summary>Loads HTML into a document without letting HtmlAgilityPack guess encodings (the string is already decoded).</summary>
    public static HtmlDocument Load(string html)
    {
        var doc = new HtmlDocument();
        doc.LoadHtml(html);
        return doc;
    }

    /// <summary>The decoded, collapsed text of a node, with Cloudflare-protected addresses restored.</summary>
    public static string InlineText(HtmlNode? node) => node is null ? "" : Domain.Whitespace.Collapse(BlockText([node]));

    /// <summary>
    /// The plain text of a run of body nodes: text inside <c>pre</c> verbatim (entities decoded), whitespace-only text
    /// between blocks dropped, <c>br</c> as a newline, Cloudflare <c>data-cfemail</c> elements decoded, scripts skipped.
    /// Adjacent <c>&lt;/pre&gt;&lt;pre&gt;</c> blocks are joined without a separator: mail-archive splits the first
    /// paragraph as <c>para1&lt;/pre&gt;&lt;pre&gt;\n\npara2</c> (mail-archive.md "Body"; sample message page).
    /// </summary>
    public static string BlockText(IEnumerable<HtmlNode> nodes)
    {
        var sb = new StringBuilder();
        foreach (var node in nodes)
        {
            Append(node, sb, inPre: false);
        }

        return sb.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>Body text as a message carries it: leading blank lines and trailing whitespace removed.</summary>
    public static string TidyBody(string text) => text.TrimStart('\n', '\r').TrimEnd();

    private static void Append(HtmlNode node, StringBuilder sb, bool inPre)
    {
        switch (node)
        {
            case HtmlCommentNode:
                return;
            case HtmlTextNode text:
                if (inPre || !string.IsNullOrWhiteSpace(text.Text))
                {
                    sb.Append(Decode(text.Text));
                }

                return;
        }

        if (node.NodeType != HtmlNodeType.Element)
        {
            return;
        }

        if (node.GetAttributeValue("data-cfemail", null) is { } hex)
        {
            sb.Append(CloudflareEmail.Decode(hex) ?? Decode(node.InnerText));
            return;
        }

        switch (node.Name)
        {
            case "script" or "style":
                return;
            case "br":
                sb.Append('\n');
                return;
        }

        var pre = inPre || node.Name == "pre";
        foreach (var child in node.ChildNodes)
        {
            Append(child, sb, pre);
        }

        if (!inPre && node.Name is ("p" or "div" or "blockquote") && sb.Length > 0 && sb[^1] != '\n')
        {
            sb.Append('\n');
        }
    }
}
