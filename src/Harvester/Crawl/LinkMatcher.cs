using Harvester.Domain;
using Harvester.Group;
using Harvester.Parse;

namespace Harvester.Crawl;

/// <summary>
/// Matches an index entry of a second archive to a message an earlier archive already read: same subject, same
/// author, same day (±1, since the index's day may be in the sender's time zone). Only an unambiguous match counts;
/// otherwise the page is fetched to settle it by Message-ID. Undated entries (spinics) are never matched: nothing
/// but the page can tell a resend from the original. A message the earlier archive read outside the window stands in
/// only for an entry that is not needed (an edge day), never for one that may be a window message it lacks.
/// </summary>
public sealed class LinkMatcher
{
    private readonly ILookup<string, (MailMessage Message, bool Outside)> _bySubject;

    public LinkMatcher(IEnumerable<MailMessage> inWindow, IEnumerable<MailMessage>? outsideWindow = null) =>
        _bySubject = inWindow.Select(m => (m, false))
            .Concat((outsideWindow ?? []).Select(m => (m, true)))
            .ToLookup(k => Normalize(k.Item1.Subject), StringComparer.Ordinal);

    public MailMessage? Match(IndexEntry entry, bool needed = true)
    {
        if (entry.Day is not { } day)
        {
            return null;
        }

        var matches = _bySubject[Normalize(entry.Subject)]
            .Where(k => AuthorName.Key(k.Message.Author) == AuthorName.Key(entry.Author))
            .Where(k => Math.Abs(DateOnly.FromDateTime(k.Message.Date.UtcDateTime).DayNumber - day.DayNumber) <= 1)
            .Take(2)
            .ToList();
        return matches is [var only] && !(only.Outside && needed) ? only.Message : null;
    }

    private static string Normalize(string subject) => Whitespace.Collapse(subject);
}
