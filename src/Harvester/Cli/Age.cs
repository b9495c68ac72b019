using System.Globalization;
using System.Text.RegularExpressions;

namespace Harvester.Cli;

/// <summary>
/// An age as <c>30d</c>, <c>12h</c> or <c>90min</c>. <c>m</c> alone is refused (minutes or months? issue 11 found
/// <c>1m</c> read as minutes by the program and as a month by its user).
/// </summary>
public static partial class Age
{
    public static bool TryParse(string text, out TimeSpan age, out string? error)
    {
        (age, error) = (TimeSpan.Zero, null);
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            error = $"'{text}' is not an age: use a number and d (days), h (hours) or min (minutes), such as 30d, 12h or 90min";
            return false;
        }

        var amount = int.Parse(match.Groups["amount"].Value, CultureInfo.InvariantCulture);
        switch (match.Groups["unit"].Value.ToLowerInvariant())
        {
            case "d":
                age = TimeSpan.FromDays(amount);
                return true;
            case "h":
                age = TimeSpan.FromHours(amount);
                return true;
            case "min":
                age = TimeSpan.FromMinutes(amount);
                return true;
            default:
                error = $"'{text}' is ambiguous (minutes or months?): write {amount}min for minutes or {amount * 30}d for days";
                return false;
        }
    }

    [GeneratedRegex(@"^(?<amount>\d{1,6})(?<unit>[dDhH]|min|MIN|[mM])$")]
    private static partial Regex Pattern();
}
