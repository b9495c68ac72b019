namespace Harvester.Hosting;

/// <summary>The exit codes cron and systemd see.</summary>
public static class ExitCodes
{
    public const int Done = 0;
    public const int NothingHarvested = 1;
    public const int Usage = 2;
    public const int PartialFailure = 3;

    /// <summary>An archive answered but its pages lack required fields: its layout seems to have changed (issue 16).</summary>
    public const int LayoutChanged = 4;
    public const int Interrupted = 130;
}
