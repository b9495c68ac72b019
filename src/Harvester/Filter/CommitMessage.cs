using System.Text.RegularExpressions;

namespace Harvester.Filter;

/// <summary>What a line of a mail body is, for body-word matching: only <see cref="Message"/> lines count.</summary>
public enum BodyRegion
{
    /// <summary>The commit message or cover letter text.</summary>
    Message,

    /// <summary>Quoted text (<c>&gt; ...</c>), e.g. a reviewer's words carried into a resend.</summary>
    Quoted,

    /// <summary>A trailer or header-like line: <c>Cc:</c>, <c>Signed-off-by:</c>, <c>Link:</c>, <c>Fixes:</c>...</summary>
    Trailer,

    /// <summary>Everything from the <c>---</c> separator, shortlog, diffstat, <c>diff --git</c> or signature on.</summary>
    Diff,
}

/// <summary>One classified body line; <see cref="Key"/> is the trailer key (<c>Cc</c>) for trailer lines.</summary>
public sealed record BodyLine(string Text, BodyRegion Region, string? Key = null);

/// <summary>Splits a patch mail body into commit message, quoted text, trailers and diff.</summary>
public static partial class CommitMessage
{
    /// <summary>Classifies every line of <paramref name="body"/>. Any key ending in <c>-by</c> is a trailer too.</summary>
    public static IReadOnlyList<BodyLine> Classify(string body, IEnumerable<string> trailerKeys)
    {
        var keys = new HashSet<string>(trailerKeys, StringComparer.OrdinalIgnoreCase);
        var result = new List<BodyLine>();
        var inDiff = false;
        foreach (var raw in body.Replace("\r\n", "\n").Split('\n'))
        {
            inDiff |= StartsDiff(raw);
            if (inDiff)
            {
                result.Add(new BodyLine(raw, BodyRegion.Diff));
                continue;
            }

            if (Quote().IsMatch(raw))
            {
                result.Add(new BodyLine(raw, BodyRegion.Quoted));
                continue;
            }

            var trailer = Trailer().Match(raw);
            var key = trailer.Groups["key"].Value;
            result.Add(trailer.Success && (keys.Contains(key) || key.EndsWith("-by", StringComparison.OrdinalIgnoreCase))
                ? new BodyLine(raw, BodyRegion.Trailer, key)
                : new BodyLine(raw, BodyRegion.Message));
        }

        return result;
    }

    /// <summary>The commit message lines of <paramref name="body"/>, with mail addresses and URLs blanked out.</summary>
    public static string Text(string body, IEnumerable<string> trailerKeys) => Text(Classify(body, trailerKeys));

    /// <summary>The commit message of lines already classified by <see cref="Classify"/>, addresses and URLs blanked.</summary>
    public static string Text(IEnumerable<BodyLine> lines) =>
        string.Join('\n', lines.Where(l => l.Region == BodyRegion.Message).Select(l => Clean(l.Text)));

    /// <summary>Blanks mail addresses (<c>bpf@vger.kernel.org</c>) and URLs, which are not words of the message.</summary>
    public static string Clean(string line) => Url().Replace(Address().Replace(line, " "), " ");

    private static bool StartsDiff(string line) =>
        line.TrimEnd() == "---"
        || line == "-- "
        || line.StartsWith("diff --git ", StringComparison.Ordinal)
        || line.StartsWith("Index: ", StringComparison.Ordinal)
        || line.StartsWith("base-commit: ", StringComparison.Ordinal)
        || ShortlogHeader().IsMatch(line)
        || Diffstat.IsStatLine(line);

    [GeneratedRegex(@"^\s*>", RegexOptions.NonBacktracking)]
    private static partial Regex Quote();

    [GeneratedRegex(@"^\s*(?<key>[A-Za-z][A-Za-z0-9-]*)\s*:\s*\S", RegexOptions.NonBacktracking)]
    private static partial Regex Trailer();

    // git format-patch's cover letter shortlog: "Jakub Kicinski (9):" (seen in the nfp cover, fixtures/relevance).
    [GeneratedRegex(@"^\S.*\s\(\d+\):\s*$", RegexOptions.NonBacktracking)]
    private static partial Regex ShortlogHeader();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", RegexOptions.NonBacktracking)]
    private static partial Regex Address();

    [GeneratedRegex(@"\b[a-z][a-z0-9+.-]*://\S+", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex Url();
}
