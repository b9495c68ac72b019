namespace Harvester.Parse;

/// <summary>The index parsers' shared handling of links that are no URL: dropped with a warning, never thrown.</summary>
internal static class IndexWarnings
{
    /// <summary>The next (older) page's URL; null with a warning when its href is no URL (the walk ends there, said).</summary>
    public static Uri? NextPage(Uri pageUrl, string? href, List<string> warnings)
    {
        if (href is null)
        {
            return null;
        }

        if (Uri.TryCreate(pageUrl, href, out var next))
        {
            return next;
        }

        warnings.Add($"next-page href \"{Clip(href)}\" is not a URL; the walk cannot go past this page");
        return null;
    }

    /// <summary>A stranger's href as a diagnostic shows it: at most 120 characters, control characters as spaces.</summary>
    public static string Clip(string href)
    {
        var clipped = href.Length > 120 ? href[..120] + "..." : href;
        return string.Create(clipped.Length, clipped, (span, s) =>
        {
            for (var i = 0; i < s.Length; i++)
            {
                span[i] = char.IsControl(s[i]) ? ' ' : s[i];
            }
        });
    }
}
