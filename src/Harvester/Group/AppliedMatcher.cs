using Harvester.Domain;
using Harvester.Parse;

namespace Harvester.Group;

/// <summary>
/// Turns the patchwork bot's replies of the window into <see cref="AppliedNotice"/>s and matches each to the series of
/// this harvest it answers. The bot answers the cover letter, or the patch itself when single (patchwork-bot.md), so:
/// <list type="number">
/// <item>In-Reply-To (else the closest References) is the cover letter or a part of a series: that series.</item>
/// <item>Else the reply's subject without <c>Re:</c> is a series' cover or first-part subject (whitespace and case
/// aside; archives that drop threading headers): that series, the newest one when several share it.</item>
/// <item>Else none: the series is older than the window, or not in this output.</item>
/// </list>
/// A reply whose body has no series' or patch's "was applied to" line is not a notice: it is left out and said so
/// (<see cref="SkipReason"/>). Covered by <c>AppliedMatcherTests</c>.
/// </summary>
public static class AppliedMatcher
{
    /// <summary>The bot's replies among the messages: a <c>Re:</c> from the patchwork bot, in any sender form.</summary>
    public static bool IsBotReply(MailMessage message) => IsBotReply(message.Subject, message.Author, message.AuthorAddress);

    /// <summary>
    /// The one rule for the bot's replies, used by Crawl too (index entries, public-inbox mails): a <c>Re:</c> subject
    /// from the patchwork bot in any sender form the archives show (<see cref="AuthorName.IsPatchworkBot"/>).
    /// </summary>
    public static bool IsBotReply(string subject, string? sender, string? address = null) =>
        SubjectParser.Parse(subject).IsReply && (AuthorName.IsPatchworkBot(sender) || AuthorName.IsPatchworkBot(address));

    public static AppliedResult Match(IEnumerable<MailMessage> botReplies, IReadOnlyList<PatchSeries> series)
    {
        var byMessage = new Dictionary<string, PatchSeries>(StringComparer.Ordinal);
        var bySubject = new Dictionary<string, PatchSeries>(StringComparer.Ordinal);
        foreach (var s in series.OrderBy(s => s.Date))
        {
            foreach (var part in s.AllParts())
            {
                byMessage.TryAdd(part.Message.MessageId, s);
            }

            bySubject[Key(s.Head.Message.Subject)] = s; // the newest wins
        }

        var notices = new List<AppliedNotice>();
        var skipped = new List<(MailMessage Reply, string Reason)>();
        foreach (var reply in botReplies.OrderBy(r => r.Date).ThenBy(r => r.MessageId, StringComparer.Ordinal))
        {
            if (PatchworkBotReply.Parse(reply.Body) is not { } body)
            {
                skipped.Add((reply, SkipReason(reply)));
                continue;
            }

            var (matched, how) = Find(reply, byMessage, bySubject);
            notices.Add(new AppliedNotice
            {
                Subject = reply.Subject,
                Date = reply.Date,
                To = body.To,
                Recipient = reply.Recipient,
                IsSeries = body.IsSeries,
                InReplyTo = reply.InReplyTo ?? reply.AncestorsClosestFirst().FirstOrDefault(),
                SeriesId = matched?.Id,
                Match = how,
                Commits = body.Commits,
                Links = reply.Links,
            });
        }

        return new AppliedResult(notices, skipped);
    }

    /// <summary>
    /// Why a bot reply is no notice. The bot also answers pull requests (<see cref="PatchworkBotReply.PullRequestLine"/>).
    /// The HTML crawl leaves those unfetched (their index subject says <c>Re: pull-request:</c>, CandidateRules), but lore
    /// delivers every mail of the window, so the reason says what the reply is rather than that a body lacks an applied
    /// line. Covered by <c>AppliedMatcherTests.Match_ReplyToAPullRequest_SkippedAsAPullRequestReply</c>.
    /// </summary>
    private static string SkipReason(MailMessage reply)
    {
        if (PatchworkBotReply.PullRequestLine(reply.Body) is { } applied)
        {
            return $"a reply to a pull request (\"{applied}\"), not a series: the pull request is listed under Pull requests from its own mail";
        }

        return SubjectParser.Parse(reply.Subject).IsPullRequest
            ? "a reply to a pull request, not a series, and its body has no \"was applied to\" line"
            : "its body has no \"was applied to\" line";
    }

    private static (PatchSeries? Series, string How) Find(MailMessage reply, Dictionary<string, PatchSeries> byMessage, Dictionary<string, PatchSeries> bySubject)
    {
        foreach (var ancestor in reply.AncestorsClosestFirst())
        {
            if (byMessage.TryGetValue(ancestor, out var s))
            {
                return (s, $"In-Reply-To <{ancestor}> is {(s.Cover?.Message.MessageId == ancestor ? "the cover letter" : "a part")} of series {s.Id}");
            }
        }

        if (bySubject.TryGetValue(Key(reply.Subject), out var bySubjectMatch))
        {
            return (bySubjectMatch, $"its subject is series {bySubjectMatch.Id}'s (no In-Reply-To of this output)");
        }

        var parent = reply.InReplyTo ?? reply.AncestorsClosestFirst().FirstOrDefault();
        return (null, parent is null
            ? "no In-Reply-To and no series of this output has its subject"
            : $"In-Reply-To <{parent}> is no series of this output (an older series, or one left out) and no series has its subject");
    }

    /// <summary>A subject without reply markers, whitespace collapsed, case folded.</summary>
    private static string Key(string subject)
    {
        var s = Whitespace.Collapse(subject);
        while (true)
        {
            var trimmed = ReplyMarker(s);
            if (trimmed == s)
            {
                return s.ToLowerInvariant();
            }

            s = trimmed;
        }
    }

    private static string ReplyMarker(string s)
    {
        foreach (var marker in (string[])["Re:", "RE:", "re:", "Aw:", "AW:"])
        {
            if (s.StartsWith(marker, StringComparison.Ordinal))
            {
                return s[marker.Length..].TrimStart();
            }
        }

        return s;
    }
}

/// <summary>The bot's replies read as notices, and the ones that were not (with why).</summary>
public sealed record AppliedResult(IReadOnlyList<AppliedNotice> Notices, IReadOnlyList<(MailMessage Reply, string Reason)> Skipped);
