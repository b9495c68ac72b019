using System.Globalization;
using System.Text;

namespace Harvester.Tests.Support.Sites;

/// <summary>
/// Renders a <see cref="FixtureArchive"/> as www.mail-archive.com's netdev archive in the structure of
/// /work/shared/archive-html/mail-archive-sample-*.html: date index <c>maillist.html</c>, <c>mail2.html</c>... (2024
/// template, never-closed <c>li</c>) and 2026 Cloudflare-era <c>msg%05d.html</c> message pages. Messages without a
/// <c>MailArchiveNumber</c> are absent.
/// </summary>
public sealed partial class MailArchiveFixtureSite(FixtureArchive archive)
    : FixtureSite(archive, m => m.MailArchiveNumber, archive.Settings.MailArchivePageSize, archive.Settings.MailArchiveIndexLimit, m => m.Date)
{
    private const string List = "netdev@vger.kernel.org";

    /// <summary>
    /// mail-archive's own address truncation (mail-archive.md, SEEN on four addresses, rule INFERRED): the local
    /// part loses its last 3 characters, replaced by <c>...</c>; a local part of 3 or fewer keeps its first character.
    /// </summary>
    public static string Truncate(string text) =>
        SiteText.Address().Replace(text, m =>
        {
            var local = m.Groups["local"].Value;
            return (local.Length > 3 ? local[..^3] : local[..1]) + "...@" + m.Groups["domain"].Value;
        });

    /// <summary>The sender as mail-archive shows it: the display name, else the truncated address.</summary>
    public static string Sender(FixtureMessage m) => m.FromName.Length > 0 ? m.FromName : Truncate(m.FromAddress);

    protected override string RenderIndex(int page)
    {
        var pages = PageCount;
        var links = PageLinks(page, pages);
        var sb = new StringBuilder();
        sb.Append("<!-- MHonArc v2.6.19+ -->\n<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\"\n        \"http://www.w3.org/TR/html4/loose.dtd\">\n");
        sb.Append("<html>\n<head>\n\t<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\n\t<title>netdev</title>\n");
        sb.Append($"\t<link rel=\"stylesheet\" href=\"main.css\" media=\"screen\">\n\t<link rel=\"alternate\" title=\"netdev RSS\" href=\"/{List}/maillist.xml\" TYPE=\"application/rss+xml\">\n</head>\n");
        sb.Append("<body id=\"cron\">\n<div id=\"msgcontainer\">\n\t<a id=\"mail-archive-logo\" href=\"/\"></a>\n<h1>\n\t<span id=\"listlink\"><a href=\"info.html\">netdev</a></span> &nbsp;\n</h1>\n");
        sb.Append("\t<form action=\"/search\" method=get>\n\t\t<ul id=\"topLinks\">\n");
        sb.Append("\t\t\t<li><span class=\"threadlink\"><a href=\"index.html\" title=\"Messages by Thread\" accesskey=\"c\">Thread</a></span></li>\n");
        sb.Append("\t\t\t<li><span class=\"chronologicallink\">Date </span></li>\n");
        sb.Append($"\t\t\t<li>\n\t\t\t\t<label>\n<input type=text name=\"q\" value=\"\" size=25>\n<input type=\"hidden\" name=\"l\" value=\"{List}\">\n<input type=submit value=\"Search\">\n</label>\n\t\t\t</li>\n");
        sb.Append(links.Replace("\n", "\n\t\t\t", StringComparison.Ordinal).Insert(0, "\t\t\t")).Append("\n\t\t</ul>\n\t</form>\n</div>\n");
        sb.Append("<div id=\"msgcontainer2\">\n\t<div id=\"corner1\"></div>\n\t<div id=\"corner2\"></div>\n\t<div id=\"indexcontent\">\n\t\t<h2>\n\t\t\tMessages by Date\n\t\t</h2>\n\t\t<ul class=\"msglink\">\n");
        foreach (var m in OnPage(page))
        {
            var n = m.MailArchiveNumber!.Value;
            sb.Append("<li> \n<span class=\"date\">").Append(m.Date.UtcDateTime.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture)).Append("</span> \n");
            sb.Append($"<span class=\"subject\"><a name=\"{n:D5}\" href=\"{SiteText.MessageFile(n)}\">{SiteText.Escape(m.Subject)}</a></span> \n");
            sb.Append($"<span class=\"sender\">{SiteText.Escape(Sender(m))}</span>\n");
        }

        sb.Append("\t\t</ul>\n\t\t<ul id=\"botLinks\">\n").Append(links.Replace("\n", "\n\t\t", StringComparison.Ordinal).Insert(0, "\t\t"));
        sb.Append("\n\t\t</ul>\n\t</div>\n</div>\n\n<!-- These extra divs/spans may be used as catch-alls to add extra imagery. -->\n");
        for (var i = 1; i <= 6; i++)
        {
            sb.Append($"<div id=\"extraDiv{i}\"><span></span></div>");
        }

        return sb.Append("\n\n</body>\n</html>\n<!-- MHonArc v2.6.19+ -->\n").ToString();
    }

    /// <summary>nextpglink "Earlier messages" and prevpglink "Later messages", as the S3 capture shows per page position.</summary>
    private static string PageLinks(int page, int pages)
    {
        var next = $"<li><span class=\"nextpglink\"><A HREF=\"{SiteText.IndexFile(page + 1)}\" accesskey=\"p\">Earlier messages</A></span></li>";
        var prev = $"<li><span class=\"prevpglink\"><A HREF=\"{SiteText.IndexFile(page - 1)}\" accesskey=\"n\">Later messages</A></span></li>";
        return (page > 1, page < pages) switch
        {
            (false, true) => next + "\n<li> </li>",
            (true, true) => next + "\n" + prev,
            (true, false) => "<li> </li>\n" + prev,
            _ => "<li> </li>",
        };
    }
}
