namespace Harvester.Group;

/// <summary>Placeholder until the Group stage lands: a grouping key for author names.</summary>
public static class AuthorName
{
    public static string Key(string name) => name.Trim().ToLowerInvariant();
}
