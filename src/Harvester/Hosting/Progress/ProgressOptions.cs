using System.ComponentModel.DataAnnotations;

namespace Harvester.Hosting.Progress;

/// <summary>Progress on stderr while crawling (<c>Harvester:Progress</c>); <c>-q</c> turns it off.</summary>
public sealed class ProgressOptions
{
    /// <summary>Show progress at all.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>When stderr is not a terminal (cron, systemd): the shortest time between two progress lines, in seconds.</summary>
    /// <value>The default value is 30.</value>
    [Range(1, 3600)]
    public int IntervalSeconds { get; set; } = 30;
}
