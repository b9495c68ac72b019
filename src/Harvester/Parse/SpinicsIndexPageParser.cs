using Harvester.Domain;
using HtmlAgilityPack;

namespace Harvester.Parse;

/// <summary>
/// Reads a spinics date index page (<c>maillist.html</c>, <c>mail2.html</c>...): MHonArc's default entry
/// <c>&lt;li&gt;&lt;strong&gt;&lt;a name="N" href="msgN.html"&gt;</c> followed by <c>&lt;em&gt;From&lt;/em&gt;: Name
/// &lt;local@xxxx&gt;</c> (spinics.md §3.1). Spinics' index carries no dates, so <see cref="IndexEntry.Day"/> is null.
/// The next (older) page is the <c>a</c> whose text is <c>Next Page</c>; on the last page it is plain text.
/// </summary>
public sealed class SpinicsIndexPageParser : IIndexPageParser
{
    public ParseOutcome<IndexPage> Parse(string archive, Uri pageUrl, string html) =>
        ParseOutcome<IndexPage>.Guard("spinics index page", () => ParseCore(archive, pageUrl, html));

    private static ParseOutcome<IndexPage> ParseCore(string archive, Uri pageUrl, string html)
    {
        if (html.Contains("<!--X-Body-of-Message-->", StringComparison.Ordinal))
        {
            // A message page's Follow-Ups list has the same li/strong/a[@name] shape; do not read it as an index.
            return ParseOutcome<IndexPage>.Fail("a message page, not a date index");
        }

        var doc = HtmlText.Load(html);
        var entries = new List<IndexEntry>();
        var seen = new HashSet<long>();
        var warnings = new List<string>();
        // Attribute order (name before href, seen S2) does not matter to XPath: fixture index-href-before-name.html.
        foreach (var a in doc.DocumentNode.SelectNodes("//li/strong/a[@name][starts-with(@href,'msg')]") ?? Enumerable.Empty<HtmlNode>())
        {
            var href = HtmlText.Decode(a.GetAttributeValue("href", ""));
            if (!MhonarcPage.TryNumber(href, out var number) || !seen.Add(number))
            {
                continue;
            }

            if (!Uri.TryCreate(pageUrl, href, out var url))
            {
                // One malformed href used to throw in new Uri and lose the whole page (issue 12; HostilePageTests).
                warnings.Add($"entry {number}: href \"{IndexWarnings.Clip(href)}\" is not a URL; entry dropped");
                continue;
            }

            var subject = Whitespace.Collapse(MailHeaders.DecodeWords(HtmlText.Decode(HtmlText.RawText(a))));
            entries.Add(new IndexEntry(archive, number, url, subject, Author(a), null));
        }

        var nav = PageLinks(doc);
        if (entries.Count == 0 && !nav.Marker && !html.Contains("<!-- MHonArc", StringComparison.Ordinal))
        {
            return ParseOutcome<IndexPage>.Fail("no MHonArc index entries and no Next/Prev Page marker: not an archive index");
        }

        if (entries.Count == 0)
        {
            // An MHonArc index page of a live list is never empty: zero entries is a moved or renamed list (layout
            // drift, issue 16; ChangedLayoutSite.SpinicsIndexMoved, Parse/LayoutDriftTests).
            return ParseOutcome<IndexPage>.MissingFields("spinics index page", [PageFields.Entries]);
        }

        var next = IndexWarnings.NextPage(pageUrl, nav.Next, warnings);
        return ParseOutcome<IndexPage>.Ok(new IndexPage(entries, next) { Warnings = warnings, EndMarked = next is null && nav.InactiveNext });
    }

    /// <summary>The name in the entry's <c>&lt;em&gt;From&lt;/em&gt;:</c> item, without the masked address.</summary>
    private static string Author(HtmlNode anchor)
    {
        if (anchor.ParentNode?.ParentNode is not { } li)
        {
            return "";
        }

        foreach (var item in li.SelectNodes(".//li[em]") ?? Enumerable.Empty<HtmlNode>())
        {
            var em = item.SelectSingleNode("em")!;
            if (!HtmlText.Decode(HtmlText.RawText(em)).Trim().TrimEnd(':').Equals("From", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var text = Whitespace.Collapse(HtmlText.Decode(string.Concat(item.ChildNodes.SkipWhile(n => n != em).Skip(1).Select(HtmlText.RawText))));
            return MailHeaders.ParseShownFrom(text.TrimStart(':').Trim()).AuthorOrLocalPart;
        }

        return "";
    }

    /// <summary>
    /// The href of the active <c>Next Page</c> link, whether any Next/Prev Page marker (linked or the inactive
    /// plain <c>[Next Page]</c>) is on the page, and whether the inactive <c>[Next Page]</c> is (the last page; fixtures
    /// index-first-page.html, index-last-page.html).
    /// </summary>
    private static (string? Next, bool Marker, bool InactiveNext) PageLinks(HtmlDocument doc)
    {
        string? next = null;
        foreach (var a in doc.DocumentNode.SelectNodes("//a[@href]") ?? Enumerable.Empty<HtmlNode>())
        {
            if (Whitespace.Collapse(HtmlText.Decode(HtmlText.RawText(a))).Equals("Next Page", StringComparison.OrdinalIgnoreCase))
            {
                next = HtmlText.Decode(a.GetAttributeValue("href", ""));
                break;
            }
        }

        var text = HtmlText.RawText(doc.DocumentNode);
        var inactiveNext = next is null && text.Contains("[Next Page]", StringComparison.Ordinal);
        var marker = next is not null || text.Contains("Next Page", StringComparison.Ordinal) || text.Contains("Prev Page", StringComparison.Ordinal);
        return (string.IsNullOrEmpty(next) ? null : next, marker, inactiveNext);
    }
}
