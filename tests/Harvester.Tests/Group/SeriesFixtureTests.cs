using System.Text.Json;
using Harvester.Group;
using Harvester.Tests.Support;

namespace Harvester.Tests.Group;

/// <summary>
/// The hand-made threads of <c>fixtures/series/</c>, each grouped and compared with its hand-written
/// <c>NAME.expected.json</c>: rules that Patchwork's mboxes do not show (partial re-roll v5.1, RESEND, superseded
/// revision, CI-bot and ack-only mails, <c>[PATCH 1/2] [net-next]</c>, <c>[v6]</c>, author spellings, the time box,
/// zero-padded counters with a duplicate, a missing and an extra part).
/// </summary>
public sealed class SeriesFixtureTests
{
    public static TheoryData<string> GoldenFiles()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Paths.Fixture("series"), "*.expected.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void Group_Fixture_MatchesGoldenJson(string goldenName)
    {
        var golden = JsonSerializer.Deserialize<GoldenFile>(File.ReadAllText(Paths.Fixture("series", goldenName)), GoldenFile.Json)!;
        var mbox = golden.Mbox ?? goldenName.Replace(".expected.json", ".mbox", StringComparison.Ordinal);
        var messages = Mail.LoadMbox(Paths.Fixture("series", mbox));

        var result = new SeriesGrouper(new GroupOptions { KeepSupersededRevisions = golden.KeepSupersededRevisions }).Group(messages);

        var actual = golden with
        {
            Series = result.Series.Select((s, i) => GoldenSeries.From(s, i < golden.Series.Count ? golden.Series[i] : null)).ToList(),
            PullRequests = golden.PullRequests is null && result.PullRequests.Count == 0
                ? null
                : result.PullRequests.Select(m => m.Subject).ToList(),
        };
        Assert.Equal(JsonSerializer.Serialize(golden, GoldenFile.Json), JsonSerializer.Serialize(actual, GoldenFile.Json));
    }

    [Fact]
    public void GoldenFiles_EveryMboxHasOne()
    {
        var mboxes = Directory.GetFiles(Paths.Fixture("series"), "*.mbox").Select(Path.GetFileName).ToList();

        Assert.NotEmpty(mboxes);
        Assert.All(mboxes, m => Assert.True(File.Exists(Paths.Fixture("series", m!.Replace(".mbox", ".expected.json", StringComparison.Ordinal))), m));
    }
}
