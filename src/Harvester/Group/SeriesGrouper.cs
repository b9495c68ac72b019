using Harvester.Domain;

namespace Harvester.Group;

/// <summary>
/// The Group stage: turns merged messages (one per Message-ID) into patch series and a list of pull requests, in the
/// manner of Patchwork's <c>find_series</c> and b4's <c>LoreMailbox</c>. Steps, each a small rule:
/// <see cref="PatchMailRules"/> (what can be a patch), <see cref="SeriesAssigner"/> (thread, then time box),
/// <see cref="ResendRule"/> (identical resends once), <see cref="RevisionRule"/> (older revisions superseded).
/// The output is ordered by series date, then Id, whatever the input order.
/// </summary>
public sealed class SeriesGrouper
{
    private readonly GroupOptions options;

    public SeriesGrouper()
        : this(new GroupOptions())
    {
    }

    public SeriesGrouper(GroupOptions options)
    {
        this.options = options;
    }

    public GroupResult Group(IReadOnlyList<MailMessage> messages)
    {
        var candidates = new List<Candidate>();
        var pulls = new List<MailMessage>();
        var authorKeys = new Dictionary<string, string>(StringComparer.Ordinal); // a week has a few hundred senders
        foreach (var message in messages)
        {
            var subject = SubjectParser.Parse(message.Subject);
            switch (PatchMailRules.Classify(message, subject))
            {
                case MailKind.Patch:
                    if (!authorKeys.TryGetValue(message.Author, out var key))
                    {
                        authorKeys[message.Author] = key = AuthorName.Key(message.Author);
                    }

                    candidates.Add(new Candidate(message, subject, key));
                    break;
                case MailKind.PullRequest:
                    pulls.Add(message);
                    break;
            }
        }

        candidates.Sort(Candidate.CompareByDate);
        var window = TimeSpan.FromMinutes(options.UnthreadedWindowMinutes);
        var drafts = ResendRule.KeepNewestCopies(SeriesAssigner.Assign(candidates, window));
        var series = RevisionRule.Apply(drafts.Select(d => (d, d.ToSeries())).ToList(), options.KeepSupersededRevisions)
            .OrderBy(s => s.Date).ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
        var orderedPulls = pulls.OrderBy(m => m.Date).ThenBy(m => m.MessageId, StringComparer.Ordinal).ToList();
        return new GroupResult(series, orderedPulls);
    }
}
