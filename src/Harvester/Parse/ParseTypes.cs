using Harvester.Domain;

namespace Harvester.Parse;

/// <summary>A message page as Crawl fetched it: which archive, its kind (<c>spinics</c> or <c>mail-archive</c>), URL and HTML.</summary>
public sealed record FetchedPage(string Archive, string Kind, Uri Url, string Html);

/// <summary>
/// One entry of a date index page. <see cref="Day"/> is known on mail-archive (its <c>YYYY/MM/DD</c> span) and null on
/// spinics, whose index carries no dates.
/// </summary>
public sealed record IndexEntry(string Archive, long Number, Uri Url, string Subject, string Author, DateOnly? Day);

/// <summary>A parsed date index page: its entries in page order (newest first) and the next (older) page, if any.</summary>
public sealed record IndexPage(IReadOnlyList<IndexEntry> Entries, Uri? NextPage)
{
    /// <summary>
    /// What was dropped while reading the page (an entry whose <c>href</c> is no URL); the rest of the page was read.
    /// Crawl reports each as a warning diagnostic.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>
    /// The page itself says it is the index's last (oldest) page, so no next-page link is expected: spinics shows the
    /// inactive plain <c>[Next Page]</c> (archive-html/spinics.md, "last page: [Next Page]"); mail-archive's last page
    /// has only <c>prevpglink</c>, and a list's only page is less than a full page (archive-html/mail-archive.md). A page
    /// with neither a next link nor such a sign has lost its paging markup (Check/ArchiveProbeTests).
    /// </summary>
    public bool EndMarked { get; init; }
}

/// <summary>The outcome of parsing one page: a value, or an error that says why the page was skipped.</summary>
public readonly record struct ParseOutcome<T>(T? Value, string? Error)
    where T : class
{
    private readonly IReadOnlyList<string>? _missing;

    public bool Succeeded => Value is not null;

    /// <summary>
    /// The required fields (<see cref="PageFields"/>) the page did not have: the parser found where they should be
    /// empty or gone and reports it, never inventing a stand-in. Repeated, this is layout drift (<see cref="LayoutWatch"/>).
    /// </summary>
    public IReadOnlyList<string> Missing { get => _missing ?? []; init => _missing = value; }

    public static ParseOutcome<T> Ok(T value) => new(value, null);

    public static ParseOutcome<T> Fail(string error) => new(null, error);

    /// <summary>A page read where the layout should hold required fields but did not: names them.</summary>
    public static ParseOutcome<T> MissingFields(string what, IReadOnlyList<string> fields) =>
        new(null, $"{what}: required fields not found: {string.Join(", ", fields)}") { Missing = fields };

    /// <summary>
    /// Runs a parse over a stranger's page: whatever it throws (HtmlAgilityPack on broken markup, a bad date) becomes a
    /// failure that names the page kind, so one bad page is reported and skipped, never the end of the run.
    /// </summary>
    public static ParseOutcome<T> Guard(string what, Func<ParseOutcome<T>> parse)
    {
        try
        {
            return parse();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Fail(what + " could not be read: " + e.Message);
        }
    }
}

/// <summary>Reads one archive's message page into a <see cref="MailMessage"/> with a single link.</summary>
public interface IMessagePageParser
{
    ParseOutcome<MailMessage> Parse(FetchedPage page);
}

/// <summary>Reads one archive's date index page.</summary>
public interface IIndexPageParser
{
    ParseOutcome<IndexPage> Parse(string archive, Uri pageUrl, string html);
}
