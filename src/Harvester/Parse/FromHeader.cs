using System.Text.RegularExpressions;

namespace Harvester.Parse;

/// <summary>A From header split into display name and address, either of which may be missing.</summary>
public sealed record FromHeader(string Name, string? Address)
{
    /// <summary>The display name, or the address's local part when there is no name (MailMessage.Author rule).</summary>
    public string AuthorOrLocalPart =>
        Name.Length > 0 ? Name : Address is { } a && a.IndexOf('@', StringComparison.Ordinal) is var at and > 0 ? a[..at] : Address ?? "";
}

/// <summary>
/// Splits decoded From text in the three forms seen in mail: <c>"Name" &lt;user@host&gt;</c> (also unquoted),
/// <c>user@host (Name)</c> and a bare address. The name's encoded words (RFC 2047) are decoded after splitting so a
/// decoded <c>&lt;</c> or quote cannot confuse the split. Covered by FromHeaderTests.
/// </summary>
public static partial class FromHeaderParser
{
    public static FromHeader Parse(string text)
    {
        text = text.Trim();
        var angle = Angle().Match(text);
        if (angle.Success)
        {
            var name = text[..angle.Index];
            return new FromHeader(CleanName(name), NullIfEmpty(angle.Groups["addr"].Value.Trim()));
        }

        var paren = Parenthesised().Match(text);
        if (paren.Success)
        {
            return new FromHeader(CleanName(paren.Groups["name"].Value), paren.Groups["addr"].Value);
        }

        return text.Contains('@', StringComparison.Ordinal) && !text.Contains(' ', StringComparison.Ordinal)
            ? new FromHeader("", text)
            : new FromHeader(CleanName(text), null);
    }

    /// <summary>True when an address is one MHonArc masked (<c>local@xxxx</c>, spinics.md §2.3), so not a real address.</summary>
    public static bool IsMasked(string address) => Masked().IsMatch(address);

    private static string CleanName(string name)
    {
        name = name.Trim();
        if (name.Length >= 2 && name[0] == '"' && name[^1] == '"')
        {
            name = name[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
        }

        return HtmlText.Collapse(EncodedWords.Decode(name));
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    [GeneratedRegex(@"<(?<addr>[^<>]*)>\s*$")]
    private static partial Regex Angle();

    [GeneratedRegex(@"^(?<addr>\S+@\S+)\s*\((?<name>.*)\)\s*$")]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@"@x+$")]
    private static partial Regex Masked();
}
