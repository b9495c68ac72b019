using System.ComponentModel.DataAnnotations;

namespace Harvester.Crawl;

/// <summary>The page cache (<c>Harvester:Cache</c>): SQLite, embedded.</summary>
public sealed class CacheOptions
{
    /// <summary>
    /// The SQLite file. Empty: <c>$CACHE_DIRECTORY</c> (systemd), else <c>$XDG_CACHE_HOME/harvester</c>, else
    /// <c>~/.cache/harvester</c>, file <c>pages.db</c>.
    /// </summary>
    public string Path { get; set; } = "";

    /// <summary>How long an index page is used without asking the server again, in minutes.</summary>
    /// <value>The default value is 60.</value>
    [Range(0, 60 * 24 * 30)]
    public int IndexTtlMinutes { get; set; } = 60;

    /// <summary>How long a 404 for a message number is remembered, in minutes (the number may appear later).</summary>
    /// <value>The default value is 60.</value>
    [Range(0, 60 * 24 * 30)]
    public int NotFoundTtlMinutes { get; set; } = 60;

    public string ResolvePath()
    {
        if (!string.IsNullOrWhiteSpace(Path))
        {
            return System.IO.Path.GetFullPath(Path);
        }

        var root = Environment.GetEnvironmentVariable("CACHE_DIRECTORY")?.Split(':')[0];
        if (string.IsNullOrEmpty(root))
        {
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            root = System.IO.Path.Combine(
                string.IsNullOrEmpty(xdg) ? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache") : xdg,
                "harvester");
        }

        return System.IO.Path.Combine(root, "pages.db");
    }
}
