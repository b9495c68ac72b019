using Harvester.Group;
using Harvester.Parse;

namespace Harvester.Crawl;

/// <summary>
/// Which index entries are worth a fetch: patch mails and cover letters, and the patchwork bot's replies (they say what
/// got applied); never other replies or pull requests.
/// </summary>
public static class CandidateRules
{
    public static bool IsCandidate(IndexEntry entry)
    {
        var subject = SubjectParser.Parse(entry.Subject);
        return (subject.IsPatch && !subject.IsReply && !subject.IsPullRequest) || IsBotReply(entry);
    }

    /// <summary>
    /// The patchwork bot's "applied" reply: a <c>Re:</c> from <c>patchwork-bot+netdevbpf@kernel.org</c>, recognised by
    /// its sender in any form the indexes show it (<see cref="AuthorName.IsPatchworkBot"/>; patchwork-bot.md). People's
    /// replies with the same subject are not fetched (EndToEnd/SectionsWeekTests).
    /// </summary>
    public static bool IsBotReply(IndexEntry entry) =>
        SubjectParser.Parse(entry.Subject).IsReply && AuthorName.IsPatchworkBot(entry.Author);
}
