namespace Harvester.Filter;

/// <summary>
/// One <c>F:</c> or <c>X:</c> pattern of the kernel's MAINTAINERS file, matched as
/// <c>scripts/get_maintainer.pl</c>'s <c>file_match_pattern</c> does: the pattern becomes a regex anchored at the start
/// only (<c>.</c> literal, <c>*</c> → <c>.*</c>, <c>?</c> → <c>.</c>, <c>[ch]</c> kept as a class); a pattern ending in
/// <c>/</c> matches everything below; any other pattern must also have as many <c>/</c> as the path, which is what
/// keeps <c>*</c> from crossing directories in practice (<c>arch/*/net/*</c> matches <c>arch/x86/net/bpf_jit_comp.c</c>
/// but not <c>arch/x86/net/sub/x.c</c>). Matched by <see cref="PathGlob"/>, not a regex; a path longer than
/// <see cref="MaxPathLength"/> (PATH_MAX) is no kernel file and matches nothing.
/// </summary>
public sealed class MaintainersPattern
{
    /// <summary>Longest path matched: Linux's PATH_MAX. A diffstat line is stranger text and can be any length.</summary>
    public const int MaxPathLength = 4096;

    private const int MinimumConfirmed = 2;

    private readonly PathGlob glob;
    private readonly int slashes;
    private readonly string[] segments;
    private readonly PathGlob[] segmentGlobs;

    public MaintainersPattern(string text)
    {
        Text = text.Trim();
        IsDirectory = Text.EndsWith('/');
        glob = new PathGlob(Text, prefix: true);
        slashes = Text.Count(c => c == '/');
        segments = Text.TrimEnd('/').Split('/');
        segmentGlobs = segments.Select(s => new PathGlob(s, prefix: false)).ToArray();
        HasGlob = Text.IndexOfAny(['*', '?', '[']) >= 0;
    }

    /// <summary>The pattern as MAINTAINERS writes it.</summary>
    public string Text { get; }

    /// <summary>Ends in <c>/</c>: every file in and below the directory.</summary>
    public bool IsDirectory { get; }

    public bool HasGlob { get; }

    /// <summary>Whether the full path <paramref name="path"/> (no leading <c>a/</c>, <c>./</c> or <c>/</c>) matches.</summary>
    public bool Matches(string path)
    {
        if (path.Length > MaxPathLength)
        {
            return false;
        }

        if (glob.IsMatch(path) && (IsDirectory || path.AsSpan().Count('/') == slashes))
        {
            return true;
        }

        // get_maintainer.pl appends the slash to a pattern naming a directory that exists in the tree (-d test);
        // without a tree, a glob-free pattern that is a whole leading path of the file is taken for a directory
        // (MAINTAINERS has e.g. "F: drivers/staging/vc04_services"). Covered by MaintainersPatternTests.
        return !IsDirectory && !HasGlob && path.StartsWith(Text + "/", StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether some full path ending in the known tail <paramref name="tail"/> (the segments after git's <c>.../</c>)
    /// matches, where the tail confirms at least two glob-free names of the pattern: <c>selftests/bpf/progs/x.c</c>
    /// fits <c>tools/testing/selftests/bpf/</c> and <c>bpf/verifier.c</c> fits <c>kernel/bpf/verifier.c</c>, while
    /// <c>bpf/verifier.c</c> does not fit <c>kernel/bpf/</c> alone (it could as well be <c>.../nfp/bpf/verifier.c</c>) and
    /// <c>net/ethernet/ti/x.c</c> does not fit <c>arch/arc/net/</c> though "net" lines up. Globs are taken per segment.
    /// </summary>
    public bool MatchesTail(IReadOnlyList<string> tail)
    {
        var n = segments.Length;
        var m = tail.Count;
        for (var k = 1; k < n; k++)
        {
            // k unknown leading segments, then the tail. A file pattern needs exactly n segments in all; a directory
            // pattern needs the file strictly below it.
            if (IsDirectory ? k + m <= n : k + m != n)
            {
                continue;
            }

            var confirmed = 0;
            var fits = true;
            for (var i = 0; i < m && k + i < n && fits; i++)
            {
                var segment = segments[k + i];
                fits = segmentGlobs[k + i].IsMatch(tail[i]);
                confirmed += fits && segment.IndexOfAny(['*', '?', '[']) < 0 ? 1 : 0;
            }

            // One common name ("net", "bpf") lining up is not enough (fixtures irrelevant/am65-cpsw-shortened,
            // MaintainersPatternTests.Match_ShippedSections_*).
            if (fits && confirmed >= MinimumConfirmed)
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => Text;
}
