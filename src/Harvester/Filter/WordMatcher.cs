using System.Text.RegularExpressions;

namespace Harvester.Filter;

/// <summary>
/// Finds configured words in text, as whole words, case-insensitively. A word of the text is a run of letters,
/// digits and <c>_</c> (so <c>selftests/bpf</c> and <c>eBPF-based</c> hold <c>bpf</c>/<c>ebpf</c>, while
/// <c>af_xdp</c> is one word). A term <c>bpf_*</c> matches by prefix, <c>*_bpf</c> by suffix, and a term of several
/// words (<c>tail call*</c>) matches consecutive words. Reports each hit once, lower-case, in order of appearance.
/// </summary>
public sealed partial class WordMatcher
{
    private readonly List<string[]> terms;

    public WordMatcher(IEnumerable<string> words)
    {
        terms = words
            .Select(w => w.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(parts => parts.Length > 0 && parts.All(p => p.Trim('*').Length > 0))
            .ToList();
    }

    /// <summary>True when no term is configured.</summary>
    public bool IsEmpty => terms.Count == 0;

    /// <summary>The hits in <paramref name="text"/>: the text's own word(s), lower-cased, deduplicated, in order.</summary>
    public IReadOnlyList<string> FindAll(string text)
    {
        var tokens = Tokens(text);
        var hits = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            foreach (var term in terms)
            {
                if (i + term.Length <= tokens.Count && MatchesAt(term, tokens, i))
                {
                    var hit = string.Join(' ', tokens.Skip(i).Take(term.Length));
                    if (!hits.Contains(hit))
                    {
                        hits.Add(hit);
                    }
                }
            }
        }

        return hits;
    }

    /// <summary>The words of <paramref name="text"/>, lower-cased.</summary>
    public static IReadOnlyList<string> Tokens(string text) =>
        Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToList();

    private static bool MatchesAt(string[] term, IReadOnlyList<string> tokens, int start)
    {
        for (var j = 0; j < term.Length; j++)
        {
            if (!MatchesOne(term[j], tokens[start + j]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool MatchesOne(string pattern, string token)
    {
        var prefix = pattern.EndsWith('*');
        var suffix = pattern.StartsWith('*');
        var core = pattern.Trim('*');
        return (prefix, suffix) switch
        {
            (true, true) => token.Contains(core, StringComparison.Ordinal),
            (true, false) => token.StartsWith(core, StringComparison.Ordinal),
            (false, true) => token.EndsWith(core, StringComparison.Ordinal),
            _ => token == core,
        };
    }

    // "_" joins (af_xdp, cls_bpf, BPF_PROG_LOAD stay one word); "/" and "-" split (samples/bpf, selftests/bpf,
    // bpf-next, eBPF-based): fixtures relevant/samples-bpf-sigterm, relevant/ebpf-device-cgroup; WordMatcherTests.
    [GeneratedRegex(@"[\p{L}\p{Nd}_]+")]
    private static partial Regex Word();
}
