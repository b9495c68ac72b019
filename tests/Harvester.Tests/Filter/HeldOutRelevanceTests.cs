using Harvester.Filter;
using Harvester.Hosting;
using Harvester.Tests.Support;
using Xunit.Abstractions;

namespace Harvester.Tests.Filter;

/// <summary>
/// The held-out set of <c>fixtures/relevance/heldout/</c>: mails the rules were not written against, labelled in
/// <c>labels.tsv</c> before the rules were run on them. Precision and recall are printed; the floors sit below the
/// first measurement (README, Filter section) so that a regression fails while known misses stay reported, not fixed
/// by tuning the rules to this set.
/// </summary>
public sealed class HeldOutRelevanceTests(ITestOutputHelper output)
{
    /// <summary>
    /// First measured 0.950 / 0.950 (19 of 20 found, 1 false alarm). 0.90 lets one more case go either way (a
    /// defensible disagreement over a label); two more on one side fail.
    /// </summary>
    private const double PrecisionFloor = 0.90;

    private const double RecallFloor = 0.90;

    private static readonly RelevanceFilter Filter = FilterConfiguration.LoadDefaults(Paths.Config);

    private static string Root => Paths.Fixture("relevance", "heldout");

    [Fact]
    public void Labels_EveryMboxLabelledAndEveryLabelHasAnMbox_TwentyPerSideAtLeast()
    {
        var labels = Labels();
        var files = Directory.GetFiles(Root, "*.mbox").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);

        Assert.Equal(files, labels.Keys.Order(StringComparer.Ordinal));
        Assert.All(labels.Values, l => Assert.Contains(l, new[] { "relevant", "irrelevant" }));
        Assert.True(labels.Values.Count(l => l == "relevant") >= 20);
        Assert.True(labels.Values.Count(l => l == "irrelevant") >= 20);
    }

    [Fact]
    public void Decide_HeldOutSet_PrecisionAndRecallAtLeastTheFloor()
    {
        int truePositives = 0, falsePositives = 0, falseNegatives = 0, trueNegatives = 0;
        var misses = new List<string>();
        foreach (var (name, label) in Labels().OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var decision = Filter.Decide(FixtureSeries.Load(Path.Combine(Root, name + ".mbox")));
            var expected = label == "relevant";
            output.WriteLine($"{label,-10} {name,-30} -> {(decision.Relevant ? "in " : "out")} [{string.Join("; ", decision.Reasons)}]");
            switch (expected, decision.Relevant)
            {
                case (true, true): truePositives++; break;
                case (false, false): trueNegatives++; break;
                case (true, false): falseNegatives++; misses.Add($"missed {name}"); break;
                case (false, true): falsePositives++; misses.Add($"false alarm {name}"); break;
            }
        }

        var precision = truePositives / (double)(truePositives + falsePositives);
        var recall = truePositives / (double)(truePositives + falseNegatives);
        output.WriteLine(
            $"held-out: TP={truePositives} FP={falsePositives} FN={falseNegatives} TN={trueNegatives} precision={precision:F3} recall={recall:F3}");
        foreach (var miss in misses)
        {
            output.WriteLine(miss);
        }

        Assert.True(precision >= PrecisionFloor, $"precision {precision:F3} < {PrecisionFloor}: {string.Join(", ", misses)}");
        Assert.True(recall >= RecallFloor, $"recall {recall:F3} < {RecallFloor}: {string.Join(", ", misses)}");
    }

    /// <summary><c>labels.tsv</c>: name, label, why (header line first).</summary>
    private static Dictionary<string, string> Labels() =>
        File.ReadLines(Path.Combine(Root, "labels.tsv"))
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split('\t'))
            .ToDictionary(cols => cols[0], cols => cols[1], StringComparer.Ordinal);
}
