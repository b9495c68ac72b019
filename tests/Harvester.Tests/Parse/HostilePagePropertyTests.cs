using System.Diagnostics;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Harvester.Filter;
using Harvester.Group;
using Harvester.Parse;
using Harvester.Tests.Support;

namespace Harvester.Tests.Parse;

/// <summary>
/// Issue 12's proof: every parser fed real fixture pages mutated by FsCheck (cut anywhere, nested, repeated, long
/// lines, random characters, entity soup, the hostile shapes) never lets an exception escape its parse guard, and
/// each parse finishes within a bound proportional to the input. The body and header readers of later stages
/// (Diffstat, CommitMessage, SubjectParser, AuthorName) read what the page parsers return, and are held to the same.
/// </summary>
public sealed class HostilePagePropertyTests
{
    // 1 s + 5 ms per 1,000 characters: a 300,000-character page gets 2.5 s. Before issue 12's fixes the stat-like
    // line alone took 38 s at that length and an open X- comment several seconds; a warm parse takes a few ms per
    // 100 KB (docs/benchmarks.md, hostile), so the margin is for a machine shared by many jobs.
    private static readonly TimeSpan Fixed = TimeSpan.FromSeconds(1);
    private const double MsPerThousandChars = 5;

    private static readonly (string Name, string Html)[] Pages = LoadPages();

    private static readonly (string Name, Func<string, object?> Parse)[] Parsers =
    [
        ("spinics message", html => Checked(new SpinicsMessagePageParser().Parse(Page("spinics", html)))),
        ("mail-archive message", html => Checked(new MailArchiveMessagePageParser().Parse(Page("mail-archive", html)))),
        ("spinics index", html => Checked(new SpinicsIndexPageParser().Parse("spinics", ParseTestSupport.SpinicsRoot, html))),
        ("mail-archive index", html => Checked(new MailArchiveIndexPageParser().Parse("mail-archive", ParseTestSupport.MailArchiveRoot, html))),
    ];

    static HostilePagePropertyTests()
    {
        // JIT and the regexes' automata once, so the bound measures parsing.
        foreach (var (_, html) in Pages)
        {
            foreach (var (_, parse) in Parsers)
            {
                parse(html);
            }
        }
    }

    [Property(MaxTest = 60)]
    public Property Parse_MutatedRealPage_NoExceptionEscapesAndTimeProportional()
    {
        var cases =
            from page in Gen.Elements(Pages)
            from count in Gen.Choose(1, 3)
            from mutations in Gen.ArrayOf(Mutations, count)
            select new Case(page.Name, mutations);
        return Prop.ForAll(cases.ToArbitrary(), (Action<Case>)Check);
    }

    [Fact]
    public void Parse_EveryHostileShapeInEveryPage_NoExceptionEscapesAndTimeProportional()
    {
        foreach (var (name, _) in Pages)
        {
            foreach (var (shape, piece) in HostilePages.Shapes())
            {
                Check(new Case(name, [new Mutation(shape, html => HostilePages.Into(html, piece))]));
            }
        }
    }

    private static void Check(Case c)
    {
        var html = c.Mutations.Aggregate(Pages.Single(p => p.Name == c.Page).Html, (text, m) => m.Apply(text));
        var bound = Fixed + TimeSpan.FromMilliseconds(html.Length / 1000.0 * MsPerThousandChars);
        foreach (var (parser, parse) in Parsers)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                parse(html);
            }
            catch (Exception e)
            {
                Assert.Fail($"{parser} on {c}: {e.GetType().Name} escaped: {e.Message}");
            }

            Assert.True(clock.Elapsed <= bound, $"{parser} on {c} ({html.Length} characters): {clock.Elapsed.TotalMilliseconds:F0} ms, bound {bound.TotalMilliseconds:F0} ms");
        }
    }

    /// <summary>A successful parse's text goes on to the readers of the later stages; none of them may throw.</summary>
    private static object? Checked<T>(ParseOutcome<T> outcome)
        where T : class
    {
        switch (outcome.Value)
        {
            case Harvester.Domain.MailMessage message:
                Diffstat.Parse(message.Body);
                CommitMessage.Classify(message.Body, ["Signed-off-by", "Reviewed-by"]);
                SubjectParser.TryParse(message.Subject, out _);
                AuthorName.Key(message.Author);
                break;
            case IndexPage index:
                foreach (var entry in index.Entries)
                {
                    SubjectParser.TryParse(entry.Subject, out _);
                    AuthorName.Key(entry.Author);
                }

                break;
        }

        return outcome.Value;
    }

    private static Gen<Mutation> Mutations =>
        Gen.OneOf(
            Gen.Choose(0, 1000).Select(at => new Mutation($"cut at {at}/1000", s => s[..At(s, at)])),
            from at in Gen.Choose(0, 1000)
            from depth in Gen.Choose(1, 3000)
            from tag in Gen.Elements("b", "div", "li", "ul", "pre", "a", "span", "p", "table", "td", "strong", "em")
            select new Mutation($"{depth} <{tag}> at {at}/1000", s => s.Insert(At(s, at), Repeat($"<{tag}>", depth))),
            from at in Gen.Choose(0, 1000)
            from length in Gen.Choose(1, 4000)
            from times in Gen.Choose(2, 40)
            select new Mutation($"{length} characters at {at}/1000 repeated {times} times", s =>
            {
                var start = At(s, at);
                return s.Insert(start, Repeat(s.Substring(start, Math.Min(length, s.Length - start)), times));
            }),
            from at in Gen.Choose(0, 1000)
            from c in Gen.Elements(' ', 'a', '-', '<', '&', '=', '|', '\t', '{', '"', '@', '[', '#', '>', ':')
            from length in Gen.Choose(1000, 200_000)
            select new Mutation($"line of {length} '{c}' at {at}/1000", s => s.Insert(At(s, at), "x" + new string(c, length) + "y")),
            from at in Gen.Choose(0, 1000)
            from seed in Gen.Choose(0, int.MaxValue)
            from length in Gen.Choose(1, 20_000)
            select new Mutation($"{length} random characters (seed {seed}) at {at}/1000", s => s.Insert(At(s, at), RandomText(seed, length))),
            from at in Gen.Choose(0, 1000)
            from length in Gen.Choose(100, 200_000)
            select new Mutation($"{length} characters of entity soup at {at}/1000", s => s.Insert(At(s, at), HostilePages.EntitySoup(length))),
            from at in Gen.Choose(0, 1000)
            from length in Gen.Choose(1000, 200_000)
            from shape in Gen.Elements("open X- comment", "diffstat-like line")
            select new Mutation($"{shape} of {length} at {at}/1000", s => s.Insert(At(s, at),
                shape == "diffstat-like line" ? "\n" + HostilePages.StatLikeLine(length) + "\n" : HostilePages.OpenXComment(length))));

    private static int At(string s, int perMille) => (int)((long)s.Length * perMille / 1000);

    private static string Repeat(string piece, int times) => new StringBuilder(piece.Length * times).Insert(0, piece, times).ToString();

    /// <summary>Any UTF-16 code units, lone surrogates and controls included.</summary>
    private static string RandomText(int seed, int length)
    {
        var random = new Random(seed);
        return string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = r.Next(4) == 0 ? (char)r.Next(0, 0x80) : (char)r.Next(0, 0x10000);
            }
        });
    }

    private static FetchedPage Page(string kind, string html) =>
        new(kind, kind, new Uri(kind == "spinics" ? ParseTestSupport.SpinicsRoot : ParseTestSupport.MailArchiveRoot, "msg434497.html"), html);

    private static (string Name, string Html)[] LoadPages()
    {
        var fixtures = Directory.GetFiles(Paths.Fixture("pages"), "*.html", SearchOption.AllDirectories);
        var samples = Directory.GetFiles(Path.Combine(Paths.Shared, "archive-html"), "*.html");
        return [.. fixtures.Concat(samples).Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(Path.GetDirectoryName(f)!) + "/" + Path.GetFileName(f), File.ReadAllText(f)))];
    }

    public sealed record Mutation(string Name, Func<string, string> Apply)
    {
        public override string ToString() => Name;
    }

    public sealed record Case(string Page, Mutation[] Mutations)
    {
        public override string ToString() => $"{Page} with {string.Join(", ", Mutations.Select(m => m.Name))}";
    }
}
