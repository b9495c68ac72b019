namespace Harvester.Filter;

/// <summary>
/// A glob as get_maintainer.pl reads one: <c>*</c> → <c>.*</c>, <c>?</c> → <c>.</c>, <c>[ch]</c>, <c>[a-z]</c> and
/// <c>[^x]</c> kept as classes, so all of them cross <c>/</c> (<see cref="MaintainersPattern"/> counts slashes itself
/// and matches segments that hold none). Compiled once to a few tokens and matched without a regex: the classic
/// one-star-backtrack walk, O(pattern × text) at worst and no allocation per call. As NonBacktracking regexes (one per
/// pattern and one per segment of the ~110 BPF/XDP patterns, ~500 in all) the 1,500-mail crawl benchmark's managed
/// heap peaked at 474 MB; with this walk, 55 MB (docs/benchmarks.md). Covered by PathGlobTests.
/// </summary>
public sealed class PathGlob
{
    private readonly Token[] tokens;

    /// <param name="pattern">The glob.</param>
    /// <param name="prefix">Match when the glob matches a leading part of the text (a regex anchored at the start only).</param>
    public PathGlob(string pattern, bool prefix)
    {
        var list = Compile(pattern);
        if (prefix)
        {
            list.Add(new Token(TokenKind.Star, default, null, false));
        }

        tokens = list.ToArray();
    }

    /// <summary>Whether the whole of <paramref name="text"/> matches (or a leading part, for a prefix glob).</summary>
    public bool IsMatch(ReadOnlySpan<char> text)
    {
        int p = 0, t = 0, starP = -1, starT = -1;
        while (t < text.Length)
        {
            if (p < tokens.Length && tokens[p].Kind == TokenKind.Star)
            {
                starP = p++;
                starT = t;
                continue;
            }

            if (p < tokens.Length && tokens[p].Kind != TokenKind.Star && tokens[p].Accepts(text[t]))
            {
                p++;
                t++;
                continue;
            }

            // Give the last star one more character.
            if (starP >= 0)
            {
                p = starP + 1;
                t = ++starT;
                continue;
            }

            return false;
        }

        while (p < tokens.Length && tokens[p].Kind == TokenKind.Star)
        {
            p++;
        }

        return p == tokens.Length;
    }

    private static List<Token> Compile(string pattern)
    {
        var list = new List<Token>(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*')
            {
                if (list.Count == 0 || list[^1].Kind != TokenKind.Star)
                {
                    list.Add(new Token(TokenKind.Star, default, null, false));
                }
            }
            else if (c == '?')
            {
                list.Add(new Token(TokenKind.Any, default, null, false));
            }
            else if (c == '[' && TryClass(pattern, i, out var set, out var negated, out var end))
            {
                list.Add(new Token(TokenKind.Class, default, set, negated));
                i = end;
            }
            else
            {
                // An unterminated '[' is taken literally (the regex form threw on it at load).
                list.Add(new Token(TokenKind.Literal, c, null, false));
            }
        }

        return list;
    }

    private static bool TryClass(string pattern, int open, out (char From, char To)[] set, out bool negated, out int end)
    {
        var i = open + 1;
        negated = i < pattern.Length && pattern[i] == '^';
        i += negated ? 1 : 0;
        var ranges = new List<(char, char)>();
        var first = true;
        for (; i < pattern.Length && (first || pattern[i] != ']'); i++, first = false)
        {
            var from = pattern[i];
            if (i + 2 < pattern.Length && pattern[i + 1] == '-' && pattern[i + 2] != ']')
            {
                ranges.Add((from, pattern[i + 2]));
                i += 2;
            }
            else
            {
                ranges.Add((from, from));
            }
        }

        end = i;
        set = ranges.ToArray();
        return i < pattern.Length;
    }

    private enum TokenKind
    {
        Literal,
        Any,
        Class,
        Star,
    }

    private readonly record struct Token(TokenKind Kind, char Char, (char From, char To)[]? Set, bool Negated)
    {
        public bool Accepts(char c) => Kind switch
        {
            TokenKind.Literal => c == Char,
            TokenKind.Any => true,
            TokenKind.Class => InSet(c) != Negated,
            _ => false,
        };

        private bool InSet(char c)
        {
            foreach (var (from, to) in Set!)
            {
                if (c >= from && c <= to)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
