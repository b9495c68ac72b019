using Harvester.Hosting;
using Harvester.Filter;
using Harvester.Tests.Support;
using Xunit.Abstractions;

namespace Harvester.Tests.Filter;

/// <summary>The labelled corpus of <c>fixtures/relevance/</c>: every series decided as its folder says.</summary>
public sealed class RelevanceCorpusTests(ITestOutputHelper output)
{
    private static readonly RelevanceFilter Filter = FilterConfiguration.LoadDefaults(Paths.Config);

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (label, name) in FixtureSeries.All())
        {
            data.Add(label, name);
        }

        return data;
    }

    [Fact]
    public void Corpus_HasEnoughCases_AtLeast60With20PerSide()
    {
        var all = FixtureSeries.All().ToList();
        Assert.True(all.Count >= 60, $"{all.Count} cases");
        Assert.True(all.Count(c => c.Label == "relevant") >= 20);
        Assert.True(all.Count(c => c.Label == "irrelevant") >= 20);
    }

    [Fact]
    public void Decide_WholeCorpus_PrecisionAndRecallAreOne()
    {
        int truePositives = 0, falsePositives = 0, falseNegatives = 0, trueNegatives = 0;
        foreach (var (label, name) in FixtureSeries.All())
        {
            var decision = Filter.Decide(FixtureSeries.Load(label, name));
            var expected = label == "relevant";
            output.WriteLine($"{label,-10} {name,-30} -> {(decision.Relevant ? "in " : "out")} [{string.Join("; ", decision.Reasons)}]");
            _ = (expected, decision.Relevant) switch
            {
                (true, true) => truePositives++,
                (false, true) => falsePositives++,
                (true, false) => falseNegatives++,
                _ => trueNegatives++,
            };
        }

        var precision = truePositives / (double)(truePositives + falsePositives);
        var recall = truePositives / (double)(truePositives + falseNegatives);
        output.WriteLine($"TP={truePositives} FP={falsePositives} FN={falseNegatives} TN={trueNegatives} precision={precision:F3} recall={recall:F3}");
        Assert.Equal(1.0, precision);
        Assert.Equal(1.0, recall);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_EachFixture_MatchesItsLabel(string label, string name)
    {
        var decision = Filter.Decide(FixtureSeries.Load(label, name));

        Assert.Equal(label == "relevant", decision.Relevant);
        if (decision.Relevant)
        {
            Assert.NotEmpty(decision.Reasons);
        }
    }
}
