using System.Diagnostics;

namespace Harvester.Benchmarks.Crawl;

/// <summary>Samples the process's working set and managed heap while a harvest runs, to find their peaks.</summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public MemorySampler() => _loop = Task.Run(LoopAsync);

    public long PeakWorkingSet { get; private set; }

    public long PeakManagedHeap { get; private set; }

    private async Task LoopAsync()
    {
        using var process = Process.GetCurrentProcess();
        while (!_stop.IsCancellationRequested)
        {
            process.Refresh();
            PeakWorkingSet = Math.Max(PeakWorkingSet, process.WorkingSet64);
            PeakManagedHeap = Math.Max(PeakManagedHeap, GC.GetTotalMemory(forceFullCollection: false));
            try
            {
                await Task.Delay(20, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
