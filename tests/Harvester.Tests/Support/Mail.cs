using Harvester.Domain;
using MimeKit;

namespace Harvester.Tests.Support;

/// <summary>Reads mbox and .eml files (fixtures, Patchwork's test mboxes in place) into <see cref="MailMessage"/>s.</summary>
public static class Mail
{
    /// <summary>Every message of an mbox file, in file order. Links point at <c>mbox:///FILE#N</c>.</summary>
    public static IReadOnlyList<MailMessage> LoadMbox(string path, string archive = "mbox")
    {
        using var stream = File.OpenRead(path);
        var parser = new MimeParser(stream, MimeFormat.Mbox);
        var messages = new List<MailMessage>();
        while (!parser.IsEndOfStream)
        {
            var mime = parser.ParseMessage();
            messages.Add(ToMailMessage(mime, new Uri($"mbox:///{Path.GetFileName(path)}#{messages.Count + 1}"), archive));
        }

        return messages;
    }

    /// <summary>One .eml file.</summary>
    public static MailMessage LoadEml(string path, string archive = "eml")
    {
        var mime = MimeMessage.Load(path);
        return ToMailMessage(mime, new Uri("file://" + Path.GetFullPath(path)), archive);
    }

    public static MailMessage ToMailMessage(MimeMessage mime, Uri link, string archive)
    {
        var from = mime.From.Mailboxes.FirstOrDefault();
        var references = mime.References.ToList();
        if (mime.InReplyTo is { } parent && !references.Contains(parent))
        {
            references.Add(parent);
        }

        return new MailMessage
        {
            MessageId = mime.MessageId ?? link.ToString(),
            Subject = Whitespace.Collapse(mime.Subject),
            Author = string.IsNullOrWhiteSpace(from?.Name) ? from?.Address ?? "" : from!.Name,
            AuthorAddress = from?.Address,
            Date = mime.Date.ToUniversalTime(),
            InReplyTo = mime.InReplyTo,
            References = references,
            Body = mime.TextBody ?? "",
            Links = [new ArchiveLink(archive, link)],
        };
    }
}
