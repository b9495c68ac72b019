namespace Harvester.Render;

/// <summary>Options of the Render stage (<c>Harvester:Output</c>).</summary>
public sealed class OutputOptions
{
    /// <summary>Which archive's link the Markdown shows, in order of preference; falls back to the next that has the message.</summary>
    public List<string> PreferredArchives { get; set; } = [];

    /// <summary><c>author</c> (authors in order of their first series, each author's series by date) or <c>date</c>.</summary>
    public string Order { get; set; } = "author";

    /// <summary>Put code identifiers in subjects (<c>bpf_verify_program()</c>, <c>l4_offset</c>) in backticks.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool CodeSpans { get; set; } = true;

    /// <summary>Markdown printed after the heading line and before the list; empty for none.</summary>
    public string Header { get; set; } = "";

    /// <summary>Markdown printed after the list; empty for none.</summary>
    public string Footer { get; set; } = "";
}
