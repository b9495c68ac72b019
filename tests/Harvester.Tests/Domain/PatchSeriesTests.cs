using Harvester.Domain;
using Harvester.Group;

namespace Harvester.Tests.Domain;

public sealed class PatchSeriesTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void OrderedPatches_PartsGivenOutOfOrder_ByIndexThenDateThenMessageId()
    {
        var series = Series(Part("c", 2, Noon), Part("b", 1, Noon.AddMinutes(1)), Part("z", 2, Noon), Part("a", 1, Noon.AddMinutes(2)));

        Assert.Equal(["b", "a", "c", "z"], series.OrderedPatches.Select(p => p.Message.MessageId));
    }

    [Fact]
    public void Head_NoCoverAndPartsOutOfOrder_IsPartOne()
    {
        var series = Series(Part("p3", 3, Noon), Part("p1", 1, Noon.AddSeconds(1)), Part("p2", 2, Noon.AddSeconds(2)));

        Assert.Equal("p1", series.Head.Message.MessageId);
    }

    private static PatchSeries Series(params SeriesPart[] parts) => new()
    {
        Id = "id",
        Author = "Ola Nordmann",
        Version = 1,
        Total = 3,
        Patches = parts,
    };

    private static SeriesPart Part(string id, int index, DateTimeOffset date)
    {
        var subject = $"[PATCH net {index}/3] net: foo: part {index}";
        return new SeriesPart(new MailMessage { MessageId = id, Subject = subject, Author = "Ola Nordmann", Date = date, Links = [] }, SubjectParser.Parse(subject));
    }
}
