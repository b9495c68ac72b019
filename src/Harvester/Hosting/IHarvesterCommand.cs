namespace Harvester.Hosting;

/// <summary>
/// What a command does once the host is built and every setting validated; resolved from the host's services (so it
/// takes what it needs in its constructor, the command line's <c>ParseResult</c> included) and returns the exit code.
/// </summary>
public interface IHarvesterCommand
{
    Task<int> RunAsync(CancellationToken cancellationToken);
}
