using Harvester.Domain;
using Harvester.Filter;
using Harvester.Parse;

namespace Harvester.Check;

/// <summary>
/// Turns a parsed page into the fields <c>harvester check</c> reports (issue 16): for an index page its entries (count,
/// number, subject, author, dates where the kind has them) and its next-page link; for a message page its Message-ID,
/// subject, author, date, body and diffstat, and In-Reply-To/References when the page has them.
/// </summary>
public static class FieldReport
{
    /// <summary>The fields of an index page; <paramref name="dated"/> when the kind's index carries dates (mail-archive).</summary>
    public static List<FieldCheck> Index(ParseOutcome<IndexPage> outcome, bool dated)
    {
        if (!outcome.Succeeded)
        {
            return [new FieldCheck(PageFields.Entries, false, true, outcome.Error ?? "not read")];
        }

        var entries = outcome.Value!.Entries;
        var count = entries.Count;
        var fields = new List<FieldCheck>
        {
            new(PageFields.Entries, count > 0, true, count + " entries"),
            new(PageFields.Number, count > 0, true, count > 0 ? $"{entries.Min(e => e.Number)}..{entries.Max(e => e.Number)}" : "none"),
            Share(PageFields.Subject, entries.Count(e => e.Subject.Length > 0), count),
            Share(PageFields.Author, entries.Count(e => e.Author.Length > 0), count),
        };
        if (dated)
        {
            fields.Add(Share(PageFields.Dates, entries.Count(e => e.Day is not null), count));
        }

        // A list whose index has one page has no next link, and says so; a page that has neither lost its paging markup.
        var next = outcome.Value.NextPage;
        fields.Add(new FieldCheck(PageFields.NextPage, next is not null || outcome.Value.EndMarked, true,
            next?.AbsoluteUri ?? (outcome.Value.EndMarked ? "none: the page says it is the index's last" : "none, and no sign that this is the last page")));
        return fields;
    }

    /// <summary>The fields of a message page: every required one, then threading (optional) and the patch's diffstat.</summary>
    public static List<FieldCheck> Message(ParseOutcome<MailMessage> outcome)
    {
        if (!outcome.Succeeded)
        {
            // Missing names the absent fields; a page with no trace of the template lacks them all.
            var missing = outcome.Missing.Count > 0 ? outcome.Missing : PageFields.MessageRequired;
            return [.. PageFields.MessageRequired.Select(f => new FieldCheck(f, !missing.Contains(f), true, missing.Contains(f) ? "not found" : "found"))];
        }

        var m = outcome.Value!;
        var diffstat = Diffstat.Parse(m.Body);
        return
        [
            new(PageFields.MessageId, true, true, m.MessageId),
            new(PageFields.Subject, true, true, Short(m.Subject)),
            new(PageFields.Author, true, true, m.Author),
            new(PageFields.Date, true, true, m.Date.ToString("yyyy-MM-dd HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture)),
            new(PageFields.References, m.InReplyTo is not null || m.References.Count > 0, false,
                m.References.Count > 0 || m.InReplyTo is not null ? $"{m.References.Count} references" : "none on this page (a thread's first mail has none)"),
            new(PageFields.Body, m.Body.Length > 0, true, m.Body.Length + " characters"),
            new(PageFields.Diffstat, diffstat.FilesChanged > 0, true,
                diffstat.FilesChanged > 0 ? $"{diffstat.FilesChanged} file(s) changed" : "no 'N files changed' line in the body"),
        ];
    }

    /// <summary>Found when most entries have the field (one odd entry is not a layout change).</summary>
    private static FieldCheck Share(string field, int having, int count) =>
        new(field, count > 0 && having * 2 >= count, true, $"{having} of {count} entries");

    private static string Short(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
