using Harvester.Domain;
using HtmlAgilityPack;

namespace Harvester.Parse;

/// <summary>
/// Reads a www.mail-archive.com message page (2024/2026 "msgHead" template, mail-archive.md "Message page"). The
/// page has no MHonArc X- comments except the body start marker, and no In-Reply-To/References: those stay empty.
/// Author <c>Name via netdev</c> is kept as shown (normalised later). Cloudflare <c>data-cfemail</c> links are decoded.
/// </summary>
public sealed class MailArchiveMessagePageParser : IMessagePageParser
{
    private static readonly string HeadXPath = $"//div[{HtmlText.HasClass("msgHead")}]";

    public ParseOutcome<MailMessage> Parse(FetchedPage page) =>
        ParseOutcome<MailMessage>.Guard("mail-archive message page", () => ParseCore(page));

    private static ParseOutcome<MailMessage> ParseCore(FetchedPage page)
    {
        var doc = HtmlText.Load(page.Html);
        var root = doc.DocumentNode;
        var head = root.SelectSingleNode(HeadXPath);
        var bodyDiv = root.SelectSingleNode($"//div[{HtmlText.HasClass("msgBody")}]");
        if (head is null && bodyDiv is null)
        {
            return ParseOutcome<MailMessage>.Fail("no div.msgHead and no div.msgBody: not a mail-archive message page");
        }

        // The first itemprop=name on the page is the subject, the author's sits inside span.sender (mail-archive.md).
        // Without it (fixture message-footer-id-only.html) the span.subject text, then the title (subject only, S1/S3).
        var subject = HtmlText.InlineText(head?.SelectSingleNode($".//span[{HtmlText.HasClass("subject")}]//span[@itemprop='name']"));
        subject = subject.Length > 0 ? subject : HtmlText.InlineText(head?.SelectSingleNode($".//span[{HtmlText.HasClass("subject")}]"));
        subject = subject.Length > 0 ? subject : HtmlText.InlineText(root.SelectSingleNode("//title"));
        var sender = head?.SelectSingleNode($".//span[{HtmlText.HasClass("sender")}]//span[@itemprop='name']")
            ?? head?.SelectSingleNode($".//span[{HtmlText.HasClass("sender")}]");
        var author = HtmlText.InlineText(sender);
        if (author.Length == 0)
        {
            return ParseOutcome<MailMessage>.Fail("no sender in div.msgHead");
        }

        var dateNode = head?.SelectSingleNode($".//span[{HtmlText.HasClass("date")}]/a") ?? head?.SelectSingleNode($".//span[{HtmlText.HasClass("date")}]");
        if (!MailHeaders.TryParseDate(HtmlText.InlineText(dateNode), out var date))
        {
            return ParseOutcome<MailMessage>.Fail("no readable date in span.date");
        }

        var messageId = MessageId(root);
        if (messageId is null)
        {
            return ParseOutcome<MailMessage>.Fail("no Message-ID (input[name=msgid] or footer li.darkgray)");
        }

        return ParseOutcome<MailMessage>.Ok(new MailMessage
        {
            MessageId = messageId,
            Subject = subject,
            Author = author,
            Date = date,
            Body = bodyDiv is null ? "" : HtmlText.TidyBody(HtmlText.BlockText(BodyNodes(bodyDiv))),
            Links = [new ArchiveLink(page.Archive, page.Url)],
            ParentLink = SliceParent(root, page.Url),
        });
    }

    /// <summary>
    /// The parent in the thread slice: the current message (<c>li.tSliceCur</c>) sits in a <c>&lt;li&gt;&lt;ul&gt;</c>
    /// wrapper that follows its parent's <c>li.icons-email</c> (replies go in the NEXT SIBLING wrapper, S3 msg18641;
    /// sample mail-archive-sample-message.html: 2/3's parent is the cover msg302214). Null at the top of the slice.
    /// </summary>
    private static Uri? SliceParent(HtmlNode root, Uri pageUrl)
    {
        var current = root.SelectSingleNode($"//div[{HtmlText.HasClass("tSliceList")}]//li[{HtmlText.HasClass("tSliceCur")}]");
        var wrapper = current?.ParentNode?.Name == "ul" && !current.ParentNode.GetClasses().Contains("icons") ? current.ParentNode.ParentNode : null;
        if (wrapper?.Name != "li")
        {
            return null;
        }

        for (var sibling = wrapper.PreviousSibling; sibling is not null; sibling = sibling.PreviousSibling)
        {
            if (sibling.Name == "li" && sibling.GetClasses().Contains("icons-email"))
            {
                var href = sibling.SelectSingleNode(".//a[@href]")?.GetAttributeValue("href", "");
                return MhonarcPage.TryNumber(href ?? "", out _) && Uri.TryCreate(pageUrl, HtmlText.Decode(href), out var parent) ? parent : null;
            }
        }

        return null;
    }

    /// <summary>
    /// <c>input[name=msgid]</c> holds the full id, untouched by Cloudflare (S1); the footer <c>li.darkgray</c> is a
    /// fallback and is a <c>__cf_email__</c> link on 2026 pages (fixtures message-cloudflare.html,
    /// message-2024-no-cloudflare.html).
    /// </summary>
    private static string? MessageId(HtmlNode root)
    {
        var value = HtmlText.Decode(root.SelectSingleNode("//input[@name='msgid']")?.GetAttributeValue("value", "")).Trim();
        if (value.Length == 0)
        {
            value = HtmlText.InlineText(root.SelectSingleNode($"//div[{HtmlText.HasClass("footer")}]//li[{HtmlText.HasClass("darkgray")}]"));
        }

        return MessageIds.Normalize(value);
    }

    /// <summary>
    /// The body: children of div.msgBody after the <c>X-Body-of-Message</c> comment (there is no end marker on
    /// mail-archive, S2 commit c1e09cb), stopping at the message buttons in case broken markup nested them inside.
    /// </summary>
    private static IEnumerable<HtmlNode> BodyNodes(HtmlNode bodyDiv)
    {
        var children = bodyDiv.ChildNodes.ToList();
        var marker = children.FindIndex(n => n is HtmlCommentNode c && c.Comment.Contains("X-Body-of-Message", StringComparison.Ordinal));
        foreach (var node in children.Skip(marker + 1))
        {
            if (node.NodeType == HtmlNodeType.Element && node.GetClasses().Any(c => c is "msgButtons" or "tSliceList" or "msgActions"))
            {
                yield break;
            }

            yield return node;
        }
    }
}
