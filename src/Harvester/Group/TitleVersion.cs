using System.Text.RegularExpressions;

namespace Harvester.Group;

/// <summary>
/// The version-from-title fallback, used only when the brackets give none: a title ending in <c>(vN)</c>,
/// <c> - vN</c> or <c> vN</c> ("net: Introduce VRF device driver - v2", lists.openwall.net netdev 2015/07/27/127).
/// Not versions: "AF_PACKET V4 support" (not the last word), "Networking for v6.12" (not an integer).
/// </summary>
internal static partial class TitleVersion
{
    public static bool TryRead(string title, out int version)
    {
        var match = Trailing().Match(title);
        version = match.Success ? int.Parse(match.Groups["v"].Value) : 0;
        return match.Success && version > 0;
    }

    [GeneratedRegex(@"(?:\(v(?<v>\d{1,3})\)|\s-\s*v(?<v>\d{1,3})|\sv(?<v>\d{1,3}))$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex Trailing();
}
