using Harvester.Crawl;
using Harvester.Domain;
using Harvester.Group;
using Harvester.Parse;

namespace Harvester.Check;

/// <summary>
/// <c>harvester check</c> for one spinics or mail-archive archive (issue 16): robots.txt (and its Crawl-delay), the
/// first date index page, then the newest patch mail's page, each request timed at the host's configured pace, each
/// page's fields found or missing. At most <see cref="MaxIndexPages"/> index pages are read to find a patch mail.
/// </summary>
public sealed class ArchiveProbe(string archive, string kind, IProbeFetcher fetcher, IIndexPageParser indexParser, IMessagePageParser messageParser, TimeProvider time)
{
    public const int MaxIndexPages = 3;

    /// <summary>Most message pages asked for on a site when the newest patch mails' pages are not found.</summary>
    public const int MaxMessagePages = 3;

    public async Task<ArchiveCheck> RunAsync(string politeness, CancellationToken cancellationToken)
    {
        var pages = new List<PageProbe>();
        var (robotsPage, rules) = await ProbeSteps.RobotsAsync(fetcher, time, cancellationToken).ConfigureAwait(false);
        pages.Add(robotsPage);
        politeness = ProbeSteps.Politeness(politeness, rules);

        List<IndexEntry> patches = [];
        var indexUrl = new Uri(fetcher.BaseUri, "maillist.html");
        for (var i = 0; i < MaxIndexPages && indexUrl is not null && patches.Count == 0; i++)
        {
            if (!rules.IsAllowed(indexUrl))
            {
                pages.Add(new PageProbe("index", indexUrl, "refused: robots.txt disallows it", TimeSpan.Zero, []));
                return Done(ArchiveVerdict.Unreachable, "robots.txt disallows the date index", pages, politeness);
            }

            var (fetched, elapsed) = await ProbeSteps.TimedAsync(time, () => fetcher.FetchAsync(indexUrl, PageKind.Index, cancellationToken)).ConfigureAwait(false);
            if (ProbeSteps.Unread(fetched) is { } problem)
            {
                pages.Add(new PageProbe("index", indexUrl, problem, elapsed, []));
                return Done(ArchiveVerdict.Unreachable, "date index not read: " + problem, pages, politeness);
            }

            var outcome = indexParser.Parse(archive, indexUrl, fetched.Html!);
            var fields = i == 0 ? FieldReport.Index(outcome, dated: kind == "mail-archive") : [];
            pages.Add(new PageProbe("index", indexUrl, outcome.Succeeded ? "ok" : "layout: " + outcome.Error, elapsed, fields));
            if (!outcome.Succeeded || fields.Any(f => f.Required && !f.Found))
            {
                return Done(ArchiveVerdict.LayoutChanged, "the date index lacks " + Missing(pages), pages, politeness);
            }

            var entries = outcome.Value!.Entries;
            // A patch mail, never the patchwork bot's reply (a candidate too, but not a patch); cover letters last.
            patches = [.. entries.Where(e => CandidateRules.IsCandidate(e.Subject)).OrderBy(e => SubjectParser.Parse(e.Subject).IsCoverLetter).ThenByDescending(e => e.Number)];
            indexUrl = outcome.Value.NextPage;
        }

        if (patches.Count == 0)
        {
            return Done(ArchiveVerdict.LayoutChanged, $"no patch mail on the first {MaxIndexPages} index pages: message fields not checked", pages, politeness);
        }

        // A message page that is not there (a 404, or a captured mirror, which holds only the pages a harvest read) is
        // skipped for the next newest patch mail: a few on a site, any number in a file:// mirror (reading it is free).
        var limit = fetcher.BaseUri.IsFile ? patches.Count : Math.Min(patches.Count, MaxMessagePages);
        for (var tried = 0; ; tried++)
        {
            var patch = patches[tried];
            var (page, messageElapsed) = await ProbeSteps.TimedAsync(time, () => fetcher.FetchAsync(patch.Url, PageKind.Message, cancellationToken)).ConfigureAwait(false);
            if (page.Status == FetchStatus.NotFound && tried + 1 < limit)
            {
                continue;
            }

            var skipped = tried == 0 ? "" : $"; {tried} newer patch mail(s) not found";
            if (ProbeSteps.Unread(page) is { } messageProblem)
            {
                pages.Add(new PageProbe("message", patch.Url, messageProblem, messageElapsed, []));
                return Done(ArchiveVerdict.Unreachable, "newest patch mail not read: " + messageProblem + skipped, pages, politeness);
            }

            var message = messageParser.Parse(new FetchedPage(archive, kind, patch.Url, page.Html!));
            var messageFields = FieldReport.Message(message);
            pages.Add(new PageProbe("message", patch.Url, message.Succeeded ? "ok" : "layout: " + message.Error, messageElapsed, messageFields));
            return messageFields.Any(f => f.Required && !f.Found)
                ? Done(ArchiveVerdict.LayoutChanged, "the newest patch mail's page lacks " + Missing(pages) + skipped, pages, politeness)
                : Done(ArchiveVerdict.Usable, $"index and newest patch mail read ({Short(patch.Subject)}){skipped}", pages, politeness);
        }
    }

    private ArchiveCheck Done(ArchiveVerdict verdict, string summary, List<PageProbe> pages, string politeness) =>
        new(archive, kind, fetcher.BaseUri, verdict, summary, politeness, pages);

    private static string Missing(List<PageProbe> pages) =>
        string.Join(", ", pages.SelectMany(p => p.MissingRequired).Select(f => f.Field).DefaultIfEmpty("a readable page"));

    private static string Short(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
