using System.Text;
using Harvester.Parse;

namespace Harvester.Tests.Support.Sites;

/// <summary>The message page of <see cref="SpinicsFixtureSite"/>, in the order of MHonArc's <c>output_mail</c> (spinics.md §2.1).</summary>
public sealed partial class SpinicsFixtureSite
{
    protected override string RenderMessage(FixtureMessage m)
    {
        var number = m.SpinicsNumber!.Value;
        var at = byDate.IndexOf(m);
        var prev = at > 0 ? byDate[at - 1] : null;
        var next = at + 1 < byDate.Count ? byDate[at + 1] : null;
        var references = References(m);
        var followUps = byDate.Where(r => r.InReplyTo == m.MessageId).ToList();
        var parent = m.InReplyTo is { } p && byId.TryGetValue(p, out var pm) ? pm : null;
        var subject = SiteText.Escape(m.Subject);

        var sb = new StringBuilder();
        sb.Append("<!-- MHonArc v2.6.19 -->\n");
        sb.Append($"<!--X-Subject: {Commentize(SiteText.RawHeader(m.Subject))} -->\n");
        sb.Append($"<!--X-From-R13: {Commentize(MhonarcRot13.Apply(RawFrom(m)))} -->\n");
        sb.Append($"<!--X-Date: {Commentize(SiteText.Rfc2822(m.Received ?? m.Date))} -->\n");
        sb.Append($"<!--X-Message-Id: {Commentize(m.MessageId)} -->\n");
        sb.Append("<!--X-Content-Type: text/plain -->\n");
        foreach (var id in references)
        {
            sb.Append($"<!--X-Reference: {Commentize(id)} -->\n");
        }

        sb.Append("<!--X-Head-End-->\n<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\"\n        \"http://www.w3.org/TR/html4/loose.dtd\">\n");
        sb.Append($"<html>\n<head>\n<title>{subject}</title>\n</head>\n<body>\n");
        sb.Append($"<div class=\"spinics-chrome-top\"><a href=\"/lists/\">Index of Archives</a> &gt; <a href=\"/lists/{this.archive.List}/\">{ListTitle}</a></div>\n");
        sb.Append("<!--X-Body-Begin-->\n<!--X-User-Header-->\n<!--X-User-Header-End-->\n<!--X-TopPNI-->\n<hr>\n");
        sb.Append(Nav(prev, "Date Prev")).Append(Nav(next, "Date Next")).Append(Nav(parent, "Thread Prev"))
            .Append(Nav(followUps.FirstOrDefault(), "Thread Next"));
        sb.Append($"[<a href=\"maillist.html#{number:D5}\">Date Index</a>][<a href=\"threads.html#{number:D5}\">Thread Index</a>]\n");
        sb.Append("<!--X-TopPNI-End-->\n<!--X-MsgBody-->\n<!--X-Subject-Header-Begin-->\n");
        sb.Append($"<h1>{subject}</h1>\n<hr>\n<!--X-Subject-Header-End-->\n<!--X-Head-of-Message-->\n<ul>\n");
        sb.Append($"<li><em>To</em>: {this.archive.List}@xxxxxxxxxxxxxxx</li>\n");
        sb.Append($"<li><em>Subject</em>: {subject}</li>\n<li><em>From</em>: {MaskedFrom(m)}</li>\n");
        sb.Append($"<li><em>Date</em>: {SiteText.Rfc2822(m.Date)}</li>\n");
        if (m.InReplyTo is { } inReplyTo)
        {
            sb.Append($"<li><em>In-reply-to</em>: {SiteText.Escape(SpinicsMasking.Mask($"<{inReplyTo}>"))}</li>\n");
        }

        if (references.Count > 0)
        {
            sb.Append($"<li><em>References</em>: {SiteText.Escape(SpinicsMasking.Mask(string.Join(' ', references.Select(r => $"<{r}>"))))}</li>\n");
        }

        sb.Append("</ul>\n<!--X-Head-of-Message-End-->\n<!--X-Head-Body-Sep-Begin-->\n<hr>\n<!--X-Head-Body-Sep-End-->\n");
        sb.Append("<!--X-Body-of-Message-->\n<pre>").Append(BodyHtml(m.Body)).Append("</pre>\n\n<!--X-Body-of-Message-End-->\n<!--X-MsgBody-End-->\n");
        sb.Append("<!--X-Follow-Ups-->\n<hr>\n");
        sb.Append(LinkList("Follow-Ups", followUps)).Append("<!--X-Follow-Ups-End-->\n<!--X-References-->\n");
        sb.Append(LinkList("References", [.. references.Where(byId.ContainsKey).Select(r => byId[r])])).Append("<!--X-References-End-->\n");
        sb.Append("<!--X-BotPNI-->\n<ul>\n");
        sb.Append(BotItem("Prev by Date:", prev)).Append(BotItem("Next by Date:", next))
            .Append(BotItem("Previous by thread:", parent)).Append(BotItem("Next by thread:", followUps.FirstOrDefault()));
        sb.Append($"<li>Index(es):\n<ul>\n<li><a href=\"maillist.html#{number:D5}\"><strong>Date</strong></a></li>\n");
        sb.Append($"<li><a href=\"threads.html#{number:D5}\"><strong>Thread</strong></a></li>\n</ul>\n</li>\n</ul>\n\n<!--X-BotPNI-End-->\n");
        sb.Append("<!--X-User-Footer-->\n<!--X-User-Footer-End-->\n");
        sb.Append("<div class=\"spinics-chrome-bottom\">[<a href=\"/lists/\">Index of Archives</a>]</div>\n</body>\n</html>\n<!-- MHonArc v2.6.19 -->\n");
        return sb.ToString();
    }

    /// <summary>X-Reference ids: References order, then In-Reply-To, duplicates removed (spinics.md §2.2).</summary>
    private static List<string> References(FixtureMessage m)
    {
        var list = new List<string>();
        foreach (var id in m.References.Append(m.InReplyTo ?? ""))
        {
            if (id.Length > 0 && !list.Contains(id))
            {
                list.Add(id);
            }
        }

        return list;
    }

    /// <summary>The body as MHonArc's text/plain filter writes it under SPAMMODE: masked, escaped, URLs linked.</summary>
    private static string BodyHtml(string body) =>
        SiteText.Url().Replace(SiteText.Escape(SpinicsMasking.Mask(body)), u => $"<a  rel=\"nofollow\" href=\"{u.Value}\">{u.Value}</a>");

    /// <summary>A top navigation button; plain text when there is no target (inactive form, spinics.md §2.6).</summary>
    private static string Nav(FixtureMessage? target, string label) =>
        target is null ? $"[{label}]" : $"[<a href=\"{SiteText.MessageFile(target.SpinicsNumber!.Value)}\">{label}</a>]";

    private static string BotItem(string label, FixtureMessage? target) =>
        target is null
            ? ""
            : $"<li>{label}\n<strong><a href=\"{SiteText.MessageFile(target.SpinicsNumber!.Value)}\">{SiteText.Escape(target.Subject)}</a></strong>\n</li>\n";

    private static string LinkList(string title, IReadOnlyList<FixtureMessage> messages)
    {
        if (messages.Count == 0)
        {
            return "";
        }

        var sb = new StringBuilder($"<ul><li><strong>{title}</strong>:\n<ul>\n");
        foreach (var r in messages)
        {
            var n = r.SpinicsNumber!.Value;
            sb.Append($"<li><strong><a name=\"{n:D5}\" href=\"msg{n:D5}.html\">{SiteText.Escape(r.Subject)}</a></strong>\n");
            sb.Append($"<ul><li><em>From:</em> {MaskedFrom(r)}</li></ul></li>\n");
        }

        return sb.Append("</ul></li></ul>\n").ToString();
    }
}
