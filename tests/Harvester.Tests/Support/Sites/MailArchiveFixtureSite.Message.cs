using System.Text;
using Harvester.Parse;

namespace Harvester.Tests.Support.Sites;

/// <summary>The message page of <see cref="MailArchiveFixtureSite"/> (2026 form of mail-archive-sample-message.html).</summary>
public sealed partial class MailArchiveFixtureSite
{
    protected override string RenderMessage(FixtureMessage m)
    {
        var n = m.MailArchiveNumber!.Value;
        var at = byDate.IndexOf(m);
        var prev = at > 0 ? byDate[at - 1] : null;
        var next = at + 1 < byDate.Count ? byDate[at + 1] : null;
        var key = (byte)((n % 250) + 3);
        var subject = SiteText.Escape(m.Subject);
        var sender = SiteText.Escape(Sender(m));
        var query = Uri.EscapeDataString(m.Subject).Replace("%20", "+", StringComparison.Ordinal);
        var sb = new StringBuilder();
        sb.Append($"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<title>{subject}</title>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<link rel=\"shortcut icon\" href=\"/favicon.ico\">\n");
        sb.Append($"<link rel=\"contents\" href=\"index.html#{n:D5}\" id=\"c\">\n<link rel=\"index\" href=\"maillist.html#{n:D5}\" id=\"i\">\n");
        sb.Append($"<link rel=\"prev\" href=\"{Href(prev)}\" id=\"p\">\n<link rel=\"next\" href=\"{Href(next)}\" id=\"n\">\n");
        sb.Append($"<link rel=\"canonical\" href=\"https://www.mail-archive.com/{List}/{SiteText.MessageFile(n)}\">\n");
        sb.Append("<link rel=\"stylesheet\" href=\"/normalize.css\" media=\"screen\">\n<link rel=\"stylesheet\" href=\"/master.css\" media=\"screen\">\n</head>\n<body>\n");
        sb.Append("<script language=\"javascript\" type=\"text/javascript\">\ndocument.onkeydown = NavigateThrough;\n</script>\n");
        sb.Append("<div itemscope itemtype=\"http://schema.org/Article\" class=\"container\">\n<div class=\"skipLink\">\n<a href=\"#nav\">Skip to site navigation (Press enter)</a>\n</div>\n");
        sb.Append("<div class=\"content\" role=\"main\">\n<div class=\"msgHead\">\n<h1>\n");
        sb.Append($"<span class=\"subject\"><a href=\"/search?l={List}&amp;q=subject:%22{query}%22&amp;o=newest\" rel=\"nofollow\"><span itemprop=\"name\">{subject}</span></a></span>\n</h1>\n");
        sb.Append("<p class=\"darkgray font13\">\n");
        sb.Append($"<span class=\"sender pipe\"><a href=\"/search?l={List}&amp;q=from:%22x%22\" rel=\"nofollow\"><span itemprop=\"author\" itemscope itemtype=\"http://schema.org/Person\"><span itemprop=\"name\">{sender}</span></span></a></span>\n");
        sb.Append($"<span class=\"date\"><a href=\"/search?l={List}&amp;q=date:{m.Date:yyyyMMdd}\" rel=\"nofollow\">{SiteText.Rfc2822(m.Date)}</a></span>\n</p>\n</div>\n");
        sb.Append("<div itemprop=\"articleBody\" class=\"msgBody\">\n<!--X-Body-of-Message-->\n").Append(BodyHtml(m.Body, key)).Append("\n</div>\n");
        sb.Append("<div class=\"msgButtons margintopdouble\">\n<ul class=\"overflow\">\n");
        sb.Append($"<li class=\"msgButtonItems\"><a class=\"button buttonleft {(prev is null ? "buttondisabled" : "")}\" accesskey=\"p\" href=\"{Href(prev)}\">Previous message</a></li>\n");
        sb.Append($"<li class=\"msgButtonItems textaligncenter\"><a class=\"button\" accesskey=\"c\" href=\"index.html#{n:D5}\">View by thread</a></li>\n");
        sb.Append($"<li class=\"msgButtonItems textaligncenter\"><a class=\"button\" accesskey=\"i\" href=\"maillist.html#{n:D5}\">View by date</a></li>\n");
        sb.Append($"<li class=\"msgButtonItems textalignright\"><a class=\"button buttonright {(next is null ? "buttondisabled" : "")}\" accesskey=\"n\" href=\"{Href(next)}\">Next message</a></li>\n</ul>\n</div>\n");
        sb.Append("<a name=\"tslice\"></a>\n<div class=\"tSliceList margintopdouble\">\n<ul class=\"icons monospace\">\n").Append(Slice(m)).Append("</ul>\n</div>\n");
        sb.Append("<div class=\"overflow msgActions margintopdouble\">\n<div class=\"msgReply\" >\n<h2>\n\t\t\t\t\tReply via email to\n</h2>\n<form method=\"POST\" action=\"/mailto.php\">\n");
        sb.Append($"<input type=\"hidden\" name=\"subject\" value=\"{subject}\">\n<input type=\"hidden\" name=\"msgid\" value=\"{SiteText.Escape(m.MessageId)}\">\n");
        sb.Append($"<input type=\"hidden\" name=\"relpath\" value=\"{List}/{SiteText.MessageFile(n)}\">\n<input type=\"submit\" value=\" {sender} \">\n</form>\n</div>\n</div>\n</div>\n");
        sb.Append($"<div class=\"aside\" role=\"complementary\">\n<div class=\"nav margintop\" id=\"nav\" role=\"navigation\">\n<ul class=\"icons font16\">\n<li class=\"icons-home\"><a href=\"/\">The Mail Archive home</a></li>\n<li class=\"icons-list\"><a href=\"/{List}/\">netdev - all messages</a></li>\n</ul>\n</div>\n</div>\n</div>\n");
        sb.Append("<div class=\"footer\" role=\"contentinfo\">\n<ul>\n<li><a href=\"/\">The Mail Archive home</a></li>\n<li><a href=\"/faq.html\">FAQ</a></li>\n");
        sb.Append($"<li class=\"darkgray\">{Protect(m.MessageId, key)}</li>\n</ul>\n</div>\n");
        sb.Append("<script data-cfasync=\"false\" src=\"/cdn-cgi/scripts/5c5dd728/cloudflare-static/email-decode.min.js\"></script>");
        sb.Append("<script>(function(){var a=document.createElement('script');a.src='/cdn-cgi/challenge-platform/scripts/jsd/main.js';})();</script></body>\n</html>\n");
        return sb.ToString();
    }

    private static string Href(FixtureMessage? m) => m is null ? "#" : SiteText.MessageFile(m.MailArchiveNumber!.Value);

    /// <summary>Cloudflare's rewriting of an address-like text (mail-archive.md "E-mail address obfuscation", layer 2).</summary>
    private static string Protect(string address, byte key) =>
        $"<a href=\"/cdn-cgi/l/email-protection\" class=\"__cf_email__\" data-cfemail=\"{CloudflareEmail.Encode(address, key)}\">[email&#160;protected]</a>";

    /// <summary>
    /// The body as mail-archive writes it: first paragraph in its own <c>pre</c>, the rest in a second one starting
    /// with the blank line; addresses truncated then Cloudflare-protected; other text escaped; URLs linked.
    /// </summary>
    private static string BodyHtml(string body, byte key)
    {
        body = body.Replace("\r\n", "\n", StringComparison.Ordinal);
        var split = body.IndexOf("\n\n", StringComparison.Ordinal);
        return split < 0
            ? "<pre>" + Convert(body, key) + "</pre>\n"
            : "<pre>" + Convert(body[..split], key) + "</pre><pre>" + Convert(body[split..], key) + "</pre>\n";
    }

    private static string Convert(string text, byte key)
    {
        var sb = new StringBuilder();
        var last = 0;
        foreach (System.Text.RegularExpressions.Match a in SiteText.Address().Matches(text))
        {
            sb.Append(Link(text[last..a.Index])).Append(Protect(Truncate(a.Value), key));
            last = a.Index + a.Length;
        }

        return sb.Append(Link(text[last..])).ToString();
    }

    private static string Link(string text) =>
        SiteText.Url().Replace(SiteText.Escape(text), u => $"<a  rel=\"nofollow\" href=\"{u.Value}\">{u.Value}</a>");

    /// <summary>The thread slice: the parent (when archived here), then the current message and its replies in the
    /// next-sibling <c>&lt;li&gt;&lt;ul&gt;</c> wrappers, closed with bare <c>&lt;/ul&gt;</c> (S3 msg18641).</summary>
    private string Slice(FixtureMessage m)
    {
        var parent = m.InReplyTo is { } p && byId.TryGetValue(p, out var pm) ? pm : null;
        var replies = byDate.Where(r => r.InReplyTo == m.MessageId).ToList();
        if (parent is null && replies.Count == 0)
        {
            return "\n";
        }

        var sb = new StringBuilder();
        if (parent is not null)
        {
            sb.Append(SliceItem(parent, current: false)).Append("<li><ul>\n");
        }

        sb.Append(SliceItem(m, current: true));
        if (replies.Count > 0)
        {
            sb.Append("<li><ul>\n");
            foreach (var r in replies)
            {
                sb.Append(SliceItem(r, current: false));
            }

            sb.Append("</ul>\n");
        }

        return sb.Append(parent is null ? "" : "</ul>\n").ToString();
    }

    private static string SliceItem(FixtureMessage m, bool current)
    {
        var subject = SiteText.Escape(m.Subject.Length > 40 ? m.Subject[..37] + "..." : m.Subject);
        var inner = current ? subject : $"<a href=\"{Href(m)}\">{subject}</a>";
        return $"<li class=\"icons-email{(current ? " tSliceCur" : "")}\"><span class=\"subject\">{inner}</span> <span class=\"sender italic\">{SiteText.Escape(Sender(m))}</span></li>\n";
    }
}
