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
}

/// <summary>A folder of <c>.eml</c> messages that the fixture server renders as both archives' pages.</summary>
public sealed class FixtureArchive
{
    private FixtureArchive(string directory, FixtureArchiveSettings settings, IReadOnlyList<FixtureMessage> messages)
    {
        Directory = directory;
        Settings = settings;
        Messages = messages;
    }

    public string Directory { get; }

    public FixtureArchiveSettings Settings { get; }

    /// <summary>All messages, oldest first.</summary>
    public IReadOnlyList<FixtureMessage> Messages { get; }

    /// <summary>The messages spinics holds, oldest first.</summary>
    public IEnumerable<FixtureMessage> OnSpinics => Messages.Where(m => m.SpinicsNumber is not null);

    /// <summary>The messages mail-archive holds, oldest first.</summary>
    public IEnumerable<FixtureMessage> OnMailArchive => Messages.Where(m => m.MailArchiveNumber is not null);

    /// <summary>The same messages and numbers with other site settings (page sizes, index limits).</summary>
    public FixtureArchive With(FixtureArchiveSettings settings) => new(Directory, settings, Messages);

    /// <summary>The archive as it was before some messages arrived: the same numbers, those messages absent.</summary>
    public FixtureArchive Without(Func<FixtureMessage, bool> absent) => new(Directory, Settings, [.. Messages.Where(m => !absent(m))]);

    public static FixtureArchive Load(string directory)
    {
        var settingsPath = Path.Combine(directory, "archive.json");
        var settings = File.Exists(settingsPath)
            ? JsonSerializer.Deserialize<FixtureArchiveSettings>(File.ReadAllText(settingsPath), JsonOptions)!
            : new FixtureArchiveSettings();
        var raw = System.IO.Directory.GetFiles(Path.Combine(directory, "messages"), "*.eml")
            .Order(StringComparer.Ordinal)
            .Select(Read)
            .OrderBy(m => m.Message.Date)
            .ThenBy(m => m.Message.FileName, StringComparer.Ordinal)
            .ToList();
        return new FixtureArchive(directory, settings, Number(raw, settings));
    }

    public static FixtureArchive FromMessages(IReadOnlyList<FixtureMessage> messages, FixtureArchiveSettings settings) =>
        new("(generated)", settings, Number(messages.OrderBy(m => m.Date).Select(m => (m, "", "")).ToList(), settings));

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

    private static (FixtureMessage Message, string Spinics, string MailArchive) Read(string path)
    {
        var mime = MimeMessage.Load(path);
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
