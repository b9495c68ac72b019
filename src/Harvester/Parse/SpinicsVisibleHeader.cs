using Harvester.Domain;
using HtmlAgilityPack;

namespace Harvester.Parse;

/// <summary>
/// The visible header block MHonArc writes between <c>&lt;!--X-Head-of-Message--&gt;</c> markers:
/// <c>&lt;li&gt;&lt;em&gt;Label&lt;/em&gt;: value&lt;/li&gt;</c> (spinics.md §2.3). Fields are looked up by label,
/// case-insensitively, never by position (order and field set on spinics are unknown). Whether spinics shows the
/// block at all is uncertain, so it is optional: fixtures message-no-visible-header.html and
/// message-visible-header-only.html cover both directions.
/// </summary>
internal sealed class SpinicsVisibleHeader
{
    private readonly Dictionary<string, string> fields;

    private SpinicsVisibleHeader(Dictionary<string, string> fields) => this.fields = fields;

    public static SpinicsVisibleHeader Empty { get; } = new(new(StringComparer.OrdinalIgnoreCase));

    /// <summary>The decoded value of a label (<c>Subject</c>, <c>From</c>, <c>In-reply-to</c>...), or null.</summary>
    public string? this[string label] => fields.GetValueOrDefault(label);

    public bool IsEmpty => fields.Count == 0;

    /// <summary>Reads the block between the markers; without markers, the first <c>ul</c> whose items carry an <c>em</c> Subject or From label.</summary>
    public static SpinicsVisibleHeader Read(string html, HtmlDocument doc)
    {
        var fragment = MhonarcPage.Between(html, "Head-of-Message", "Head-of-Message-End", "Head-Body-Sep-Begin", "Body-of-Message");
        if (fragment is not null)
        {
            return FromItems(HtmlText.Load(fragment).DocumentNode.SelectNodes("//li[em]"));
        }

        var list = doc.DocumentNode.SelectSingleNode(
            "//ul[li/em[translate(normalize-space(.), 'SUBJECT', 'subject')='subject'] and li/em[translate(normalize-space(.), 'FROM', 'from')='from']]");
        return list is null ? Empty : FromItems(list.SelectNodes("li[em]"));
    }

    private static SpinicsVisibleHeader FromItems(HtmlNodeCollection? items)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var li in items ?? Enumerable.Empty<HtmlNode>())
        {
            var em = li.SelectSingleNode("em")!;
            var label = Whitespace.Collapse(HtmlText.Decode(HtmlText.RawText(em))).TrimEnd(':').Trim();
            var value = string.Concat(li.ChildNodes.SkipWhile(n => n != em).Skip(1).Select(HtmlText.RawText));
            value = Whitespace.Collapse(HtmlText.Decode(value));
            if (value.StartsWith(':'))
            {
                value = value[1..].Trim();
            }

            fields.TryAdd(label, value);
        }

        return new SpinicsVisibleHeader(fields);
    }
}
