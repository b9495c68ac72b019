using Harvester.Group;
using Harvester.Tests.Support;

namespace Harvester.Tests.Group;

/// <summary>
/// Patchwork's 28 series mboxes (shared/data/patchwork-series, read in place), each grouped as Patchwork's
/// <c>patchwork/tests/unit/test_series.py</c> expects: the number of series, their cover and patch counts, completeness
/// and versions. Revision files are checked with <see cref="GroupOptions.KeepSupersededRevisions"/> on (Patchwork keeps
/// every revision) and off (only the newest is listed). Where the rules differ from Patchwork, a comment says so.
/// </summary>
public sealed class PatchworkSeriesTests
{
    [Theory]
    // BaseSeriesTest
    [InlineData("base-single-patch.mbox", false, "v1 1 1/1")]
    [InlineData("base-cover-letter.mbox", false, "v1 cover+2 2/2")]
    [InlineData("base-no-cover-letter.mbox", false, "v1 2 2/2")]
    [InlineData("base-deep-threaded.mbox", false, "v1 cover+2 2/2")]
    [InlineData("base-out-of-order.mbox", false, "v1 cover+2 2/2")]
    [InlineData("base-different-versions.mbox", false, "v3 cover+4 4/4")] // parts inherit the cover's v3
    [InlineData("bugs-multiple-references.mbox", false, "v2 cover+4 4/4")]
    [InlineData("base-no-references.mbox", false, "v2 2 2/2")]
    [InlineData("base-no-references-no-cover.mbox", false, "v1 cover+2 2/2")]
    [InlineData("bugs-multiple-content-types.mbox", false, "v1 1 1/1")] // the Re: is a comment, not a patch
    // RevisedSeriesTest: Patchwork keeps both revisions
    [InlineData("revision-basic.mbox", true, "v1 cover+2 2/2 superseded | v2 cover+2 2/2")]
    [InlineData("revision-basic.mbox", false, "v2 cover+2 2/2")]
    [InlineData("revision-threaded-to-single-patch.mbox", true, "v1 1 1/1 superseded | v2 1 1/1")]
    [InlineData("revision-threaded-to-single-patch.mbox", false, "v2 1 1/1")]
    [InlineData("revision-threaded-to-cover.mbox", true, "v1 cover+2 2/2 superseded | v2 cover+2 2/2")]
    [InlineData("revision-threaded-to-patch.mbox", true, "v1 cover+2 2/2 superseded | v2 cover+2 2/2")]
    [InlineData("revision-out-of-order.mbox", true, "v1 cover+2 2/2 superseded | v2 cover+2 2/2")]
    [InlineData("revision-no-cover-letter.mbox", true, "v1 cover+2 2/2 superseded | v2 2 2/2")]
    [InlineData("revision-no-cover-letter.mbox", false, "v2 2 2/2")]
    // Same subjects, changed diffs: an unlabeled revision, not an identical resend.
    [InlineData("revision-unlabeled.mbox", true, "v1 cover+2 2/2 superseded | v1 cover+2 2/2")]
    [InlineData("revision-unlabeled.mbox", false, "v1 cover+2 2/2")]
    // Issue rule differs: Patchwork lists 2 series; subjects and diffs are the same (only trailing whitespace differs),
    // so this is an identical resend, listed once even when older revisions are kept.
    [InlineData("revision-unlabeled-noreferences.mbox", true, "v2 2 2/2")]
    // Issue rule differs: Patchwork makes the diff-carrying reply without [PATCH] its own 1-patch series; here a mail
    // whose subject is not a patch never becomes one, so only the cover and part 1 of 2 remain (incomplete).
    [InlineData("bugs-unnumbered.mbox", false, "v1 cover+1 1/2 incomplete")]
    [InlineData("bugs-nocover-noversion.mbox", true, "v1 2 2/2 superseded | v1 2 2/2")]
    [InlineData("bugs-nocover.mbox", true, "v1 2 2/2 superseded | v2 2 2/2")]
    [InlineData("bugs-nocover.mbox", false, "v2 2 2/2")]
    // Issue rule differs: Patchwork lists the three copies as three series; they are identical, so listed once.
    [InlineData("bugs-spamming.mbox", true, "v2 1 1/4 incomplete")]
    // Two series of one part each; no title in common, so neither supersedes the other.
    [InlineData("bugs-mixed-versions.mbox", false, "v1 1 1/2 incomplete | v2 1 1/2 incomplete")]
    // SeriesTotalTest
    [InlineData("base-incomplete.mbox", false, "v1 cover+1 1/2 incomplete")]
    [InlineData("base-extra-patches.mbox", false, "v1 cover+3 2/2")] // 3/2 kept as a part; 1..2 all present
    // MercurialSeriesTest
    [InlineData("mercurial-cover-letter.mbox", false, "v1 cover+2 2/2")]
    [InlineData("mercurial-no-cover-letter.mbox", false, "v1 2 2/2")]
    // SeriesDependencyBase's base series
    [InlineData("dependency-base-patch.mbox", false, "v1 cover+2 2/2")]
    public void Group_PatchworkMbox_GroupsAsPatchworkExpects(string file, bool keepSuperseded, string expected)
    {
        var messages = Mail.LoadMbox(Path.Combine(Paths.Shared, "data", "patchwork-series", file));
        var grouper = new SeriesGrouper(new GroupOptions { KeepSupersededRevisions = keepSuperseded });

        var result = grouper.Group(messages);

        Assert.Equal(expected, SeriesSummary.Of(result));
    }

    [Fact]
    public void Group_AllPatchworkFilesCovered_EveryMboxHasARow()
    {
        var rows = typeof(PatchworkSeriesTests).GetMethod(nameof(Group_PatchworkMbox_GroupsAsPatchworkExpects))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => (string)a.GetData(null!).First()[0]).ToHashSet();
        var files = Directory.GetFiles(Path.Combine(Paths.Shared, "data", "patchwork-series"), "*.mbox")
            .Select(f => Path.GetFileName(f)).ToHashSet();

        Assert.Equal(28, files.Count);
        Assert.Subset(rows, files);
    }

    [Fact]
    public void Group_Spamming_ListsTheNewestCopy()
    {
        var messages = Mail.LoadMbox(Path.Combine(Paths.Shared, "data", "patchwork-series", "bugs-spamming.mbox"));

        var series = Assert.Single(new SeriesGrouper().Group(messages).Series);

        // The three copies were sent 18:59:24, 19:01:53 and 19:03:32 (+0200); the last one is kept.
        Assert.Equal("20180917170335.23838-1-vkabatov@redhat.com", series.Id);
    }

    [Fact]
    public void Group_RevisionKept_OlderPointsAtNewer()
    {
        var messages = Mail.LoadMbox(Path.Combine(Paths.Shared, "data", "patchwork-series", "revision-basic.mbox"));

        var result = new SeriesGrouper(new GroupOptions { KeepSupersededRevisions = true }).Group(messages);

        Assert.Equal("1473632795-9971-1-git-send-email-stephenfinucane@gmail.com", result.Series[0].SupersededBy);
        Assert.Equal(result.Series[1].Id, result.Series[0].SupersededBy);
    }

    [Fact]
    public void Group_DifferentVersions_AuthorIsCleanDisplayName()
    {
        var messages = Mail.LoadMbox(Path.Combine(Paths.Shared, "data", "patchwork-series", "base-different-versions.mbox"));

        var series = Assert.Single(new SeriesGrouper().Group(messages).Series);

        Assert.Equal("Florian Fainelli", series.Author);
        Assert.Equal([1, 2, 3, 4], series.Patches.Select(p => p.Subject.Index));
    }
}
