using System.ComponentModel.DataAnnotations;

namespace Harvester.Group;

/// <summary>Options of the Group stage (<c>Harvester:Group</c>).</summary>
public sealed class GroupOptions
{
    /// <summary>Keep older revisions of a series that has a newer one in the window.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool KeepSupersededRevisions { get; set; }

    /// <summary>How far apart, in minutes, unthreaded parts of one series may be sent.</summary>
    /// <value>The default value is 30 (b4's window; Patchwork uses 20).</value>
    [Range(1, 24 * 60)]
    public int UnthreadedWindowMinutes { get; set; } = 30;
}
