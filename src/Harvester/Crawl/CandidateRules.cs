using Harvester.Domain;
using Harvester.Group;
using Harvester.Parse;

namespace Harvester.Crawl;

/// <summary>
/// Which mails are worth a fetch (an index entry) or a place in the run (a public-inbox mail): patch mails and cover
/// letters, and the patchwork bot's replies (they say what got applied); never other replies or pull requests.
/// </summary>
public static class CandidateRules
{
    public static bool IsCandidate(IndexEntry entry) => IsCandidate(entry.Subject) || IsBotReply(entry);

    /// <summary>A mail a public-inbox source read: the same rule, the bot known by its name or its address.</summary>
    public static bool IsCandidate(MailMessage message) =>
        IsCandidate(message.Subject) || AppliedMatcher.IsBotReply(message.Subject, message.Author, message.AuthorAddress);

    /// <summary>The rule on a subject alone: a patch mail or cover letter, not a reply, not a pull request.</summary>
    public static bool IsCandidate(string subject)
    {
        var parsed = SubjectParser.Parse(subject);
        return parsed.IsPatch && !parsed.IsReply && !parsed.IsPullRequest;
    }

    /// <summary>
    /// The patchwork bot's "applied" reply: a <c>Re:</c> from <c>patchwork-bot+netdevbpf@kernel.org</c>, recognised by
    /// its sender in any form the indexes show it (<see cref="AppliedMatcher.IsBotReply"/>; patchwork-bot.md). People's
    /// replies with the same subject are not fetched (EndToEnd/SectionsWeekTests). Nor are its replies to pull requests
    /// (<c>Re: pull-request: bpf-next …</c>, "This pull request was applied to …"): the pull request is listed from its own
    /// mail and such a reply is no series (EndToEnd/ExplainAppliedTests).
    /// </summary>
    public static bool IsBotReply(IndexEntry entry) =>
        AppliedMatcher.IsBotReply(entry.Subject, entry.Author) && !SubjectParser.Parse(entry.Subject).IsPullRequest;
}
