using Harvester.Domain;
using Harvester.Group;

namespace Harvester.Tests.Render;

/// <summary>Hand-built test data for Render: messages, links, series and reports.</summary>
internal static class Some
{
    public static readonly DateTimeOffset Monday = new(2017, 5, 8, 0, 0, 0, TimeSpan.Zero);

    public static ArchiveLink Spinics(long number) =>
        new("Spinics", new Uri($"https://www.spinics.net/lists/netdev/msg{number}.html")) { Kind = "spinics", List = "netdev@vger.kernel.org" };

    public static ArchiveLink MailArchive(long number) =>
        new("MailArchive", new Uri($"https://www.mail-archive.com/netdev@vger.kernel.org/msg{number}.html")) { Kind = "mail-archive", List = "netdev@vger.kernel.org" };

    public static ArchiveLink LoreBpf(string messageId) =>
        new("LoreBpf", PublicInboxLinks.Message(new Uri("https://lore.kernel.org/bpf/"), messageId)) { Kind = "public-inbox", List = "bpf@vger.kernel.org" };

    public static MailMessage Message(string subject, DateTimeOffset date, params ArchiveLink[] links) => new()
    {
        MessageId = $"{date.ToUnixTimeSeconds()}.{Math.Abs(StableHash(subject))}@example.org",
        Subject = subject,
        Author = "Some One",
        Date = date,
        Links = links,
    };

    /// <summary>A series from its messages: a <c>0/N</c> subject is the cover letter, the rest are parts.</summary>
    public static PatchSeries Series(string author, params MailMessage[] messages)
    {
        var parts = messages.Select(m => new SeriesPart(m with { Author = author }, SubjectParser.Parse(m.Subject))).ToList();
        var cover = parts.FirstOrDefault(p => p.Subject.IsCoverLetter);
        var patches = parts.Where(p => p != cover).OrderBy(p => p.Subject.Index).ThenBy(p => p.Message.Date).ToList();
        var head = cover ?? patches[0];
        return new PatchSeries
        {
            Id = head.Message.MessageId,
            Author = author,
            Version = head.Subject.Version,
            Total = head.Subject.Total,
            Cover = cover,
            Patches = patches,
        };
    }

    /// <summary>A one-message series with a single spinics link.</summary>
    public static PatchSeries Single(string author, string subject, DateTimeOffset date, long spinics) =>
        Series(author, Message(subject, date, Spinics(spinics)));

    public static SeriesDecision Relevant(PatchSeries series) => new(series, true, ["subject: bpf"]);

    public static SeriesDecision Irrelevant(PatchSeries series) => new(series, false, []);

    public static HarvestReport Report(params SeriesDecision[] series) => new()
    {
        Window = new HarvestWindow(Monday, Monday.AddDays(7)),
        Series = series,
    };

    /// <summary>A deterministic string hash (string.GetHashCode is randomised per process).</summary>
    private static int StableHash(string s)
    {
        var h = 17;
        foreach (var c in s)
        {
            h = unchecked((h * 31) + c);
        }

        return h & 0x7FFFFFFF;
    }
}
