using Harvester.Domain;

namespace Harvester.Parse;

/// <summary>An archive whose pages stopped giving the fields the pipeline needs: its layout seems to have changed.</summary>
/// <param name="PageKind"><c>index</c> or <c>message</c>.</param>
public sealed record LayoutDrift(string Archive, string PageKind, IReadOnlyList<string> Missing, int PagesMissing, int PagesRead, Uri Example)
{
    /// <summary>The one error the run reports for the archive: what is missing, and how to capture pages.</summary>
    public string Describe() =>
        $"{Archive}: its page layout seems to have changed, the archive was stopped: {PageKind} pages lack {string.Join(", ", Missing)} "
        + $"({PagesMissing} of {PagesRead} read, e.g. {Example.AbsoluteUri}). Run `harvester check` to see every field; capture the pages "
        + $"for a bug report with `harvester cache export DIR --archive {Archive}` (fixtures/README.md says how they become a fixture).";
}

/// <summary>
/// Watches every page parse of a run, per archive, and says when an archive's layout has drifted (issue 16): an index
/// page with no entries, or message pages lacking a required field several in a row or in a clear share
/// (<see cref="DriftOptions"/>). A page counts once, however often it is read. Thread-safe: reads run concurrently.
/// </summary>
public sealed class LayoutWatch(DriftOptions options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ArchiveState> _archives = new(StringComparer.OrdinalIgnoreCase);

    public LayoutWatch()
        : this(new DriftOptions())
    {
    }

    /// <summary>Records a message page's parse.</summary>
    public void Message(string archive, Uri url, ParseOutcome<MailMessage> outcome)
    {
        lock (_gate)
        {
            var state = State(archive);
            if (state.Drift is not null || !state.Seen.Add(url))
            {
                return;
            }

            state.Read++;
            if (outcome.Missing.Count == 0)
            {
                state.Consecutive = 0;
                return;
            }

            state.Consecutive++;
            state.MissingPages++;
            state.Example ??= url;
            foreach (var field in outcome.Missing)
            {
                state.Fields.TryAdd(field, 0);
                state.Fields[field]++;
            }

            if (state.Consecutive >= options.ConsecutiveMissing
                || (state.MissingPages >= options.MinimumMissing && state.MissingPages >= options.MissingShare * state.Read))
            {
                state.Drift = new LayoutDrift(archive, "message", [.. state.Fields.Keys], state.MissingPages, state.Read, state.Example);
            }
        }
    }

    /// <summary>Records an index page's parse: one with no entries is drift at once (a live list's index is never empty).</summary>
    public void Index(string archive, Uri url, ParseOutcome<IndexPage> outcome)
    {
        if (outcome.Missing.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            var state = State(archive);
            state.Drift ??= new LayoutDrift(archive, "index", outcome.Missing, 1, 1, url);
        }
    }

    /// <summary>The archive's drift, once decided (it stays decided for the run); null while its pages read well.</summary>
    public LayoutDrift? DriftOf(string archive)
    {
        lock (_gate)
        {
            return _archives.TryGetValue(archive, out var state) ? state.Drift : null;
        }
    }

    private ArchiveState State(string archive)
    {
        if (!_archives.TryGetValue(archive, out var state))
        {
            state = new ArchiveState();
            _archives[archive] = state;
        }

        return state;
    }

    private sealed class ArchiveState
    {
        public HashSet<Uri> Seen { get; } = [];

        /// <summary>Fields missing, in the order first seen, with how many pages lacked each.</summary>
        public Dictionary<string, int> Fields { get; } = [];

        public int Read { get; set; }

        public int MissingPages { get; set; }

        public int Consecutive { get; set; }

        public Uri? Example { get; set; }

        public LayoutDrift? Drift { get; set; }
    }
}

/// <summary>An index parser whose every parse is shown to the run's <see cref="LayoutWatch"/>.</summary>
public sealed class WatchedIndexParser(IIndexPageParser inner, LayoutWatch watch) : IIndexPageParser
{
    public ParseOutcome<IndexPage> Parse(string archive, Uri pageUrl, string html)
    {
        var outcome = inner.Parse(archive, pageUrl, html);
        watch.Index(archive, pageUrl, outcome);
        return outcome;
    }
}
