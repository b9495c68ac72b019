using System.Diagnostics;
using System.Globalization;
using System.Text;
using Harvester.Benchmarks.Parse;
using Harvester.Domain;
using Harvester.Parse;
using Harvester.Tests.Support;

namespace Harvester.Benchmarks.Hostile;

/// <summary>
/// The <c>hostile</c> verb (issue 12): every shape of <see cref="HostilePages"/>, and two pages at the fetch cap
/// (<c>MaxResponseBytes</c>, 5,000,000 bytes), put into a real spinics and a real mail-archive message page and read
/// as a harvest reads them: the page parser, then the body and header readers of the later stages (Diffstat,
/// CommitMessage, SubjectParser, AuthorName), as HostilePagePropertyTests does. Each page is timed on the parsing
/// thread's CPU clock (<see cref="ThreadCpuClock"/>: other jobs on a shared machine do not count) and compared, per
/// byte, with the median real page of the same archive measured in the same run. Targets: under 1 s of CPU per page,
/// and at most 20 times the median page's CPU time per byte. The first parse of each page is the one checked (a
/// harvest reads a hostile page once); the best of three more is printed beside it. <c>--unbounded</c> adds, for
/// reference, what HtmlAgilityPack costs on the nesting shapes without issue 12's bound.
/// </summary>
internal static class HostileBenchmark
{
    private const string Verb = "hostile";
    private const double MaxCpuMilliseconds = 1_000;
    private const double MaxRatio = 20;
    private const int FetchCap = 5_000_000; // HttpOptions.MaxResponseBytes' default: no fetched page is larger

    public static int Run(string[] args)
    {
        var (spinicsPages, mailArchivePages) = ParsePages.Build();
        Targets.Info(Verb, $"CPU clock: {(ThreadCpuClock.IsCpuTime ? "the thread's CPU time (CLOCK_THREAD_CPUTIME_ID)" : "wall time (no thread CPU clock on this OS)")}; load {Load()}");
        var kinds = new[]
        {
            Median("spinics", new SpinicsMessagePageParser(), spinicsPages),
            Median("mail-archive", new MailArchiveMessagePageParser(), mailArchivePages),
        };

        var targets = new Targets(Verb);
        foreach (var (shape, piece) in Shapes())
        {
            foreach (var kind in kinds)
            {
                Measure(targets, kind, shape, piece);
            }
        }

        if (args.Contains("--unbounded"))
        {
            Unbounded(kinds);
        }

        Targets.Info(Verb, $"load at the end {Load()}");
        targets.Summary();
        return 0;
    }

    /// <summary>Every shape of HostilePages, the deep nesting inside a broken address, and two pages at the fetch cap.</summary>
    private static IEnumerable<(string Name, Func<FetchedPage, string> Piece)> Shapes()
    {
        foreach (var (name, piece) in HostilePages.Shapes())
        {
            yield return (name, _ => piece);
        }

        yield return ("deep nesting in a broken address (45,000 <b>)", _ => HostilePages.DeepNestingInAddress());
        yield return ("5 MB page: diff lines", page => DiffLines(FetchCap - Bytes(page.Html) - 2));
        yield return ("5 MB page: one line of spaces", page => HostilePages.LongSpaceLine(FetchCap - Bytes(page.Html) - 4));
    }

    private static void Measure(Targets targets, Kind kind, string shape, Func<FetchedPage, string> piece)
    {
        var html = HostilePages.Into(kind.Base.Html, piece(kind.Base));
        var page = kind.Base with { Html = html };
        var bytes = Bytes(html);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        string result;
        TimeSpan cpu;
        var escaped = false;
        try
        {
            (cpu, result) = Read(kind.Parser, page);
        }
        catch (Exception e)
        {
            (cpu, result, escaped) = (TimeSpan.Zero, $"{e.GetType().Name} escaped: {e.Message}", true);
        }

        var wall = clock.Elapsed;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        var warm = escaped ? TimeSpan.Zero : Enumerable.Range(0, 3).Min(_ => Read(kind.Parser, page).Cpu);
        var ratio = cpu.Ticks / (double)bytes / kind.TicksPerByte;
        targets.Check(
            $"{kind.Name}, {shape}",
            $"{bytes:N0} bytes, {cpu.TotalMilliseconds:N1} ms CPU ({wall.TotalMilliseconds:N1} ms wall; warm {warm.TotalMilliseconds:N1} ms), "
                + $"{ratio:F2} x the median page per byte, {allocated / 1e6:N1} MB allocated; {result}",
            $"< {MaxCpuMilliseconds:N0} ms CPU, <= {MaxRatio:N0} x per byte, no exception",
            !escaped && cpu.TotalMilliseconds < MaxCpuMilliseconds && ratio <= MaxRatio);
    }

    /// <summary>One page as a harvest reads it: the parser, then, if it read the page, the later stages' readers.</summary>
    private static (TimeSpan Cpu, string Result) Read(IMessagePageParser parser, FetchedPage page)
    {
        var (parse, readers, result) = ReadParts(parser, page);
        return (parse + readers, result);
    }

    /// <summary><see cref="Read"/>, the parser's and the readers' CPU time apart.</summary>
    private static (TimeSpan Parse, TimeSpan Readers, string Result) ReadParts(IMessagePageParser parser, FetchedPage page)
    {
        ParseOutcome<MailMessage> outcome = default;
        var parse = ThreadCpuClock.Measure(() => outcome = parser.Parse(page));
        var readers = TimeSpan.Zero;
        if (outcome.Value is { } message)
        {
            readers = ThreadCpuClock.Measure(() => HostilePages.ReadLaterStages(message));
        }

        return (parse, readers, outcome.Value is { } read ? $"read ({read.Body.Length:N0}-character body)" : "refused: " + outcome.Error);
    }

    /// <summary>
    /// The median real page of one archive: two seconds of warm-up over the 300 pages (JIT tiering), then three
    /// passes, each page timed alone; the median of the 900 CPU times per byte. The hostile pieces go into the page of
    /// median size.
    /// </summary>
    private static Kind Median(string name, IMessagePageParser parser, FetchedPage[] pages)
    {
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(2))
        {
            foreach (var page in pages)
            {
                Read(parser, page);
            }
        }

        var perByte = new List<double>();
        var perPage = new List<double>();
        var parses = new List<double>();
        for (var pass = 0; pass < 3; pass++)
        {
            foreach (var page in pages)
            {
                var (parse, readers, _) = ReadParts(parser, page);
                var cpu = parse + readers;
                perPage.Add(cpu.TotalMicroseconds);
                parses.Add(parse.TotalMicroseconds);
                perByte.Add(cpu.Ticks / (double)Bytes(page.Html));
            }
        }

        perByte.Sort();
        perPage.Sort();
        parses.Sort();
        var ticksPerByte = perByte[perByte.Count / 2];
        var bySize = pages.OrderBy(p => Bytes(p.Html)).ToArray();
        var basePage = bySize[bySize.Length / 2];
        Targets.Info(Verb, $"median real {name} page: {ticksPerByte * 100:F1} ns CPU per byte, {perPage[perPage.Count / 2]:N0} us per page (parser alone {parses[parses.Count / 2]:N0} us) "
            + $"({pages.Length} pages, {Bytes(bySize[0].Html):N0} to {Bytes(bySize[^1].Html):N0} bytes, median {Bytes(basePage.Html):N0}: {basePage.Url.Segments[^1]}, the page the pieces go into)");
        return new Kind(name, parser, basePage, ticksPerByte);
    }

    /// <summary>
    /// <c>--unbounded</c>, for reference only: the nesting shapes loaded by HtmlAgilityPack without the nesting bound
    /// (<c>PageLimits.MaxNesting</c>) or the tag caps, as before issue 12. Only the tree is built; the recursive
    /// <c>InnerText</c> that overflowed the stack at 45,000 levels is not called, so this cannot crash.
    /// </summary>
    private static void Unbounded(Kind[] kinds)
    {
        foreach (var depth in new[] { 10_000, 45_000 })
        {
            var kind = kinds[^1];
            var html = HostilePages.Into(kind.Base.Html, HostilePages.DeepNestingInAddress(depth));
            var clock = Stopwatch.StartNew();
            var cpu = ThreadCpuClock.Measure(() => new HtmlAgilityPack.HtmlDocument().LoadHtml(html));
            Targets.Info(Verb, $"unbounded (before issue 12): HtmlAgilityPack builds {depth:N0} nested <b> in a {kind.Name} page ({Bytes(html):N0} bytes): "
                + $"{cpu.TotalMilliseconds:N0} ms CPU ({clock.Elapsed.TotalMilliseconds:N0} ms wall), {cpu.Ticks / (double)Bytes(html) / kind.TicksPerByte:N0} x the median page per byte");
        }
    }

    /// <summary>Lines of a patch as an archive writes them (escaped, no tags), to about <paramref name="length"/> characters.</summary>
    private static string DiffLines(int length)
    {
        const string unit =
            "@@ -120,7 +120,9 @@ static int bpf_prog_load(union bpf_attr *attr, bpfptr_t uattr)\n"
            + " \tstruct bpf_prog *prog;\n"
            + "-\tif (attr-&gt;prog_flags &amp; ~BPF_F_SLEEPABLE)\n"
            + "+\tif (attr-&gt;prog_flags &amp; ~(BPF_F_SLEEPABLE | BPF_F_XDP_HAS_FRAGS))\n"
            + "+\t\treturn -EINVAL;\n"
            + " \terr = security_bpf_prog_load(prog, attr, token);\n";
        var sb = new StringBuilder(length);
        while (sb.Length + unit.Length <= length)
        {
            sb.Append(unit);
        }

        return sb.Append(' ', length - sb.Length).ToString();
    }

    private static int Bytes(string html) => Encoding.UTF8.GetByteCount(html);

    private static string Load() => File.Exists("/proc/loadavg")
        ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
        : "unknown";

    private sealed record Kind(string Name, IMessagePageParser Parser, FetchedPage Base, double TicksPerByte);
}
