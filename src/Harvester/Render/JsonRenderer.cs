using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Harvester.Domain;

namespace Harvester.Render;

/// <summary>
/// Renders the report as JSON, schema 1 (<c>docs/schema/harvester-output.schema.json</c>): camelCase, indented, LF line
/// ends, dates as ISO-8601 UTC (<c>2017-05-11T16:12:33Z</c>). Series come in the Markdown's order (every series the
/// report holds, relevant or not: <c>relevant</c> says which); parts by index, links by archive preference.
/// </summary>
public sealed class JsonRenderer(OutputOptions options) : IReportRenderer
{
    public const int SchemaVersion = 1;

    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NewLine = "\n",
        // Non-ASCII names (Høiland-Jørgensen) stay readable; HTML-sensitive characters are still escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private readonly LinkChooser links = new(options.PreferredArchives);

    public JsonRenderer()
        : this(new OutputOptions())
    {
    }

    public string Render(HarvestReport report)
    {
        var output = new JsonOutput(
            SchemaVersion,
            new JsonWindow(Instant(report.Window.From), Instant(report.Window.To)),
            SeriesOrdering.Order(report.Series, options.Order).Select(d => Series(d, report.Applied)).ToList(),
            report.PullRequests
                .OrderBy(p => p.Day ?? DateOnly.MaxValue)
                .ThenBy(p => p.Subject, StringComparer.Ordinal)
                .Select(PullRequest)
                .ToList(),
            report.Applied.OrderBy(a => a.Date).ThenBy(a => a.Subject, StringComparer.Ordinal).Select(Applied).ToList(),
            report.Diagnostics.Select(d => new JsonDiagnostic(d.Level.ToString().ToLowerInvariant(), d.Url, d.Message)).ToList(),
            new JsonStats(report.Stats.Requests, report.Stats.CacheHits, report.Stats.Messages, report.Stats.RequestsSaved, report.Stats.Floor));
        return JsonSerializer.Serialize(output, SerializerOptions) + "\n";
    }

    /// <summary>ISO-8601 UTC to the second, as in <c>2017-05-11T16:12:33Z</c>.</summary>
    internal static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A bot reply: where it was applied, the series of this output it answers (or null), its summary rows.</summary>
    private JsonApplied Applied(AppliedNotice a) => new(
        a.Subject,
        Instant(a.Date),
        a.To.Tree,
        a.To.Branch,
        a.To.By,
        a.InReplyTo,
        a.SeriesId,
        a.Commits.Select(c => new JsonCommit(c.Title, c.Url?.AbsoluteUri)).ToList(),
        links.Ordered(a.Links).Select(l => new JsonLink(l.Archive, l.List, l.Url.AbsoluteUri)).ToList());

    private JsonSeries Series(SeriesDecision decision, IReadOnlyList<AppliedNotice> applied)
    {
        var s = decision.Series;
        return new JsonSeries(
            s.Id,
            s.Author,
            s.Version,
            s.Total,
            s.Complete,
            decision.Relevant,
            decision.Reasons,
            s.SupersededBy,
            s.Cover is { } cover ? Message(cover.Message, cover.Subject) : null,
            s.OrderedPatches.Select(p => Message(p.Message, p.Subject)).ToList(),
            applied.Where(a => a.SeriesId == s.Id).OrderBy(a => a.Date).LastOrDefault() is { } to ? new JsonAppliedTo(to.To.Tree, to.To.Branch, to.To.By) : null);
    }

    /// <summary>A pull request: its day as <c>YYYY-MM-DD</c> (the mail's own, or null when no archive dates it).</summary>
    private JsonPullRequest PullRequest(PullRequest p) => new(
        p.MessageId,
        p.Subject,
        p.Day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        p.Author,
        p.Tree,
        links.Ordered(p.Links).Select(l => new JsonLink(l.Archive, l.List, l.Url.AbsoluteUri)).ToList());

    private JsonMessage Message(MailMessage m, PatchSubject subject) => new(
        m.MessageId,
        m.Subject,
        subject.Title,
        subject.Prefixes,
        subject.Version,
        subject.Index,
        subject.Total,
        Instant(m.Date),
        m.Author,
        links.Ordered(m).Select(l => new JsonLink(l.Archive, l.List, l.Url.AbsoluteUri)).ToList(),
        m.RepliesSeen);
}
