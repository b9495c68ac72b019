using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;

namespace Harvester.Tests.Support.Sites;

/// <summary>One response of the fake public-inbox server.</summary>
public sealed record PublicInboxResponse(int Status, string ContentType, byte[] Body, string? Disposition = null);

/// <summary>
/// Renders fixture archives (one per list) as public-inbox's WWW interface does (lib/PublicInbox/WWW.pm, SearchView.pm,
/// Mbox.pm, MboxGz.pm, WwwAtomStream.pm; archive-html/lore.md), for the fake lore server:
/// <list type="bullet">
/// <item><c>POST &lt;list&gt;/?q=Q&amp;x=m</c>: every match as one gzipped mboxrd (<c>application/gzip</c>), newest docid
/// first, not capped; a body starting <c>x=</c> and a non-zero character adds whole threads (<c>t=1</c>); 404 "No
/// results found" when nothing matches.</item>
/// <item><c>GET &lt;list&gt;/?q=Q&amp;x=A</c>: an Atom feed of at most 200 entries (<c>l=</c> fewer), from offset <c>o=</c>,
/// newest first; any other <c>x</c> on a GET (<c>x=m</c> included: "ignored for GET requests") is the HTML result
/// page; 404 when nothing matches.</item>
/// <item><c>&lt;list&gt;/&lt;mid&gt;/raw</c> (one mail in mboxrd form, <c>text/plain</c>), <c>/t.mbox.gz</c>, the
/// message's HTML page, <c>new.atom</c> (25 newest).</item>
/// </list>
/// Message-IDs in paths are escaped as <c>mid_escape</c> does; the server unescapes them.
/// </summary>
public sealed class PublicInboxFixtureSite(IReadOnlyDictionary<string, FixtureArchive> lists, Uri? baseUrl = null)
{
    public const int SearchPageLimit = 200;

    /// <summary>The host root links in feeds point at (the server sets it once it knows its port).</summary>
    public Uri BaseUrl { get; set; } = baseUrl ?? new Uri("https://lore.kernel.org/");

    public PublicInboxResponse Handle(string method, string list, IReadOnlyList<string> rest, IReadOnlyDictionary<string, string> query, string postBody)
    {
        if (!lists.TryGetValue(list, out var archive))
        {
            return Text(404, "text/plain", "404 Not Found\n");
        }

        if (rest.Count == 0 || (rest.Count == 1 && rest[0] == ""))
        {
            return method == "POST" ? SearchMbox(archive, query, postBody) : Search(archive, list, query);
        }

        if (rest is ["new.atom"])
        {
            return Atom(list, archive.Messages.OrderByDescending(m => m.Date).Take(25).ToList(), "new.atom");
        }

        var mid = rest[0];
        var message = archive.Messages.FirstOrDefault(m => m.MessageId == mid);
        if (message is null)
        {
            return Text(404, "text/html", "<html><body><pre>Message-ID &lt;" + WebUtility.HtmlEncode(mid) + "&gt; not found</pre></body></html>");
        }

        return (rest.Count > 1 ? rest[1] : "") switch
        {
            "raw" => new PublicInboxResponse(200, "text/plain; charset=UTF-8", Mboxrd([message]), "inline; filename=" + FileName(message.Subject) + ".txt"),
            "t.mbox.gz" => Gzipped(Mboxrd(Thread(archive, message)), FileName(message.Subject)),
            "" => Text(200, "text/html", $"<html><head><title>{WebUtility.HtmlEncode(message.Subject)}</title></head><body><pre>{WebUtility.HtmlEncode(message.Body)}</pre></body></html>"),
            _ => Text(404, "text/plain", "404 Not Found\n"),
        };
    }

    private static PublicInboxResponse SearchMbox(FixtureArchive archive, IReadOnlyDictionary<string, string> query, string postBody)
    {
        if (query.GetValueOrDefault("x") != "m")
        {
            return Text(200, "text/html", "<html><body>search form</body></html>");
        }

        var parsed = PublicInboxQuery.Parse(query.GetValueOrDefault("q"));
        var matches = parsed is null ? archive.Messages.ToList() : archive.Messages.Where(parsed.Matches).ToList();
        if (matches.Count == 0)
        {
            return Text(404, "text/plain", "No results found\n");
        }

        // SearchView::mbox_results: a POST body of "x=" and a non-zero character asks for whole threads (t=1).
        if (postBody.Length >= 3 && postBody.StartsWith("x=", StringComparison.Ordinal) && postBody[2] != '0')
        {
            matches = matches.SelectMany(m => Thread(archive, m)).DistinctBy(m => m.MessageId).ToList();
        }

        var ordered = matches.OrderByDescending(m => m.Received ?? m.Date).ThenByDescending(m => m.FileName, StringComparer.Ordinal);
        return Gzipped(Mboxrd(ordered), "results-" + FileName(query.GetValueOrDefault("q") ?? ""));
    }

    private PublicInboxResponse Search(FixtureArchive archive, string list, IReadOnlyDictionary<string, string> query)
    {
        var parsed = PublicInboxQuery.Parse(query.GetValueOrDefault("q"));
        var matches = (parsed is null ? archive.Messages : archive.Messages.Where(parsed.Matches)).OrderByDescending(m => m.Date).ToList();
        if (matches.Count == 0)
        {
            return Text(404, "text/html", "<html><body><pre>\n[No results found]</pre><hr></body></html>");
        }

        if (query.GetValueOrDefault("x") != "A")
        {
            // "x=m" ignored for GET requests, use download buttons below (SearchView.pm)
            var rows = string.Concat(matches.Take(SearchPageLimit).Select(m => $"<li>{WebUtility.HtmlEncode(m.Subject)}</li>\n"));
            return Text(200, "text/html", $"<html><body><form id=d action=\"?q={WebUtility.HtmlEncode(query.GetValueOrDefault("q"))}&amp;x=m\" method=post><pre>*** \"x=m\" ignored for GET requests, use download buttons below ***\n<input type=submit name=z value=\"mbox.gz\"/></pre></form><ul>{rows}</ul></body></html>");
        }

        var offset = int.TryParse(query.GetValueOrDefault("o"), CultureInfo.InvariantCulture, out var o) && o > 0 ? o : 0;
        var limit = int.TryParse(query.GetValueOrDefault("l"), CultureInfo.InvariantCulture, out var l) && l > 0 && l < SearchPageLimit ? l : SearchPageLimit;
        return Atom(list, matches.Skip(offset).Take(limit).ToList(), "?q=" + Uri.EscapeDataString(query.GetValueOrDefault("q") ?? "") + "&x=A");
    }

    private PublicInboxResponse Atom(string list, IReadOnlyList<FixtureMessage> entries, string self)
    {
        var root = new Uri(BaseUrl, list + "/");
        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"us-ascii\"?>\n<feed\nxmlns=\"http://www.w3.org/2005/Atom\"\nxmlns:thr=\"http://purl.org/syndication/thread/1.0\">");
        sb.Append($"<title>{Xml(list)} - search results</title><link\nrel=\"alternate\"\ntype=\"text/html\"\nhref=\"{Xml(root.AbsoluteUri)}\"/><link\nrel=\"self\"\nhref=\"{Xml(root + self)}\"/>");
        sb.Append($"<id>urn:uuid:{Uuid(list + self)}</id><updated>{Updated(entries.Count > 0 ? entries[0].Date : DateTimeOffset.UnixEpoch)}</updated>");
        foreach (var m in entries)
        {
            var href = root + Harvester.Domain.PublicInboxLinks.Escape(m.MessageId) + "/";
            var irt = m.InReplyTo is { } parent
                ? $"<thr:in-reply-to\nref=\"urn:uuid:{Uuid(parent)}\"\nhref=\"{Xml(root + Harvester.Domain.PublicInboxLinks.Escape(parent))}/\"/>"
                : "";
            sb.Append($"<entry><author><name>{Xml(m.FromName)}</name><email>{Xml(m.FromAddress)}</email></author><title>{Xml(m.Subject)}</title><updated>{Updated(m.Date)}</updated>");
            sb.Append($"<link\nhref=\"{Xml(href)}\"/><id>urn:uuid:{Uuid(m.MessageId)}</id>{irt}<content\ntype=\"xhtml\"><div\nxmlns=\"http://www.w3.org/1999/xhtml\"><pre\nstyle=\"white-space:pre-wrap\">{Xml(m.Body)}</pre></div></content></entry>");
        }

        sb.Append("</feed>");
        return Text(200, "application/atom+xml", sb.ToString());
    }

    /// <summary>The thread a message belongs to: every mail sharing its root (first Reference, else itself).</summary>
    private static IEnumerable<FixtureMessage> Thread(FixtureArchive archive, FixtureMessage message)
    {
        static string Root(FixtureMessage m) => m.References.Count > 0 ? m.References[0] : m.InReplyTo ?? m.MessageId;
        var root = Root(message);
        return archive.Messages.Where(m => Root(m) == root || m.MessageId == root);
    }

    /// <summary>
    /// public-inbox's mboxrd (Mbox.pm msg_hdr/msg_body): a <c>From mboxrd@z</c> line, the header, the body with one more
    /// <c>&gt;</c> before every line that starts with any number of <c>&gt;</c> and <c>From </c>, and an extra newline.
    /// </summary>
    public static byte[] Mboxrd(IEnumerable<FixtureMessage> messages)
    {
        using var output = new MemoryStream();
        foreach (var message in messages)
        {
            var raw = Encoding.Latin1.GetString(message.ToRaw()).Replace("\r\n", "\n", StringComparison.Ordinal);
            var split = raw.IndexOf("\n\n", StringComparison.Ordinal);
            var (head, body) = split < 0 ? (raw.TrimEnd('\n') + "\n", "") : (raw[..(split + 1)], raw[(split + 2)..]);
            var quoted = string.Join('\n', body.Split('\n').Select(line => line.TrimStart('>').StartsWith("From ", StringComparison.Ordinal) ? ">" + line : line));
            output.Write(Encoding.Latin1.GetBytes("From mboxrd@z Thu Jan  1 00:00:00 1970\n" + head + "\n" + quoted + "\n"));
        }

        return output.ToArray();
    }

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    private static PublicInboxResponse Gzipped(byte[] mbox, string name) =>
        new(200, "application/gzip", Gzip(mbox), $"inline; filename={name}.mbox.gz");

    private static PublicInboxResponse Text(int status, string type, string body) => new(status, type + "; charset=UTF-8", Encoding.UTF8.GetBytes(body));

    private static string FileName(string subject)
    {
        var name = new string([.. subject.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        return name.Length == 0 ? "no-subject" : name[..Math.Min(name.Length, 60)];
    }

    private static string Updated(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Xml(string s) => WebUtility.HtmlEncode(s);

    private static string Uuid(string s)
    {
        var hex = Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(Encoding.UTF8.GetBytes(s))).ToLowerInvariant();
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}";
    }
}
