// Temporary stand-ins for the stages other branches deliver; deleted as each lands.
using Harvester.Domain;
using Harvester.Render;

namespace Harvester.Render
{
    public sealed class MarkdownRenderer(OutputOptions options)
    {
        public string Render(HarvestReport report) => "## Patches\n" + options.Footer;
    }

    public sealed class DraftRenderer(OutputOptions options)
    {
        public string Render(HarvestReport report) => "## Patches\n" + options.Footer;
    }

    public sealed class JsonRenderer
    {
        public string Render(HarvestReport report) => "{}";
    }
}
