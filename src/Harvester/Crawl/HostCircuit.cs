namespace Harvester.Crawl;

/// <summary>
/// The circuit breaker of one host: it opens after <c>Harvester:Http:HostFailureLimit</c> requests in a row have
/// failed (each after all its retries) and stays open for the rest of the run, so a dead site is given up on quickly
/// and the other archive's results still come out (exit 3). Counting failures in a row, not a ratio over a time
/// window, makes a site that dies in the middle of a run trip as fast as one that is dead from the start.
/// </summary>
public sealed class HostCircuit(int failureLimit)
{
    private int _failuresInARow;

    public int FailureLimit => failureLimit;

    public bool IsOpen => Volatile.Read(ref _failuresInARow) >= failureLimit;

    public void RecordSuccess() => Interlocked.Exchange(ref _failuresInARow, 0);

    public void RecordFailure() => Interlocked.Increment(ref _failuresInARow);
}
