using System.Text.RegularExpressions;

namespace Harvester.Group;

/// <summary>Takes one leading <c>[...]</c> group off a subject, unless the brackets belong to the title.</summary>
internal static partial class LeadingGroup
{
    /// <summary>
    /// True when <paramref name="text"/> starts with a bracket group that is a prefix group: <paramref name="inner"/>
    /// is its content and <paramref name="after"/> what follows.
    /// </summary>
    public static bool TryTake(string text, int groupsTaken, out string inner, out string after)
    {
        inner = after = "";
        var s = text.TrimStart();
        if (s.Length == 0 || s[0] != '[')
        {
            return false;
        }

        var close = s.IndexOf(']');
        if (close < 0)
        {
            return false;
        }

        // "[k,u]probe": a group glued to the next word is part of the title (subjects-sample.tsv).
        if (close + 1 < s.Length && char.IsLetterOrDigit(s[close + 1]))
        {
            return false;
        }

        var content = s[1..close];

        // A second group is taken only when it looks like prefixes ("[PATCH 1/2] [net-next]", "[PATCH 0/4] [v6]",
        // "[Intel-wired-lan] [PATCH ...]"); "[BPF_ALU | BPF_ALU64]" after a group stays in the title (data README).
        if (groupsTaken > 0 && !LooksLikePrefixes(content))
        {
            return false;
        }

        inner = content;
        after = s[(close + 1)..];
        return true;
    }

    private static bool LooksLikePrefixes(string content)
    {
        var tokens = content.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        return tokens.Length is > 0 and <= 6 && tokens.All(t => PrefixToken().IsMatch(t));
    }

    [GeneratedRegex(@"^[\w.+/-]+$")]
    private static partial Regex PrefixToken();
}
