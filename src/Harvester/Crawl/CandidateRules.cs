using Harvester.Group;
using Harvester.Parse;

namespace Harvester.Crawl;

/// <summary>Which index entries are worth a fetch: patch mails and cover letters, never replies or pull requests.</summary>
public static class CandidateRules
{
    public static bool IsCandidate(IndexEntry entry)
    {
        var subject = SubjectParser.Parse(entry.Subject);
        return subject.IsPatch && !subject.IsReply && !subject.IsPullRequest;
    }
}
