using Harvester.Domain;
using Harvester.Group;
using Harvester.Parse;

namespace Harvester.Crawl;

/// <summary>
/// Matches an index entry of a second archive to a message an earlier archive already gave: same subject, same
/// author, same day (±1, since the index's day may be in the sender's time zone). Only an unambiguous match counts;
/// otherwise the page is fetched to settle it by Message-ID.
/// </summary>
public sealed class LinkMatcher
{
    private readonly ILookup<string, MailMessage> _bySubject;

    public LinkMatcher(IEnumerable<MailMessage> known) =>
        _bySubject = known.ToLookup(m => Normalize(m.Subject), StringComparer.Ordinal);

    public MailMessage? Match(IndexEntry entry)
    {
        var matches = _bySubject[Normalize(entry.Subject)]
            .Where(m => AuthorName.Key(m.Author) == AuthorName.Key(entry.Author))
            .Where(m => entry.Day is null || Math.Abs(DateOnly.FromDateTime(m.Date.UtcDateTime).DayNumber - entry.Day.Value.DayNumber) <= 1)
            .Take(2)
            .ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    private static string Normalize(string subject) => string.Join(' ', subject.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
