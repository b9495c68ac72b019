using System.Text.Json;
using MimeKit;

namespace Harvester.Tests.Support;

/// <summary>
/// One message of a fixture archive, read from an <c>.eml</c> file. Its numbers on each site come from the
/// <c>X-Fixture-Spinics</c> / <c>X-Fixture-MailArchive</c> headers (a number, or <c>none</c> when that archive lacks
/// the message), else they are assigned in date order from the archive's <c>archive.json</c> start numbers.
/// </summary>
public sealed record FixtureMessage
{
    public required string FileName { get; init; }
    public required string MessageId { get; init; }
    public required string Subject { get; init; }
    public required string FromName { get; init; }
    public required string FromAddress { get; init; }
    public required DateTimeOffset Date { get; init; }
    public string? InReplyTo { get; init; }
    public IReadOnlyList<string> References { get; init; } = [];
    public required string Body { get; init; }
    /// <summary>
    /// When the list server received it (<c>X-Fixture-Received</c>), if not at once: MHonArc's X-Date is the first
    /// Received header's date when there is one (spinics.md §2.2), so a spinics page can disagree with its Date.
    /// </summary>
    public DateTimeOffset? Received { get; init; }

    public long? SpinicsNumber { get; init; }
    public long? MailArchiveNumber { get; init; }

    /// <summary>
    /// The lists the mail was sent to (<c>netdev</c>, <c>bpf</c>): those whose <c>@vger.kernel.org</c> address is in its
    /// To or Cc; a mail that names neither is a netdev mail (the fixtures were written for netdev first).
    /// </summary>
    public IReadOnlyList<string> Lists { get; init; } = ["netdev"];

    /// <summary>The mail as it was sent (the <c>.eml</c> file's bytes), or null for a generated one (then <see cref="ToRaw"/> writes it).</summary>
    public byte[]? Raw { get; init; }

    /// <summary>The mail as a public-inbox archive serves it: the file's bytes, or one written from the fields.</summary>
    public byte[] ToRaw()
    {
        if (Raw is not null)
        {
            return Raw;
        }

        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(FromName, FromAddress));
        mime.To.AddRange(Lists.Select(l => new MailboxAddress("", l + "@vger.kernel.org")));
        mime.Subject = Subject;
        mime.Date = Date;
        mime.MessageId = MessageId;
        if (InReplyTo is not null)
        {
            mime.InReplyTo = InReplyTo;
        }

        foreach (var reference in References)
        {
            mime.References.Add(reference);
        }

        mime.Body = new TextPart("plain") { Text = Body };
        using var output = new MemoryStream();
        mime.WriteTo(output);
        return output.ToArray();
    }
}

/// <summary>Settings of a fixture archive (<c>archive.json</c> beside its <c>messages/</c> folder).</summary>
public sealed record FixtureArchiveSettings
{
    public long SpinicsStart { get; init; } = 500_000;
    public long MailArchiveStart { get; init; } = 200_000;
    public int SpinicsPageSize { get; init; } = 20;
    public int MailArchivePageSize { get; init; } = 200;

    /// <summary>How many newest messages mail-archive's date index lists (older ones are reachable only by number).</summary>
    public int? MailArchiveIndexLimit { get; init; }

    /// <summary>How many newest messages spinics' date index lists.</summary>
    public int? SpinicsIndexLimit { get; init; }

    /// <summary>Where spinics' numbers start on a list other than netdev (its own numbering, <c>/lists/bpf/</c>).</summary>
    public long OtherListSpinicsStart { get; init; } = 90_000;
}

/// <summary>A folder of <c>.eml</c> messages that the fixture server renders as both archives' pages.</summary>
public sealed class FixtureArchive
{
    private FixtureArchive(string directory, FixtureArchiveSettings settings, IReadOnlyList<FixtureMessage> messages, string list = "netdev")
    {
        Directory = directory;
        Settings = settings;
        Messages = messages;
        List = list;
    }

    public string Directory { get; }

    /// <summary>The list this archive is of (<c>netdev</c>, <c>bpf</c>): it holds the mails sent to that list.</summary>
    public string List { get; }

    public FixtureArchiveSettings Settings { get; }

    /// <summary>All messages, oldest first.</summary>
    public IReadOnlyList<FixtureMessage> Messages { get; }

    /// <summary>The messages spinics holds, oldest first.</summary>
    public IEnumerable<FixtureMessage> OnSpinics => Messages.Where(m => m.SpinicsNumber is not null);

    /// <summary>The messages mail-archive holds, oldest first.</summary>
    public IEnumerable<FixtureMessage> OnMailArchive => Messages.Where(m => m.MailArchiveNumber is not null);

    /// <summary>The same messages and numbers with other site settings (page sizes, index limits).</summary>
    public FixtureArchive With(FixtureArchiveSettings settings) => new(Directory, settings, Messages, List);

    /// <summary>The archive as it was before some messages arrived: the same numbers, those messages absent.</summary>
    public FixtureArchive Without(Func<FixtureMessage, bool> absent) => new(Directory, Settings, [.. Messages.Where(m => !absent(m))], List);

    /// <summary>The same messages and numbers, each changed by <paramref name="change"/> (a hostile author, an emoji subject).</summary>
    public FixtureArchive Select(Func<FixtureMessage, FixtureMessage> change) => new(Directory, Settings, [.. Messages.Select(change)], List);

    /// <summary>
    /// The archive of one list (<c>netdev</c> by default): the folder's mails sent to that list. netdev's numbers come
    /// from the <c>X-Fixture-*</c> headers and the start numbers; another list's spinics numbers are its own, from
    /// <see cref="FixtureArchiveSettings.OtherListSpinicsStart"/> in date order.
    /// </summary>
    public static FixtureArchive Load(string directory, string list = "netdev")
    {
        var settingsPath = Path.Combine(directory, "archive.json");
        var settings = File.Exists(settingsPath)
            ? JsonSerializer.Deserialize<FixtureArchiveSettings>(File.ReadAllText(settingsPath), JsonOptions)!
            : new FixtureArchiveSettings();
        var raw = System.IO.Directory.GetFiles(Path.Combine(directory, "messages"), "*.eml")
            .Order(StringComparer.Ordinal)
            .Select(Read)
            .Where(m => m.Message.Lists.Contains(list))
            .OrderBy(m => m.Message.Date)
            .ThenBy(m => m.Message.FileName, StringComparer.Ordinal)
            .ToList();
        if (list != "netdev")
        {
            settings = settings with { SpinicsStart = settings.OtherListSpinicsStart };
            raw = raw.Select(m => (m.Message, "", "")).ToList(); // the X-Fixture-* numbers are netdev's
        }

        return new FixtureArchive(directory, settings, Number(raw, settings), list);
    }

    /// <summary>This archive with <paramref name="extra"/> added after its last message on both sites (numbers kept).</summary>
    public FixtureArchive WithLast(FixtureMessage extra) =>
        new(Directory, Settings, [.. Messages, extra with
        {
            SpinicsNumber = Messages.Max(m => m.SpinicsNumber) + 1,
            MailArchiveNumber = Messages.Max(m => m.MailArchiveNumber) + 1,
        }], List);

    public static FixtureArchive FromMessages(IReadOnlyList<FixtureMessage> messages, FixtureArchiveSettings settings, string list = "netdev") =>
        new("(generated)", settings, Number(messages.Where(m => m.Lists.Contains(list)).OrderBy(m => m.Date).Select(m => (m, "", "")).ToList(), settings), list);

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private static List<FixtureMessage> Number(List<(FixtureMessage Message, string Spinics, string MailArchive)> raw, FixtureArchiveSettings settings)
    {
        long nextSpinics = settings.SpinicsStart, nextMailArchive = settings.MailArchiveStart;
        var result = new List<FixtureMessage>();
        foreach (var (message, spinics, mailArchive) in raw)
        {
            result.Add(message with
            {
                SpinicsNumber = Assign(spinics, message.SpinicsNumber, ref nextSpinics),
                MailArchiveNumber = Assign(mailArchive, message.MailArchiveNumber, ref nextMailArchive),
            });
        }

        return result;
    }

    private static long? Assign(string header, long? given, ref long next)
    {
        if (header.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (long.TryParse(header, out var explicitNumber))
        {
            return explicitNumber;
        }

        return given ?? next++;
    }

    private static readonly string[] KnownLists = ["netdev", "bpf"];

    private static (FixtureMessage Message, string Spinics, string MailArchive) Read(string path)
    {
        var mime = MimeMessage.Load(path);
        var recipients = mime.To.Mailboxes.Concat(mime.Cc.Mailboxes).Select(m => m.Address.ToLowerInvariant()).ToList();
        var lists = KnownLists.Where(l => recipients.Contains(l + "@vger.kernel.org")).ToList();
        var from = mime.From.Mailboxes.First();
        var references = mime.References.ToList();
        if (mime.InReplyTo is { } parent && !references.Contains(parent))
        {
            references.Add(parent);
        }

        var message = new FixtureMessage
        {
            FileName = Path.GetFileName(path),
            MessageId = mime.MessageId ?? throw new InvalidDataException(path + " has no Message-ID"),
            Subject = mime.Subject ?? "",
            FromName = from.Name ?? "",
            FromAddress = from.Address,
            Date = mime.Date,
            InReplyTo = mime.InReplyTo,
            References = references,
            Body = mime.TextBody ?? "",
            Received = mime.Headers["X-Fixture-Received"] is { } received ? DateTimeOffset.Parse(received, System.Globalization.CultureInfo.InvariantCulture) : null,
            Lists = lists.Count > 0 ? lists : ["netdev"],
            Raw = File.ReadAllBytes(path),
        };
        return (message, mime.Headers["X-Fixture-Spinics"] ?? "", mime.Headers["X-Fixture-MailArchive"] ?? "");
    }
}

/// <summary>
/// One archive site rendered from a <see cref="FixtureArchive"/> in the real site's HTML structure. Given a file name
/// relative to the list root (<c>maillist.html</c>, <c>mail2.html</c>, <c>msg434497.html</c>), returns the page, or
/// null for a 404.
/// </summary>
public interface IFixtureSite
{
    string? Render(string fileName);
}
