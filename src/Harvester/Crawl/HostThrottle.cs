using System.Threading.RateLimiting;

namespace Harvester.Crawl;

/// <summary>
/// Politeness for one host: at most <c>MaxConcurrency</c> requests in flight (a <see cref="ConcurrencyLimiter"/>, first
/// come first served) and request starts spaced by the rate limit or robots.txt's Crawl-delay, whichever is longer.
/// Nothing is reserved while a caller waits: a start time is taken only when the caller starts, so a waiter that is
/// cancelled leaves no gap behind it (issue 12: reserved starts of cancelled waiters pushed every later request back).
/// The wait is the caller's, never part of a request's timeouts (<see cref="PoliteHttpClient"/>). Shared by everything
/// that talks to the host.
/// </summary>
public sealed class HostThrottle(TimeSpan interval, int maxConcurrency, TimeProvider time)
{
    private readonly ConcurrencyLimiter _slots = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = maxConcurrency,
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    private readonly Lock _gate = new();
    private DateTimeOffset? _lastStart;
    private int _spacing;

    public TimeSpan Interval { get; private set; } = interval;

    /// <summary>Callers that hold a slot and wait for their start time (tests advance a fake clock while this is above 0).</summary>
    public int Spacing => Volatile.Read(ref _spacing);

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

    /// <summary>Waits for a slot and for the request's start time; dispose the result when the request is done.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        var lease = await _slots.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        try
        {
            Interlocked.Increment(ref _spacing);
            try
            {
                while (NextWait() is { } wait)
                {
                    await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                Interlocked.Decrement(ref _spacing);
            }

            return lease;
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    /// <summary>Null, and the start taken, when the interval since the last start has passed; else how long to wait.</summary>
    private TimeSpan? NextWait()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_lastStart is { } last && now - last < Interval)
            {
                return Interval - (now - last);
            }

            _lastStart = now;
            return null;
        }
    }
}
