using System.Collections.Concurrent;
using Harvester.Domain;

namespace Harvester.Parse;

/// <summary>
/// Parses each fetched message page once per run and remembers the outcome, so that Crawl (which needs a page's date
/// to walk an undated index) and the Parse stage share one parse.
/// </summary>
public sealed class MessageReader(Func<string, IMessagePageParser?> parserForKind)
{
    private readonly ConcurrentDictionary<Uri, ParseOutcome<MailMessage>> _outcomes = new();

    public ParseOutcome<MailMessage> Read(FetchedPage page) =>
        _outcomes.GetOrAdd(page.Url, _ => parserForKind(page.Kind) is { } parser
            ? parser.Parse(page)
            : ParseOutcome<MailMessage>.Fail("no parser for archive kind " + page.Kind));
}
