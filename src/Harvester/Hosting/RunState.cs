using System.Text.Json;
using Harvester.Crawl;
using Microsoft.Extensions.Options;

namespace Harvester.Hosting;

/// <summary>
/// The state between runs: the end of the last successful window, so <c>--since-last-run</c> starts exactly there (no
/// gap, no overlap). Written atomically, and only after a successful run.
/// </summary>
public sealed class RunState(IOptions<HarvesterOptions> options)
{
    public string Path
    {
        get
        {
            var configured = options.Value.Run.StatePath;
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return System.IO.Path.GetFullPath(configured);
            }

            var stateDirectory = Environment.GetEnvironmentVariable("STATE_DIRECTORY")?.Split(':')[0];
            return string.IsNullOrEmpty(stateDirectory)
                ? System.IO.Path.Combine(System.IO.Path.GetDirectoryName(options.Value.Cache.ResolvePath())!, "state.json")
                : System.IO.Path.Combine(stateDirectory, "state.json");
        }
    }

    public DateTimeOffset? ReadLastEnd()
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(Path));
        return document.RootElement.TryGetProperty("lastWindowEnd", out var end) && end.TryGetDateTimeOffset(out var value) ? value : null;
    }

    public void SaveLastEnd(DateTimeOffset end) =>
        AtomicFile.Write(Path, JsonSerializer.Serialize(new { lastWindowEnd = end.ToUniversalTime() }) + "\n");
}
