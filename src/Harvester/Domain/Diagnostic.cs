namespace Harvester.Domain;

public enum DiagnosticLevel
{
    Info,
    Warning,
    Error,
}

/// <summary>Something the editor should know about the harvest: a page that failed, was cut off, or could not be parsed.</summary>
public sealed record Diagnostic(DiagnosticLevel Level, string? Url, string Message);
