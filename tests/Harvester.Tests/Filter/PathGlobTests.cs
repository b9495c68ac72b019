using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Harvester.Filter;

namespace Harvester.Tests.Filter;

/// <summary>
/// <see cref="PathGlob"/> against the regex get_maintainer.pl builds from the same glob (the oracle: <c>.</c> literal,
/// <c>*</c> → <c>.*</c>, <c>?</c> → <c>.</c>, classes kept), on hand-picked cases and on 20,000 generated pairs.
/// </summary>
public sealed class PathGlobTests
{
    [Theory]
    [InlineData("kernel/bpf/", "kernel/bpf/verifier.c", true, true)]
    [InlineData("kernel/bpf/", "kernel/bp", true, false)]
    [InlineData("include/linux/bpf*", "include/linux/bpf_verifier.h", true, true)]
    [InlineData("drivers/net/phy/bcm*.[ch]", "drivers/net/phy/bcm7xxx.c", false, true)]
    [InlineData("drivers/net/phy/bcm*.[ch]", "drivers/net/phy/bcm7xxx.o", false, false)]
    [InlineData("*xdp*", "stmmac_xdp.c", false, true)]
    [InlineData("*xdp*", "stmmac_xsk.c", false, false)]
    [InlineData("wm83??-hwmon.c", "wm8350-hwmon.c", false, true)]
    [InlineData("[a-c]x", "bx", false, true)]
    [InlineData("[a-c]x", "dx", false, false)]
    [InlineData("[^a]x", "ax", false, false)]
    [InlineData("[^a]x", "bx", false, true)]
    [InlineData("[]]x", "]x", false, true)]
    [InlineData("a[b", "a[b", false, true)] // unterminated class: literal
    [InlineData("", "", false, true)]
    [InlineData("", "anything", true, true)]
    public void IsMatch_Globs_AsGetMaintainerReadsThem(string glob, string text, bool prefix, bool expected) =>
        Assert.Equal(expected, new PathGlob(glob, prefix).IsMatch(text));

    [Fact]
    public void IsMatch_GeneratedGlobsAndPaths_AgreesWithTheRegexForm()
    {
        var random = new Random(20261206);
        string[] globParts = ["a", "b", "/", ".", "*", "?", "[ab]", "[^a]", "[a-b]", "ab", "**"];
        string[] textParts = ["a", "b", "/", ".", "c", "ab", "ba"];
        var disagreements = new List<string>();
        for (var i = 0; i < 20_000; i++)
        {
            var glob = Build(random, globParts, random.Next(0, 6));
            var text = Build(random, textParts, random.Next(0, 8));
            var prefix = random.Next(2) == 0;
            var oracle = new Regex("^" + ToRegex(glob) + (prefix ? "" : "$"), RegexOptions.CultureInvariant).IsMatch(text);
            if (new PathGlob(glob, prefix).IsMatch(text) != oracle)
            {
                disagreements.Add($"{glob} {(prefix ? "prefix" : "whole")} {text}: regex says {oracle}");
            }
        }

        Assert.Empty(disagreements.Take(10));
    }

    [Fact]
    public void IsMatch_WorstCaseAtPathMax_StaysFast()
    {
        var glob = new PathGlob("*a*a*a*a*a*a*a*a*b", prefix: false);
        var text = new string('a', MaintainersPattern.MaxPathLength);
        var cpu = Stopwatch.StartNew();
        for (var i = 0; i < 10; i++)
        {
            Assert.False(glob.IsMatch(text));
        }

        // O(glob × text) = 18 × 4,096 steps per call; a backtracking regex of this shape needs ~4,096^8.
        Assert.True(cpu.Elapsed < TimeSpan.FromSeconds(5), $"10 worst-case matches took {cpu.Elapsed}");
    }

    private static string Build(Random random, string[] parts, int count)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            sb.Append(parts[random.Next(parts.Length)]);
        }

        return sb.ToString();
    }

    private static string ToRegex(string glob)
    {
        var sb = new StringBuilder();
        var inClass = false;
        foreach (var c in glob)
        {
            if (inClass)
            {
                sb.Append(c);
                inClass = c != ']';
                continue;
            }

            switch (c)
            {
                case '*': sb.Append(".*"); break;
                case '?': sb.Append('.'); break;
                case '[': sb.Append('['); inClass = true; break;
                default: sb.Append(Regex.Escape(c.ToString())); break;
            }
        }

        return sb.ToString();
    }
}
