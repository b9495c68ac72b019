using Harvester.Domain;

namespace Harvester.Group;

/// <summary>A mail that can join a series: the message, its subject reading, its author key and body fingerprint.</summary>
internal sealed record Candidate(MailMessage Message, PatchSubject Subject, string AuthorKey)
{
    public string Id => Message.MessageId;

    public DateTimeOffset Date => Message.Date;

    /// <summary>The slot it fills: 0 for a cover letter, else its index.</summary>
    public int Slot => Subject.Index;

    /// <summary>The body with whitespace collapsed: resends differ only in trailing blank lines (bugs-spamming.mbox).</summary>
    public string BodyFingerprint { get; } = Whitespace.Collapse(Message.Body);

    /// <summary>
    /// The subsystem part of the title, up to its last <c>": "</c> (<c>net: foo</c> for <c>net: foo: add the ring
    /// helpers</c>), lower case; "" when the title has none. Parts of one series share it.
    /// </summary>
    public string TitleStem { get; } = Stem(Subject.Title);

    /// <summary>Same title and same body: a copy of the same mail sent again.</summary>
    public bool SameContentAs(Candidate other) =>
        string.Equals(Subject.Title, other.Subject.Title, StringComparison.OrdinalIgnoreCase)
        && string.Equals(BodyFingerprint, other.BodyFingerprint, StringComparison.Ordinal);

    /// <summary>Deterministic order: date, then Message-ID.</summary>
    public static int CompareByDate(Candidate a, Candidate b)
    {
        var byDate = a.Date.CompareTo(b.Date);
        return byDate != 0 ? byDate : string.CompareOrdinal(a.Id, b.Id);
    }

    private static string Stem(string title)
    {
        var end = title.LastIndexOf(": ", StringComparison.Ordinal);
        return end < 0 ? "" : title[..end].Trim().ToLowerInvariant();
    }
}
