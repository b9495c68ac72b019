using System.Text;
using Harvester.Domain;
using MimeKit;

namespace Harvester.Parse;

/// <summary>
/// Reads one raw mail (RFC 5322, as a public-inbox archive serves it: an <c>x=m</c> mbox entry or <c>/raw</c>) into the
/// same <see cref="MailMessage"/> the HTML parsers give, with MimeKit: folded and RFC 2047-encoded headers, the sender's
/// UTC offset kept, quoted-printable and base64 bodies decoded in their charset. The body is every text part but HTML,
/// in order (a patch sent as a <c>text/x-patch</c> attachment included, as the archives show it inline). The link is
/// the message's page in the archive (<see cref="PublicInboxLinks"/>). Covered by PublicInboxParseTests (fixture pages/public-inbox/search-result.mboxrd).
/// </summary>
public static class RawMailParser
{
    public static ParseOutcome<MailMessage> Parse(byte[] mail, string archive, Uri inboxRoot) =>
        ParseOutcome<MailMessage>.Guard("raw mail", () => ParseCore(mail, archive, inboxRoot));

    private static ParseOutcome<MailMessage> ParseCore(byte[] mail, string archive, Uri inboxRoot)
    {
        using var stream = new MemoryStream(mail, writable: false);
        var mime = MimeMessage.Load(stream);
        if (MessageIds.Normalize(mime.MessageId) is not { } id)
        {
            return ParseOutcome<MailMessage>.Fail("no Message-ID header");
        }

        if (!mime.Headers.Contains(HeaderId.Date) || mime.Date == DateTimeOffset.MinValue)
        {
            return ParseOutcome<MailMessage>.Fail("no readable Date header in " + id);
        }

        var from = mime.From.Mailboxes.FirstOrDefault();
        var address = from?.Address is { Length: > 0 } a ? a : null;
        var name = Whitespace.Collapse(from?.Name ?? "");
        var author = name.Length > 0 ? name
            : address is not null && address.IndexOf('@', StringComparison.Ordinal) is var at and > 0 ? address[..at]
            : Whitespace.Collapse(mime.Headers[HeaderId.From] ?? "");

        var references = mime.References.Select(MessageIds.Normalize).OfType<string>().ToList();
        var inReplyTo = MessageIds.Normalize(mime.InReplyTo);
        if (inReplyTo is not null && !references.Contains(inReplyTo, StringComparer.Ordinal))
        {
            references.Add(inReplyTo);
        }

        return ParseOutcome<MailMessage>.Ok(new MailMessage
        {
            MessageId = id,
            Subject = Whitespace.Collapse(mime.Subject ?? ""),
            Author = author,
            AuthorAddress = address,
            Recipient = Whitespace.Collapse(mime.To.Mailboxes.FirstOrDefault()?.Name ?? "") is { Length: > 0 } to ? to : null,
            Date = mime.Date,
            InReplyTo = inReplyTo,
            References = references,
            Body = Body(mime),
            Links = [new ArchiveLink(archive, PublicInboxLinks.Message(inboxRoot, id)) { Kind = ArchiveKinds.PublicInbox }],
        });
    }

    private static string Body(MimeMessage mime)
    {
        var parts = mime.BodyParts.OfType<TextPart>().Where(p => !p.IsHtml).Select(p => p.Text).ToList();
        if (parts.Count == 0 && mime.HtmlBody is { } html)
        {
            parts.Add(HtmlText.BlockText(HtmlText.Load(html).DocumentNode.ChildNodes));
        }

        var text = new StringBuilder();
        foreach (var part in parts)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            text.Append(part.Replace("\r\n", "\n", StringComparison.Ordinal));
        }

        return HtmlText.TidyBody(text.ToString());
    }
}
