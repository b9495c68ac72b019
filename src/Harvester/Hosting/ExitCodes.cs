namespace Harvester.Hosting;

/// <summary>The exit codes cron and systemd see.</summary>
public static class ExitCodes
{
    public const int Done = 0;
    public const int NothingHarvested = 1;
    public const int Usage = 2;
    public const int PartialFailure = 3;
    public const int Interrupted = 130;
}
