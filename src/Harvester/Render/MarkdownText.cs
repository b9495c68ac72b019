using System.Text;
using Harvester.Domain;

namespace Harvester.Render;

/// <summary>
/// Escapes subjects, author names and URLs so that no archived text can break the list or inject Markdown/HTML, while
/// matching the seed issue's style (<c>/work/shared/seeds/000_ed41dd5c72a7ab7f.txt</c>, covered by
/// <c>SeedSectionTests</c>; hostile input by <c>HostileSubjectTests</c>).
/// </summary>
internal static class MarkdownText
{
    /// <summary>
    /// Bidirectional controls (U+202A–U+202E, U+2066–U+2069) are removed: they could reorder what the reader sees, and
    /// replacing them by spaces changed the text (issue 12; JSON keeps them). Other control characters and line/paragraph
    /// separators become spaces; whitespace is collapsed and trimmed, so no text starts with indentation.
    /// </summary>
    public static string Sanitize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (IsBidiControl(c))
            {
                continue;
            }

            sb.Append(IsBreaking(c) ? ' ' : c);
        }

        return Whitespace.Collapse(sb.ToString());
    }

    /// <summary>Plain inline text (an author name): every Markdown-active character escaped, brackets included.</summary>
    public static string Text(string text) => Inline(Sanitize(text), keepBalancedBrackets: false, codeSpans: false);

    /// <summary>
    /// Escaped inline text that starts a list item's line (the author, or a subject shown without a link): what would
    /// open a block there is escaped too, so the item stays one list item holding one link (issue 12: authors named
    /// <c># Eve</c>, <c>&gt; Eve</c>, <c>1. Eve</c>). ATX headings (<c>#</c>), block quotes (<c>&gt;</c>), bullet markers
    /// and thematic breaks (<c>-</c>, <c>+</c>; <c>*</c> and <c>_</c> are escaped everywhere), ordered markers
    /// (<c>1.</c>, <c>1)</c>), setext underlines (<c>=</c>, <c>-</c>); fences (<c>`</c>, <c>~</c>) and HTML (<c>&lt;</c>)
    /// are escaped everywhere, and <see cref="Sanitize"/> leaves no leading indentation. Covered by HostileMarkdownTests.
    /// </summary>
    public static string LineStart(string escaped)
    {
        if (escaped.Length == 0)
        {
            return escaped;
        }

        if (escaped[0] is '#' or '>' or '-' or '+' or '=')
        {
            return "\\" + escaped;
        }

        var digits = 0;
        while (digits < escaped.Length && char.IsAsciiDigit(escaped[digits]))
        {
            digits++;
        }

        return digits > 0 && digits < escaped.Length && escaped[digits] is '.' or ')'
            ? escaped[..digits] + "\\" + escaped[digits..]
            : escaped;
    }

    /// <summary>
    /// A subject shown as link text. Balanced brackets are kept as the seed writes them (<c>[[PATCH net] bpf, arm64: ...](url)</c>;
    /// CommonMark allows balanced brackets in link text), except a pair directly followed by <c>(</c> or <c>[</c>,
    /// which could form an inner link (<c>[x](javascript:...)</c>) and so is escaped; unbalanced brackets are escaped.
    /// </summary>
    public static string Inline(string sanitized, bool keepBalancedBrackets, bool codeSpans)
    {
        var kept = keepBalancedBrackets ? KeptBrackets(sanitized) : [];
        var spans = codeSpans ? CodeSpanRule.Find(sanitized) : [];
        var sb = new StringBuilder(sanitized.Length + 16);
        var span = 0;
        for (var i = 0; i < sanitized.Length; i++)
        {
            if (span < spans.Count && spans[span].Start == i)
            {
                // Identifiers only ([A-Za-z0-9_] and a trailing "()"): nothing inside needs escaping.
                sb.Append('`').Append(sanitized, i, spans[span].Length).Append('`');
                i += spans[span].Length - 1;
                span++;
                continue;
            }

            if (!keepBalancedBrackets && BreaksAutolink(sanitized, i))
            {
                // Outside link text GFM-style parsers turn "http://", "www." and "mailto:" into links (Markdig's
                // advanced pipeline did, in an author name: MarkdownTextTests' random test); "\:" and "\." stop that.
                sb.Append('\\').Append(sanitized[i]);
                continue;
            }

            AppendEscaped(sb, sanitized, i, kept);
        }

        return sb.ToString();
    }

    /// <summary>A link destination: absolute URL with every character that could end or bend a link percent-encoded; null for schemes other than http(s), file and mbox.</summary>
    public static string? Destination(Uri url)
    {
        if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https" or "file" or "mbox"))
        {
            return null;
        }

        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(url.AbsoluteUri))
        {
            var c = (char)b;
            if (b <= 0x20 || b >= 0x7F || c is '(' or ')' or '<' or '>' or '"' or '\\' or '`' or '{' or '}' or '|' or '^')
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static void AppendEscaped(StringBuilder sb, string s, int i, HashSet<int> kept)
    {
        var c = s[i];
        switch (c)
        {
            case '[' or ']' when kept.Contains(i):
                sb.Append(c);
                break;
            case '\\' or '`' or '*' or '<' or '[' or ']' or '~':
                sb.Append('\\').Append(c);
                break;
            case '_' when !(i > 0 && i < s.Length - 1 && char.IsLetterOrDigit(s[i - 1]) && char.IsLetterOrDigit(s[i + 1])):
                // Intraword "_" cannot open or close emphasis in CommonMark (seed: "log_level", "test_verifier.c" unescaped).
                sb.Append("\\_");
                break;
            case '&' when LooksLikeEntity(s, i + 1):
                sb.Append("\\&");
                break;
            case '!' when i + 1 < s.Length && s[i + 1] == '[':
                sb.Append("\\!");
                break;
            default:
                // ">" stays: it only matters at a line start, which a subject never reaches (seed: "log_level > 1").
                sb.Append(c);
                break;
        }
    }

    private static bool BreaksAutolink(string s, int i) =>
        (s[i] == ':' && (EndsWith(s, i, "http") || EndsWith(s, i, "https") || EndsWith(s, i, "ftp") || EndsWith(s, i, "mailto") || EndsWith(s, i, "tel")))
        || (s[i] == '.' && EndsWith(s, i, "www"));

    private static bool EndsWith(string s, int end, string word) =>
        end >= word.Length && s.AsSpan(end - word.Length, word.Length).Equals(word, StringComparison.OrdinalIgnoreCase);

    private static HashSet<int> KeptBrackets(string s)
    {
        var kept = new HashSet<int>();
        var open = new Stack<int>();
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '[')
            {
                open.Push(i);
            }
            else if (s[i] == ']' && open.Count > 0)
            {
                var start = open.Pop();
                var next = i + 1 < s.Length ? s[i + 1] : ' ';
                // "[ ]" and "[x]" would be read as task-list boxes by GFM-style parsers (Markdig's advanced pipeline,
                // found by the random-subject test), so such pairs are escaped too.
                // A span, not a substring: nested brackets of a stranger's subject would copy it once per pair.
                var inner = s.AsSpan(start + 1, i - start - 1).Trim();
                if (next is not ('(' or '[' or ':') && !(inner.IsEmpty || inner is "x" or "X"))
                {
                    kept.Add(start);
                    kept.Add(i);
                }
            }
        }

        return kept;
    }

    private static bool LooksLikeEntity(string s, int start)
    {
        var i = start;
        if (i < s.Length && s[i] == '#')
        {
            i++;
        }

        var letters = 0;
        while (i < s.Length && char.IsAsciiLetterOrDigit(s[i]))
        {
            i++;
            letters++;
        }

        return letters > 0 && i < s.Length && s[i] == ';';
    }

    private static bool IsBreaking(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085';

    private static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
