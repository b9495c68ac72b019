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
    /// <summary>Marks of mail-archive's message template besides the head and body (mail-archive.md): drift keeps them.</summary>
    private static readonly string[] Template = ["<!--X-Body-of-Message-->", "tSliceList", "msgButtons", "/mailto.php"];

    private static readonly string HeadXPath = $"//div[{HtmlText.HasClass("msgHead")}]";

    public ParseOutcome<MailMessage> Parse(FetchedPage page) =>
        ParseOutcome<MailMessage>.Guard("mail-archive message page", () => ParseCore(page));

    private static ParseOutcome<MailMessage> ParseCore(FetchedPage page)
    {
        var doc = HtmlText.Load(page.Html);
        var root = doc.DocumentNode;
        var head = root.SelectSingleNode(HeadXPath);
        var bodyDiv = root.SelectSingleNode($"//div[{HtmlText.HasClass("msgBody")}]");
        if (head is null && bodyDiv is null && !Template.Any(t => page.Html.Contains(t, StringComparison.Ordinal)))
        {
            return ParseOutcome<MailMessage>.Fail("no div.msgHead and no div.msgBody: not a mail-archive message page");
        }

        if (head is null && bodyDiv is null)
        {
            // A renamed msgHead/msgBody class looks like this: every field is missing (Parse/LayoutDriftTests).
            return ParseOutcome<MailMessage>.MissingFields("no div.msgHead and no div.msgBody", PageFields.MessageRequired);
        }

        // The first itemprop=name on the page is the subject, the author's sits inside span.sender (mail-archive.md).
        // Without it the span.subject text (fixture message-footer-id-only.html); never the <title>: a fallback that
        // hides a renamed class is drift, not a reading (issue 16, Parse/LayoutDriftTests).
        var missing = new List<string>();
        var messageId = MessageId(root);
        Require(messageId is not null, PageFields.MessageId);
        var subject = HtmlText.InlineText(head?.SelectSingleNode($".//span[{HtmlText.HasClass("subject")}]//span[@itemprop='name']"));
        subject = subject.Length > 0 ? subject : HtmlText.InlineText(head?.SelectSingleNode($".//span[{HtmlText.HasClass("subject")}]"));
        Require(subject.Length > 0, PageFields.Subject);
        var sender = head?.SelectSingleNode($".//span[{HtmlText.HasClass("sender")}]//span[@itemprop='name']")
            ?? head?.SelectSingleNode($".//span[{HtmlText.HasClass("sender")}]");
        var author = HtmlText.InlineText(sender);
        Require(author.Length > 0, PageFields.Author);
        var dateNode = head?.SelectSingleNode($".//span[{HtmlText.HasClass("date")}]/a") ?? head?.SelectSingleNode($".//span[{HtmlText.HasClass("date")}]");
        Require(MailHeaders.TryParseDate(HtmlText.InlineText(dateNode), out var date), PageFields.Date);
        Require(bodyDiv is not null, PageFields.Body);
        if (missing.Count > 0)
        {
            return ParseOutcome<MailMessage>.MissingFields("mail-archive message page", missing);
        }

        return ParseOutcome<MailMessage>.Ok(new MailMessage
        {
            MessageId = messageId!,
            Subject = subject,
            Author = author,
            Date = date,
            Body = HtmlText.TidyBody(HtmlText.BlockText(BodyNodes(bodyDiv!))),
            Links = [new ArchiveLink(page.Archive, page.Url)],
            ParentLink = SliceParent(root, page.Url),
        });

        void Require(bool found, string field)
        {
            if (!found)
            {
                missing.Add(field);
            }
        }
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
