using Harvester.Domain;

namespace Harvester.Parse;

/// <summary>
/// Reads a spinics (MHonArc) message page. Metadata comes from the <c>X-</c> comments (spinics.md §5.2); the visible
/// header block is used only when a comment is missing, looked up by label. The body is every node between the
/// <c>X-Body-of-Message</c> markers, addresses left masked as MHonArc's SPAMMODE wrote them.
/// </summary>
public sealed class SpinicsMessagePageParser : IMessagePageParser
{
    public ParseOutcome<MailMessage> Parse(FetchedPage page) =>
        ParseOutcome<MailMessage>.Guard("spinics message page", () => ParseCore(page));

    private static ParseOutcome<MailMessage> ParseCore(FetchedPage page)
    {
        var html = page.Html;
        var comments = MhonarcPage.XComments(html);
        var doc = HtmlText.Load(html);
        var header = SpinicsVisibleHeader.Read(html, doc);
        if (comments.Count == 0 && header.IsEmpty && !html.Contains("<!-- MHonArc", StringComparison.Ordinal) && !html.Contains("<!--X-", StringComparison.Ordinal))
        {
            return ParseOutcome<MailMessage>.Fail("no MHonArc X- comments and no visible header: not a spinics message page");
        }

        if (comments.Count == 0 && header.IsEmpty)
        {
            // Renamed markers and labels look exactly like this (fixture site SpinicsFixtureSite with a changed
            // layout, Parse/LayoutDriftTests): every field is missing, which is what the drift error then says.
            return ParseOutcome<MailMessage>.MissingFields("no MHonArc X- comments and no visible header", PageFields.MessageRequired);
        }

        var missing = new List<string>();

        // The id is only in X-Message-Id: the visible header excludes Message-ID and masks every msg-id (spinics.md
        // §2.3). Without the comment the id is missing, never the page URL (fixture message-visible-header-only.html).
        var messageId = MessageIds.Normalize(MhonarcPage.First(comments, "Message-Id"));
        Require(messageId is not null, PageFields.MessageId);

        // X-Subject, else the visible Subject field; never <title> (a fallback that hides a renamed label, issue 16).
        var subject = MhonarcPage.First(comments, "Subject") ?? header["Subject"];
        Require(subject is not null, PageFields.Subject);

        var from = ReadFrom(comments, header);
        Require(from is not null, PageFields.Author);

        // The visible Date field is the mail's own Date header. X-Date is the date MHonArc sorted by: the first
        // Received header's when there is one (spinics.md §2.2), hours later for a delayed mail. So X-Date only when
        // the page shows no Date (the visible header may be absent, §2.3). Fixture: week-2026-11/310 (received 02:10Z
        // on 16 Nov, sent 23:45Z on 15 Nov: inside the window by its Date).
        var dated = MailHeaders.TryParseDate(header["Date"], out var date) || MailHeaders.TryParseDate(MhonarcPage.First(comments, "Date"), out date);
        Require(dated, PageFields.Date);

        var body = MhonarcPage.Between(html, "Body-of-Message", "Body-of-Message-End", "MsgBody-End", "Follow-Ups");
        Require(body is not null, PageFields.Body);
        if (missing.Count > 0)
        {
            return ParseOutcome<MailMessage>.MissingFields("spinics message page", missing);
        }

        var references = ReadReferences(comments);
        return ParseOutcome<MailMessage>.Ok(new MailMessage
        {
            MessageId = messageId!,
            Subject = Whitespace.Collapse(MailHeaders.DecodeWords(subject!)),
            Author = from!.AuthorOrLocalPart,
            AuthorAddress = from.IsMasked ? null : from.Address,
            Date = date,
            ArchivedAt = MailHeaders.TryParseDate(MhonarcPage.First(comments, "Date"), out var filed) ? filed : null,
            InReplyTo = PickInReplyTo(references, header["In-reply-to"]),
            References = references,
            Body = HtmlText.TidyBody(HtmlText.BlockText(HtmlText.Load(body!).DocumentNode.ChildNodes)),
            Links = [new ArchiveLink(page.Archive, page.Url)],
        });

        void Require(bool found, string field)
        {
            if (!found)
            {
                missing.Add(field);
            }
        }
    }

    private static FromHeader? ReadFrom(List<(string Name, string Value)> comments, SpinicsVisibleHeader header)
    {
        foreach (var (name, value) in comments)
        {
            if (name.Equals("From-R13", StringComparison.OrdinalIgnoreCase))
            {
                // mrot13 first, then entities: neither step touches what the other handles (spinics.md §5.2).
                // Pre-2.6.19 pages carry a raw "<" (fixture message-pre-2619-from-r13.html).
                return MailHeaders.ParseFrom(HtmlText.Decode(MhonarcRot13.Apply(value)));
            }
        }

        return header["From"] is { } visible ? MailHeaders.ParseShownFrom(visible) : null;
    }

    private static List<string> ReadReferences(List<(string Name, string Value)> comments)
    {
        var list = new List<string>();
        foreach (var (name, value) in comments)
        {
            if (name.Equals("Reference", StringComparison.OrdinalIgnoreCase) && MessageIds.Normalize(HtmlText.Decode(value)) is { } id && !list.Contains(id))
            {
                list.Add(id);
            }
        }

        return list;
    }

    /// <summary>The last reference that matches the visible In-reply-to once masked; else the last reference.</summary>
    private static string? PickInReplyTo(List<string> references, string? visibleInReplyTo)
    {
        if (references.Count == 0)
        {
            return null;
        }

        if (MsgIds(visibleInReplyTo).FirstOrDefault() is { } shown)
        {
            for (var i = references.Count - 1; i >= 0; i--)
            {
                if (references[i] == shown || SpinicsMasking.Mask(references[i]) == shown)
                {
                    return references[i];
                }
            }
        }

        return references[^1];
    }

    private static IEnumerable<string> MsgIds(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Split(['<', '>', ' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
