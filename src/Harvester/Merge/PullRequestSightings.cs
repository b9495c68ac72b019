using Harvester.Crawl;
using Harvester.Domain;
using Harvester.Group;

namespace Harvester.Merge;

/// <summary>
/// The pull requests the indexes showed in the window. They are listed in JSON only and never fetched (they cost no
/// request), so their Message-ID is unknown (empty) and their date is the index's day (mail-archive) or, on spinics'
/// undated index, the date of the window message numbered nearest to them.
/// </summary>
public static class PullRequestSightings
{
    public static IReadOnlyList<MailMessage> Find(IEnumerable<SourceResult> crawls, IReadOnlyList<MailMessage> messages, HarvestWindow window)
    {
        var sightings = new List<MailMessage>();
        foreach (var crawl in crawls)
        {
            var numbered = messages
                .SelectMany(m => m.Links.Where(l => l.Archive == crawl.Archive).Select(l => (Number: Number(l.Url), m.Date)))
                .Where(n => n.Number is not null)
                .ToList();
            foreach (var entry in crawl.Entries.Where(IsPullRequest).DistinctBy(e => e.Number))
            {
                DateTimeOffset? date = entry.Day is { } day
                    ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
                    : numbered.Count > 0 && entry.Number >= numbered.Min(n => n.Number) && entry.Number <= numbered.Max(n => n.Number)
                        ? numbered.MinBy(n => Math.Abs(n.Number!.Value - entry.Number)).Date
                        : null;
                if (date is { } seen && seen < window.To && seen >= window.From.UtcDateTime.Date)
                {
                    sightings.Add(new MailMessage
                    {
                        MessageId = "",
                        Subject = entry.Subject,
                        Author = entry.Author,
                        Date = seen,
                        Links = [new ArchiveLink(crawl.Archive, entry.Url)],
                    });
                }
            }
        }

        return sightings
            .GroupBy(s => (s.Subject, AuthorName.Key(s.Author)))
            .Select(g => g.First() with { Links = [.. g.SelectMany(s => s.Links)] })
            .ToList();
    }

    private static bool IsPullRequest(Parse.IndexEntry entry) => SubjectParser.Parse(entry.Subject) is { IsPullRequest: true, IsReply: false };

    private static long? Number(Uri url) => Parse.MhonarcPage.TryNumber(url.AbsolutePath, out var number) ? number : null;
}
