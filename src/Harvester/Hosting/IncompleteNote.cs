using Harvester.Domain;

namespace Harvester.Hosting;

/// <summary>
/// The visible HTML comment a partial run (exit 3) puts at the top of the draft's Patches block, naming what is
/// missing, so the editor sees that the list is not the whole week (Process/OutputProcessTests). An archive stopped by
/// a layout change (exit 4) is named as such, not as failed pages (EndToEnd/LayoutDriftRunTests).
/// </summary>
public static class IncompleteNote
{
    public const string Prefix = "<!-- harvester: INCOMPLETE";

    private const int ListedPages = 5;

    public static string For(HarvestResult result)
    {
        var drifted = result.Drifts.Select(d => d.Archive).Distinct().ToList();
        var driftErrors = result.Drifts.Select(d => d.Describe()).ToHashSet(StringComparer.Ordinal);
        var errors = result.Report.Diagnostics.Where(d => d.Level == DiagnosticLevel.Error && !driftErrors.Contains(d.Message)).ToList();
        var parts = new List<string>();
        if (drifted.Count > 0)
        {
            parts.Add("layout changed: " + string.Join(", ", drifted) + " (run harvester check)");
        }

        var notRead = result.FailedArchives.Except(drifted, StringComparer.Ordinal).ToList();
        if (notRead.Count > 0)
        {
            parts.Add("not read: " + string.Join(", ", notRead));
        }

        if (errors.Count > 0)
        {
            var pages = errors.Select(e => e.Url ?? e.Message).Distinct().ToList();
            parts.Add($"{pages.Count} pages failed ({string.Join(", ", pages.Take(ListedPages))}{(pages.Count > ListedPages ? ", ..." : "")})");
        }

        var window = $"{result.Report.Window.From:yyyy-MM-dd HH:mm} .. {result.Report.Window.To:yyyy-MM-dd HH:mm} UTC";
        // "--" may not appear inside an HTML comment; URLs rarely hold it, but a page's message might.
        var text = $"{Prefix}: this list may miss series; {string.Join("; ", parts)}. Window {window}. Run again to complete it. -->";
        return Prefix + text[Prefix.Length..^3].Replace("--", "- -", StringComparison.Ordinal) + "-->";
    }
}
