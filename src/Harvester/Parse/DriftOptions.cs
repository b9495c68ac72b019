using System.ComponentModel.DataAnnotations;

namespace Harvester.Parse;

/// <summary>
/// When message pages that lack required fields stop an archive as layout drift (<c>Harvester:Drift</c>). An index
/// page with no entries stops it at once; message pages do when <see cref="ConsecutiveMissing"/> in a row lack a
/// field, or when at least <see cref="MinimumMissing"/> do and they are <see cref="MissingShare"/> of those read.
/// </summary>
public sealed class DriftOptions
{
    /// <summary>Message pages in a row lacking a required field that stop the archive.</summary>
    /// <value>The default value is 3.</value>
    [Range(1, 1000)]
    public int ConsecutiveMissing { get; set; } = 3;

    /// <summary>The share of message pages read lacking a required field that stops the archive.</summary>
    /// <value>The default value is 0.5.</value>
    [Range(0.01, 1.0)]
    public double MissingShare { get; set; } = 0.5;

    /// <summary>How many pages must lack a field before <see cref="MissingShare"/> applies (one odd page is not drift).</summary>
    /// <value>The default value is 2.</value>
    [Range(1, 1000)]
    public int MinimumMissing { get; set; } = 2;
}
