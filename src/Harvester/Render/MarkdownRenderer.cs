using System.Globalization;
using System.Text;
using Harvester.Domain;

namespace Harvester.Render;

/// <summary>
/// Renders the newsletter's "Patches" section in the seed issue's format, character for character
/// (<c>/work/shared/seeds/000_ed41dd5c72a7ab7f.txt</c>, checked by <c>SeedSectionTests</c>):
/// <code>
/// ## Patches
///
/// - Author, [cover or first part](link) (2 of 3 parts)
///   - [part](link)
///
/// Footer
/// </code>
/// Output ends with exactly one newline; the same report always renders byte-identically.
/// </summary>
public sealed class MarkdownRenderer(OutputOptions options) : IReportRenderer
{
    private readonly LinkChooser links = new(options.PreferredArchives);

    public string Render(HarvestReport report)
    {
        var sb = new StringBuilder();
        sb.Append(Block(options.Heading)).Append("\n\n");
        if (Block(options.Header) is { Length: > 0 } header)
        {
            sb.Append(header).Append("\n\n");
        }

        var listed = SeriesOrdering.Order(report.Series.Where(d => options.ListAll || d.Relevant), options.Order);
        if (listed.Count == 0)
        {
            sb.Append(Block(options.EmptyList)).Append('\n');
        }

        if (string.Equals(options.GroupBy, OutputOptions.GroupByArea, StringComparison.OrdinalIgnoreCase))
        {
            AppendByArea(sb, listed);
        }
        else
        {
            foreach (var decision in listed)
            {
                AppendSeries(sb, decision);
            }
        }

        if (Block(options.Footer) is { Length: > 0 } footer)
        {
            sb.Append('\n').Append(footer).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>
    /// <c>GroupBy = area</c>: a <c>### Area</c> sub-heading per area in <see cref="Filter.SeriesAreas.Order"/> (areas
    /// not in it after, by name), each holding its series in the list's order; a blank line between groups.
    /// </summary>
    private void AppendByArea(StringBuilder sb, IReadOnlyList<SeriesDecision> listed)
    {
        var order = Filter.SeriesAreas.Order.ToList();
        var groups = listed
            .GroupBy(d => d.Area.Length > 0 ? d.Area : Filter.SeriesAreas.Other)
            .OrderBy(g => order.IndexOf(g.Key) is var i and >= 0 ? i : order.Count)
            .ThenBy(g => g.Key, StringComparer.Ordinal);
        var first = true;
        foreach (var group in groups)
        {
            sb.Append(first ? "" : "\n").Append("### ").Append(MarkdownText.Text(group.Key)).Append("\n\n");
            first = false;
            foreach (var decision in group)
            {
                AppendSeries(sb, decision);
            }
        }
    }

    private void AppendSeries(StringBuilder sb, SeriesDecision decision)
    {
        var series = decision.Series;
        var parts = series.OrderedPatches;

        // No cover letter: the first part takes the top line and the others nest under it.
        var top = series.Head;
        var nested = series.Cover is null ? parts.Skip(1) : parts;
        sb.Append("- ").Append(MarkdownText.LineStart(MarkdownText.Text(series.Author))).Append(", ").Append(Link(top.Message));
        AppendNotes(sb, decision);
        sb.Append('\n');
        foreach (var part in nested)
        {
            sb.Append("  - ").Append(Link(part.Message)).Append('\n');
        }
    }

    /// <summary>Incomplete, superseded and (with <c>--all</c>) irrelevant series say so on their top line, never silently.</summary>
    private void AppendNotes(StringBuilder sb, SeriesDecision decision)
    {
        var series = decision.Series;
        if (!series.Complete)
        {
            sb.Append(CultureInfo.InvariantCulture, $" ({series.Received} of {series.Total} parts)");
        }

        if (series.SupersededBy is not null)
        {
            sb.Append(" (superseded)");
        }

        if (!decision.Relevant)
        {
            sb.Append(" (").Append(MarkdownText.Text(options.IrrelevantMark)).Append(')');
        }
    }

    private string Link(MailMessage message)
    {
        var subject = MarkdownText.Sanitize(message.Subject);
        var url = links.Choose(message) is { } link ? MarkdownText.Destination(link.Url) : null;
        if (url is null)
        {
            // No usable link: plain text, every bracket escaped (no link text to contain them).
            return MarkdownText.LineStart(MarkdownText.Inline(subject, keepBalancedBrackets: false, options.CodeSpans));
        }

        return "[" + MarkdownText.Inline(subject, keepBalancedBrackets: true, options.CodeSpans) + "](" + url + ")";
    }

    /// <summary>A configured Markdown block: LF line ends, no trailing blank lines or spaces.</summary>
    private static string Block(string text) => text.ReplaceLineEndings("\n").TrimEnd();
}
