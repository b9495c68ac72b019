namespace Harvester.Parse;

/// <summary>The message and index parsers for an archive kind (<c>spinics</c> or <c>mail-archive</c>).</summary>
public static class PageParsers
{
    /// <summary>The parser pair for a kind, case-insensitively; null for an unknown kind.</summary>
    public static (IMessagePageParser Message, IIndexPageParser Index)? For(string kind) => kind.ToLowerInvariant() switch
    {
        "spinics" => (new SpinicsMessagePageParser(), new SpinicsIndexPageParser()),
        "mail-archive" => (new MailArchiveMessagePageParser(), new MailArchiveIndexPageParser()),
        _ => null,
    };
}
