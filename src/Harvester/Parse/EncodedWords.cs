using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Harvester.Parse;

/// <summary>
/// A small RFC 2047 decoder for header text. spinics' <c>X-Subject</c> and <c>X-From-R13</c> hold the raw header,
/// which may still carry encoded words (<c>=?UTF-8?q?...?=</c>) unless MHonArc's DECODEHEADS is on (spinics.md
/// §2.2). Covered by fixtures/pages/spinics/message-rfc2047-subject.html and EncodedWordsTests.
/// Words in an unknown charset or with broken encoding are left as they are.
/// </summary>
public static partial class EncodedWords
{
    /// <summary>Decodes every encoded word; whitespace between two adjacent encoded words is dropped (RFC 2047 §6.2).</summary>
    public static string Decode(string text)
    {
        if (!text.Contains("=?", StringComparison.Ordinal))
        {
            return text;
        }

        var sb = new StringBuilder();
        var last = 0;
        var previousWasWord = false;
        foreach (Match m in Word().Matches(text))
        {
            var between = text[last..m.Index];
            var decoded = DecodeWord(m.Groups["charset"].Value, m.Groups["enc"].Value, m.Groups["text"].Value);
            if (!(previousWasWord && decoded is not null && string.IsNullOrWhiteSpace(between)))
            {
                sb.Append(between);
            }

            sb.Append(decoded ?? m.Value);
            previousWasWord = decoded is not null;
            last = m.Index + m.Length;
        }

        sb.Append(text, last, text.Length - last);
        return sb.ToString();
    }

    private static string? DecodeWord(string charset, string encoding, string payload)
    {
        var star = charset.IndexOf('*', StringComparison.Ordinal); // RFC 2231 language suffix: utf-8*en
        var encodingObject = GetEncoding(star >= 0 ? charset[..star] : charset);
        if (encodingObject is null)
        {
            return null;
        }

        var bytes = encoding is "B" or "b" ? FromBase64(payload) : FromQ(payload);
        return bytes is null ? null : encodingObject.GetString(bytes);
    }

    private static Encoding? GetEncoding(string name)
    {
        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(name) ?? Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static byte[]? FromBase64(string payload)
    {
        var buffer = new byte[payload.Length];
        return Convert.TryFromBase64String(payload, buffer, out var written) ? buffer[..written] : null;
    }

    private static byte[]? FromQ(string payload)
    {
        var bytes = new List<byte>(payload.Length);
        for (var i = 0; i < payload.Length; i++)
        {
            var c = payload[i];
            if (c == '_')
            {
                bytes.Add((byte)' ');
            }
            else if (c == '=' && i + 2 < payload.Length &&
                     byte.TryParse(payload.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 2;
            }
            else if (c > 0x7f)
            {
                return null;
            }
            else
            {
                bytes.Add((byte)c);
            }
        }

        return [.. bytes];
    }

    [GeneratedRegex(@"=\?(?<charset>[^?\s]+)\?(?<enc>[BbQq])\?(?<text>[^?\s]*)\?=")]
    private static partial Regex Word();
}
