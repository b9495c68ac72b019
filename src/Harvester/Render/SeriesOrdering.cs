using Harvester.Domain;

namespace Harvester.Render;

/// <summary>
/// The order of the list, shared by the Markdown and the JSON: by <c>author</c> (authors in order of their first series
/// by date, each author's series by date) or by <c>date</c>. Ties break by series Id (ordinal), so the order never
/// depends on the order Group produced the series in (covered by <c>MarkdownRendererTests.Render_ShuffledInput_ByteIdentical</c>).
/// </summary>
public static class SeriesOrdering
{
    public const string ByAuthor = "author";
    public const string ByDate = "date";

    public static IReadOnlyList<SeriesDecision> Order(IEnumerable<SeriesDecision> decisions, string order)
    {
        // A series without any message cannot be rendered (Group never makes one); it is skipped, not thrown on.
        var byDate = decisions
            .Where(d => d.Series.Cover is not null || d.Series.Patches.Count > 0)
            .OrderBy(d => d.Series.Date)
            .ThenBy(d => d.Series.Id, StringComparer.Ordinal)
            .ThenBy(d => d.Series.Head.Message.MessageId, StringComparer.Ordinal)
            .ThenBy(d => d.Series.Head.Message.Subject, StringComparer.Ordinal)
            .ToList();
        if (string.Equals(order, ByDate, StringComparison.OrdinalIgnoreCase))
        {
            return byDate;
        }

        // Author grouping: rank each author by their first (earliest) series; OrderBy is stable, so each author's
        // series keep the date order computed above.
        // Authors compare by the grouping key (AuthorName.Key): "David S. Miller" and "david miller" are one author here
        // as they are in Group.
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var decision in byDate)
        {
            rank.TryAdd(AuthorName.Key(decision.Series.Author), rank.Count);
        }

        return byDate.OrderBy(d => rank[AuthorName.Key(d.Series.Author)]).ToList();
    }
}
