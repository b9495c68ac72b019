namespace Harvester.Check;

/// <summary>One field the pipeline needs from a page: found or missing, whether its absence is a layout change, and what was seen.</summary>
public sealed record FieldCheck(string Field, bool Found, bool Required, string Detail);

/// <summary>What one request of the check gave: the page, its outcome, how long it took, and the fields found on it.</summary>
/// <param name="Page"><c>robots.txt</c>, <c>index</c> or <c>message</c> (public-inbox: <c>query</c>, <c>message</c>).</param>
/// <param name="Outcome">A short word (<c>ok</c>, <c>not found</c>, <c>failed</c>, <c>challenge</c>, <c>refused</c>) and why.</param>
public sealed record PageProbe(string Page, Uri Url, string Outcome, TimeSpan Elapsed, IReadOnlyList<FieldCheck> Fields)
{
    public IEnumerable<FieldCheck> MissingRequired => Fields.Where(f => f.Required && !f.Found);
}

/// <summary>What the check found for an archive, worst first: exit 4 (layout) and 1 (unreachable) follow from it.</summary>
public enum ArchiveVerdict
{
    Usable,

    /// <summary>It answered, but a page lacked a required field: its layout seems to have changed (exit 4).</summary>
    LayoutChanged,

    /// <summary>It could not be read: no answer, an error status, robots.txt refusing, or a bot challenge (exit 1).</summary>
    Unreachable,
}

/// <summary>One enabled archive's check.</summary>
/// <param name="Politeness">The pace the requests were made at: the configured rate and robots.txt's Crawl-delay.</param>
public sealed record ArchiveCheck(string Archive, string Kind, Uri BaseUrl, ArchiveVerdict Verdict, string Summary, string Politeness, IReadOnlyList<PageProbe> Pages);
