using System.Globalization;
using HtmlAgilityPack;

namespace Harvester.Parse;

/// <summary>
/// Reads a www.mail-archive.com date index page (<c>maillist.html</c>, <c>mail2.html</c>...; mail-archive.md "Date
/// index"). Its <c>&lt;li&gt;</c> are never closed, so entries are found by their spans, not by <c>li</c> nesting:
/// <c>span.subject/a</c>, with <c>span.date</c> (<c>YYYY/MM/DD</c>) just before and <c>span.sender</c> just after
/// (fixture index-unclosed-li.html). The next (older) page is <c>span.nextpglink a</c> ("Earlier messages").
/// </summary>
public sealed class MailArchiveIndexPageParser : IIndexPageParser
{
    private static readonly string EntryXPath = $"//div[@id='indexcontent']//span[{HtmlText.HasClass("subject")}]/a[@href]";
    private static string[] Template() => ["<!-- MHonArc", "id=\"msgcontainer\"", "nextpglink", "prevpglink"];

    private static readonly string NextXPath = $"//span[{HtmlText.HasClass("nextpglink")}]/a[@href]";
    private static readonly string PrevXPath = $"//span[{HtmlText.HasClass("prevpglink")}]/a[@href]";

    /// <summary>Entries on a full date index page (archive-html/mail-archive.md: every full page of S3 holds 200).</summary>
    public const int FullPage = 200;

    public ParseOutcome<IndexPage> Parse(string archive, Uri pageUrl, string html) =>
        ParseOutcome<IndexPage>.Guard("mail-archive index page", () => ParseCore(archive, pageUrl, html));

    private static ParseOutcome<IndexPage> ParseCore(string archive, Uri pageUrl, string html)
    {
        var doc = HtmlText.Load(html);
        var root = doc.DocumentNode;
        if (root.SelectSingleNode("//div[@id='indexcontent']") is null)
        {
            // The rest of the template still there (MHonArc comment, div#msgcontainer, the page links): the list moved
            // or its div was renamed, which is drift (ChangedLayoutSite.MailArchiveIndexMoved). Without any of it, the
            // page is no archive at all (a proxy's or parked domain's page: fixture not-an-archive.html).
            return Template().Any(t => html.Contains(t, StringComparison.Ordinal))
                ? ParseOutcome<IndexPage>.MissingFields("mail-archive index page without div#indexcontent", [PageFields.Entries])
                : ParseOutcome<IndexPage>.Fail("no div#indexcontent: not a mail-archive index page");
        }

        var entries = new List<IndexEntry>();
        var seen = new HashSet<long>();
        var warnings = new List<string>();
        foreach (var a in root.SelectNodes(EntryXPath) ?? Enumerable.Empty<HtmlNode>())
        {
            var href = HtmlText.Decode(a.GetAttributeValue("href", ""));
            if (!MhonarcPage.TryNumber(href, out var number) || !seen.Add(number))
            {
                continue;
            }

            var span = a.ParentNode!;
            var day = Sibling(span, previous: true, "date") is { } dateSpan && DateOnly.TryParseExact(
                HtmlText.InlineText(dateSpan), "yyyy/MM/dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : (DateOnly?)null;
            if (!Uri.TryCreate(pageUrl, href, out var url))
            {
                // One malformed href used to throw in new Uri and lose the whole page (issue 12; HostilePageTests).
                warnings.Add($"entry {number}: href \"{IndexWarnings.Clip(href)}\" is not a URL; entry dropped");
                continue;
            }

            var sender = HtmlText.InlineText(Sibling(span, previous: false, "sender"));
            entries.Add(new IndexEntry(archive, number, url, HtmlText.InlineText(a), sender, day));
        }

        if (entries.Count == 0)
        {
            // A live list's date index is never empty: a renamed span.subject looks like this (layout drift).
            return ParseOutcome<IndexPage>.MissingFields("mail-archive index page", [PageFields.Entries]);
        }

        var next = HtmlText.Decode(root.SelectSingleNode(NextXPath)?.GetAttributeValue("href", ""));
        var nextPage = IndexWarnings.NextPage(pageUrl, next.Length == 0 || next == "#" ? null : next, warnings);
        // The last page has only prevpglink (archive-html/mail-archive.md, S3 mail16.html); a list's only page has
        // neither link and is less than a full page.
        var endMarked = nextPage is null && (root.SelectSingleNode(PrevXPath) is not null || entries.Count < FullPage);
        return ParseOutcome<IndexPage>.Ok(new IndexPage(entries, nextPage) { Warnings = warnings, EndMarked = endMarked });
    }

    /// <summary>
    /// The nearest element sibling before/after the subject span, if it is a span of the given class. Only whitespace
    /// may separate them, so a missing date never borrows the previous entry's (HtmlAgilityPack may flatten or nest
    /// the unclosed <c>li</c>; either way the three spans stay siblings).
    /// </summary>
    private static HtmlNode? Sibling(HtmlNode span, bool previous, string cssClass)
    {
        var node = previous ? span.PreviousSibling : span.NextSibling;
        while (node is HtmlTextNode text && string.IsNullOrWhiteSpace(text.Text))
        {
            node = previous ? node.PreviousSibling : node.NextSibling;
        }

        return node is { Name: "span" } && node.HasClass(cssClass) ? node : null;
    }
}
