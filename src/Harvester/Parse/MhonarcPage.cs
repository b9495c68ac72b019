using System.Text.RegularExpressions;

namespace Harvester.Parse;

/// <summary>
/// Raw-string access to an MHonArc page's marker comments (spinics.md §2.1): the <c>&lt;!--X-Name: value --&gt;</c>
/// payload comments before the DOCTYPE, and the text between a marker pair such as
/// <c>&lt;!--X-Body-of-Message--&gt;</c>/<c>&lt;!--X-Body-of-Message-End--&gt;</c>. Working on the raw string keeps
/// this independent of how HtmlAgilityPack nests broken chrome (spinics.md §5.3: slice when nesting differs).
/// </summary>
internal static partial class MhonarcPage
{
    /// <summary>Every payload comment in page order, names as written (<c>Subject</c>, <c>From-R13</c>, <c>Reference</c>...), values raw.</summary>
    public static List<(string Name, string Value)> XComments(string html)
    {
        var list = new List<(string, string)>();
        foreach (Match m in XComment().Matches(html))
        {
            list.Add((m.Groups["name"].Value, m.Groups["value"].Value));
        }

        return list;
    }

    /// <summary>The first value of a payload comment, entity-decoded, or null when absent.</summary>
    public static string? First(List<(string Name, string Value)> comments, string name)
    {
        foreach (var (n, v) in comments)
        {
            if (n.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return HtmlText.Decode(v).Trim();
            }
        }

        return null;
    }

    /// <summary>
    /// The raw HTML between <c>&lt;!--X-{name}--&gt;</c> and the first of the given end markers after it (end of the
    /// page when none is found); null when the start marker is missing.
    /// </summary>
    public static string? Between(string html, string name, params string[] endNames)
    {
        var start = html.IndexOf("<!--X-" + name + "-->", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += name.Length + 9;
        var end = html.Length;
        foreach (var endName in endNames)
        {
            var at = html.IndexOf("<!--X-" + endName + "-->", start, StringComparison.Ordinal);
            if (at >= 0 && at < end)
            {
                end = at;
            }
        }

        return html[start..end];
    }

    /// <summary>MHonArc's message file name pattern, any width (<c>msg00123.html</c>, <c>msg1036260.html</c>; spinics.md §1).</summary>
    public static bool TryNumber(string href, out long number)
    {
        number = 0;
        var m = MessageFile().Match(href);
        return m.Success && long.TryParse(m.Groups[1].ValueSpan, out number);
    }

    // One space after the colon and before "-->" in MHonArc output; tolerated missing here. commentize() escapes "-"
    // so a value can never contain "-->".
    [GeneratedRegex(@"<!--X-(?<name>[A-Za-z][\w-]*):[ \t]?(?<value>[^\r\n]*?)[ \t]*-->", RegexOptions.NonBacktracking)]
    private static partial Regex XComment();

    [GeneratedRegex(@"(?:^|/)msg(\d+)\.html(?:[#?].*)?$", RegexOptions.NonBacktracking)]
    private static partial Regex MessageFile();
}
