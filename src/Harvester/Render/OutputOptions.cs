using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Harvester.Render;

/// <summary>Options of the Render stage (<c>Harvester:Output</c>).</summary>
public sealed class OutputOptions
{
    /// <summary>
    /// Which archive's link the Markdown shows (configured archive names, e.g. <c>MailArchive</c>, <c>Spinics</c>), in
    /// order of preference; falls back to the next listed archive that has the message, then to the message's first
    /// link (by archive name, then URL, so the choice never depends on input order).
    /// </summary>
    /// <value>The default value is an empty list (always the first link).</value>
    public List<string> PreferredArchives { get; set; } = [];

    /// <summary><c>author</c> (authors in order of their first series, each author's series by date) or <c>date</c>.</summary>
    /// <value>The default value is <c>author</c>, the seed issue's grouping.</value>
    [RegularExpression("^(?i:author|date)$")]
    public string Order { get; set; } = SeriesOrdering.ByAuthor;

    /// <summary>
    /// <c>none</c>: the Patches list flat, as the seed writes it; <c>area</c>: under <c>### </c> sub-headings by area
    /// (core and verifier, JIT compilers, libbpf, bpftool, XDP and drivers, sockmap, networking hooks, selftests, other),
    /// decided from the MAINTAINERS sections each series' diffstat touches (see <c>Harvester.Filter.SeriesAreas</c>).
    /// </summary>
    /// <value>The default value is <c>none</c>.</value>
    [RegularExpression("^(?i:none|area)$")]
    public string GroupBy { get; set; } = GroupByNone;

    public const string GroupByNone = "none";
    public const string GroupByArea = "area";

    /// <summary>Put code identifiers in subjects (<c>bpf_verify_program()</c>, <c>l4_offset</c>) in backticks; see <see cref="CodeSpanRule"/>.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool CodeSpans { get; set; } = true;

    /// <summary>The section's heading line.</summary>
    /// <value>The default value is <c>## Patches</c>, as in the seed issue.</value>
    public string Heading { get; set; } = "## Patches";

    /// <summary>Markdown printed after the heading's blank line and before the list; empty for none.</summary>
    /// <value>The default value is empty.</value>
    public string Header { get; set; } = "";

    /// <summary>Markdown printed after the list, separated by a blank line; empty for none.</summary>
    /// <value>The default value is empty (the seed's footer is set in <c>config/appsettings.json</c>).</value>
    public string Footer { get; set; } = "";

    /// <summary>The line printed instead of the list when no series is listed.</summary>
    /// <value>The default value is <c>No BPF/XDP patches were found in this window.</c></value>
    public string EmptyList { get; set; } = "No BPF/XDP patches were found in this window.";

    /// <summary>
    /// List irrelevant series too (<c>--all</c>): the Markdown marks them with <see cref="IrrelevantMark"/>. When false,
    /// irrelevant series in the report are left out of the Markdown (the JSON always lists every series it is given).
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool ListAll { get; set; }

    /// <summary>The parenthesised note after an irrelevant series' top line with <see cref="ListAll"/>.</summary>
    /// <value>The default value is <c>not BPF/XDP</c>, rendered as a trailing <c> (not BPF/XDP)</c>.</value>
    public string IrrelevantMark { get; set; } = "not BPF/XDP";

    /// <summary>The heading of the Pull requests section (<c>--sections pulls</c>).</summary>
    /// <value>The default value is <c>## Pull requests</c>.</value>
    public string PullRequestsHeading { get; set; } = "## Pull requests";

    /// <summary>The line printed instead of the pull requests when the window has none.</summary>
    /// <value>The default value is <c>No pull requests were found in this window.</c></value>
    public string NoPullRequests { get; set; } = "No pull requests were found in this window.";

    /// <summary>The heading of the Applied section (<c>--sections applied</c>).</summary>
    /// <value>The default value is <c>## Applied</c>.</value>
    public string AppliedHeading { get; set; } = "## Applied";

    /// <summary>The line printed instead of the Applied list when nothing BPF/XDP was applied in the window.</summary>
    /// <value>The default value is <c>No BPF/XDP series were applied in this window.</c></value>
    public string NoneApplied { get; set; } = "No BPF/XDP series were applied in this window.";

    /// <summary>Settings of the <c>--draft</c> issue skeleton.</summary>
    [ValidateObjectMembers]
    public DraftOptions Draft { get; set; } = new();
}
