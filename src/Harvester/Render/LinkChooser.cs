using Harvester.Domain;

namespace Harvester.Render;

/// <summary>Picks which of a message's archive links to show, and orders links deterministically for the JSON.</summary>
internal sealed class LinkChooser(IReadOnlyList<string> preferredArchives)
{
    private readonly ArchivePreference _preference = new(preferredArchives);

    /// <summary>The preferred archive's link, else the next preferred archive that has the message, else the first link.</summary>
    public ArchiveLink? Choose(MailMessage message) => Ordered(message).FirstOrDefault();

    /// <summary>
    /// Links in preference order (<see cref="ArchivePreference"/>: by archive name or kind); ties and archives not in
    /// the preference list after, by archive name then URL.
    /// </summary>
    public IReadOnlyList<ArchiveLink> Ordered(MailMessage message) => Ordered(message.Links);

    /// <summary>Links in preference order (see <see cref="Ordered(MailMessage)"/>).</summary>
    public IReadOnlyList<ArchiveLink> Ordered(IEnumerable<ArchiveLink> links) =>
        links
            .OrderBy(l => _preference.Rank(l.Archive, l.Kind))
            .ThenBy(l => l.Archive, StringComparer.Ordinal)
            .ThenBy(l => l.Url.OriginalString, StringComparer.Ordinal)
            .ToList();
}
