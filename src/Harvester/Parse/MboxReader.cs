using Harvester.Domain;

namespace Harvester.Parse;

/// <summary>What an mbox gave: the mails read, and a line per mail (or for the whole mbox) that could not be.</summary>
public sealed record MboxRead(IReadOnlyList<MailMessage> Messages, IReadOnlyList<string> Problems)
{
    /// <summary>The mbox itself could not be read (not an mbox, a challenge page, too large): nothing in it counts.</summary>
    public bool Failed { get; init; }
}

/// <summary>
/// Reads a public-inbox search result or thread (gzipped mboxrd, or the same unpacked) into <see cref="MailMessage"/>s,
/// one mail at a time: <see cref="Gzip"/> unpacks it under a cap, <see cref="MboxrdSplitter"/> cuts and unquotes it,
/// <see cref="RawMailParser"/> reads each mail. An HTML page (an Anubis challenge, an error page) is never read as mail.
/// Covered by PublicInboxParseTests.
/// </summary>
public static class MboxReader
{
    public static MboxRead Read(byte[] body, string archive, Uri inboxRoot, long maxUnpackedBytes, long maxMailBytes)
    {
        if (AnubisChallenge.IsChallenge(body))
        {
            return new MboxRead([], ["an Anubis proof-of-work challenge page, not an mbox (not solved, not read as mail)"]) { Failed = true };
        }

        if (!Gzip.IsGzip(body) && LooksLikeHtml(body))
        {
            return new MboxRead([], ["an HTML page, not an mbox"]) { Failed = true };
        }

        var messages = new List<MailMessage>();
        var problems = new List<string>();
        try
        {
            using var stream = Gzip.Open(body, maxUnpackedBytes);
            var index = 0;
            foreach (var mail in MboxrdSplitter.Split(stream, maxMailBytes))
            {
                index++;
                if (mail.Bytes is null)
                {
                    problems.Add($"mail {index} skipped: {mail.Size} bytes, more than {maxMailBytes}");
                    continue;
                }

                var outcome = RawMailParser.Parse(mail.Bytes, archive, inboxRoot);
                if (outcome.Succeeded)
                {
                    messages.Add(outcome.Value!);
                }
                else
                {
                    problems.Add($"mail {index} skipped: {outcome.Error}");
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return new MboxRead([], ["the mbox could not be read: " + e.Message]) { Failed = true };
        }

        if (messages.Count == 0)
        {
            // public-inbox answers "no match" with a 404, never with an empty mbox: one without a readable mail is no answer.
            return new MboxRead([], [.. problems, "no mail in the mbox"]) { Failed = true };
        }

        return new MboxRead(messages, problems);
    }

    private static bool LooksLikeHtml(byte[] body)
    {
        var start = System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 512)).TrimStart();
        return start.StartsWith('<');
    }
}
