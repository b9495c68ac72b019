using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Harvester.Domain;

namespace Harvester.Render;

/// <summary>
/// Renders a whole issue skeleton (<c>--draft</c>) in the seed issue's shape (<c>/work/shared/seeds/000_ed41dd5c72a7ab7f.txt</c>):
/// YAML front matter (path <c>/blog/YYYY/M/D/bpf-updates-NN</c>, date, author, title, categories, tags, ogSummary),
/// the intro paragraph, <c>---</c>, a placeholder for the week's news, then the three sections as the seeds order them
/// (the pull requests open issue 03, what got merged leads issue 09, Patches comes last), and the sign-off.
/// The date is the report window's end (no clock is read), so the same report renders the same draft. The issue
/// number is the caller's (configured, <c>--issue</c>, or the state's next).
/// </summary>
public sealed partial class DraftRenderer(OutputOptions options, int issueNumber) : IReportRenderer
{
    public string Render(HarvestReport report)
    {
        var draft = options.Draft;
        var number = issueNumber.ToString("D2", CultureInfo.InvariantCulture);
        var day = report.Window.To.UtcDateTime;
        var author = MarkdownText.Sanitize(string.IsNullOrWhiteSpace(draft.Author) ? DraftOptions.AuthorPlaceholder : draft.Author);
        var sb = new StringBuilder();
        sb.Append("---\n");
        sb.Append("path: ").Append(Quoted(string.Create(CultureInfo.InvariantCulture, $"/blog/{day.Year}/{day.Month}/{day.Day}/{Format(draft.Slug, number)}"))).Append('\n');
        sb.Append("date: ").Append(Quoted(day.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))).Append('\n');
        sb.Append("author: ").Append(Quoted(author)).Append('\n');
        sb.Append("title: ").Append(Quoted(Format(draft.Title, number))).Append('\n');
        AppendList(sb, "categories", draft.EffectiveCategories);
        AppendList(sb, "tags", draft.EffectiveTags);
        sb.Append("ogSummary: ").Append(Quoted("TODO: one-sentence summary of this issue.")).Append('\n');
        sb.Append("---\n\n");
        sb.Append("This is issue ").Append(number).Append(" of the regular newsletter around BPF written by ")
            .Append(MarkdownText.Text(author))
            .Append(". It summarizes ongoing development, presentations, videos and other information related to BPF and XDP. It is released roughly once a week.\n\n");
        sb.Append("---\n\n");
        sb.Append("TODO: this week's highlights (notable threads, talks, articles).\n\n");
        sb.Append(new PullRequestsSection(options).Render(report.PullRequests)).Append('\n');
        sb.Append(new AppliedSection(options).Render(report)).Append('\n');
        sb.Append(new MarkdownRenderer(options).Render(report));
        sb.Append('\n').Append(MarkdownText.Sanitize(draft.SignOff)).Append('\n');
        return sb.ToString();
    }

    private static string Format(string template, string number) =>
        string.Format(CultureInfo.InvariantCulture, template, number);

    private static void AppendList(StringBuilder sb, string key, IReadOnlyList<string> items)
    {
        sb.Append(key).Append(":\n");
        foreach (var item in items)
        {
            var value = MarkdownText.Sanitize(item);
            sb.Append("  - ").Append(PlainScalar().IsMatch(value) ? value : Quoted(value)).Append('\n');
        }
    }

    /// <summary>A YAML single-quoted scalar (the seed quotes path, date, author and title this way); <c>'</c> doubles.</summary>
    private static string Quoted(string value) => "'" + MarkdownText.Sanitize(value).Replace("'", "''", StringComparison.Ordinal) + "'";

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex PlainScalar();
}
