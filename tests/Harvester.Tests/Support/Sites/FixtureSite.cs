namespace Harvester.Tests.Support.Sites;

/// <summary>
/// What both fixture sites share: the messages a site holds (by date, by number, by Message-ID), which of them its
/// date index lists and on which page, and the dispatch from a file name to an index page, a message page or a 404.
/// </summary>
public abstract class FixtureSite : IFixtureSite
{
    /// <param name="filed">The date the site orders its date index by (spinics: the Received time, spinics.md §2.2).</param>
    protected FixtureSite(FixtureArchive archive, Func<FixtureMessage, long?> number, int pageSize, int? indexLimit, Func<FixtureMessage, DateTimeOffset> filed)
    {
        this.archive = archive;
        byDate = [.. archive.Messages.Where(m => number(m) is not null).OrderBy(filed).ThenBy(number)];
        byNumber = byDate.ToDictionary(m => number(m)!.Value);
        byId = byDate.GroupBy(m => m.MessageId).ToDictionary(g => g.Key, g => g.First());
        PageSize = Math.Max(1, pageSize);
        IEnumerable<FixtureMessage> newest = Enumerable.Reverse(byDate);
        Listed = [.. indexLimit is { } limit ? newest.Take(limit) : newest];
    }

    protected readonly FixtureArchive archive;
    protected readonly List<FixtureMessage> byDate;
    protected readonly Dictionary<long, FixtureMessage> byNumber;
    protected readonly Dictionary<string, FixtureMessage> byId;

    /// <summary>Entries per date index page.</summary>
    protected int PageSize { get; }

    /// <summary>The messages the date index lists, newest first (only the newest few when the index is limited).</summary>
    protected List<FixtureMessage> Listed { get; }

    /// <summary>How many date index pages there are (at least one, even for an empty archive).</summary>
    protected int PageCount => Math.Max(1, (Listed.Count + PageSize - 1) / PageSize);

    /// <summary>The entries of date index page <paramref name="page"/> (1-based).</summary>
    protected IEnumerable<FixtureMessage> OnPage(int page) => Listed.Skip((page - 1) * PageSize).Take(PageSize);

    public string? Render(string fileName)
    {
        fileName = fileName.TrimStart('/');
        if (SiteText.IndexPage(fileName) is { } page)
        {
            return page > PageCount ? null : RenderIndex(page);
        }

        return SiteText.MessageNumber(fileName) is { } number && byNumber.TryGetValue(number, out var message)
            && SiteText.MessageFile(number) == fileName
            ? RenderMessage(message)
            : null;
    }

    protected abstract string RenderIndex(int page);

    protected abstract string RenderMessage(FixtureMessage message);
}
