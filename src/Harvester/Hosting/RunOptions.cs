using System.ComponentModel.DataAnnotations;

namespace Harvester.Hosting;

/// <summary>What this run does (<c>Harvester:Run</c>); the command line writes these keys.</summary>
public sealed class RunOptions
{
    /// <summary>Window start, inclusive, UTC. Empty: <see cref="To"/> minus <see cref="Days"/>.</summary>
    public string? From { get; set; }

    /// <summary>Window end, exclusive, UTC. Empty: now.</summary>
    public string? To { get; set; }

    /// <summary>Window length in days when <see cref="From"/> is empty (and where a first <c>--since-last-run</c> starts).</summary>
    /// <value>The default value is 7.</value>
    [Range(1, 3660)]
    public int Days { get; set; } = 7;

    /// <summary><c>markdown</c> or <c>json</c>.</summary>
    public string Format { get; set; } = "markdown";

    /// <summary>Write the result here atomically instead of stdout.</summary>
    public string? Out { get; set; }

    /// <summary>Replace the marked Patches block of this draft file.</summary>
    public string? AppendTo { get; set; }

    /// <summary>
    /// The Markdown sections to print, comma-separated, any subset of <c>patches</c>, <c>pulls</c>, <c>applied</c>;
    /// printed in that order whatever the order given (<c>--sections</c>). Ignored by <c>--draft</c> (all three) and
    /// <c>--format json</c> (everything).
    /// </summary>
    /// <value>The default value is <c>patches</c>: the seed's section alone.</value>
    public string Sections { get; set; } = "patches";

    public bool Explain { get; set; }

    public bool Offline { get; set; }

    public bool Refresh { get; set; }

    public bool Draft { get; set; }

    /// <summary>Start where the last successful run ended (state file).</summary>
    public bool SinceLastRun { get; set; }

    /// <summary>
    /// The state file. Empty: <c>$STATE_DIRECTORY/state.json</c>, else <c>$XDG_STATE_HOME/harvester/state.json</c>, else
    /// <c>~/.local/state/harvester/state.json</c> (never in the cache).
    /// </summary>
    public string StatePath { get; set; } = "";
}
