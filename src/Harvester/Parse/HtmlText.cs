using System.Net;
using System.Text;
using HtmlAgilityPack;

namespace Harvester.Parse;

/// <summary>Text helpers shared by the page parsers: entity decoding, node-to-text (whitespace: <see cref="Domain.Whitespace"/>).</summary>
internal static class HtmlText
{
    /// <summary>
    /// Entity-decodes a raw HTML string once (null-safe): named, decimal and hex references, astral plane included.
    /// <c>HtmlEntity.DeEntitize</c> wrote <c>&amp;#128029;</c> (an emoji as mail-archive writes it) as <c>&amp;##128029;</c>;
    /// <c>WebUtility.HtmlDecode</c> reads it (HostilePageTests).
    /// </summary>
    public static string Decode(string? raw) => string.IsNullOrEmpty(raw) ? "" : WebUtility.HtmlDecode(raw);

    /// <summary>XPath predicate body that matches a whole class token (so <c>nextpglink</c> does not match <c>tnextpglink</c>).</summary>
    public static string HasClass(string token) => $"contains(concat(' ', normalize-space(@class), ' '), ' {token} ')";

    /// <summary>
    /// Loads HTML into a document without letting HtmlAgilityPack guess encodings (the string is already decoded),
    /// within <see cref="PageLimits"/>: a page beyond them throws <see cref="PageLimitException"/>, deeper nesting
    /// than <see cref="PageLimits.MaxNesting"/> HtmlAgilityPack's own exception; the parse guard reports either.
    /// </summary>
    public static HtmlDocument Load(string html)
    {
        if (PageLimits.Check(html) is { } error)
        {
            throw new PageLimitException(error);
        }

        var doc = new HtmlDocument { OptionMaxNestedChildNodes = PageLimits.MaxNesting };
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
            Append(node, sb);
        }

        return sb.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>
    /// The raw text of a node's subtree (text nodes in document order, entities not decoded, comments skipped): what
    /// HtmlAgilityPack's <c>InnerText</c> gives, walked with an explicit stack instead of its recursion, so the depth of
    /// a stranger's markup never reaches the call stack (issue 12; HostilePageTests, HtmlTextTests).
    /// </summary>
    public static string RawText(HtmlNode? root)
    {
        if (root is null)
        {
            return "";
        }

        if (root is HtmlTextNode only)
        {
            return only.Text;
        }

        var sb = new StringBuilder();
        var stack = new Stack<HtmlNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is HtmlTextNode text)
            {
                sb.Append(text.Text);
                continue;
            }

            if (node.NodeType is HtmlNodeType.Comment)
            {
                continue;
            }

            for (var i = node.ChildNodes.Count - 1; i >= 0; i--)
            {
                stack.Push(node.ChildNodes[i]);
            }
        }

        return sb.ToString();
    }

    /// <summary>Body text as a message carries it: leading blank lines and trailing whitespace removed.</summary>
    public static string TidyBody(string text) => text.TrimStart('\n', '\r').TrimEnd();

    /// <summary>
    /// Walks a node's subtree with an explicit stack, never recursion (a stranger's page sets the depth): each element
    /// is visited on entry (its children pushed in reverse) and on exit (the block's line break).
    /// </summary>
    private static void Append(HtmlNode root, StringBuilder sb)
    {
        var stack = new Stack<(HtmlNode Node, bool InPre, bool Exit)>();
        stack.Push((root, false, false));
        while (stack.Count > 0)
        {
            var (node, inPre, exit) = stack.Pop();
            if (exit)
            {
                if (!inPre && node.Name is ("p" or "div" or "blockquote") && sb.Length > 0 && sb[^1] != '\n')
                {
                    sb.Append('\n');
                }

                continue;
            }

            switch (node)
            {
                case HtmlCommentNode:
                    continue;
                case HtmlTextNode text:
                    if (inPre || !string.IsNullOrWhiteSpace(text.Text))
                    {
                        sb.Append(Decode(text.Text));
                    }

                    continue;
            }

            if (node.NodeType != HtmlNodeType.Element)
            {
                continue;
            }

            if (node.GetAttributeValue("data-cfemail", null) is { } hex)
            {
                sb.Append(CloudflareEmail.Decode(hex) ?? Decode(RawText(node)));
                continue;
            }

            switch (node.Name)
            {
                case "script" or "style":
                    continue;
                case "br":
                    sb.Append('\n');
                    continue;
            }

            var pre = inPre || node.Name == "pre";
            stack.Push((node, inPre, true));
            for (var i = node.ChildNodes.Count - 1; i >= 0; i--)
            {
                stack.Push((node.ChildNodes[i], pre, false));
            }
        }
    }
}
