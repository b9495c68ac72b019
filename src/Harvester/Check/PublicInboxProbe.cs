using Harvester.Crawl;
using Harvester.Crawl.PublicInbox;
using Harvester.Domain;
using Harvester.Group;
using Harvester.Parse;

namespace Harvester.Check;

/// <summary>
/// <c>harvester check</c> for one public-inbox archive (lore.kernel.org; issue 16): robots.txt, the search the source
/// sends (<see cref="WindowQuery"/>, POST <c>?q=d:YESTERDAY..TODAY&amp;x=m</c>) for the last day (the last week when that
/// day had no mail), then the newest patch
/// mail of its answer as one message (<c>&lt;list&gt;/&lt;message-id&gt;/raw</c>), each request timed, each answer's
/// fields found or missing. An Anubis proof-of-work page is named as such (archive-html/lore.md "Being a good client").
/// </summary>
public sealed class PublicInboxProbe(string archive, IInboxProbeFetcher fetcher, PublicInboxOptions options, TimeProvider time)
{
    public const string Mails = "mails";
    public const string PatchMails = "patch mails";

    /// <summary>How far back the search goes when the last day had no mail.</summary>
    public const int WidenedDays = 7;

    public async Task<ArchiveCheck> RunAsync(string politeness, CancellationToken cancellationToken)
    {
        var pages = new List<PageProbe>();
        var (robotsPage, rules) = await ProbeSteps.RobotsAsync(fetcher, time, cancellationToken).ConfigureAwait(false);
        pages.Add(robotsPage);
        politeness = ProbeSteps.Politeness(politeness, rules);

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var query = new WindowQuery(today.AddDays(-1), today);
        var (found, elapsed) = await ProbeSteps.TimedAsync(time, () => fetcher.SearchAsync(query, cancellationToken)).ConfigureAwait(false);
        if (found.Status == FetchStatus.NotFound)
        {
            // A quiet day (a weekend, a merge window) says nothing about the layout: widen to a week so that one mail
            // is still checked. netdev and bpf carry hundreds of mails a week, so a week without one means the search
            // no longer reads as it did (Process/CheckProcessTests).
            pages.Add(new PageProbe("query", found.Url, "no match: no mail on those days", elapsed, [new FieldCheck(Mails, false, false, "0 mails")]));
            query = new WindowQuery(today.AddDays(-WidenedDays), today);
            (found, elapsed) = await ProbeSteps.TimedAsync(time, () => fetcher.SearchAsync(query, cancellationToken)).ConfigureAwait(false);
            if (found.Status == FetchStatus.NotFound)
            {
                pages.Add(new PageProbe("query", found.Url, $"no match: no mail in {WidenedDays} days", elapsed, [new FieldCheck(Mails, false, true, "0 mails")]));
                return Done(ArchiveVerdict.LayoutChanged, $"the search found no mail in the last {WidenedDays} days ({query.Text}): its query form may have changed; message not checked", pages, politeness);
            }
        }

        if (!found.Answered)
        {
            var problem = found.Challenged || found.Status == FetchStatus.Blocked ? "challenge: " + found.Error : $"{found.Status.ToString().ToLowerInvariant()}: {found.Error}";
            pages.Add(new PageProbe("query", found.Url, problem, elapsed, []));
            return Done(ArchiveVerdict.Unreachable, "the last day's search not read: " + problem, pages, politeness);
        }

        var read = MboxReader.Read(found.Content!, archive, fetcher.BaseUri, options.MaxUnpackedBytes, options.MaxMailBytes);
        var candidates = read.Messages.Where(m => CandidateRules.IsCandidate(m.Subject)).ToList();
        var queryFields = new List<FieldCheck>
        {
            new(Mails, read.Messages.Count > 0, true, read.Failed ? string.Join("; ", read.Problems) : $"{read.Messages.Count} mails ({query.Text})"),
            new(PatchMails, candidates.Count > 0, false, $"{candidates.Count} patch mails or cover letters"),
        };
        pages.Add(new PageProbe("query", found.Url, read.Failed ? "layout: not an mbox" : "ok", elapsed, queryFields));
        if (read.Messages.Count == 0)
        {
            return Done(ArchiveVerdict.LayoutChanged, "the search answered but gave no readable mail: " + string.Join("; ", read.Problems.DefaultIfEmpty("empty")), pages, politeness);
        }

        var newest = candidates.Where(m => !SubjectParser.Parse(m.Subject).IsCoverLetter).MaxBy(m => m.Date)
            ?? candidates.MaxBy(m => m.Date)
            ?? read.Messages.MaxBy(m => m.Date)!;
        var rawUrl = PublicInboxLinks.Raw(fetcher.BaseUri, newest.MessageId);
        var (raw, rawElapsed) = await ProbeSteps.TimedAsync(time, () => fetcher.FetchAsync(rawUrl, PageKind.Raw, cancellationToken)).ConfigureAwait(false);
        if (ProbeSteps.Unread(raw) is { } rawProblem)
        {
            pages.Add(new PageProbe("message", rawUrl, rawProblem, rawElapsed, []));
            return Done(ArchiveVerdict.Unreachable, "one message (/raw) not read: " + rawProblem, pages, politeness);
        }

        var mail = MboxReader.Read(System.Text.Encoding.UTF8.GetBytes(raw.Html!), archive, fetcher.BaseUri, options.MaxUnpackedBytes, options.MaxMailBytes);
        var outcome = mail.Messages.Count > 0
            ? ParseOutcome<MailMessage>.Ok(mail.Messages[0])
            : ParseOutcome<MailMessage>.Fail(string.Join("; ", mail.Problems.DefaultIfEmpty("no mail in the answer")));
        var fields = FieldReport.Message(outcome);
        pages.Add(new PageProbe("message", rawUrl, outcome.Succeeded ? "ok" : "layout: " + outcome.Error, rawElapsed, fields));
        return fields.Any(f => f.Required && !f.Found)
            ? Done(ArchiveVerdict.LayoutChanged, "the raw mail lacks " + string.Join(", ", fields.Where(f => f.Required && !f.Found).Select(f => f.Field)), pages, politeness)
            : Done(ArchiveVerdict.Usable, $"the {(pages.Count(p => p.Page == "query") > 1 ? $"last {WidenedDays} days'" : "last day's")} search ({read.Messages.Count} mails) and one raw mail read", pages, politeness);
    }

    private ArchiveCheck Done(ArchiveVerdict verdict, string summary, List<PageProbe> pages, string politeness) =>
        new(archive, ArchiveKinds.PublicInbox, fetcher.BaseUri, verdict, summary, politeness, pages);
}
