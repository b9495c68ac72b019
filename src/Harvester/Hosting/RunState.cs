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

    /// <summary>
    /// The recorded end (null when there is no record yet); false with a one-line reason when the file is there but
    /// unreadable or not JSON (hand-edited), which used to end the run with a stack trace
    /// (Process/StateProcessTests.Harvest_SinceLastRunWithCorruptState_Exits2NamingTheFile).
    /// </summary>
    public bool TryReadLastEnd(out DateTimeOffset? end, out string? error)
    {
        (end, error) = (null, null);
        try
        {
            if (!File.Exists(Path))
            {
                return true;
            }

            using var document = JsonDocument.Parse(File.ReadAllText(Path));
            end = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("lastWindowEnd", out var value)
                && value.TryGetDateTimeOffset(out var parsed) ? parsed : null;
            return true;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            error = $"state file {Path} not read ({ex.Message}); fix or delete it";
            return false;
        }
    }

    public void SaveLastEnd(DateTimeOffset end) =>
        AtomicFile.Write(Path, JsonSerializer.Serialize(new { lastWindowEnd = end.ToUniversalTime() }) + "\n");
}
