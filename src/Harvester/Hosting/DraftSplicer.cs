namespace Harvester.Hosting;

/// <summary>
/// Puts a Patches section into an existing draft, leaving the rest untouched: between
/// <c>&lt;!-- harvester:patches --&gt;</c> and <c>&lt;!-- /harvester:patches --&gt;</c> markers if the draft has them,
/// else in place of its <c>## Patches</c> section (up to the next <c>## </c> heading), else at the end.
/// </summary>
public static class DraftSplicer
{
    public const string StartMarker = "<!-- harvester:patches -->";
    public const string EndMarker = "<!-- /harvester:patches -->";

    public static string Splice(string draft, string section)
    {
        var block = StartMarker + "\n" + section.TrimEnd('\n') + "\n" + EndMarker;
        var start = draft.IndexOf(StartMarker, StringComparison.Ordinal);
        var end = start < 0 ? -1 : draft.IndexOf(EndMarker, start, StringComparison.Ordinal);
        if (start >= 0 && end > start)
        {
            return draft[..start] + block + draft[(end + EndMarker.Length)..];
        }

        var heading = FindHeading(draft, "## Patches");
        if (heading >= 0)
        {
            var next = FindHeading(draft[(heading + 1)..], "## ");
            var stop = next < 0 ? draft.Length : heading + 1 + next;
            var tail = draft[stop..];
            return draft[..heading] + block + "\n" + (tail.Length > 0 ? "\n" + tail : "");
        }

        return draft.TrimEnd('\n') + (draft.Length > 0 ? "\n\n" : "") + block + "\n";
    }

    /// <summary>The offset of a line starting with <paramref name="prefix"/>, or -1.</summary>
    private static int FindHeading(string text, string prefix)
    {
        if (text.StartsWith(prefix, StringComparison.Ordinal))
        {
            return 0;
        }

        var at = text.IndexOf("\n" + prefix, StringComparison.Ordinal);
        return at < 0 ? -1 : at + 1;
    }
}
