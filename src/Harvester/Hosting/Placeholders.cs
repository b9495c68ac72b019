// Temporary stand-ins for the stages other branches deliver; deleted as each lands.
using Harvester.Domain;
using Harvester.Render;

namespace Harvester.Parse
{
    public sealed record PageParserPair(IMessagePageParser Message, IIndexPageParser Index);

    public static class PageParsers
    {
        public static PageParserPair? For(string kind) => null;
    }
}

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
