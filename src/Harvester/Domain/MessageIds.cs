namespace Harvester.Domain;

/// <summary>Message-IDs as Harvester keeps them: without angle brackets and surrounding space, compared ordinally.</summary>
public static class MessageIds
{
    /// <summary>The bare id of <c>&lt;id&gt;</c>, <c> id </c> or <c>id</c>; null when nothing is left.</summary>
    public static string? Normalize(string? id)
    {
        id = id?.Trim().TrimStart('<').TrimEnd('>').Trim();
        return string.IsNullOrEmpty(id) ? null : id;
    }
}
