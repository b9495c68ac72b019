namespace Harvester.Parse;

/// <summary>
/// Recognises the proof-of-work page of Anubis, which kernel.org put in front of lore.kernel.org in 2025
/// (archive-html/lore.md "Being a good client"; it challenges User-Agents that contain "Mozilla"). Its markers come
/// from Anubis' page template (TecharoHQ/anubis <c>web/index.templ</c>): the <c>anubis_version</c> script, assets under
/// <c>/.within.website/x/cmd/anubis/</c>, the title "Making sure you're not a bot!", the footer "Protected by Anubis".
/// Such a page is reported, never parsed as mail and never solved. Covered by PublicInboxParseTests (fixture pages/public-inbox/anubis-challenge.html) and MailboxFetcherTests.
/// </summary>
public static class AnubisChallenge
{
    private static readonly string[] Markers =
    [
        "anubis_version", "anubis_challenge", "/.within.website/x/cmd/anubis", "Making sure you're not a bot", "Making sure you&#39;re not a bot",
        "Making sure you&#x27;re not a bot",
    ];

    public static bool IsChallenge(string? text) =>
        !string.IsNullOrEmpty(text)
        && !text.StartsWith("From ", StringComparison.Ordinal) // an mbox that quotes a challenge page is still mail
        && (Markers.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase))
            || (text.Contains("Protected by", StringComparison.Ordinal) && text.Contains("Anubis", StringComparison.Ordinal) && text.Contains("<html", StringComparison.OrdinalIgnoreCase)));

    /// <summary>The same check on a response's first bytes (read as UTF-8); a gzip stream is never a challenge page.</summary>
    public static bool IsChallenge(ReadOnlySpan<byte> body) =>
        !Gzip.IsGzip(body) && IsChallenge(System.Text.Encoding.UTF8.GetString(body[..Math.Min(body.Length, 64 * 1024)]));
}
