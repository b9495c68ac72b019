using System.Collections.Concurrent;
using Harvester.Crawl;

namespace Harvester.Parse;

/// <summary>
/// Reads each mailbox a source gave (a public-inbox search result) once per run and remembers the outcome, so the
/// source (which checks that its result reads, and forgets a cached one that does not) and the Parse stage share one
/// read, as <see cref="MessageReader"/> does for pages. Only patch mails, cover letters and the patchwork bot's replies
/// are kept (<see cref="CandidateRules"/>): the mails the HTML archives would fetch, so a run with lore lists what a run
/// without it lists, and the bot's replies read from lore go through the same <see cref="PatchworkBotReply"/> parse.
/// </summary>
public sealed class MailboxReader(long maxUnpackedBytes, long maxMailBytes)
{
    private readonly ConcurrentDictionary<Uri, MboxRead> _reads = new();

    public MailboxReader()
        : this(new Crawl.PublicInbox.PublicInboxOptions().MaxUnpackedBytes, new Crawl.PublicInbox.PublicInboxOptions().MaxMailBytes)
    {
    }

    public MboxRead Read(SourceMailbox mailbox) =>
        _reads.GetOrAdd(mailbox.Url, _ =>
        {
            var read = MboxReader.Read(mailbox.Content, mailbox.Archive, mailbox.InboxRoot, maxUnpackedBytes, maxMailBytes);
            return read with { Messages = [.. read.Messages.Where(CandidateRules.IsCandidate)] };
        });
}
