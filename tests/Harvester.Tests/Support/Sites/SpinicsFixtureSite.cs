using System.Globalization;
using System.Text;
using Harvester.Parse;

namespace Harvester.Tests.Support.Sites;

/// <summary>
/// Renders a <see cref="FixtureArchive"/> as spinics.net's netdev archive (MHonArc 2.6.19 defaults, structure of
/// /work/shared/archive-html/spinics-sample-*.html): date index <c>maillist.html</c>, <c>mail2.html</c>... newest
/// first, and <c>msg%05d.html</c> message pages. Messages without a <c>SpinicsNumber</c> are absent.
/// </summary>
public sealed partial class SpinicsFixtureSite(FixtureArchive archive)
    : FixtureSite(archive, m => m.SpinicsNumber, archive.Settings.SpinicsPageSize, archive.Settings.SpinicsIndexLimit, m => m.Received ?? m.Date)
{
    /// <summary>The list's name as spinics titles it: "Linux Netdev", "Linux BPF".</summary>
    private string ListTitle => this.archive.List == "netdev" ? "Linux Netdev" : "Linux " + this.archive.List.ToUpperInvariant();

    protected override string RenderIndex(int page)
    {
        var pages = PageCount;
        var sb = new StringBuilder();
        sb.Append("<!-- MHonArc v2.6.19 -->\n<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\"\n        \"http://www.w3.org/TR/html4/loose.dtd\">\n");
        sb.Append($"<html>\n<head>\n<title>{ListTitle} Date Index</title>\n</head>\n<body>\n");
        sb.Append($"<div class=\"spinics-chrome-top\"><a href=\"/lists/\">Index of Archives</a> &gt; <a href=\"/lists/{this.archive.List}/\">{ListTitle}</a></div>\n");
        sb.Append($"<h1>{ListTitle} Date Index</h1>\n<ul>\n<li><a href=\"threads.html\">Thread Index</a></li>\n</ul>\n");
        sb.Append(page == 1 ? "[Prev Page]" : $"[<a href=\"{SiteText.IndexFile(page - 1)}\">Prev Page</a>]");
        sb.Append(page == pages ? "[Next Page]" : $"[<a href=\"{SiteText.IndexFile(page + 1)}\">Next Page</a>]");
        sb.Append("\n<hr>\n<ul>\n");
        foreach (var m in OnPage(page))
        {
            var n = m.SpinicsNumber!.Value.ToString("D5", CultureInfo.InvariantCulture);
            sb.Append($"<li><strong><a name=\"{n}\" href=\"msg{n}.html\">{SiteText.Escape(m.Subject)}</a></strong>\n");
            sb.Append($"<ul><li><em>From</em>: {MaskedFrom(m)}</li></ul>\n</li>\n");
        }

        sb.Append("</ul>\n<hr>\n<address>\nMail converted by <a href=\"http://www.mhonarc.org/\">MHonArc</a>\n</address>\n");
        sb.Append("<div class=\"spinics-chrome-bottom\">[<a href=\"/lists/\">Index of Archives</a>] [<a href=\"/lists/bpf/\">BPF</a>]</div>\n");
        sb.Append("</body>\n</html>\n<!-- MHonArc v2.6.19 -->\n");
        return sb.ToString();
    }

    /// <summary><c>Name &lt;local@xxxx&gt;</c>, HTML-escaped and SPAMMODE-masked, as index entries and lists show From.</summary>
    private static string MaskedFrom(FixtureMessage m) =>
        SiteText.Escape(SpinicsMasking.Mask(m.FromName.Length == 0 ? m.FromAddress : $"{m.FromName} <{m.FromAddress}>"));

    /// <summary>The raw From header: <c>"Name" &lt;addr&gt;</c> (quoted when it holds specials), encoded words for non-ASCII.</summary>
    private static string RawFrom(FixtureMessage m)
    {
        if (m.FromName.Length == 0)
        {
            return m.FromAddress;
        }

        var name = SiteText.RawHeader(m.FromName);
        if (name == m.FromName && m.FromName.IndexOfAny(['"', ',', '.', '(', ')', '<', '>', '@', ':', ';', '\\', '[', ']']) >= 0)
        {
            name = "\"" + m.FromName.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        }

        return $"{name} <{m.FromAddress}>";
    }

    /// <summary>MHonArc's <c>commentize</c> (2.6.19+): <c>-</c>, <c>&amp;</c>, <c>&lt;</c> as decimal references.</summary>
    private static string Commentize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c is '-' or '&' or '<' ? $"&#{(int)c};" : c.ToString());
        }

        return sb.ToString();
    }
}
