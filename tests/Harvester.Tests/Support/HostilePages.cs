using System.Text;

namespace Harvester.Tests.Support;

/// <summary>
/// The page shapes of issue 12 that once crashed or stalled a parse, built around a real page's text so that
/// everything else on the page is as the archive writes it. Shared by HostilePageTests, HostilePagePropertyTests, the
/// process tests and the benchmarks' <c>hostile</c> verb.
/// </summary>
public static class HostilePages
{
    /// <summary>
    /// What the later stages read from a parsed message (diffstat, commit message, subject, author): a hostile page's
    /// text must get through them too (HostilePagePropertyTests; the benchmark verb <c>hostile</c> times them).
    /// </summary>
    public static void ReadLaterStages(Harvester.Domain.MailMessage message)
    {
        Harvester.Filter.Diffstat.Parse(message.Body);
        Harvester.Filter.CommitMessage.Classify(message.Body, ["Signed-off-by", "Reviewed-by"]);
        Harvester.Group.SubjectParser.TryParse(message.Subject, out _);
        Harvester.Domain.AuthorName.Key(message.Author);
    }

    /// <summary>
    /// <paramref name="depth"/> unclosed <c>&lt;b&gt;</c> (10,000: 30 KB, the size issue 12 names). Without the nesting
    /// bound HtmlAgilityPack builds the whole chain, and its <c>AppendChild</c> walks up every parent per node: 0.3 to
    /// 1 s of building at 10,000 levels, 10 to 16.5 s at 40,000 to 45,000 (HtmlAgilityPack 1.13.0, under load;
    /// docs/benchmarks.md, verb <c>hostile --unbounded</c>). Every walk of ours is iterative (<c>HtmlText</c>, including
    /// <c>RawText</c> in place of <c>InnerText</c>), so none overflows the stack at any depth the tag cap allows; a
    /// recursive <c>InnerText</c> over <see cref="DeepNestingInAddress"/> without the bound did (exit 134).
    /// </summary>
    public static string DeepNesting(int depth = 10_000) => string.Concat(Enumerable.Repeat("<b>", depth)) + "deep";

    /// <summary>
    /// A Cloudflare-protected address (<c>data-cfemail</c>, as mail-archive writes them) whose hex is no address,
    /// wrapping <paramref name="depth"/> unclosed <c>&lt;b&gt;</c> (135 KB, within the 50,000-tag cap). The body walk
    /// falls back to HtmlAgilityPack's <c>InnerText</c>, which recurses once per level: without the nesting bound the
    /// stack overflowed at about 32,700 levels (8 MB stack, main or thread-pool thread) and the process died with
    /// exit 134 after about 15 s of quadratic parsing (HostilePageProcessTests).
    /// </summary>
    public static string DeepNestingInAddress(int depth = 45_000) =>
        "<a href=\"/cdn-cgi/l/email-protection\" class=\"__cf_email__\" data-cfemail=\"zz\">" + DeepNesting(depth);

    /// <summary>One line of <paramref name="length"/> spaces between two words (regexes that scan a run of spaces from every start).</summary>
    public static string LongSpaceLine(int length = 1_000_000) => "a" + new string(' ', length) + "b";

    /// <summary>
    /// A body line shaped like a diffstat name with no <c>|</c> after it: <c>Diffstat</c>'s stat-line pattern took 38 s
    /// (88.5 s under load) on 320,000 characters and four times as long per doubling.
    /// </summary>
    public static string StatLikeLine(int length = 320_000) => " x" + new string(' ', length) + "y";

    /// <summary>An MHonArc <c>X-</c> comment left open on a 1,000,000-character line: <c>MhonarcPage</c>'s pattern took 29 s (99.5 s under load).</summary>
    public static string OpenXComment(int length = 1_000_000) => "<!--X-Subject: " + new string(' ', length) + "x\n";

    /// <summary>More tags than a page may hold (<c>PageLimits.MaxTags</c> is 50,000).</summary>
    public static string ManyTags(int count = 60_000) => string.Concat(Enumerable.Repeat("<p>x", count));

    /// <summary>One tag never closed, its "attributes" a 1,000,000-word run of text.</summary>
    public static string EndlessTag(int words = 1_000_000) => "<a " + string.Concat(Enumerable.Repeat("x ", words));

    /// <summary>Entities of every kind, well-formed and not, repeated to <paramref name="length"/> characters.</summary>
    public static string EntitySoup(int length = 1_000_000)
    {
        const string unit = "&#128029;&#x1F41D;&amp;&amp;amp;&#;&#x;&#99999999999;&bogus;&lt;&#0;&#xD800;&nbsp;& &#65";
        var sb = new StringBuilder(length + unit.Length);
        while (sb.Length < length)
        {
            sb.Append(unit);
        }

        return sb.ToString();
    }

    /// <summary>The hostile shapes by name, each as a piece to put into a page's body.</summary>
    public static IReadOnlyList<(string Name, string Piece)> Shapes() =>
    [
        ("deep nesting (10,000 <b>)", DeepNesting()),
        ("1,000,000 spaces on one line", LongSpaceLine()),
        ("diffstat-like 320,000-character line", StatLikeLine()),
        ("open X- comment, 1,000,000 characters", OpenXComment()),
        ("60,000 tags", ManyTags()),
        ("one endless tag, 1,000,000 words", EndlessTag()),
        ("1,000,000 characters of entity soup", EntitySoup()),
    ];

    /// <summary><paramref name="page"/> with <paramref name="piece"/> put just after the body's start marker (or before <c>&lt;/body&gt;</c>).</summary>
    public static string Into(string page, string piece)
    {
        foreach (var marker in new[] { "<!--X-Body-of-Message-->", "<div class=\"msgBody\">", "<div itemprop=\"articleBody\" class=\"msgBody\">", "<ul class=\"msglink\">", "<ul>" })
        {
            var at = page.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                return page.Insert(at + marker.Length, "\n" + piece + "\n");
            }
        }

        var end = page.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return end >= 0 ? page.Insert(end, piece) : page + piece;
    }
}
