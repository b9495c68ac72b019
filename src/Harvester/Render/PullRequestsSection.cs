using System.Text;
using Harvester.Domain;

namespace Harvester.Render;

/// <summary>
/// The "Pull requests" section: the window's pull requests as the seed lists them, one dated link a line
/// (<c>- [9th May](https://www.spinics.net/lists/netdev/msg434497.html)</c>, seed 000), grouped under <c>### tree</c>
/// sub-headings (bpf-next, bpf, net-next, net, other trees by name, then <c>other</c>), each group by day. A pull
/// request no archive dates (spinics' index has no dates and its page is not fetched: fixture
/// <c>week-2026-12-sections</c> 140) prints <c>- [date unknown](link) (its subject)</c>, last in its group: the link
/// text stays where the seed puts a day, says plainly that there is none, and the subject tells the editor which pull
/// request it is; never a neighbouring mail's day, nor the date its subject names (the day it was tagged, not sent).
/// Covered by <c>PullRequestsSectionTests</c>.
/// </summary>
public sealed class PullRequestsSection(OutputOptions options)
{
    /// <summary>Trees in the order they are listed; other trees follow by name, pull requests of no known tree last.</summary>
    private static readonly string[] TreeOrder = ["bpf-next", "bpf", "net-next", "net"];

    /// <summary>The sub-heading of pull requests whose subject names no tree.</summary>
    public const string OtherTree = "other";

    /// <summary>The link text of a pull request no archive dates.</summary>
    public const string DateUnknown = "date unknown";

    private readonly LinkChooser links = new(options.PreferredArchives);

    public string Render(IReadOnlyList<PullRequest> pulls)
    {
        var sb = new StringBuilder();
        sb.Append(MarkdownBlock.Of(options.PullRequestsHeading)).Append("\n\n");
        if (pulls.Count == 0)
        {
            sb.Append(MarkdownBlock.Of(options.NoPullRequests)).Append('\n');
            return sb.ToString();
        }

        var first = true;
        foreach (var tree in pulls.GroupBy(p => p.Tree ?? OtherTree).OrderBy(g => Rank(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.Append(first ? "" : "\n").Append("### ").Append(MarkdownText.Text(tree.Key)).Append("\n\n");
            first = false;
            foreach (var pull in tree.OrderBy(p => p.Day ?? DateOnly.MaxValue).ThenBy(p => p.Subject, StringComparer.Ordinal))
            {
                sb.Append("- ").Append(Line(pull)).Append('\n');
            }
        }

        return sb.ToString();
    }

    private string Line(PullRequest pull)
    {
        var link = links.Ordered(pull.Links).FirstOrDefault();
        return pull.Day is { } day
            ? MarkdownLink.Of(DayName.Of(day), link?.Url, codeSpans: false)
            : MarkdownLink.Of(DateUnknown, link?.Url, codeSpans: false) + " (" + MarkdownText.Text(pull.Subject) + ")";
    }

    private static int Rank(string tree) =>
        tree == OtherTree ? int.MaxValue : Array.IndexOf(TreeOrder, tree) is var i and >= 0 ? i : TreeOrder.Length;
}
