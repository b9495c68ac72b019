using Harvester.Domain;
using Harvester.Group;
using Harvester.Parse;

namespace Harvester.Crawl;

/// <summary>
/// Matches an index entry of a later archive to a message an earlier source already read, so its link comes without a
/// fetch.
/// <para>
/// A dated entry (mail-archive) matches on subject, author and day (±1, since the index's day may be in the sender's
/// time zone). Only an unambiguous match counts; otherwise the page is fetched to settle it by Message-ID. A message an
/// HTML archive read outside the window stands in only for an entry that is not needed (an edge day), never for one
/// that may be a window message it lacks.
/// </para>
/// <para>
/// An undated entry (spinics) matches only a message from a complete source: a public-inbox archive, which gave every
/// mail of its list for the window and a day on each side (<see cref="IsComplete"/>). Only the page can tell a resend
/// from the original, so such a match needs a subject and author that exactly one of those mails has, and an entry
/// whose message another entry already claimed is fetched instead (a resend from outside those days). A complete
/// source's Date is exact, so its mails outside the window stand in for needed entries too. Covered by LinkMatcherTests.
/// </para>
/// </summary>
public sealed class LinkMatcher
{
    private readonly ILookup<string, (MailMessage Message, bool Outside)> _bySubject;
    private readonly Dictionary<string, Uri> _claimed = new(StringComparer.Ordinal);

    public LinkMatcher(IEnumerable<MailMessage> inWindow, IEnumerable<MailMessage>? outsideWindow = null) =>
        _bySubject = inWindow.Select(m => (m, false))
            .Concat((outsideWindow ?? []).Select(m => (m, true)))
            .ToLookup(k => Normalize(k.Item1.Subject), StringComparer.Ordinal);

    /// <summary>True for a message a public-inbox archive gave: that archive lists every mail of its list for the days read.</summary>
    public static bool IsComplete(MailMessage message) => message.Links.Any(l => l.Kind == ArchiveKinds.PublicInbox);

    public MailMessage? Match(IndexEntry entry, bool needed = true)
    {
        if (entry.Day is not { } day)
        {
            return MatchUndated(entry);
        }

        var matches = _bySubject[Normalize(entry.Subject)]
            .Where(k => AuthorName.Key(k.Message.Author) == AuthorName.Key(entry.Author))
            .Where(k => Math.Abs(DateOnly.FromDateTime(k.Message.Date.UtcDateTime).DayNumber - day.DayNumber) <= 1)
            .DistinctBy(k => k.Message.MessageId) // one mail known from two sources (lore's netdev and bpf) is one candidate
            .Take(2)
            .ToList();
        return matches is [var only] && !(only.Outside && needed && !IsComplete(only.Message)) ? only.Message : null;
    }

    private MailMessage? MatchUndated(IndexEntry entry)
    {
        var matches = _bySubject[Normalize(entry.Subject)]
            .Where(k => IsComplete(k.Message) && AuthorName.Key(k.Message.Author) == AuthorName.Key(entry.Author))
            .DistinctBy(k => k.Message.MessageId)
            .Take(2)
            .ToList();
        if (matches is not [var only])
        {
            return null;
        }

        lock (_claimed)
        {
            return _claimed.TryAdd(only.Message.MessageId, entry.Url) || _claimed[only.Message.MessageId] == entry.Url ? only.Message : null;
        }
    }

    private static string Normalize(string subject) => Whitespace.Collapse(subject);
}
