using Harvester.Domain;
using Harvester.Group;

namespace Harvester.Filter;

/// <summary>
/// Which bot replies belong in the newsletter, and which series ids the output may name:
/// <list type="bullet">
/// <item>A reply matched to a series of the output keeps its id; it is listed when that series is relevant.</item>
/// <item>A reply matched to a series the output leaves out (not BPF/XDP) names none, and is not listed.</item>
/// <item>A reply matched to no series (an older series) is listed when it went to a BPF tree (<c>bpf/…</c>) or the
/// relevance filter keeps its subject (tree prefix, subject words) alone.</item>
/// </list>
/// Covered by <c>AppliedRelevanceTests</c>.
/// </summary>
public sealed class AppliedRelevance(RelevanceFilter filter)
{
    public IReadOnlyList<AppliedNotice> Decide(IReadOnlyList<AppliedNotice> notices, IReadOnlyList<SeriesDecision> all, IReadOnlyCollection<SeriesDecision> output)
    {
        var decisions = all.ToDictionary(d => d.Series.Id, StringComparer.Ordinal);
        var inOutput = output.Select(d => d.Series.Id).ToHashSet(StringComparer.Ordinal);
        return notices.Select(n => n.SeriesId is { } id && decisions.TryGetValue(id, out var decision)
                ? inOutput.Contains(id)
                    ? n with { Listed = decision.Relevant }
                    : n with { SeriesId = null, Listed = false, Match = n.Match + $"; that series is left out of this output ({(decision.Relevant ? "not listed" : "not BPF/XDP")})" }
                : n with { Listed = n.To.Tree.StartsWith("bpf/", StringComparison.OrdinalIgnoreCase) || SubjectAlone(n) })
            .ToList();
    }

    /// <summary>The relevance filter on the original subject alone (the reply's, without <c>Re:</c>): its body is the bot's.</summary>
    private bool SubjectAlone(AppliedNotice notice)
    {
        var message = new MailMessage { MessageId = "applied", Subject = Strip(notice.Subject), Author = "", Date = notice.Date, Links = [] };
        var part = new SeriesPart(message, SubjectParser.Parse(message.Subject));
        var series = new PatchSeries { Id = "applied", Author = "", Version = part.Subject.Version, Total = part.Subject.Total, Patches = [part] };
        return filter.Decide(series).Relevant;
    }

    private static string Strip(string subject)
    {
        var s = subject.TrimStart();
        while (s.StartsWith("Re:", StringComparison.OrdinalIgnoreCase) || s.StartsWith("Aw:", StringComparison.OrdinalIgnoreCase))
        {
            s = s[3..].TrimStart();
        }

        return s;
    }
}
