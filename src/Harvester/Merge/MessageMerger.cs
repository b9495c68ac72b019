using Harvester.Crawl;
using Harvester.Domain;
using Harvester.Group;
using Harvester.Parse;

namespace Harvester.Merge;

/// <summary>
/// Folds the copies of one message that several archives hold into one <see cref="MailMessage"/> per Message-ID,
/// carrying every archive's link (links got from index matches included), and counts the replies the indexes showed.
/// </summary>
public sealed class MessageMerger
{
    public IReadOnlyList<MailMessage> Merge(IEnumerable<MailMessage> copies, IEnumerable<LinkMatch> linkMatches, IEnumerable<IndexEntry> entries)
    {
        var extraLinks = linkMatches.ToLookup(m => Normalize(m.MessageId), m => m.Link, StringComparer.Ordinal);
        var replies = CountReplies(entries);
        var merged = copies
            .GroupBy(m => Normalize(m.MessageId), StringComparer.Ordinal)
            .Select(g => Fold(g.Key, [.. g], extraLinks[g.Key], replies))
            .OrderBy(m => m.Date)
            .ThenBy(m => m.MessageId, StringComparer.Ordinal)
            .ToList();
        return ThreadByParentLinks(merged);
    }

    /// <summary>
    /// A message known only from an archive without threading headers (mail-archive) but whose thread view names its
    /// parent's page gets that parent as In-Reply-To, when the parent is one of the merged messages.
    /// </summary>
    private static List<MailMessage> ThreadByParentLinks(List<MailMessage> messages)
    {
        var byPage = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            foreach (var link in message.Links)
            {
                byPage.TryAdd(link.Url.AbsoluteUri, message.MessageId);
            }
        }

        return messages.Select(m =>
                m.InReplyTo is null && m.References.Count == 0 && m.ParentLink is { } parent
                && byPage.TryGetValue(parent.AbsoluteUri, out var parentId) && parentId != m.MessageId
                    ? m with { InReplyTo = parentId, References = [parentId] }
                    : m)
            .ToList();
    }

    /// <summary>Message-IDs compare without angle brackets and surrounding space.</summary>
    private static string Normalize(string messageId) => MessageIds.Normalize(messageId) ?? messageId;

    private static MailMessage Fold(string id, List<MailMessage> copies, IEnumerable<ArchiveLink> extraLinks, Dictionary<string, int> replies)
    {
        // The copy with threading headers wins (spinics' X-Reference comments; mail-archive pages carry none),
        // then the one with the longer body (mail-archive truncates nothing, spinics masks addresses: both are fine).
        var best = copies
            .OrderByDescending(c => c.References.Count + (c.InReplyTo is null ? 0 : 1))
            .ThenByDescending(c => c.AuthorAddress is null ? 0 : 1)
            .ThenByDescending(c => c.Body.Length)
            .First();
        var links = copies.SelectMany(c => c.Links).Concat(extraLinks)
            .DistinctBy(l => l.Url.AbsoluteUri)
            .ToList();
        var title = SubjectParser.Parse(best.Subject).Title;
        return best with
        {
            MessageId = id,
            AuthorAddress = copies.Select(c => c.AuthorAddress).FirstOrDefault(a => a is not null),
            ParentLink = copies.Select(c => c.ParentLink).FirstOrDefault(p => p is not null),
            Links = links,
            RepliesSeen = replies.GetValueOrDefault(title),
        };
    }

    /// <summary>Reply entries per replied-to title, the most any one archive showed (both list the same replies).</summary>
    private static Dictionary<string, int> CountReplies(IEnumerable<IndexEntry> entries) =>
        entries
            .Select(e => (e.Archive, e.Number, Subject: SubjectParser.Parse(e.Subject)))
            .Where(e => e.Subject.IsReply)
            .DistinctBy(e => (e.Archive, e.Number))
            .GroupBy(e => e.Subject.Title, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.GroupBy(e => e.Archive).Max(a => a.Count()), StringComparer.Ordinal);
}
