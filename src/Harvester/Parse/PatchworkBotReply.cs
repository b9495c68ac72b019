using Harvester.Domain;

namespace Harvester.Parse;

/// <summary>What the body of a patchwork bot reply says: series or patch, where it was applied, and the summary rows.</summary>
public sealed record PatchworkBotBody(bool IsSeries, AppliedTo To, IReadOnlyList<AppliedCommit> Commits);

/// <summary>
/// Reads the body of the patchwork bot's "applied" reply (patchwork-bot.md, every form seen 2020-2025):
/// <code>
/// This series was applied to bpf/bpf-next.git (master)      | This patch was applied to netdev/net-next.git (main)
/// by Alexei Starovoitov &lt;ast@kernel.org&gt;:                    | (since 2022; before: "(refs/heads/master):", no "by")
/// ...
/// Here is the summary with links:
///   - [bpf-next,1/2] selftests/bpf: fix a flaky test
///     https://git.kernel.org/bpf/bpf-next/c/a182e64147f7
///   - [bpf-next,2/2] bpf: something else
///     (no matching commit)
/// </code>
/// Line by line, no backtracking pattern: a stranger's body cannot make it slow. Null when the body has no "was applied
/// to" line (the bot's other mails, or a page that is not one). Covered by <c>PatchworkBotReplyTests</c>.
/// </summary>
public static class PatchworkBotReply
{
    private const string SeriesLead = "This series was applied to ";
    private const string PatchLead = "This patch was applied to ";
    private const string NoCommit = "(no matching commit)";
    private const string PullRequestLead = "This pull request was applied to ";

    /// <summary>
    /// The bot's line for an applied pull request (<c>This pull request was applied to netdev/net.git (main)</c>, seen on
    /// netdev; not in patchwork-bot.md), without its trailing colon, or null. Such a reply is no series' notice
    /// (<see cref="Parse"/> gives null for it). Covered by <c>AppliedMatcherTests.Match_ReplyToAPullRequest_*</c>.
    /// </summary>
    public static string? PullRequestLine(string body) =>
        body.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(PullRequestLead, StringComparison.Ordinal))?.TrimEnd(':');

    public static PatchworkBotBody? Parse(string body)
    {
        var lines = body.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd()).ToList();
        var lead = lines.FindIndex(l => l.TrimStart().StartsWith(SeriesLead, StringComparison.Ordinal) || l.TrimStart().StartsWith(PatchLead, StringComparison.Ordinal));
        if (lead < 0)
        {
            return null;
        }

        var line = lines[lead].Trim();
        var isSeries = line.StartsWith(SeriesLead, StringComparison.Ordinal);
        var rest = line[(isSeries ? SeriesLead : PatchLead).Length..];
        var open = rest.IndexOf(" (", StringComparison.Ordinal);
        var close = rest.LastIndexOf(')');
        if (open <= 0 || close < open)
        {
            return null;
        }

        var tree = rest[..open].Trim();
        var branch = rest[(open + 2)..close].Trim();
        const string heads = "refs/heads/";
        if (branch.StartsWith(heads, StringComparison.Ordinal))
        {
            branch = branch[heads.Length..]; // before 2022: "(refs/heads/master):"
        }

        var by = lead + 1 < lines.Count ? By(lines[lead + 1].Trim()) : null;
        return new PatchworkBotBody(isSeries, new AppliedTo(tree, branch, by), Commits(lines, lead + 1));
    }

    /// <summary><c>by Alexei Starovoitov &lt;ast@kernel.org&gt;:</c> (spinics masks the address) gives the name; else null.</summary>
    private static string? By(string line)
    {
        if (!line.StartsWith("by ", StringComparison.Ordinal))
        {
            return null;
        }

        var name = line[3..].TrimEnd(':').Trim();
        var angle = name.IndexOf('<', StringComparison.Ordinal);
        name = (angle >= 0 ? name[..angle] : name).Trim().Trim('"').Trim();
        return name.Length == 0 ? null : name;
    }

    /// <summary>
    /// The summary rows after the lead: <c>- title</c>, then its commit URL or <c>(no matching commit)</c> on the next line.
    /// Quoted lines (<c>&gt;</c>, the original mail) are skipped; the sign-off (<c>--</c>) ends the summary.
    /// </summary>
    private static List<AppliedCommit> Commits(List<string> lines, int from)
    {
        var commits = new List<AppliedCommit>();
        string? title = null;
        var summary = lines.FindIndex(from, l => l.Trim().StartsWith("Here is the summary with links", StringComparison.Ordinal));
        for (var i = summary < 0 ? from : summary + 1; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line == "--" || line.StartsWith("You are awesome", StringComparison.Ordinal))
            {
                break;
            }

            if (line.StartsWith('>'))
            {
                continue;
            }

            if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                Flush(commits, title, null);
                title = line[2..].Trim();
            }
            else if (title is not null && line == NoCommit)
            {
                Flush(commits, title, null);
                title = null;
            }
            else if (title is not null && Uri.TryCreate(line, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
            {
                Flush(commits, title, url);
                title = null;
            }
            else if (title is not null && line.Length > 0)
            {
                title += " " + line; // a wrapped title
            }
        }

        Flush(commits, title, null);
        return commits;
    }

    private static void Flush(List<AppliedCommit> commits, string? title, Uri? url)
    {
        if (title is { Length: > 0 })
        {
            commits.Add(new AppliedCommit(title, url));
        }
    }
}
