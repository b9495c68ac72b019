using System.Text.RegularExpressions;

namespace Harvester.Filter;

/// <summary>One file of a diffstat: its (new) path, the old path of a rename or copy, and the change count.</summary>
public sealed record DiffstatEntry(string Path, string? OldPath, int Changes, bool Binary)
{
    /// <summary>Git shortened the name to fit (<c>.../bpf/verifier.c</c>) and no full path in the mail resolved it.</summary>
    public bool Shortened => Path.StartsWith(".../", StringComparison.Ordinal);
}

/// <summary>
/// What a patch mail says it changes: read from git's diffstat (<c>path | N +-</c>, <c>Bin 0 -> 123 bytes</c>, renames
/// <c>a => b</c> and <c>dir/{a => b}/c</c>, <c>.../</c>-shortened names, the <c>N files changed</c> summary and the
/// <c>create mode</c>/<c>delete mode</c>/<c>rename</c> lines after it), and from <c>diff --git</c>, <c>--- a/</c> and
/// <c>+++ b/</c> lines when there is no diffstat.
/// </summary>
public sealed partial record Diffstat(int FilesChanged, int Insertions, int Deletions, IReadOnlyList<string> Paths)
{
    public static Diffstat Empty { get; } = new(0, 0, 0, []);

    /// <summary>The diffstat's own lines, in order (empty when the paths came from diff headers only).</summary>
    public IReadOnlyList<DiffstatEntry> Entries { get; init; } = [];

    /// <summary>Reads every diffstat and diff header of <paramref name="body"/>. Never throws; unknown lines are skipped.</summary>
    public static Diffstat Parse(string body)
    {
        var lines = body.Replace("\r\n", "\n").Split('\n');
        var entries = new List<DiffstatEntry>();
        var fullPaths = new List<string>();
        int files = 0, insertions = 0, deletions = 0;
        var summaries = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var summary = Summary().Match(lines[i]);
            if (!summary.Success)
            {
                continue;
            }

            summaries++;
            files += int.Parse(summary.Groups["files"].Value);
            insertions += Number(summary.Groups["ins"]);
            deletions += Number(summary.Groups["del"]);
            var start = i;
            while (start > 0 && StatLine().IsMatch(lines[start - 1]))
            {
                start--;
            }

            entries.AddRange(lines[start..i].Select(l => Entry(StatLine().Match(l))));
            for (var k = i + 1; k < lines.Length && ReadModeLine(lines[k], fullPaths); k++)
            {
            }
        }

        if (summaries == 0)
        {
            // A diffstat without its summary line (hand-trimmed mails): take stat-shaped lines after the "---" separator.
            var separator = Array.FindIndex(lines, l => l.TrimEnd() == "---");
            if (separator >= 0)
            {
                entries.AddRange(lines.Skip(separator + 1).TakeWhile(l => !l.StartsWith("diff --git ", StringComparison.Ordinal))
                    .Select(l => StatLine().Match(l)).Where(m => m.Success).Select(Entry));
            }
        }

        var (headerPaths, added, removed) = ReadDiff(lines);
        fullPaths.AddRange(headerPaths);
        if (summaries == 0)
        {
            (insertions, deletions) = (added, removed);
            files = entries.Count > 0 ? entries.Count : headerPaths.Distinct().Count();
        }

        entries = entries.Select(e => Resolve(e, fullPaths)).ToList();
        var paths = entries.SelectMany(e => e.OldPath is null ? [e.Path] : new[] { e.Path, e.OldPath })
            .Concat(fullPaths)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new Diffstat(files, insertions, deletions, paths) { Entries = entries };
    }

    /// <summary>Splits a diffstat rename name: <c>a => b</c>, <c>dir/{old => new}/file</c>, <c>{ => sub}/file</c>.</summary>
    public static (string Old, string New)? SplitRename(string name)
    {
        var brace = Brace().Match(name);
        if (brace.Success)
        {
            string Join(string middle) =>
                CollapseSlashes(brace.Groups["pre"].Value + middle + brace.Groups["post"].Value);
            return (Join(brace.Groups["old"].Value), Join(brace.Groups["new"].Value));
        }

        var arrow = name.IndexOf(" => ", StringComparison.Ordinal);
        return arrow < 0 ? null : (name[..arrow].Trim(), name[(arrow + 4)..].Trim());
    }

    private static DiffstatEntry Entry(Match stat)
    {
        var name = stat.Groups["name"].Value.Trim();
        var binary = !stat.Groups["n"].Success;
        var changes = binary ? 0 : int.Parse(stat.Groups["n"].Value);
        return SplitRename(name) is { } rename
            ? new DiffstatEntry(rename.New, rename.Old, changes, binary)
            : new DiffstatEntry(name, null, changes, binary);
    }

    // A shortened name is replaced by the one full path (from mode lines or diff headers) that ends with its tail.
    private static DiffstatEntry Resolve(DiffstatEntry entry, List<string> fullPaths)
    {
        if (!entry.Shortened)
        {
            return entry;
        }

        var tail = entry.Path[3..];
        var candidates = fullPaths.Where(p => p.EndsWith(tail, StringComparison.Ordinal)).Distinct().ToList();
        return candidates.Count == 1 ? entry with { Path = candidates[0] } : entry;
    }

    private static bool ReadModeLine(string line, List<string> fullPaths)
    {
        var mode = ModeLine().Match(line);
        if (mode.Success)
        {
            fullPaths.Add(mode.Groups["path"].Value.Trim());
            return true;
        }

        var rename = RenameLine().Match(line);
        if (rename.Success && SplitRename(rename.Groups["name"].Value) is { } pair)
        {
            fullPaths.Add(pair.New);
            fullPaths.Add(pair.Old);
            return true;
        }

        return false;
    }

    private static (List<string> Paths, int Added, int Removed) ReadDiff(string[] lines)
    {
        var paths = new List<string>();
        int added = 0, removed = 0;
        var inHunk = false;
        foreach (var line in lines)
        {
            var header = DiffHeader().Match(line);
            if (header.Success)
            {
                inHunk = false;
                paths.Add(header.Groups["new"].Value);
                paths.Add(header.Groups["old"].Value);
                continue;
            }

            if (line == "-- ")
            {
                inHunk = false; // the mail signature after the last hunk
                continue;
            }

            var file = FileHeader().Match(line);
            if (!inHunk && file.Success)
            {
                paths.Add(file.Groups["path"].Value);
                continue;
            }

            if (line.StartsWith("@@", StringComparison.Ordinal))
            {
                inHunk = true;
            }
            else if (inHunk && line.StartsWith('+'))
            {
                added++;
            }
            else if (inHunk && line.StartsWith('-'))
            {
                removed++;
            }
        }

        return (paths.Distinct(StringComparer.Ordinal).ToList(), added, removed);
    }

    /// <summary>A diffstat file line or summary line (used to find where a commit message ends).</summary>
    internal static bool IsStatLine(string line) => StatLine().IsMatch(line) || Summary().IsMatch(line);

    private static int Number(System.Text.RegularExpressions.Group group) => group.Success ? int.Parse(group.Value) : 0;

    private static string CollapseSlashes(string path) => MultiSlash().Replace(path, "/").TrimStart('/');

    [GeneratedRegex(@"^\s*(?<files>\d+) files? changed(?:, (?<ins>\d+) insertions?\(\+\))?(?:, (?<del>\d+) deletions?\(-\))?\s*$", RegexOptions.NonBacktracking)]
    private static partial Regex Summary();

    [GeneratedRegex(@"^\s*(?<name>\S.*?)\s+\|\s+(?:(?<n>\d+)(?:\s+[+-]*)?|Bin(?:\s+\d+\s+->\s+\d+\s+bytes)?)\s*$", RegexOptions.NonBacktracking)]
    private static partial Regex StatLine();

    [GeneratedRegex(@"^\s*(?:create|delete) mode \d+ (?<path>\S.*)$|^\s*mode change \d+ => \d+ (?<path>\S.*)$", RegexOptions.NonBacktracking)]
    private static partial Regex ModeLine();

    [GeneratedRegex(@"^\s*(?:rename|copy) (?<name>.+ => .+) \(\d+%\)\s*$", RegexOptions.NonBacktracking)]
    private static partial Regex RenameLine();

    [GeneratedRegex(@"^(?<pre>[^{]*)\{(?<old>[^}]*) => (?<new>[^}]*)\}(?<post>.*)$", RegexOptions.NonBacktracking)]
    private static partial Regex Brace();

    [GeneratedRegex(@"^diff --git a/(?<old>\S+) b/(?<new>\S+)", RegexOptions.NonBacktracking)]
    private static partial Regex DiffHeader();

    [GeneratedRegex(@"^(?:\+\+\+ b|--- a)/(?<path>\S+)", RegexOptions.NonBacktracking)]
    private static partial Regex FileHeader();

    [GeneratedRegex("/{2,}", RegexOptions.NonBacktracking)]
    private static partial Regex MultiSlash();
}
