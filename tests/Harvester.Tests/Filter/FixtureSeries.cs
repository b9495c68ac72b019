using Harvester.Domain;
using Harvester.Group;
using Harvester.Tests.Support;

namespace Harvester.Tests.Filter;

/// <summary>
/// Builds a <see cref="PatchSeries"/> from one fixture mbox of <c>fixtures/relevance/</c> without the series grouper:
/// the cover is the <c>0/N</c> message if any, the parts are the rest ordered by their subject's index.
/// </summary>
internal static class FixtureSeries
{
    public static string Root => Paths.Fixture("relevance");

    public static PatchSeries Load(string mboxPath) => FromMessages(Mail.LoadMbox(mboxPath));

    public static PatchSeries Load(string label, string name) => Load(Path.Combine(Root, label, name + ".mbox"));

    public static PatchSeries FromMessages(IReadOnlyList<MailMessage> messages)
    {
        var parts = messages.Select(m => new SeriesPart(m, SubjectParser.Parse(m.Subject))).ToList();
        var cover = parts.FirstOrDefault(p => p.Subject.IsCoverLetter);
        var patches = parts.Where(p => p != cover).OrderBy(p => p.Subject.Index).ThenBy(p => p.Message.Date).ToList();
        var head = cover ?? patches[0];
        return new PatchSeries
        {
            Id = head.Message.MessageId,
            Author = head.Message.Author,
            Version = head.Subject.Version,
            Total = head.Subject.Total,
            Cover = cover,
            Patches = patches,
        };
    }

    /// <summary>Every fixture: its folder's label (<c>relevant</c>/<c>irrelevant</c>) and file name without extension.</summary>
    public static IEnumerable<(string Label, string Name)> All() =>
        new[] { "relevant", "irrelevant" }.SelectMany(label =>
            Directory.GetFiles(Path.Combine(Root, label), "*.mbox")
                .Order(StringComparer.Ordinal)
                .Select(f => (label, Path.GetFileNameWithoutExtension(f))));
}
