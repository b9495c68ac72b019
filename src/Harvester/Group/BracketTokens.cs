using System.Text.RegularExpressions;

namespace Harvester.Group;

/// <summary>
/// Accumulates what the tokens of a subject's leading bracket groups say: PATCH/RFC, version, counters, prefixes.
/// Tokens are split on spaces and commas and read in any order (<c>[PATCH net,v4, 1/3]</c>, <c>[net-next PATCH RFC 4/5]</c>,
/// <c>[PATCH net-next 0/3 v3]</c>); the first version and the first counter win.
/// </summary>
internal sealed partial class BracketTokens
{
    private readonly List<string> prefixes = [];

    public IReadOnlyList<string> Prefixes => prefixes;

    public int? Version { get; private set; }

    public int MinorVersion { get; private set; }

    public int? Index { get; private set; }

    public int? Total { get; private set; }

    /// <summary>A PATCH token (any case, fused PATCHv3) or an RFC was seen.</summary>
    public bool SaysPatch { get; private set; }

    /// <summary>GIT, PULL, pull-request, or "pull request" was seen (<c>[GIT PULL]</c>, <c>[GIT]</c>, <c>[pull request]</c>).</summary>
    public bool SaysPullRequest { get; private set; }

    public void Read(string groupContent)
    {
        var tokens = groupContent.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < tokens.Length; i++)
        {
            i += ReadToken(tokens, i);
        }

        SaysPullRequest |= prefixes.Any(IsPullWord)
            || prefixes.Zip(prefixes.Skip(1)).Any(p => Is(p.First, "pull") && Is(p.Second, "request"));
    }

    /// <summary>Reads the token at <paramref name="i"/>; returns how many following tokens it also consumed.</summary>
    private int ReadToken(string[] tokens, int i)
    {
        var token = tokens[i];

        // Mercurial patchbomb "[PATCH 0 of 2]" (mercurial-cover-letter.mbox).
        if (i + 2 < tokens.Length && Is(tokens[i + 1], "of") && int.TryParse(tokens[i], out var hgIndex)
            && int.TryParse(tokens[i + 2], out var hgTotal))
        {
            SetCounter(hgIndex, hgTotal);
            return 2;
        }

        // "n/m", zero-padded "05/12" (subjects-sample.tsv).
        if (Counter().Match(token) is { Success: true } counter)
        {
            SetCounter(int.Parse(counter.Groups[1].Value), int.Parse(counter.Groups[2].Value));
            return 0;
        }

        // "PATCH", "Patch", fused "PATCHv2"/"PATCHV3", and "v5"/"V2"/"v5.1" (partial re-roll) alone or as "[v6]".
        if (PatchOrVersion().Match(token) is { Success: true } pv)
        {
            SaysPatch |= pv.Groups[1].Success;
            if (pv.Groups[2].Success && Version is null)
            {
                Version = int.Parse(pv.Groups[2].Value);
                MinorVersion = pv.Groups[3].Success ? int.Parse(pv.Groups[3].Value) : 0;
            }

            if (pv.Groups[1].Success || pv.Groups[2].Success)
            {
                return 0;
            }
        }

        // RFC is kept as a prefix and marks a patch ("[RFC bpf-next 5/8]"); "4.9" of stable review stays a prefix.
        SaysPatch |= Is(token, "RFC");
        prefixes.Add(token);
        return 0;
    }

    private void SetCounter(int index, int total)
    {
        if (Index is null)
        {
            (Index, Total) = (index, total);
        }
    }

    private static bool IsPullWord(string token) =>
        Is(token, "GIT") || Is(token, "PULL") || Is(token, "pull-request");

    private static bool Is(string token, string word) => token.Equals(word, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^(\d{1,4})/(\d{1,4})$")]
    private static partial Regex Counter();

    [GeneratedRegex(@"^(patch)?(?:v(\d{1,3})(?:\.(\d{1,2}))?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex PatchOrVersion();
}
