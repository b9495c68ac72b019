using System.Collections.Concurrent;
using Harvester.Domain;

namespace Harvester.Parse;

/// <summary>
/// Parses each fetched message page once per run and remembers the outcome, so that Crawl (which needs a page's date
/// to walk an undated index) and the Parse stage share one parse. Each parse is shown to the run's
/// <see cref="LayoutWatch"/>, so Crawl can stop an archive whose pages stopped giving the needed fields.
/// </summary>
public sealed class MessageReader(Func<string, IMessagePageParser?> parserForKind, LayoutWatch? watch = null)
{
    private readonly ConcurrentDictionary<Uri, ParseOutcome<MailMessage>> _outcomes = new();

    public ParseOutcome<MailMessage> Read(FetchedPage page) =>
        _outcomes.GetOrAdd(page.Url, _ =>
        {
            var outcome = parserForKind(page.Kind) is { } parser
                ? parser.Parse(page)
                : ParseOutcome<MailMessage>.Fail("no parser for archive kind " + page.Kind);
            watch?.Message(page.Archive, page.Url, outcome);
            return outcome;
        });

    /// <summary>The archive's layout drift, once its pages showed it; null without a watch or while pages read well.</summary>
    public LayoutDrift? DriftOf(string archive) => watch?.DriftOf(archive);
}
