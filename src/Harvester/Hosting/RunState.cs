using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Harvester.Hosting;

/// <summary>
/// What the state records: the window the last <c>--since-last-run</c> run harvested whole, when it ran, and the issue
/// number it was for (<c>--draft</c> prints the next one).
/// </summary>
public sealed record RunRecord(
    [property: JsonPropertyName("lastWindowStart")] DateTimeOffset? LastWindowStart,
    [property: JsonPropertyName("lastWindowEnd")] DateTimeOffset? LastWindowEnd,
    [property: JsonPropertyName("ranAt")] DateTimeOffset? RanAt,
    [property: JsonPropertyName("issueNumber")] int? IssueNumber);

/// <summary>
/// The state between runs, in a state directory of its own (never in the cache, so clearing the cache keeps it):
/// <c>Harvester:Run:StatePath</c> if set, else <c>$STATE_DIRECTORY/state.json</c> (systemd), else
/// <c>$XDG_STATE_HOME/harvester/state.json</c>, else <c>~/.local/state/harvester/state.json</c>. Written atomically.
/// </summary>
public sealed class RunState(IOptions<HarvesterOptions> options)
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public string Path => ResolvePath(options.Value.Run.StatePath);

    public static string ResolvePath(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return System.IO.Path.GetFullPath(configured);
        }

        var stateDirectory = Environment.GetEnvironmentVariable("STATE_DIRECTORY")?.Split(':')[0];
        if (string.IsNullOrEmpty(stateDirectory))
        {
            var xdg = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
            stateDirectory = System.IO.Path.Combine(
                string.IsNullOrEmpty(xdg) ? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state") : xdg,
                "harvester");
        }

        return System.IO.Path.Combine(stateDirectory, "state.json");
    }

    /// <summary>
    /// The record (null when there is none yet); false with a one-line reason when the file is there but unreadable or
    /// not JSON (hand-edited), which used to end the run with a stack trace
    /// (Process/StateProcessTests.Harvest_SinceLastRunWithCorruptState_Exits2NamingTheFile).
    /// </summary>
    public bool TryRead(out RunRecord? record, out string? error)
    {
        (record, error) = (null, null);
        try
        {
            if (!File.Exists(Path))
            {
                return true;
            }

            record = JsonSerializer.Deserialize<RunRecord>(File.ReadAllText(Path), Json);
            return true;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            error = $"state file {Path} not read ({ex.Message}); fix it, or set it with: harvester state set --to DATE";
            return false;
        }
    }

    public void Save(RunRecord record) => AtomicFile.Write(Path, JsonSerializer.Serialize(record with
    {
        LastWindowStart = record.LastWindowStart?.ToUniversalTime(),
        LastWindowEnd = record.LastWindowEnd?.ToUniversalTime(),
        RanAt = record.RanAt?.ToUniversalTime(),
    }, Json) + "\n");
}
