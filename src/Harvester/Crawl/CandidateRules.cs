using Harvester.Group;
using Harvester.Parse;

namespace Harvester.Crawl;

/// <summary>Which index entries are worth a fetch: patch mails and cover letters, never replies or pull requests.</summary>
public static class CandidateRules
{
    public static bool IsCandidate(IndexEntry entry) => IsCandidate(entry.Subject);

    /// <summary>The same rule on a subject (a public-inbox source keeps only these of the mails it reads).</summary>
    public static bool IsCandidate(string subject)
    {
        var parsed = SubjectParser.Parse(subject);
        return parsed.IsPatch && !parsed.IsReply && !parsed.IsPullRequest;
    }
}
