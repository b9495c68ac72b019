using System.Globalization;
using System.Text.RegularExpressions;

namespace Harvester.Tests.Support.Sites;

/// <summary>
/// The part of public-inbox's search language (Xapian, prefixes from lib/PublicInbox/Search.pm; archive-html/lore.md)
/// that the fake server understands: <c>d:</c> (a range of UTC days of the Date header, both ends included, either
/// end may be empty; <c>YYYY-MM-DD</c> or <c>YYYYMMDD</c>, as <c>date_parse_prepare</c> turns it into a day-number
/// range), <c>dt:</c> (<c>YYYYMMDDHHMMSS</c> range), <c>s:</c> subject, <c>f:</c> from, <c>m:</c> Message-ID, terms joined
/// by white space or <c>AND</c> (all must hold); a bare word matches subject or body.
/// </summary>
public sealed partial class PublicInboxQuery
{
    private readonly List<Func<FixtureMessage, bool>> _terms = [];

    private PublicInboxQuery()
    {
    }

    public static PublicInboxQuery? Parse(string? q)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return null;
        }

        var query = new PublicInboxQuery();
        foreach (Match token in Token().Matches(q))
        {
            var text = token.Value.Trim('"');
            if (text is "AND" or "")
            {
                continue;
            }

            query._terms.Add(Term(text) ?? (_ => false));
        }

        return query;
    }

    public bool Matches(FixtureMessage message) => _terms.All(t => t(message));

    private static Func<FixtureMessage, bool>? Term(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var (prefix, value) = colon > 0 ? (text[..colon], text[(colon + 1)..].Trim('"')) : ("", text);
        return prefix switch
        {
            "d" => DayRange(value),
            "dt" => TimeRange(value),
            "s" => m => m.Subject.Contains(value, StringComparison.OrdinalIgnoreCase),
            "f" => m => $"{m.FromName} <{m.FromAddress}>".Contains(value, StringComparison.OrdinalIgnoreCase),
            "m" => m => m.MessageId == value.Trim('<', '>'),
            _ => m => m.Subject.Contains(text, StringComparison.OrdinalIgnoreCase) || m.Body.Contains(text, StringComparison.OrdinalIgnoreCase),
        };
    }

    private static Func<FixtureMessage, bool>? DayRange(string value)
    {
        var ends = value.Split("..", 2);
        var from = Day(ends[0]);
        var to = ends.Length == 2 ? Day(ends[1]) : from;
        if ((ends[0].Length > 0 && from is null) || (ends.Length == 2 && ends[1].Length > 0 && to is null))
        {
            return null; // approxidate ("last.week"): not understood by the fake, matches nothing
        }

        return m =>
        {
            var day = DateOnly.FromDateTime(m.Date.UtcDateTime);
            return (from is null || day >= from) && (to is null || day <= to);
        };
    }

    private static Func<FixtureMessage, bool>? TimeRange(string value)
    {
        var ends = value.Split("..", 2);
        DateTimeOffset? Parse(string s) => DateTimeOffset.TryParseExact(s, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
        var from = ends[0].Length == 0 ? null : Parse(ends[0]);
        var to = ends.Length < 2 || ends[1].Length == 0 ? null : Parse(ends[1]);
        return m => (from is null || m.Date >= from) && (to is null || m.Date <= to);
    }

    private static DateOnly? Day(string text) =>
        DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    [GeneratedRegex("""[^\s"]*"[^"]*"|\S+""")]
    private static partial Regex Token();
}
