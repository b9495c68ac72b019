using System.Text;
using Harvester.Domain;

namespace Harvester.Render;

/// <summary>
/// Prints the chosen sections (<see cref="ReportSections"/>) one after another, a blank line between them, in the fixed
/// order patches, pulls, applied. With <c>patches</c> alone it is exactly <see cref="MarkdownRenderer"/>'s output.
/// </summary>
public sealed class SectionsRenderer(OutputOptions options, IReadOnlyList<string> sections) : IReportRenderer
{
    public string Render(HarvestReport report)
    {
        var sb = new StringBuilder();
        foreach (var section in ReportSections.All.Where(sections.Contains))
        {
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            sb.Append(Section(section, report, options));
        }

        return sb.ToString();
    }

    internal static string Section(string section, HarvestReport report, OutputOptions options) => section switch
    {
        ReportSections.Patches => new MarkdownRenderer(options).Render(report),
        ReportSections.Pulls => new PullRequestsSection(options).Render(report.PullRequests),
        ReportSections.Applied => new AppliedSection(options).Render(report),
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, "not a section"),
    };
}
