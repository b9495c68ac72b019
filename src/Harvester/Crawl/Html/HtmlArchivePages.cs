using Harvester.Domain;
using Harvester.Parse;

namespace Harvester.Crawl.Html;

/// <summary>How one HTML archive kind's pages are read: its kind, its index parser and the run's message reader.</summary>
public sealed record HtmlArchivePages(string Kind, IIndexPageParser Index, MessageReader Messages)
{
    /// <summary>mail-archive's index dates each entry (<see cref="DatedIndexWalk"/>); spinics' does not (<see cref="UndatedIndexWalk"/>).</summary>
    public bool DatedIndex => string.Equals(Kind, ArchiveKinds.MailArchive, StringComparison.OrdinalIgnoreCase);
}
