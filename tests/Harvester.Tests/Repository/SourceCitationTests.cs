using System.Text.RegularExpressions;
using Harvester.Tests.Support;

namespace Harvester.Tests.Repository;

/// <summary>
/// The source's comments cite the tests and fixtures that cover a quirk or a rule (the brief: "the test class must
/// exist"). Every cited test class (<c>XxxTests</c>), test method (<c>Member_Scenario_Expectation</c>, or a prefix
/// <c>IsChallenge_*</c>) and fixture path (<c>fixtures/...</c>) in a comment under <c>src/</c> must exist under
/// <c>tests/</c> or on disk; the failure lists each one that does not, with its file and line.
/// </summary>
public sealed partial class SourceCitationTests
{
    [Fact]
    public void Comments_CitedTestsAndFixtures_AllExist()
    {
        var tests = TestNames.Read(Path.Combine(Paths.RepoRoot, "tests"));
        var sources = Directory.EnumerateFiles(Path.Combine(Paths.RepoRoot, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(f))
            .Select(f => (Name: Path.GetRelativePath(Paths.RepoRoot, f), Text: File.ReadAllText(f)));

        var scan = CitationScan.Run(sources, tests, path => File.Exists(Path.Combine(Paths.RepoRoot, path)) || Directory.Exists(Path.Combine(Paths.RepoRoot, path)));

        Assert.True(scan.Broken.Count == 0, "citations in src/ comments that do not exist:\n" + string.Join("\n", scan.Broken));
        // The scan must have seen the citations it checks: a regex or a path gone wrong would otherwise pass silently.
        Assert.True(scan.Classes >= 30 && scan.Fixtures >= 1 && scan.Methods >= 5, $"too few citations found: {scan.Classes} classes, {scan.Fixtures} fixture paths, {scan.Methods} methods");
    }

    [Fact]
    public void Run_MissingClassMethodAndFixture_ListsEachWithFileAndLine()
    {
        var tests = new TestNames(["RealTests"], ["Read_Real_Works", "IsChallenge_Page_True"]);
        string[] lines =
        [
            "/// Covered by RealTests and GoneTests (Read_Real_Works, Read_Gone_Fails, IsChallenge_* and Nope_*).",
            "var url = \"https://example.net//x\"; // fixtures/pages/real.html, fixtures/pages/gone.html.",
            "// BPF_PROG_LOAD and XDG_STATE_HOME are constants, not test methods.",
            "var s = \"GoneTests fixtures/none.html\"; // code, not a comment, is not read",
        ];

        var scan = CitationScan.Run([("src/A.cs", string.Join("\n", lines))], tests, path => path == "fixtures/pages/real.html");

        Assert.Equal(
            [
                "src/A.cs:1: test class GoneTests",
                "src/A.cs:1: test method Read_Gone_Fails",
                "src/A.cs:1: test method Nope_*",
                "src/A.cs:2: fixture fixtures/pages/gone.html",
            ],
            scan.Broken);
    }

    private static bool IsBuildOutput(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    /// <summary>The test classes and test methods declared under a folder.</summary>
    internal sealed partial record TestNames(IReadOnlySet<string> Classes, IReadOnlySet<string> Methods)
    {
        public TestNames(IEnumerable<string> classes, IEnumerable<string> methods)
            : this(classes.ToHashSet(StringComparer.Ordinal), methods.ToHashSet(StringComparer.Ordinal))
        {
        }

        public static TestNames Read(string folder)
        {
            var texts = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Where(f => !IsBuildOutput(f)).Select(File.ReadAllText).ToList();
            return new TestNames(
                texts.SelectMany(t => ClassDeclaration().Matches(t)).Select(m => m.Groups[1].Value),
                texts.SelectMany(t => MethodDeclaration().Matches(t)).Select(m => m.Groups[1].Value));
        }

        [GeneratedRegex(@"\b(?:class|record)\s+(\w+)")]
        private static partial Regex ClassDeclaration();

        [GeneratedRegex(@"\b(?:void|Task)\s+(\w+)\s*\(")]
        private static partial Regex MethodDeclaration();
    }

    /// <summary>What a scan of comments found: each broken citation as "file:line: what", and how many of each kind it checked.</summary>
    internal sealed record CitationScan(IReadOnlyList<string> Broken, int Classes, int Methods, int Fixtures)
    {
        public static CitationScan Run(IEnumerable<(string Name, string Text)> sources, TestNames tests, Func<string, bool> exists)
        {
            var broken = new List<string>();
            int classes = 0, methods = 0, fixtures = 0;
            foreach (var (name, text) in sources)
            {
                var lines = text.Split('\n');
                for (var i = 0; i < lines.Length; i++)
                {
                    if (Comment(lines[i]) is not { } comment)
                    {
                        continue;
                    }

                    var where = $"{name.Replace('\\', '/')}:{i + 1}";
                    foreach (var cited in TestClass().Matches(comment).Select(m => m.Value))
                    {
                        classes++;
                        if (!tests.Classes.Contains(cited))
                        {
                            broken.Add($"{where}: test class {cited}");
                        }
                    }

                    foreach (var cited in TestMethod().Matches(comment).Select(m => m.Value).Where(IsMethodCitation))
                    {
                        methods++;
                        var found = cited.EndsWith('*')
                            ? tests.Methods.Any(m => m.StartsWith(cited[..^1], StringComparison.Ordinal))
                            : tests.Methods.Contains(cited);
                        if (!found)
                        {
                            broken.Add($"{where}: test method {cited}");
                        }
                    }

                    foreach (var cited in FixturePath().Matches(comment).Select(m => m.Value.TrimEnd('.', ',', ';', ':')))
                    {
                        fixtures++;
                        if (!exists(cited))
                        {
                            broken.Add($"{where}: fixture {cited}");
                        }
                    }
                }
            }

            return new CitationScan(broken, classes, methods, fixtures);
        }

        /// <summary>The comment part of a line: a whole <c>//</c> or <c>///</c> line, or what follows " // " after code.</summary>
        private static string? Comment(string line)
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("//", StringComparison.Ordinal))
            {
                return trimmed;
            }

            var at = line.IndexOf(" // ", StringComparison.Ordinal);
            return at < 0 ? null : line[(at + 4)..];
        }

        /// <summary>Member_Scenario_Expectation (two underscores at least), or a prefix ending in <c>_*</c>; not ALL_CAPS.</summary>
        private static bool IsMethodCitation(string token) =>
            token.EndsWith("_*", StringComparison.Ordinal) || token.Count(c => c == '_') >= 2;
    }

    [GeneratedRegex(@"\b[A-Z]\w*?Tests\b")]
    private static partial Regex TestClass();

    [GeneratedRegex(@"\b[A-Z][a-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*_(?:[A-Za-z0-9]+|\*)(?![A-Za-z0-9_])")]
    private static partial Regex TestMethod();

    [GeneratedRegex(@"\bfixtures/[A-Za-z0-9_./-]*[A-Za-z0-9_/]")]
    private static partial Regex FixturePath();
}
