namespace Harvester.Parse;

/// <summary>
/// Bounds on the markup of a stranger's page, checked in one linear pass before HtmlAgilityPack builds a tree, so no
/// page can crash or stall a parse (issue 12). HtmlAgilityPack recurses once per nesting level (10,000 unclosed
/// <c>&lt;b&gt;</c> overflowed the stack: exit 134) and takes tens of microseconds per tag and attribute, so a
/// 5 MB page of nothing but tags or of one endless tag full of attributes took seconds. Real pages are far below the
/// caps (the shared samples: 142 to 248 tags; a 200-entry mail-archive index about 2,000). Covered by
/// HostilePageTests and HostilePagePropertyTests.
/// </summary>
internal static class PageLimits
{
    /// <summary>Deepest element nesting HtmlAgilityPack may build (<c>OptionMaxNestedChildNodes</c>); deeper throws.</summary>
    public const int MaxNesting = 256;

    /// <summary>Most tags (<c>&lt;</c> followed by a letter, <c>/</c>, <c>!</c> or <c>?</c>) a page may hold.</summary>
    public const int MaxTags = 50_000;

    /// <summary>Most attribute-like words inside tags a page may hold (an unclosed tag swallows the text after it).</summary>
    public const int MaxAttributes = 100_000;

    /// <summary>Null when the page is within the bounds, else why it is not (the parse failure's text).</summary>
    public static string? Check(string html)
    {
        var tags = 0;
        var attributes = 0;
        var inTag = false;
        var previousWasSpace = false;
        for (var i = 0; i < html.Length; i++)
        {
            var c = html[i];
            if (!inTag)
            {
                if (c == '<' && i + 1 < html.Length && (char.IsAsciiLetter(html[i + 1]) || html[i + 1] is '/' or '!' or '?'))
                {
                    inTag = true;
                    previousWasSpace = false;
                    if (++tags > MaxTags)
                    {
                        return $"page holds more than {MaxTags} tags: not read";
                    }
                }

                continue;
            }

            if (c == '>')
            {
                inTag = false;
            }
            else if (char.IsWhiteSpace(c))
            {
                previousWasSpace = true;
            }
            else if (previousWasSpace)
            {
                previousWasSpace = false;
                if (++attributes > MaxAttributes)
                {
                    return $"page holds more than {MaxAttributes} attributes inside tags: not read";
                }
            }
        }

        return null;
    }
}

/// <summary>A page beyond <see cref="PageLimits"/>: the parse guard turns it into a failure that names the page.</summary>
internal sealed class PageLimitException(string message) : Exception(message);
