using System.Text.Json;
using Harvester.Domain;

namespace Harvester.Hosting.Progress;

/// <summary>
/// How many pages each archive took per day of window in its last whole crawl, kept in <c>pace.json</c> beside the
/// state (not in it: any whole crawl may update the pace, only the loop's runs the state). It turns "pages read" into
/// "pages read of about N expected".
/// </summary>
public sealed class CrawlPace(RunState state)
{
    public string Path => System.IO.Path.Combine(System.IO.Path.GetDirectoryName(state.Path)!, "pace.json");

    /// <summary>The pages expected for <paramref name="archive"/> over <paramref name="window"/>; null before any whole crawl.</summary>
    public int? Expected(string archive, HarvestWindow window) =>
        Read().TryGetValue(archive, out var perDay) && perDay > 0
            ? Math.Max(1, (int)Math.Round(perDay * Days(window)))
            : null;

    /// <summary>Records a whole crawl's pages; a pace that cannot be written is not worth failing a run for.</summary>
    public void Record(string archive, HarvestWindow window, int pages)
    {
        try
        {
            var pace = Read();
            pace[archive] = Math.Round(pages / Days(window), 3);
            AtomicFile.Write(Path, JsonSerializer.Serialize(pace) + "\n");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // no estimate next time; the harvest itself is unaffected
        }
    }

    private Dictionary<string, double> Read()
    {
        try
        {
            return File.Exists(Path)
                ? JsonSerializer.Deserialize<Dictionary<string, double>>(File.ReadAllText(Path)) ?? []
                : [];
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static double Days(HarvestWindow window) => Math.Max((window.To - window.From).TotalDays, 1.0 / 24);
}
