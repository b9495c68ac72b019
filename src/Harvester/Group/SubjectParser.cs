using System.Text.RegularExpressions;
using Harvester.Domain;

namespace Harvester.Group;

/// <summary>
/// Reads a subject line as a patch mail, in the manner of Patchwork's <c>parser.py</c> (<c>clean_subject</c>,
/// <c>parse_series_marker</c>, <c>parse_version</c>) and b4's <c>LoreSubject</c>: reply/forward markers and leading
/// bracket groups are peeled off in any order, their tokens read by <see cref="BracketTokens"/>, the rest is the title.
/// Rules and their real-world sources: <c>/work/shared/data/README.md</c>; covered by <c>SubjectParserTests</c>.
/// </summary>
public static partial class SubjectParser
{
    /// <summary>Reads <paramref name="subject"/>; never throws (an empty subject reads as a non-patch with an empty title).</summary>
    public static PatchSubject Parse(string subject)
    {
        var rest = Whitespace.Collapse(subject);
        var tokens = new BracketTokens();
        bool isReply = false, isForward = false;
        var groups = 0;
        while (true)
        {
            var marker = ReplyMarker().Match(rest);
            if (marker.Success)
            {
                // "Fwd:"/"FW:" forward, "Re:"/"RE:"/"Aw:" (German Outlook) reply; interleaved with groups as in
                // "RE: [EXT] Re: [PATCH v3 net 2/2]" (subjects-sample.tsv).
                var word = marker.Groups[1].Value;
                isForward |= word.StartsWith('f') || word.StartsWith('F');
                isReply |= !(word.StartsWith('f') || word.StartsWith('F'));
                rest = rest[marker.Length..];
                continue;
            }

            if (!LeadingGroup.TryTake(rest, groups, out var inner, out var after))
            {
                break;
            }

            tokens.Read(inner);
            groups++;
            rest = after;
        }

        var title = CleanTitle(rest);
        var isPull = tokens.SaysPullRequest || PullRequestTitle().IsMatch(title);
        var (version, minor, stated) = (tokens.Version, tokens.MinorVersion, tokens.Version is not null);
        if (!stated && !isPull && TitleVersion.TryRead(title, out var fromTitle))
        {
            (version, stated) = (fromTitle, true);
        }

        return new PatchSubject
        {
            Raw = subject ?? "",
            Title = title,
            Prefixes = tokens.Prefixes,
            Version = version ?? 1,
            MinorVersion = minor,
            VersionStated = stated,
            Index = tokens.Index ?? 1,
            Total = tokens.Total ?? 1,
            CountersStated = tokens.Index is not null,
            IsReply = isReply,
            IsForward = isForward,
            IsPullRequest = isPull,
            IsPatch = !isPull && (tokens.SaysPatch || tokens.Index is not null),
        };
    }

    /// <summary>Reads <paramref name="subject"/>; false (with an empty reading) when it is null or blank.</summary>
    public static bool TryParse(string? subject, out PatchSubject result)
    {
        result = Parse(subject ?? "");
        return !string.IsNullOrWhiteSpace(subject);
    }

    // "[Patch 2/2]: powerpc/hotplug..." leaves a colon before the title (base-no-references-no-cover.mbox).
    private static string CleanTitle(string rest) => Whitespace.Collapse(rest.TrimStart(':', ' '));

    [GeneratedRegex(@"^\s*(re|aw|fwd|fw)\s*(?:\[\d+\])?\s*:\s*", RegexOptions.IgnoreCase)]
    private static partial Regex ReplyMarker();

    // "pull-request: bpf 2022-07-02" (subjects-sample.tsv) keeps its whole text as the title.
    [GeneratedRegex(@"^pull[- ]request\b", RegexOptions.IgnoreCase)]
    private static partial Regex PullRequestTitle();
}
