namespace Harvester.Render;

/// <summary>
/// <c>[text](url)</c> with the text escaped as link text and the URL as a destination; plain escaped text when there is
/// no usable URL. Shared by every list the renderers print.
/// </summary>
internal static class MarkdownLink
{
    public static string Of(string text, Uri? url, bool codeSpans)
    {
        var sanitized = MarkdownText.Sanitize(text);
        var destination = url is null ? null : MarkdownText.Destination(url);
        if (destination is null)
        {
            return MarkdownText.Inline(sanitized, keepBalancedBrackets: false, codeSpans);
        }

        return "[" + MarkdownText.Inline(sanitized, keepBalancedBrackets: true, codeSpans) + "](" + destination + ")";
    }
}

/// <summary>A configured Markdown block: LF line ends, no trailing blank lines or spaces.</summary>
internal static class MarkdownBlock
{
    public static string Of(string text) => text.ReplaceLineEndings("\n").TrimEnd();
}
