namespace Harvester.Crawl;

/// <summary>
/// Politeness for one host: at most <c>MaxConcurrency</c> requests in flight and request starts spaced by the rate
/// limit (or robots.txt's Crawl-delay, whichever is longer). Shared by everything that talks to the host.
/// </summary>
public sealed class HostThrottle(TimeSpan interval, int maxConcurrency, TimeProvider time)
{
    private readonly SemaphoreSlim _slots = new(maxConcurrency, maxConcurrency);
    private readonly Lock _gate = new();
    private DateTimeOffset _nextStart = DateTimeOffset.MinValue;

    public TimeSpan Interval { get; private set; } = interval;

    /// <summary>Lengthens the spacing (robots.txt Crawl-delay); never shortens it.</summary>
    public void SlowTo(TimeSpan interval)
    {
        lock (_gate)
        {
            if (interval > Interval)
            {
                Interval = interval;
            }
        }
    }

    /// <summary>Waits for a slot; dispose the result when the request is done.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = time.GetUtcNow();
                var start = _nextStart > now ? _nextStart : now;
                _nextStart = start + Interval;
                wait = start - now;
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }

            return new Release(_slots);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    private sealed class Release(SemaphoreSlim slots) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
