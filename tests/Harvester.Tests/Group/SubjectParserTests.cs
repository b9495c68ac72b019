using Harvester.Group;
using Harvester.Tests.Support;

namespace Harvester.Tests.Group;

/// <summary>
/// Table-driven checks of <see cref="SubjectParser"/>: the 63 real subjects of <c>shared/data/subjects-sample.tsv</c>
/// (read in place) and the forms it lacks in <c>fixtures/series/subjects-extra.tsv</c>.
/// </summary>
public sealed class SubjectParserTests
{
    public static TheoryData<string, string, int, int, int, bool, string> SampleRows()
    {
        var data = new TheoryData<string, string, int, int, int, bool, string>();
        foreach (var c in Rows(Path.Combine(Paths.Shared, "data", "subjects-sample.tsv")).Skip(1))
        {
            data.Add(c[0], c[1], int.Parse(c[2]), int.Parse(c[3]), int.Parse(c[4]), c[5] == "1", c[6]);
        }

        return data;
    }

    public static TheoryData<string> ExtraRows()
    {
        var data = new TheoryData<string>();
        foreach (var c in Rows(Paths.Fixture("series", "subjects-extra.tsv")))
        {
            data.Add(string.Join('\t', c));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SampleRows))]
    public void Parse_SampleSubject_ReadsAsTheTableSays(
        string subject, string prefixes, int version, int index, int total, bool isReply, string title)
    {
        var parsed = SubjectParser.Parse(subject);

        Assert.Equal(prefixes, string.Join(',', parsed.Prefixes));
        Assert.Equal((version, index, total, isReply, title), (parsed.Version, parsed.Index, parsed.Total, parsed.IsReply, parsed.Title));
    }

    [Theory]
    [MemberData(nameof(ExtraRows))]
    public void Parse_ExtraSubject_ReadsAsTheTableSays(string row)
    {
        var c = row.Split('\t');

        var p = SubjectParser.Parse(c[0]);

        Assert.Equal(c[1] == "-" ? "" : c[1], string.Join(',', p.Prefixes));
        Assert.Equal(
            (int.Parse(c[2]), int.Parse(c[3]), int.Parse(c[4]), int.Parse(c[5])),
            (p.Version, p.MinorVersion, p.Index, p.Total));
        Assert.Equal(
            (c[6] == "1", c[7] == "1", c[8] == "1", c[9] == "1", c[10] == "1"),
            (p.IsReply, p.IsPatch, p.IsPullRequest, p.VersionStated, p.CountersStated));
        Assert.Equal(c[11], p.Title);
    }

    [Theory]
    [InlineData("[PATCH net-next v3 0/4] net: dsa: Multi-CPU ground work (v3)", true, true)]
    [InlineData("[PATCH 1/4] net: dsa: Remove master_netdev", false, true)]
    [InlineData("[PATCH] test: Add some lorem ipsum", false, false)]
    public void Parse_StatedOrInferred_RecordsWhichWasWritten(string subject, bool versionStated, bool countersStated)
    {
        var p = SubjectParser.Parse(subject);

        Assert.Equal((versionStated, countersStated), (p.VersionStated, p.CountersStated));
    }

    [Fact]
    public void Parse_CoverLetter_IsCoverLetter()
    {
        Assert.True(SubjectParser.Parse("[PATCH net-next 00/15] mlx5 updates").IsCoverLetter);
        Assert.False(SubjectParser.Parse("[PATCH net-next] mlx5 updates").IsCoverLetter);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void TryParse_Blank_ReturnsFalseWithEmptyReading(string? subject)
    {
        var ok = SubjectParser.TryParse(subject, out var p);

        Assert.False(ok);
        Assert.Equal(("", false), (p.Title, p.IsPatch));
    }

    [Theory]
    [InlineData("[PATCH")]
    [InlineData("[]")]
    [InlineData("Re:")]
    [InlineData("[PATCH 1/0] x")]
    public void Parse_MalformedSubject_DoesNotThrow(string subject)
    {
        var p = SubjectParser.Parse(subject);

        Assert.Equal(subject, p.Raw);
    }

    private static IEnumerable<string[]> Rows(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t'));
}
