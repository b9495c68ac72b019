using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Harvester.Domain;

/// <summary>
/// Normalises sender display names so that one person's mails group together: case, diacritics, list-relay suffixes
/// (<c>via B4 Relay</c>, <c>via netdev</c>), quotes, <c>Last, First</c> order and middle initials
/// (<c>David S. Miller</c> = <c>David Miller</c>). The one author key: Group's series, Crawl's link matching and
/// Render's author order all use <see cref="Key"/>. Covered by <c>AuthorNameTests</c>.
/// </summary>
public static partial class AuthorName
{
    /// <summary>The key every form of the patchwork bot's sender maps to (see <see cref="Key"/>).</summary>
    public const string PatchworkBot = "patchwork-bot+netdevbpf@kernel.org";

    /// <summary>
    /// The grouping key of a display name (lower case, ASCII-folded, no middle initials); "" for blank. Every form the
    /// archives show the patchwork bot's sender in is <see cref="PatchworkBot"/>: the bare address (it sends no name),
    /// spinics' masked address and index local part (<c>patchwork-bot+netdevbpf@xxxxxxxxxx</c>,
    /// <c>patchwork-bot+netdevbpf</c>) and mail-archive's truncated one (<c>patchwork-bot+netdev...@kernel.org</c>):
    /// patchwork-bot.md; AuthorNameTests.Key_PatchworkBotForms_AreTheBot.
    /// </summary>
    public static string Key(string? name)
    {
        var display = Display(name);
        if (PatchworkBotForm().IsMatch(display))
        {
            return PatchworkBot;
        }

        if (display.Contains('@'))
        {
            return display.ToLowerInvariant();
        }

        var words = Fold(display).ToLowerInvariant()
            .Split([' ', '.', '-', '_'], StringSplitOptions.RemoveEmptyEntries);

        // Middle initials: single letters between the first and last word ("David S. Miller").
        var kept = words.Where((w, i) => i == 0 || i == words.Length - 1 || w.Length > 1);
        return string.Join(' ', kept);
    }

    /// <summary>A name as it should be shown: relay suffix, quotes and surrounding spaces removed, <c>Last, First</c> turned.</summary>
    public static string Display(string? name)
    {
        var s = Whitespace.Collapse(name ?? "").Trim('"', '\'', ' ');

        // B4 relay and mailman-rewritten senders: "Jane Doe via B4 Relay", "John Smith via netdev" (lore, netdev).
        s = RelaySuffix().Replace(s, "").Trim('"', '\'', ' ');

        // "Lobakin, Alexander" (Intel's Outlook style on netdev) -> "Alexander Lobakin".
        var parts = s.Split(',');
        if (parts.Length == 2 && !s.Contains('@') && parts.All(p => p.Trim().Length > 0))
        {
            s = parts[1].Trim() + " " + parts[0].Trim();
        }

        return s;
    }

    /// <summary>
    /// The cleanest of several spellings of one person's name: a real name over a bare address, mixed case over all-lower
    /// or all-upper, more words (it keeps the middle initial) over fewer, then ordinal order for determinism.
    /// </summary>
    public static string Cleanest(IEnumerable<string?> names)
    {
        var best = names.Select(Display).Where(n => n.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(Score)
            .ThenBy(n => n, StringComparer.Ordinal)
            .FirstOrDefault();
        return best ?? "";
    }

    private static int Score(string name)
    {
        var score = name.Contains('@') ? 0 : 100;
        score += name.Any(char.IsUpper) && name.Any(char.IsLower) ? 20 : 0;
        score += Math.Min(name.Split(' ').Length, 5);
        return score;
    }

    private static string Fold(string s)
    {
        var decomposed = s.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>Whether a sender, in any of the forms the archives show, is the patchwork bot.</summary>
    public static bool IsPatchworkBot(string? name) => Key(name) == PatchworkBot;

    [GeneratedRegex(@"^<?patchwork-bot\+netdev(?:bpf|\.\.\.|bpf\.\.\.)?(?:@(?:kernel\.org|x+))?>?$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex PatchworkBotForm();

    [GeneratedRegex(@"\s+via\s+\S.*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex RelaySuffix();
}
