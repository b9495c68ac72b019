using Harvester.Domain;

namespace Harvester.Filter;

/// <summary>
/// Decides whether a patch series belongs in the newsletter's BPF/XDP section. A series is relevant when its cover
/// letter or any part is, by tree prefix, subject word, a changed file in a BPF/XDP MAINTAINERS section (or a driver
/// file named for xdp/xsk), or a word of the commit message; then the whole series is listed. Replies and pull
/// requests never count. Every decision carries its reasons (<c>tree: bpf-next</c>, <c>subject: xdp</c>,
/// <c>diffstat: net/core/filter.c</c>, <c>body: xdp</c>), grouped in that order, each once.
/// </summary>
public sealed class RelevanceFilter
{
    private readonly FilterOptions options;
    private readonly MaintainersPatterns patterns;
    private readonly WordMatcher subjectWords;
    private readonly WordMatcher bodyWords;
    private readonly List<string> subjectExclusions;
    private readonly HashSet<string> trees;

    public RelevanceFilter(FilterOptions options, MaintainersPatterns patterns)
    {
        this.options = options;
        this.patterns = patterns;
        subjectWords = new WordMatcher(options.Words);
        subjectExclusions = options.SubjectExclusions.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        bodyWords = new WordMatcher(options.BodyWords);
        trees = new HashSet<string>(options.Trees, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The verdict on <paramref name="series"/>, with its reasons.</summary>
    public SeriesDecision Decide(PatchSeries series)
    {
        var found = new Reasons();
        var exclusions = new List<string>();
        foreach (var part in series.AllParts())
        {
            if (options.ExcludePullRequests && part.Subject.IsPullRequest)
            {
                exclusions.Add("excluded: pull request");
                continue;
            }

            if (options.ExcludeReplies && part.Subject.IsReply)
            {
                exclusions.Add("excluded: reply");
                continue;
            }

            Examine(part, found);
        }

        if (options.ExcludePullRequests && series.Head.Subject.IsPullRequest)
        {
            return new SeriesDecision(series, false, exclusions.Distinct().ToList());
        }

        if (found.Any)
        {
            return new SeriesDecision(series, true, found.Ordered());
        }

        var why = exclusions.Concat(options.ExplainNearMisses ? found.NearMisses : []).Distinct().ToList();
        return new SeriesDecision(series, false, why);
    }

    private void Examine(SeriesPart part, Reasons found)
    {
        foreach (var prefix in part.Subject.Prefixes.Where(trees.Contains))
        {
            found.Trees.Add("tree: " + prefix.ToLowerInvariant());
        }

        var title = part.Subject.Title;
        foreach (var phrase in subjectExclusions.Where(p => title.Contains(p, StringComparison.OrdinalIgnoreCase)))
        {
            title = title.Replace(phrase, " ", StringComparison.OrdinalIgnoreCase);
            found.NearMisses.AddRange(subjectWords.FindAll(phrase).Select(w => $"near miss: {w} only in \"{phrase}\""));
        }

        found.Subjects.AddRange(subjectWords.FindAll(title).Select(w => "subject: " + w));
        var body = part.Message.Body;
        if (options.UseDiffstat)
        {
            found.Files.AddRange(Diffstat.Parse(body).Paths.Where(IsBpfFile).Select(p => "diffstat: " + p));
        }

        var lines = CommitMessage.Classify(body, options.TrailerKeys);
        var inMessage = bodyWords.FindAll(CommitMessage.Text(lines));
        found.Bodies.AddRange(inMessage.Select(w => "body: " + w));
        foreach (var line in lines.Where(l => l.Region != BodyRegion.Message))
        {
            var where = line.Region switch
            {
                BodyRegion.Trailer => line.Key!,
                BodyRegion.Quoted => "quoted text",
                _ => "the diff",
            };
            found.NearMisses.AddRange(bodyWords.FindAll(line.Text).Where(w => !inMessage.Contains(w))
                .Select(w => $"near miss: {w} only in {where}"));
        }
    }

    private bool IsBpfFile(string path)
    {
        if (patterns.Match(path, options.MatchShortenedPaths) is not null)
        {
            return true;
        }

        // Driver files named for XDP or AF_XDP (ice_xsk.c, mlx5 en/xsk/rx.c) that no MAINTAINERS glob reaches;
        // a shortened path's prefix is unknown, so its own segments are looked at (fixture relevant/xsk-driver-file).
        var shortened = path.StartsWith(".../", StringComparison.Ordinal);
        if (!shortened && !options.DriverPaths.Any(d => path.StartsWith(d, StringComparison.Ordinal)))
        {
            return false;
        }

        var segments = path.Split('/');
        return segments.Any(s => options.DriverFileWords.Any(w => s.Contains(w, StringComparison.OrdinalIgnoreCase)));
    }

    private sealed class Reasons
    {
        public List<string> Trees { get; } = [];

        public List<string> Subjects { get; } = [];

        public List<string> Files { get; } = [];

        public List<string> Bodies { get; } = [];

        public List<string> NearMisses { get; } = [];

        public bool Any => Trees.Count + Subjects.Count + Files.Count + Bodies.Count > 0;

        public IReadOnlyList<string> Ordered() =>
            Trees.Concat(Subjects).Concat(Files.Where(f => !IsResolvedElsewhere(f))).Concat(Bodies).Distinct().ToList();

        // A cover's ".../selftests/bpf/x.c" whose part names the full path (create mode line) is said once, in full
        // (fixture relevant/shortened-selftests-tunnel).
        private bool IsResolvedElsewhere(string reason)
        {
            const string shortened = "diffstat: ...";
            return reason.StartsWith(shortened, StringComparison.Ordinal)
                && Files.Any(f => !f.StartsWith(shortened, StringComparison.Ordinal) && f.EndsWith(reason[shortened.Length..], StringComparison.Ordinal));
        }
    }
}
