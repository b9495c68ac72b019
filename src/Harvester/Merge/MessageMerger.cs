using Harvester.Crawl;
using Harvester.Domain;
using Harvester.Group;
using Harvester.Parse;

namespace Harvester.Merge;

/// <summary>
/// Folds the copies of one message that several archives and lists hold into one <see cref="MailMessage"/> per
/// Message-ID, carrying every archive's link (links got from index matches included), and counts the replies the
/// indexes showed. Links are annotated with their archive's kind and list from the configuration, and every message
/// whose list has a public-inbox archive configured (enabled or not) gets that archive's link, made from its
/// Message-ID without a request (<see cref="PublicInboxLinks"/>).
/// </summary>
public sealed class MessageMerger(ArchiveCatalog catalog)
{
    public MessageMerger()
        : this(ArchiveCatalog.Empty)
    {
    }

    public IReadOnlyList<MailMessage> Merge(IEnumerable<MailMessage> copies, IEnumerable<LinkMatch> linkMatches, IEnumerable<IndexEntry> entries)
    {
        var extraLinks = linkMatches.ToLookup(m => Normalize(m.MessageId), m => m.Link, StringComparer.Ordinal);
        var replies = CountReplies(entries);
        var merged = copies
            .GroupBy(m => Normalize(m.MessageId), StringComparer.Ordinal)
            .Select(g => Fold(g.Key, [.. g], extraLinks[g.Key], replies))
            .Select(WithArchiveLinks)
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

    /// <summary>Links Merge did not fold (pull request sightings), annotated the same way.</summary>
    public IReadOnlyList<ArchiveLink> Annotate(IEnumerable<ArchiveLink> links) => [.. links.Select(Annotate)];

    private ArchiveLink Annotate(ArchiveLink link) =>
        catalog.Find(link.Archive) is { } archive
            ? link with { Kind = link.Kind ?? archive.Kind, List = link.List ?? archive.List }
            : link;

    /// <summary>Links annotated, plus a public-inbox link for each of the message's lists that has one configured.</summary>
    private MailMessage WithArchiveLinks(MailMessage message)
    {
        var links = message.Links.Select(Annotate).ToList();
        foreach (var list in links.Select(l => l.List).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList())
        {
            if (catalog.PublicInboxFor(list) is { BaseUri: { } root } inbox && !links.Any(l => string.Equals(l.Archive, inbox.Name, StringComparison.OrdinalIgnoreCase)))
            {
                links.Add(new ArchiveLink(inbox.Name, PublicInboxLinks.Message(root, message.MessageId)) { Kind = inbox.Kind, List = inbox.List });
            }
        }

        return message with { Links = links };
    }

    /// <summary>Message-IDs compare without angle brackets and surrounding space.</summary>
    private static string Normalize(string messageId) => MessageIds.Normalize(messageId) ?? messageId;

    private static MailMessage Fold(string id, List<MailMessage> copies, IEnumerable<ArchiveLink> extraLinks, Dictionary<string, int> replies)
    {
        // The copy with threading headers wins (spinics' X-Reference comments, lore's raw headers; mail-archive pages
        // carry none), then the one that reveals the sender's address, then the longer body (mail-archive truncates
        // nothing, spinics masks addresses: both are fine), then the archive's name and the page, so the order the
        // archives were crawled in never picks the subject and author spelling (MessageMergerCopySelectionTests).
        var best = copies
            .OrderByDescending(c => c.References.Count + (c.InReplyTo is null ? 0 : 1))
            .ThenByDescending(c => c.AuthorAddress is null ? 0 : 1)
            .ThenByDescending(c => c.Body.Length)
            .ThenBy(c => c.Links.Count > 0 ? c.Links[0].Archive : "", StringComparer.Ordinal)
            .ThenBy(c => c.Links.Count > 0 ? c.Links[0].Url.AbsoluteUri : "", StringComparer.Ordinal)
            .First();
        var links = copies.SelectMany(c => c.Links).Concat(extraLinks)
            .DistinctBy(l => l.Url.AbsoluteUri)
            .ToList();
        var title = SubjectParser.Parse(best.Subject).Title;
        return best with
        {
            MessageId = id,
            AuthorAddress = copies.Select(c => c.AuthorAddress).FirstOrDefault(a => a is not null),
            Recipient = copies.Select(c => c.Recipient).FirstOrDefault(r => r is not null),
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
