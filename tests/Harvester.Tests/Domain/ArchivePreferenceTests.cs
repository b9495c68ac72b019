using Harvester.Domain;

namespace Harvester.Tests.Domain;

public class ArchivePreferenceTests
{
    [Theory]
    [InlineData("Spinics", "spinics", 0)]
    [InlineData("SpinicsBpf", "spinics", 0)]
    [InlineData("MailArchive", "mail-archive", 1)]
    [InlineData("LoreBpf", "public-inbox", 2)]
    [InlineData("Elsewhere", "other", int.MaxValue)]
    public void Rank_EmptyList_SpinicsThenMailArchiveThenLore(string archive, string kind, int expected)
    {
        Assert.Equal(expected, new ArchivePreference([]).Rank(archive, kind));
    }

    [Fact]
    public void Rank_NameAndKindEntries_FirstEntryThatNamesEitherWins()
    {
        var preference = new ArchivePreference(["LoreBpf", "SPINICS", "public-inbox"]);

        Assert.Equal(0, preference.Rank("LoreBpf", "public-inbox"));
        Assert.Equal(1, preference.Rank("SpinicsBpf", "spinics"));
        Assert.Equal(2, preference.Rank("LoreNetdev", "public-inbox"));
        Assert.Equal(int.MaxValue, preference.Rank("MailArchive", "mail-archive"));
    }

    [Fact]
    public void Rank_LoreAlias_NamesOnlyThePublicInboxKind()
    {
        var preference = new ArchivePreference(["lore"]);

        Assert.Equal(0, preference.Rank("LoreNetdev", "public-inbox"));
        Assert.Equal(int.MaxValue, preference.Rank("Spinics", "spinics"));
        Assert.Equal(int.MaxValue, preference.Rank("LoreNetdev", null)); // a link whose kind Merge did not learn
    }
}
