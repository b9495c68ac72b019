using System.Text;
using Harvester.Domain;
using MimeKit;
using MimeKit.Utils;

namespace Harvester.Parse;

/// <summary>
/// Header text as the archives show it, read with MimeKit: RFC 2047 encoded words (spinics' <c>X-Subject</c> and
/// <c>X-From-R13</c> hold the raw header unless MHonArc's DECODEHEADS is on, spinics.md §2.2; fixture
/// message-rfc2047-subject.html), RFC 5322 dates (obsolete zone names, two-digit years, a trailing <c>(EDT)</c>
/// comment as on the MHonArc 2.5 page of spinics.md S7) and From headers in their three forms
/// (<c>"Name" &lt;user@host&gt;</c>, <c>user@host (Name)</c>, a bare address). Covered by HelperTests.
/// </summary>
public static class MailHeaders
{
    /// <summary>
    /// Decodes every encoded word; whitespace between two adjacent encoded words is dropped (RFC 2047 §6.2). A word in
    /// an unknown charset is read in MimeKit's fallback charsets (UTF-8, then ISO-8859-1).
    /// </summary>
    public static string DecodeWords(string text) =>
        text.Contains("=?", StringComparison.Ordinal) ? Rfc2047.DecodeText(Encoding.UTF8.GetBytes(text)) : text;

    /// <summary>Reads a date, keeping the sender's UTC offset (none given: UTC); false when the text holds no date.</summary>
    public static bool TryParseDate(string? text, out DateTimeOffset value)
    {
        value = default;
        return !string.IsNullOrWhiteSpace(text) && DateUtils.TryParse(text, out value);
    }

    /// <summary>
    /// Splits a raw From header (spinics' <c>X-From-R13</c>) into name and address with MimeKit. Text MimeKit cannot
    /// read as one mailbox is read as the pages show it (<see cref="ParseShownFrom"/>).
    /// </summary>
    public static FromHeader ParseFrom(string header) => TryMailbox(header) ?? ParseShownFrom(header);

    /// <summary>
    /// Splits From text as a page shows it (spinics' index entries and visible header): MHonArc prints the name as
    /// the sender wrote it, then <c>&lt;address&gt;</c>, so a name such as <c>A &amp; B; C</c> or one with bare quotes
    /// (fixture site's <c>O'Reviewer, Brian "B"</c>, RoundTripTests) is no RFC 5322 phrase and is split at the last
    /// angle address instead; a name in double quotes is unquoted, encoded words are decoded. Without an angle address
    /// the text goes to MimeKit (<c>user@host (Name)</c>, a bare address); text that is no address at all (an index
    /// entry showing only a name) is all name. Names are whitespace-collapsed.
    /// </summary>
    public static FromHeader ParseShownFrom(string shown)
    {
        shown = shown.Trim();
        var lt = shown.LastIndexOf('<');
        if (lt >= 0 && shown.EndsWith('>'))
        {
            var name = shown[..lt].Trim();
            if (name.Length >= 2 && name[0] == '"' && name[^1] == '"')
            {
                name = MimeUtils.Unquote(name);
            }

            var address = shown[(lt + 1)..^1].Trim();
            return new FromHeader(Whitespace.Collapse(DecodeWords(name)), address.Length == 0 ? null : address);
        }

        return TryMailbox(shown) ?? new FromHeader(Whitespace.Collapse(DecodeWords(shown)), null);
    }

    private static FromHeader? TryMailbox(string text) =>
        MailboxAddress.TryParse(text.Trim(), out var mailbox) && mailbox.Address.Contains('@', StringComparison.Ordinal)
            ? new FromHeader(Whitespace.Collapse(mailbox.Name ?? ""), mailbox.Address)
            : null;
}
