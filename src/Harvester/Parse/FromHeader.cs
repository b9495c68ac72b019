namespace Harvester.Parse;

/// <summary>A From header split into display name and address, either of which may be missing.</summary>
public sealed record FromHeader(string Name, string? Address)
{
    /// <summary>The display name, or the address's local part when there is no name (MailMessage.Author rule).</summary>
    public string AuthorOrLocalPart =>
        Name.Length > 0 ? Name : Address is { } a && a.IndexOf('@', StringComparison.Ordinal) is var at and > 0 ? a[..at] : Address ?? "";

    /// <summary>True when the address is one MHonArc masked (<c>local@xxxx</c>, spinics.md §2.3), so not a real address.</summary>
    public bool IsMasked => Address is { } a && a.IndexOf('@', StringComparison.Ordinal) is var at and >= 0 &&
        at < a.Length - 1 && a.AsSpan(at + 1).TrimStart('x').IsEmpty;
}
