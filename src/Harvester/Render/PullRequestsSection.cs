using System.Text;
using Harvester.Domain;

namespace Harvester.Render;

/// <summary>
/// The "Pull requests" section: the window's pull requests as the seed lists them, one dated link a line
/// (<c>- [9th May](https://www.spinics.net/lists/netdev/msg434497.html)</c>, seed 000), grouped under <c>### tree</c>
/// sub-headings (bpf-next, bpf, net-next, net, other trees by name, then <c>other</c>), each group by day. A pull request no archive dates shows its subject as
/// the link text instead of a day. Covered by <c>PullRequestsSectionTests</c>.
/// </summary>
public sealed class PullRequestsSection(OutputOptions options)
{
    /// <summary>Trees in the order they are listed; other trees follow by name, pull requests of no known tree last.</summary>
    private static readonly string[] TreeOrder = ["bpf-next", "bpf", "net-next", "net"];

    /// <summary>The sub-heading of pull requests whose subject names no tree.</summary>
    public const string OtherTree = "other";

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
        var text = pull.Day is { } day ? DayName.Of(day) : pull.Subject;
        var link = links.Ordered(pull.Links).FirstOrDefault();
        return MarkdownLink.Of(text, link?.Url, codeSpans: false);
    }

    private static int Rank(string tree) =>
        tree == OtherTree ? int.MaxValue : Array.IndexOf(TreeOrder, tree) is var i and >= 0 ? i : TreeOrder.Length;
}
