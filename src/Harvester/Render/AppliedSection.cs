using System.Text;
using Harvester.Domain;

namespace Harvester.Render;

/// <summary>
/// The "Applied" section: what the patchwork bot said got applied in the window, one line a series, by the bot's date:
/// <code>
/// - Author, [[PATCH bpf-next v2 0/3] bpf: title](link to the series' cover or first patch) (bpf-next)
/// - [[PATCH bpf] bpf: an older series](link to the bot's reply) (bpf)
/// </code>
/// A series of this harvest gives its author, subject and links; a reply matched to none (an older series) gives its
/// own subject without <c>Re:</c> and its own link, and the reply's <c>To:</c> name as author where the archive gives
/// it (lore's raw mail; the HTML archives mask or leave out <c>To:</c>, so there the line has no author). Only the replies
/// <see cref="AppliedNotice.Listed"/> says belong. A reply whose summary has rows without a commit (<c>(no matching
/// commit)</c>, patchwork-bot.md; fixture <c>week-2026-12-sections</c> 090) says how many rows have one:
/// <c>(bpf-next, 2 of 3 patches)</c>; a reply whose rows all have a commit, or that has no summary, keeps the seed's
/// <c>(bpf-next)</c>. The JSON says it per row (<c>commits[].url</c> null). Covered by <c>AppliedSectionTests</c>.
/// </summary>
public sealed class AppliedSection(OutputOptions options)
{
    private readonly LinkChooser links = new(options.PreferredArchives);

    public string Render(HarvestReport report)
    {
        var sb = new StringBuilder();
        sb.Append(MarkdownBlock.Of(options.AppliedHeading)).Append("\n\n");
        var series = report.Series.Select(d => d.Series).ToDictionary(s => s.Id, StringComparer.Ordinal);
        var listed = report.Applied
            .Where(a => a.Listed)
            .OrderBy(a => a.Date)
            .ThenBy(a => a.Subject, StringComparer.Ordinal)
            .DistinctBy(a => a.SeriesId ?? "reply:" + a.Subject)
            .ToList();
        if (listed.Count == 0)
        {
            return sb.Append(MarkdownBlock.Of(options.NoneApplied)).Append('\n').ToString();
        }

        foreach (var notice in listed)
        {
            sb.Append("- ");
            if (notice.SeriesId is { } id && series.TryGetValue(id, out var s))
            {
                var head = s.Head.Message;
                sb.Append(MarkdownText.LineStart(MarkdownText.Text(s.Author))).Append(", ").Append(MarkdownLink.Of(head.Subject, links.Choose(head)?.Url, options.CodeSpans));
            }
            else
            {
                if (notice.Recipient is { } author)
                {
                    sb.Append(MarkdownText.LineStart(MarkdownText.Text(AuthorName.Display(author)))).Append(", ");
                }

                sb.Append(MarkdownLink.Of(Original(notice.Subject), links.Ordered(notice.Links).FirstOrDefault()?.Url, options.CodeSpans));
            }

            sb.Append(" (").Append(MarkdownText.Text(notice.To.ShortTree)).Append(Partly(notice)).Append(")\n");
        }

        return sb.ToString();
    }

    /// <summary><c>, 2 of 3 patches</c> when some summary rows have no commit; empty otherwise.</summary>
    private static string Partly(AppliedNotice notice)
    {
        var withCommit = notice.Commits.Count(c => c.Url is not null);
        return withCommit == notice.Commits.Count ? "" : FormattableString.Invariant($", {withCommit} of {notice.Commits.Count} patches");
    }

    /// <summary>The subject the bot answered: the reply's without its <c>Re:</c> markers.</summary>
    private static string Original(string subject)
    {
        var s = subject.TrimStart();
        while (s.StartsWith("Re:", StringComparison.OrdinalIgnoreCase))
        {
            s = s[3..].TrimStart();
        }

        return s;
    }
}
