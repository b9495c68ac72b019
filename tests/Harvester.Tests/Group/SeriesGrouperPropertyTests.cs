using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Harvester.Domain;
using Harvester.Group;
using Harvester.Tests.Support;

namespace Harvester.Tests.Group;

/// <summary>Shuffling the arrival order of a window's messages never changes the grouping.</summary>
public sealed class SeriesGrouperPropertyTests
{
    // One window: every hand-made fixture plus Patchwork mboxes whose Message-IDs do not clash with each other.
    private static readonly IReadOnlyList<MailMessage> Window = LoadWindow();

    [Property(MaxTest = 60)]
    public Property Group_ShuffledArrival_SameGrouping(bool keepSuperseded)
    {
        var grouper = new SeriesGrouper(new GroupOptions { KeepSupersededRevisions = keepSuperseded });
        var expected = Signature(grouper.Group(Window));

        return Prop.ForAll(
            Gen.Shuffle(Window.ToArray()).ToArbitrary(),
            shuffled => Signature(grouper.Group(shuffled)) == expected);
    }

    [Fact]
    public void Group_Window_IsNotTrivial()
    {
        var result = new SeriesGrouper(new GroupOptions { KeepSupersededRevisions = true }).Group(Window);

        Assert.True(Window.Count > 50);
        Assert.True(result.Series.Count > 12);
        Assert.Contains(result.Series, s => s.SupersededBy is not null);
    }

    private static string Signature(GroupResult result) =>
        string.Join("\n", result.Series.Select(s =>
            $"{s.Id} {s.Author} v{s.Version} {s.Total} cover={s.Cover?.Message.MessageId} sup={s.SupersededBy} "
            + string.Join(",", s.Patches.Select(p => p.Message.MessageId))))
        + "\npulls: " + string.Join(",", result.PullRequests.Select(m => m.MessageId));

    private static IReadOnlyList<MailMessage> LoadWindow()
    {
        string[] patchwork =
        [
            "base-different-versions.mbox", "bugs-multiple-references.mbox", "base-no-references-no-cover.mbox",
            "mercurial-cover-letter.mbox", "bugs-spamming.mbox", "dependency-base-patch.mbox",
            "revision-threaded-to-patch.mbox", "bugs-multiple-content-types.mbox",
        ];
        var files = Directory.GetFiles(Paths.Fixture("series"), "*.mbox")
            .Concat(patchwork.Select(f => Path.Combine(Paths.Shared, "data", "patchwork-series", f)))
            .Order(StringComparer.Ordinal);
        return files.SelectMany(f => Mail.LoadMbox(f)).DistinctBy(m => m.MessageId).ToList();
    }
}
