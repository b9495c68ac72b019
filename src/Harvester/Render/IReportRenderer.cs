using Harvester.Domain;

namespace Harvester.Render;

/// <summary>Turns a harvest report into text: Markdown section, JSON or a whole draft issue. Pure: no I/O, no clock.</summary>
public interface IReportRenderer
{
    string Render(HarvestReport report);
}
