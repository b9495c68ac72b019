using System.Globalization;
using System.Text.RegularExpressions;

namespace Harvester.Parse;

/// <summary>
/// Parses the RFC 2822-ish dates the archives show: <c>Tue, 11 Jul 2017 10:12:33 -0700</c>, with or without the
/// weekday or seconds, with a trailing comment such as <c>(EDT)</c> (MHonArc 2.5 page in spinics.md S7), with an
/// obsolete zone name (<c>GMT</c>, <c>EDT</c>) or none (taken as UTC). Covered by MailDateTests.
/// </summary>
public static partial class MailDate
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>Reads a date, keeping the sender's UTC offset; false when the text holds no recognisable date.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var m = Rfc2822().Match(text);
        if (!m.Success)
        {
            return DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
        }

        var month = Array.IndexOf(Months, m.Groups["mon"].Value[..3].ToLowerInvariant()) + 1;
        var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        year = m.Groups["year"].Length switch
        {
            2 => year < 50 ? 2000 + year : 1900 + year,
            3 => 1900 + year,
            _ => year,
        };
        var day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var second = m.Groups["s"].Success ? int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        if (month < 1 || day < 1 || day > DateTime.DaysInMonth(Math.Clamp(year, 1, 9999), month) || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        if (!TryOffset(m.Groups["zone"].Value, out var offset))
        {
            return false;
        }

        value = new DateTimeOffset(year, month, day, hour, minute, Math.Min(second, 59), offset);
        return true;
    }

    private static bool TryOffset(string zone, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (zone.Length == 5 && zone[0] is '+' or '-')
        {
            var hours = int.Parse(zone.AsSpan(1, 2), CultureInfo.InvariantCulture);
            var minutes = int.Parse(zone.AsSpan(3, 2), CultureInfo.InvariantCulture);
            if (hours > 14 || minutes > 59)
            {
                return false;
            }

            offset = new TimeSpan(hours, minutes, 0) * (zone[0] == '-' ? -1 : 1);
            return true;
        }

        offset = zone.ToUpperInvariant() switch
        {
            "EDT" => TimeSpan.FromHours(-4),
            "EST" or "CDT" => TimeSpan.FromHours(-5),
            "CST" or "MDT" => TimeSpan.FromHours(-6),
            "MST" or "PDT" => TimeSpan.FromHours(-7),
            "PST" => TimeSpan.FromHours(-8),
            _ => TimeSpan.Zero, // GMT, UT, UTC, Z, military zones and a missing zone: RFC 2822 §4.3 reads them as +0000
        };
        return true;
    }

    [GeneratedRegex(@"(?:[A-Za-z]{3,9},?\s+)?(?<day>\d{1,2})\s+(?<mon>(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\.?\s+(?<year>\d{2,4})\s+(?<h>\d{1,2}):(?<m>\d{2})(?::(?<s>\d{2}))?(?:\.\d+)?\s*(?<zone>[+-]\d{4}|[A-Za-z]{1,5}\b)?")]
    private static partial Regex Rfc2822();
}
