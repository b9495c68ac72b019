using Harvester.Crawl;
using Harvester.Domain;
using Harvester.Group;
using Harvester.Parse;

namespace Harvester.Merge;

/// <summary>
/// The window's pull requests, one per mail (this is the only place they are de-duplicated): the ones read as pages
/// (rare: Crawl never fetches them) and the ones the indexes showed, folded by subject across archives.
/// <para>
/// A pull request's day is its own: the Date of its page when read, else the day a dated index (mail-archive) files it
/// under. Spinics' index carries no dates; a pull request only spinics shows has no day (null). It is in the window
/// when its number lies among the window's messages on that archive; the date of the neighbouring message is never
/// taken for its own (that gave pull requests dates weeks to months off: a real 2019-05-09 pull request came out
/// dated 2018-10-16; <c>PullRequestSightingsTests.Find_SpinicsOnly_HasNoDayNotANeighbours</c>).
/// </para>
/// </summary>
public static class PullRequestSightings
{
    public static IReadOnlyList<PullRequest> Find(IEnumerable<SourceResult> crawls, IReadOnlyList<MailMessage> messages, IEnumerable<MailMessage> fetchedPulls, HarvestWindow window)
    {
        var firstDay = DateOnly.FromDateTime(window.From.UtcDateTime);
        var lastDay = DateOnly.FromDateTime(window.To.UtcDateTime.AddTicks(-1));
        var sightings = new List<Sighting>();
        foreach (var pull in fetchedPulls)
        {
            sightings.Add(new Sighting(pull.Subject, pull.Author, pull.MessageId, DateOnly.FromDateTime(pull.Date.UtcDateTime), pull.Links, window.Contains(pull.Date)));
        }

        foreach (var crawl in crawls)
        {
            var numbers = messages
                .Where(m => window.Contains(m.Date))
                .SelectMany(m => m.Links.Where(l => l.Archive == crawl.Archive))
                .Select(l => Number(l.Url))
                .OfType<long>()
                .ToList();
            foreach (var entry in crawl.Entries.Where(IsPullRequest).DistinctBy(e => e.Number))
            {
                var inWindow = entry.Day is { } day
                    ? day >= firstDay && day <= lastDay
                    : numbers.Count > 0 && entry.Number >= numbers.Min() && entry.Number <= numbers.Max();
                sightings.Add(new Sighting(entry.Subject, entry.Author, null, entry.Day, [new ArchiveLink(crawl.Archive, entry.Url)], inWindow));
            }
        }

        return sightings
            .GroupBy(s => Key(s.Subject), StringComparer.Ordinal)
            .Select(Fold)
            .OfType<PullRequest>()
            .OrderBy(p => p.Day ?? DateOnly.MaxValue)
            .ThenBy(p => p.Subject, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// One mail's sightings into one pull request: the read page's day wins over an index's; in the window when the best
    /// dated sighting says so (an undated one only when nothing dates it).
    /// </summary>
    private static PullRequest? Fold(IEnumerable<Sighting> group)
    {
        var all = group.ToList();
        var best = all.FirstOrDefault(s => s.MessageId is not null) ?? all.FirstOrDefault(s => s.Day is not null) ?? all[0];
        if (!best.InWindow)
        {
            return null;
        }

        return new PullRequest
        {
            Subject = best.Subject,
            Author = AuthorName.Cleanest(all.Select(s => s.Author)),
            MessageId = best.MessageId,
            Day = best.Day,
            Links = [.. all.SelectMany(s => s.Links).DistinctBy(l => l.Url.AbsoluteUri)],
        };
    }

    /// <summary>Subjects compare with whitespace collapsed, case-insensitively (both archives show the same subject).</summary>
    private static string Key(string subject) => Whitespace.Collapse(subject).ToLowerInvariant();

    private static bool IsPullRequest(IndexEntry entry) => SubjectParser.Parse(entry.Subject) is { IsPullRequest: true, IsReply: false };

    private static long? Number(Uri url) => MhonarcPage.TryNumber(url.AbsolutePath, out var number) ? number : null;

    private sealed record Sighting(string Subject, string Author, string? MessageId, DateOnly? Day, IReadOnlyList<ArchiveLink> Links, bool InWindow);
}
