using System.Globalization;
using Harvester.Domain;

namespace Harvester.Crawl.PublicInbox;

/// <summary>
/// The one search that reads a window from a public-inbox archive: <c>POST &lt;list&gt;/?q=d:FROM..TO&amp;x=m</c>, every
/// mail whose Date header falls on those UTC days as one gzipped mboxrd (archive-html/lore.md; public-inbox's
/// SearchView.pm <c>mbox_results</c>, Mbox.pm <c>mbox_all</c>). A <c>d:YYYY-MM-DD..YYYY-MM-DD</c> range is a range of
/// day numbers, both ends included (Search.pm <c>date_parse_prepare</c>); <see cref="PublicInboxOptions.SlackDays"/>
/// more on each side cover an end that is read otherwise, and the Date of each mail decides what is in the window.
/// Covered by WindowQueryTests.
/// </summary>
public sealed record WindowQuery(DateOnly FirstDay, DateOnly LastDay)
{
    public static WindowQuery For(HarvestWindow window, int slackDays) =>
        new(DateOnly.FromDateTime(window.From.UtcDateTime).AddDays(-slackDays),
            DateOnly.FromDateTime(window.To.UtcDateTime.AddTicks(-1)).AddDays(slackDays));

    /// <summary>The query text, e.g. <c>d:2026-11-08..2026-11-16</c>.</summary>
    public string Text => $"d:{Day(FirstDay)}..{Day(LastDay)}";

    /// <summary>The search URL under an inbox root: <c>https://lore.kernel.org/bpf/?q=d:2026-11-08..2026-11-16&amp;x=m</c>.</summary>
    public Uri Url(Uri inboxRoot) => new(inboxRoot, "?q=" + Uri.EscapeDataString(Text).Replace("%3A", ":", StringComparison.Ordinal) + "&x=m");

    /// <summary>
    /// True once the last day asked for ended more than <paramref name="finalAfterDays"/> days before
    /// <paramref name="now"/>: mail for those days has arrived, so the result can be kept for good.
    /// </summary>
    public bool IsClosed(DateTimeOffset now, int finalAfterDays) =>
        now >= new DateTimeOffset(LastDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(1 + finalAfterDays);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
