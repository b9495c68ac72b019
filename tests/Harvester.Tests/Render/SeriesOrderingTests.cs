using Harvester.Render;

namespace Harvester.Tests.Render;

public sealed class SeriesOrderingTests
{
    [Fact]
    public void Order_ByAuthor_SpellingsOfOneAuthorAreOneAuthor()
    {
        // The grouping key (AuthorName.Key) decides who is one author, in Render as in Group: the middle initial, case
        // and a relay suffix do not make a second author that Jane's series would sort between.
        var first = Some.Relevant(Some.Single("David S. Miller", "[PATCH net] bpf: a", Some.Monday.AddHours(1), 1));
        var jane = Some.Relevant(Some.Single("Jane Doe", "[PATCH net] bpf: b", Some.Monday.AddHours(2), 2));
        var second = Some.Relevant(Some.Single("david miller via B4 Relay", "[PATCH net] bpf: c", Some.Monday.AddHours(3), 3));

        var ordered = SeriesOrdering.Order([jane, second, first], SeriesOrdering.ByAuthor);

        Assert.Equal([first, second, jane], ordered);
    }

    [Fact]
    public void Order_ByDate_IgnoresAuthors()
    {
        var first = Some.Relevant(Some.Single("David S. Miller", "[PATCH net] bpf: a", Some.Monday.AddHours(1), 1));
        var jane = Some.Relevant(Some.Single("Jane Doe", "[PATCH net] bpf: b", Some.Monday.AddHours(2), 2));
        var second = Some.Relevant(Some.Single("David Miller", "[PATCH net] bpf: c", Some.Monday.AddHours(3), 3));

        Assert.Equal([first, jane, second], SeriesOrdering.Order([second, jane, first], "DATE"));
    }
}
