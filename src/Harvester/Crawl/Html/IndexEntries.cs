using Harvester.Domain;
using Harvester.Parse;

namespace Harvester.Crawl.Html;

/// <summary>
/// What every walk does with an index entry: link it to a message an earlier source gave (no fetch), or read its page;
/// and read a few entries ahead, so the host's second connection slot is used while its rate limit still spaces every
/// request. Only patch mails and cover letters are taken (<see cref="CandidateRules"/>).
/// </summary>
internal sealed class IndexEntries(CrawlRun run, MessagePages pages, LinkMatcher matcher, CrawlStats stats, int lookahead)
{
    public CrawlRun Run => run;

    public MessagePages Pages => pages;

    public HarvestWindow Window => run.Window;

    /// <summary>
    /// The date an archive orders its index by: spinics' X-Date (the first Received header's, spinics.md §2.2) when the
    /// page has it, else the Date. A delayed or mis-dated mail keeps its index place, so walks are steered by this
    /// date; whether a message lies in the window is decided by its Date.
    /// </summary>
    public static DateTimeOffset OrderDate(MailMessage message) => message.ArchivedAt ?? message.Date;

    /// <summary>A candidate entry: its known message (linked, no fetch) or its page read; null for other entries or a failed read.</summary>
    public async Task<MailMessage?> TakeAsync(IndexEntry entry, ReadPurpose purpose, bool needed)
    {
        if (!CandidateRules.IsCandidate(entry))
        {
            return null;
        }

        if (matcher.Match(entry, needed) is { } known)
        {
            run.AddLinkMatch(new LinkMatch(known.MessageId, new ArchiveLink(run.Archive, entry.Url)));
            stats.CountSaved();
            return known;
        }

        return await pages.ReadAsync(entry.Url, purpose, needed).ConfigureAwait(false);
    }

    /// <summary>The known message an entry matches, without linking it (a date to steer by).</summary>
    public MailMessage? Known(IndexEntry entry) => matcher.Match(entry, needed: false);

    /// <summary>How many entries a walk reads ahead of the one it takes.</summary>
    public int Lookahead => lookahead;

    /// <summary>Starts reading an entry's page ahead of the walk, unless it is no candidate or a known message stands in for it.</summary>
    public void ReadAhead(IndexEntry entry, ReadPurpose purpose, bool needed)
    {
        if (CandidateRules.IsCandidate(entry) && matcher.Match(entry, needed) is null)
        {
            pages.ReadAhead(entry.Url, purpose);
        }
    }
}
