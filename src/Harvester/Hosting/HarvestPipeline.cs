using Harvester.Crawl;
using Harvester.Domain;
using Harvester.Filter;
using Harvester.Group;
using Harvester.Merge;
using Harvester.Parse;
using Microsoft.Extensions.Logging;

namespace Harvester.Hosting;

/// <summary>
/// What a harvest gave: the report to render, the archives that failed whole (nothing usable read), and the archives
/// stopped because their layout seems to have changed (among <see cref="FailedArchives"/>; nothing of theirs is in the
/// report).
/// </summary>
public sealed record HarvestResult(HarvestReport Report, IReadOnlyList<string> FailedArchives, int ArchivesTotal)
{
    public int ArchivesFailed => FailedArchives.Count;

    public IReadOnlyList<LayoutDrift> Drifts { get; init; } = [];
}

/// <summary>The whole harvest, read top to bottom: Crawl → Parse → Merge → Group → Filter (Render is the caller's).</summary>
public sealed partial class HarvestPipeline(
    IReadOnlyList<IArchiveSource> sources,
    ParseStage parser,
    MessageReader reader,
    MessageMerger merger,
    SeriesGrouper grouper,
    RelevanceFilter filter,
    SeriesAreas areas,
    CrawlStats stats,
    ILogger<HarvestPipeline> logger)
{
    public async Task<HarvestResult> RunAsync(HarvestWindow window, bool listAll, bool explain, CancellationToken cancellationToken)
    {
        var read = await CrawlAndParseAsync(window, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested(); // reads still in flight swallow it; a stopped run renders nothing
        var drifts = read.Select(r => reader.DriftOf(r.Source.Archive)).OfType<LayoutDrift>().ToList();
        var crawls = read.Select(r => r.Source).ToList();
        var diagnostics = read.SelectMany(r => r.Source.Diagnostics.Concat(r.Parsed.Diagnostics)).ToList();

        var copies = read.SelectMany(r => r.Parsed.Messages).ToList();
        var messages = merger.Merge(copies, crawls.SelectMany(c => c.LinkMatches), crawls.SelectMany(c => c.Entries));
        var grouped = grouper.Group(messages);
        var decisions = grouped.Series.Select(s => filter.Decide(s) with { Area = areas.AreaOf(s) }).ToList();
        if (explain)
        {
            decisions.ForEach(d => LogDecision(logger, d.Relevant ? "kept" : "dropped", d.Series.Head.Message.Subject, d.Reasons.Count > 0 ? string.Join("; ", d.Reasons) : NoSign));
        }

        var output = listAll ? decisions : decisions.Where(d => d.Relevant).ToList();
        var applied = Applied(messages, grouped.Series, decisions, output, window, explain);
        var report = new HarvestReport
        {
            Window = window,
            Series = output,
            Applied = applied,
            PullRequests = [.. PullRequestSightings.Find(crawls, messages, grouped.PullRequests, window).Select(p => p with { Tree = PullRequestTree.Of(p.Subject), Links = merger.Annotate(p.Links) })],
            Diagnostics = diagnostics,
            Stats = new HarvestStats
            {
                Requests = stats.Requests,
                CacheHits = stats.CacheHits,
                Messages = messages.Count,
                RequestsSaved = stats.RequestsSaved,
                Floor = read.Sum(r => r.Source.IndexPages + r.Parsed.Probes) + messages.Count,
            },
        };
        LogSummary(logger, decisions.Count, report.Series.Count(d => d.Relevant), messages.Count, stats.Requests, stats.CacheHits, stats.RequestsSaved, diagnostics.Count(d => d.Level == DiagnosticLevel.Error));
        return new HarvestResult(report, [.. crawls.Where(c => c.Failed).Select(c => c.Archive)], crawls.Count) { Drifts = drifts };
    }

    /// <summary>
    /// The patchwork bot's replies of the window (Crawl fetched them, CandidateRules.IsBotReply), read, matched to the
    /// series (AppliedMatcher) and decided (AppliedRelevance); with <c>--explain</c>, each says which series it matched,
    /// or why none.
    /// </summary>
    private List<AppliedNotice> Applied(IReadOnlyList<MailMessage> messages, IReadOnlyList<PatchSeries> series, List<SeriesDecision> decisions, List<SeriesDecision> output, HarvestWindow window, bool explain)
    {
        var matched = AppliedMatcher.Match(messages.Where(m => window.Contains(m.Date) && AppliedMatcher.IsBotReply(m)), series);
        var applied = new AppliedRelevance(filter).Decide(matched.Notices, decisions, output).ToList();
        if (explain)
        {
            foreach (var n in applied)
            {
                if (n.SeriesId is null)
                {
                    LogNotApplied(logger, n.Subject, n.Match);
                }
                else
                {
                    LogApplied(logger, n.Subject, n.SeriesId, n.Match);
                }
            }

            matched.Skipped.ToList().ForEach(s => LogNotApplied(logger, s.Reply.Subject, s.Reason));
        }

        return applied;
    }

    /// <summary>
    /// A drifted archive gives nothing: no message, entry or link of it reaches the report (a page read under a changed
    /// layout is no reading), and its one error replaces the per-page ones (EndToEnd/LayoutDriftRunTests).
    /// </summary>
    private static SourceResult Drifted(SourceResult source, LayoutDrift drift) => source with
    {
        Documents = [],
        Entries = [],
        LinkMatches = [],
        Diagnostics = [new Diagnostic(DiagnosticLevel.Error, drift.Example.AbsoluteUri, drift.Describe())],
        Failed = true,
    };

    /// <summary>
    /// Sources in configured order, each read (Crawl) and then parsed (Parse); each later one is told what the earlier
    /// ones gave, to save requests.
    /// </summary>
    private async Task<List<(SourceResult Source, ParsedSource Parsed)>> CrawlAndParseAsync(HarvestWindow window, CancellationToken cancellationToken)
    {
        var read = new List<(SourceResult, ParsedSource)>();
        var known = new List<MailMessage>();
        var knownOutside = new List<MailMessage>();
        foreach (var source in sources)
        {
            LogCrawling(logger, source.Archive, window.From, window.To);
            var result = await source.ReadAsync(new SourceRequest(window, [.. known], [.. knownOutside]), cancellationToken).ConfigureAwait(false);
            if (reader.DriftOf(source.Archive) is { } drift)
            {
                // A later archive must fetch what a drifted one seemed to give, not link to it.
                var drifted = Drifted(result, drift);
                read.Add((drifted, parser.Parse(drifted, window)));
                continue;
            }

            var parsed = parser.Parse(result, window);
            read.Add((result, parsed));
            known.AddRange(parsed.Messages);
            knownOutside.AddRange(parsed.Outside); // an edge-day entry for one of these needs no fetch either
        }

        return read;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Crawling {Archive} for {From:u} .. {To:u}")]
    private static partial void LogCrawling(ILogger logger, string archive, DateTimeOffset from, DateTimeOffset to);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Explain: {Verdict} {Subject}: {Reasons}")]
    private static partial void LogDecision(ILogger logger, string verdict, string subject, string reasons);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Explain: bot reply {Subject} matched series {Series}: {How}")]
    private static partial void LogApplied(ILogger logger, string subject, string series, string how);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Explain: bot reply {Subject} matched no series: {Why}")]
    private static partial void LogNotApplied(ILogger logger, string subject, string why);

    /// <summary>The reason a dropped series gives when no rule spoke for it (it used to print nothing after the colon).</summary>
    private const string NoSign = "no BPF/XDP word, tree or MAINTAINERS file in its subject, body or diffstat";

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Harvested {SeriesCount} series ({Relevant} listed relevant) from {Messages} messages; {Requests} pages downloaded, {CacheHits} taken from the cache, {Saved} links found in the index without downloading the page, {Errors} pages failed")]
    private static partial void LogSummary(ILogger logger, int seriesCount, int relevant, int messages, int requests, int cacheHits, int saved, int errors);
}
