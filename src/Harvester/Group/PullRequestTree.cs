using System.Text.RegularExpressions;
using Harvester.Domain;

namespace Harvester.Group;

/// <summary>
/// Which tree a pull request goes to, read from its subject (patchwork-bot.md "Pull requests"):
/// <list type="bullet">
/// <item><c>pull-request: bpf-next 2026-11-28</c>, <c>[pull request][net-next 00/10] mlx5 updates</c>: the tree word
/// after <c>pull-request:</c> or in the brackets (<c>bpf</c>, <c>bpf-next</c>, <c>net</c>, <c>net-next</c>,
/// <c>ipsec</c>, <c>ipsec-next</c>, <c>wireless</c>, <c>wireless-next</c>).</item>
/// <item><c>[GIT PULL] Networking for v6.19-rc2</c> and <c>[GIT] Networking</c> (seed 2017): fixes for Linus, <c>net</c>.</item>
/// <item><c>[GIT PULL] Networking for 6.19</c> / <c>for v6.19</c> (no <c>-rc</c>): the merge window's, <c>net-next</c>.</item>
/// </list>
/// Anything else: null. Covered by <c>PullRequestTreeTests</c>.
/// </summary>
public static partial class PullRequestTree
{
    public static string? Of(string subject)
    {
        var s = Whitespace.Collapse(subject);
        if (TreeWord().Match(s) is { Success: true } word)
        {
            return word.Groups["tree"].Value.ToLowerInvariant();
        }

        if (Networking().Match(s) is { Success: true } networking)
        {
            return networking.Groups["version"].Success && !networking.Groups["rc"].Success ? "net-next" : "net";
        }

        return null;
    }

    // "pull-request: bpf-next 2026-11-28", "[pull request][net-next 00/10]", "[GIT PULL net-next]", "[PULL bpf]".
    [GeneratedRegex(@"(?:pull[- ]request:?\s*(?:\]\s*\[)?|\[(?:git\s+)?pull(?:\s+request)?\]\s*\[|\[(?:git\s+)?pull\s+)(?<tree>bpf-next|bpf|net-next|net|ipsec-next|ipsec|wireless-next|wireless)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TreeWord();

    // "[GIT PULL] Networking for v6.19-rc2", "[GIT PULL] Networking for 6.19", "[GIT] Networking".
    [GeneratedRegex(@"^\[GIT(?:\s+PULL)?\]\s+Networking\b(?:.*?\bfor\s+(?<version>v?\d+\.\d+)(?<rc>-rc\d+)?)?", RegexOptions.IgnoreCase)]
    private static partial Regex Networking();
}
