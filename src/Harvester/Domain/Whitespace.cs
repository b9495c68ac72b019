namespace Harvester.Domain;

/// <summary>The one whitespace rule every stage uses for text read from an archive (covered by <c>WhitespaceTests</c>).</summary>
public static class Whitespace
{
    /// <summary>
    /// Runs of whitespace (spaces, tabs, line breaks, no-break and other Unicode spaces: folded headers keep a tab,
    /// base-different-versions.mbox) become one space; the ends are trimmed. Null reads as "".
    /// </summary>
    public static string Collapse(string? text) =>
        string.IsNullOrEmpty(text) ? "" : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
