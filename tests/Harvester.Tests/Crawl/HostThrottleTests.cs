using Harvester.Crawl;
using Microsoft.Extensions.Time.Testing;

namespace Harvester.Tests.Crawl;

public class HostThrottleTests
{
    [Fact]
    public async Task EnterAsync_ThreeRequestsAtOnePerSecond_StartsOneSecondApart()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-22T00:00:00Z"));
        var throttle = new HostThrottle(TimeSpan.FromSeconds(1), maxConcurrency: 4, time);
        var starts = new List<DateTimeOffset>();

        var tasks = Enumerable.Range(0, 3).Select(async _ =>
        {
            using var slot = await throttle.EnterAsync(CancellationToken.None);
            lock (starts)
            {
                starts.Add(time.GetUtcNow());
            }
        }).ToList();

        // Advance the clock one second at a time, and only once the previous start has been recorded, so a slow
        // runner cannot record a start after the next advance.
        for (var started = 1; started <= 3; started++)
        {
            await WaitUntilAsync(() => { lock (starts) { return starts.Count >= started; } });
            if (started < 3)
            {
                time.Advance(TimeSpan.FromSeconds(1));
            }
        }

        await Task.WhenAll(tasks);
        starts.Sort();
        Assert.Equal([0.0, 1.0, 2.0], starts.Select(s => (s - starts[0]).TotalSeconds));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the throttle");
            await Task.Delay(5);
        }
    }

    [Fact]
    public async Task EnterAsync_ConcurrencyCapReached_WaitsForARelease()
    {
        var throttle = new HostThrottle(TimeSpan.Zero, maxConcurrency: 1, TimeProvider.System);
        var first = await throttle.EnterAsync(CancellationToken.None);

        var second = throttle.EnterAsync(CancellationToken.None);
        await Task.Delay(50);
        Assert.False(second.IsCompleted);

        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public void SlowTo_ShorterInterval_IsIgnored()
    {
        var throttle = new HostThrottle(TimeSpan.FromSeconds(2), 1, TimeProvider.System);

        throttle.SlowTo(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromSeconds(2), throttle.Interval);
        throttle.SlowTo(TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.FromSeconds(5), throttle.Interval);
    }

    [Fact]
    public async Task EnterAsync_WaiterCancelled_GivesItsStartBack()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-22T00:00:00Z"));
        var throttle = new HostThrottle(TimeSpan.FromSeconds(10), maxConcurrency: 4, time);
        (await throttle.EnterAsync(CancellationToken.None)).Dispose();
        using var cancel = new CancellationTokenSource();
        var cancelled = throttle.EnterAsync(cancel.Token);
        await WaitUntilAsync(() => throttle.Spacing == 1);

        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        time.Advance(TimeSpan.FromSeconds(10));
        var next = throttle.EnterAsync(CancellationToken.None);

        // Ten seconds after the first start, the next caller starts at once: the cancelled one reserved nothing.
        Assert.True(next.IsCompletedSuccessfully, "the next start waits for a cancelled waiter's reserved slot");
        (await next).Dispose();
    }

    [Fact]
    public async Task EnterAsync_SlotWaiterCancelled_ReleasesNothingItDidNotHold()
    {
        var throttle = new HostThrottle(TimeSpan.Zero, maxConcurrency: 1, TimeProvider.System);
        var held = await throttle.EnterAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var cancelled = throttle.EnterAsync(cancel.Token);

        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        var third = throttle.EnterAsync(CancellationToken.None);
        await Task.Delay(50);

        Assert.False(third.IsCompleted); // the one slot is still held
        held.Dispose();
        (await third.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }
}
