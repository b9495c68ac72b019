using System.Globalization;
using System.Text;

namespace Harvester.Parse;

/// <summary>
/// Cloudflare's e-mail obfuscation (<c>&lt;a class="__cf_email__" data-cfemail="HEX"&gt;</c>), seen on 2026
/// mail-archive pages (mail-archive.md S1/S11): the first hex byte is the XOR key for every following byte.
/// Covered by fixtures/pages/mail-archive/message-cloudflare.html and the shared sample page.
/// </summary>
public static class CloudflareEmail
{
    /// <summary>Decodes a <c>data-cfemail</c> value, or null when it is not valid hex.</summary>
    public static string? Decode(string hex)
    {
        if (hex.Length < 2 || hex.Length % 2 != 0)
        {
            return null;
        }

        var bytes = new byte[(hex.Length / 2) - 1];
        if (!byte.TryParse(hex.AsSpan(0, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var key))
        {
            return null;
        }

        for (var i = 0; i < bytes.Length; i++)
        {
            if (!byte.TryParse(hex.AsSpan(2 + (2 * i), 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
            {
                return null;
            }

            bytes[i] = (byte)(b ^ key);
        }

        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Encodes text the way Cloudflare does, with the given key (used by fixture site writers and tests).</summary>
    public static string Encode(string text, byte key)
    {
        var sb = new StringBuilder(key.ToString("x2", CultureInfo.InvariantCulture));
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            sb.Append(((byte)(b ^ key)).ToString("x2", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}
