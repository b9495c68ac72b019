using System.Text.RegularExpressions;

namespace Harvester.Render;

/// <summary>
/// Which words of a subject are code identifiers to put in backticks, as the editor did in the seed issue
/// (<c>/work/shared/seeds/000_ed41dd5c72a7ab7f.txt</c>). Only the title (after the <c>[PATCH ...]</c> groups) is searched.
/// <list type="bullet">
/// <item>Candidates are whole-word identifier tokens containing <c>_</c>, ending in <c>()</c> or following <c>struct</c>. File names and paths are never
/// candidates (<c>test_verifier.c</c>, <c>samples/bpf</c>).</item>
/// <item>A candidate is a <em>sure</em> code name when it ends in <c>()</c> (<c>bpf_verify_program()</c>), follows
/// <c>struct</c>/<c>union</c>/<c>enum</c> (<c>struct nfp_net_tx_desc</c>), or lives in the namespace of the subject's
/// subsystem tag (<c>bpf:</c> → <c>BPF_PROG_LOAD</c>; <c>nfp:</c> → <c>nfp_net_tx_desc</c>).</item>
/// <item>When a subject has a sure code name, all its candidates get backticks (<c>l4_offset</c>, <c>lso_hdrlen</c>
/// beside <c>struct nfp_net_tx_desc</c>); otherwise none do.</item>
/// </list>
/// This reproduces every line of the seed: it leaves <c>log_level</c>, <c>test_verifier</c> and <c>CHECKSUM_COMPLETE</c>
/// alone, as the editor did (words used as prose names: a knob, a test program, a checksum mode), at the price of
/// missing a lone foreign identifier such as <c>net: fix skb_orphan</c>. Covered by <c>CodeSpanRuleTests</c> and
/// <c>SeedSectionTests</c>.
/// </summary>
public static partial class CodeSpanRule
{
    /// <summary>The identifier spans (start, length) of <paramref name="subject"/> to wrap in backticks, in order.</summary>
    public static IReadOnlyList<(int Start, int Length)> Find(string subject)
    {
        if (subject.Contains('`'))
        {
            // A subject with its own backticks gets none added: escaped and added backticks side by side confuse
            // parsers (Markdig read "\``x`" as a two-backtick run; MarkdownTextTests' random-subject test).
            return [];
        }

        var titleStart = Prefix().Match(subject).Length;
        var title = subject[titleStart..];
        var tags = SubsystemTags(title);
        var candidates = new List<(int Start, int Length)>();
        var sure = false;
        foreach (Match token in Token().Matches(title))
        {
            var word = token.Value;
            var isCall = word.EndsWith("()", StringComparison.Ordinal);
            var isTypeName = TypeKeyword().IsMatch(title[..token.Index]);
            if ((!isCall && !isTypeName && !word.Contains('_')) || !word.Any(char.IsAsciiLetter))
            {
                continue;
            }

            candidates.Add((titleStart + token.Index, token.Length));
            sure |= isCall || isTypeName || tags.Any(t => word.StartsWith(t + "_", StringComparison.OrdinalIgnoreCase));
        }

        return sure ? candidates : [];
    }

    /// <summary>The tags before the title's first colon: <c>bpf, arm64:</c> → bpf, arm64; <c>samples/bpf:</c> → samples, bpf.</summary>
    private static IReadOnlyList<string> SubsystemTags(string title)
    {
        var m = Tags().Match(title);
        return m.Success
            ? m.Groups[1].Value.Split([',', '/', ' '], StringSplitOptions.RemoveEmptyEntries)
            : [];
    }

    [GeneratedRegex(@"^(?:\s*(?:\[[^\]]*\]|(?:re|aw|fwd?)\s*:))*\s*", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex Prefix();

    [GeneratedRegex(@"^([A-Za-z0-9][\w./+-]*(?:\s*,\s*[A-Za-z0-9][\w./+-]*)*)\s*:\s", RegexOptions.NonBacktracking)]
    private static partial Regex Tags();

    // A whole word: after a space, "(" or a quote; before a space or punctuation, but not before ".ext" (file names) or
    // "/" (paths). Never touching another token or a backtick, so spans cannot merge (found by the random-subject test).
    [GeneratedRegex(@"(?<=^|[\s(""',])[A-Za-z_][A-Za-z0-9_]*(?:\(\))?(?=$|[\s,;:)!?""']|\.(?!\w))")]
    private static partial Regex Token();

    [GeneratedRegex(@"\b(?:struct|union|enum)\s+$", RegexOptions.NonBacktracking)]
    private static partial Regex TypeKeyword();
}
