using Harvester.Benchmarks.Week;
using Harvester.Tests.Support;

namespace Harvester.Benchmarks.Crawl;

/// <summary>What one server's request log holds: robots.txt, index pages, and message pages inside and outside the window.</summary>
internal static class CrawlBreakdown
{
    public static string Describe(string name, IEnumerable<string> requests, Func<FixtureMessage, long?> number, FixtureArchive archive)
    {
        var byFile = archive.Messages.Where(m => number(m) is not null).ToDictionary(m => $"msg{number(m)!.Value:D5}.html", m => m, StringComparer.Ordinal);
        int robots = 0, index = 0, inside = 0, outside = 0, missing = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var repeats = 0;
        foreach (var request in requests)
        {
            repeats += seen.Add(request) ? 0 : 1;
            if (request == "robots.txt")
            {
                robots++;
            }
            else if (!request.StartsWith("msg", StringComparison.Ordinal))
            {
                index++;
            }
            else if (!byFile.TryGetValue(request, out var message))
            {
                missing++;
            }
            else if (message.Date >= NetdevWeek.From && message.Date < NetdevWeek.To)
            {
                inside++;
            }
            else
            {
                outside++;
            }
        }

        return $"{name}: {robots} robots.txt, {index} index pages, {inside} message pages in the window, {outside} outside it, {missing} absent (404), {repeats} repeated URLs";
    }
}
