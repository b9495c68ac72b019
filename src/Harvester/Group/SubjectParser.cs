using System.Text.RegularExpressions;
using Harvester.Domain;

namespace Harvester.Group;

/// <summary>Reads a subject line as a patch mail. (First version: the full rules are issue 3's.)</summary>
public static partial class SubjectParser
{
    public static PatchSubject Parse(string subject)
    {
        var rest = subject.Trim();
        var isReply = false;
        var prefixes = new List<string>();
        int? version = null;
        int? index = null, total = null;
        var isPatch = false;
        while (true)
        {
            var re = ReplyMarker().Match(rest);
            if (re.Success)
            {
                isReply = true;
                rest = rest[re.Length..].TrimStart();
                continue;
            }

            var group = BracketGroup().Match(rest);
            if (!group.Success)
            {
                break;
            }

            foreach (var token in group.Groups[1].Value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))
            {
                var counter = Counter().Match(token);
                var v = Version().Match(token);
                if (counter.Success)
                {
                    index = int.Parse(counter.Groups[1].Value);
                    total = int.Parse(counter.Groups[2].Value);
                }
                else if (v.Success)
                {
                    isPatch |= token.StartsWith("patch", StringComparison.OrdinalIgnoreCase);
                    version = int.Parse(v.Groups[1].Value);
                }
                else if (token.Equals("PATCH", StringComparison.OrdinalIgnoreCase))
                {
                    isPatch = true;
                }
                else
                {
                    prefixes.Add(token);
                }
            }

            rest = rest[group.Length..].TrimStart();
        }

        return new PatchSubject
        {
            Raw = subject,
            Title = rest,
            Prefixes = prefixes,
            Version = version ?? 1,
            VersionStated = version is not null,
            Index = index ?? 1,
            Total = total ?? 1,
            CountersStated = index is not null,
            IsReply = isReply,
            IsPatch = isPatch || index is not null,
            IsPullRequest = prefixes.Any(p => p.Equals("PULL", StringComparison.OrdinalIgnoreCase)),
        };
    }

    [GeneratedRegex(@"^(?:re|aw|fwd?)\s*:\s*", RegexOptions.IgnoreCase)]
    private static partial Regex ReplyMarker();

    [GeneratedRegex(@"^\[([^\]]*)\]")]
    private static partial Regex BracketGroup();

    [GeneratedRegex(@"^(\d+)/(\d+)$")]
    private static partial Regex Counter();

    [GeneratedRegex(@"^(?:patch)?v(\d+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Version();
}
