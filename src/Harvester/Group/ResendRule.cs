using Harvester.Domain;

namespace Harvester.Group;

/// <summary>
/// An identical resend of a series in the window (same author, version, total, titles and bodies; RESEND and other
/// prefixes ignored) is listed once, as its newest copy. Seen: bugs-spamming.mbox (the same v2 1/4 three times in four
/// minutes), revision-unlabeled-noreferences.mbox (a series sent twice an hour apart); fixture base-resend.mbox.
/// </summary>
internal static class ResendRule
{
    public static IReadOnlyList<SeriesDraft> KeepNewestCopies(IReadOnlyList<SeriesDraft> drafts) =>
        drafts.GroupBy(Fingerprint, StringComparer.Ordinal)
            .Select(copies => copies.OrderByDescending(d => d.LastDate).ThenByDescending(d => HeadId(d), StringComparer.Ordinal).First())
            .ToList();

    private static string HeadId(SeriesDraft d) => d.Members.First().Id;

    private static string Fingerprint(SeriesDraft d) =>
        string.Join('\u001f', new[] { d.AuthorKey, $"{d.Version}.{d.MinorVersion}/{d.Total}" }
            .Concat(d.Members.Select(m => $"{m.Slot}\u001e{m.Subject.Title.ToLowerInvariant()}\u001e{m.BodyFingerprint}")));
}
