using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Harvester.Tests.Support;

/// <summary>
/// The CPU time the calling thread has used (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>, nanoseconds), so a
/// parse's cost can be bounded without counting the time other jobs on a shared machine hold the cores. Elsewhere it
/// falls back to wall time. Used by HostilePagePropertyTests and the benchmarks' <c>hostile</c> verb.
/// </summary>
public static class ThreadCpuClock
{
    private const int ClockThreadCpuTime = 3;

    /// <summary>True when <see cref="Now"/> is the thread's CPU time; false when it is wall time.</summary>
    public static bool IsCpuTime { get; } = OperatingSystem.IsLinux() && Probe();

    /// <summary>The thread's CPU time so far (or, see <see cref="IsCpuTime"/>, the wall clock).</summary>
    public static TimeSpan Now
    {
        get
        {
            if (IsCpuTime && GetTime(ClockThreadCpuTime, out var spec) == 0)
            {
                return TimeSpan.FromTicks(spec.Seconds * TimeSpan.TicksPerSecond + spec.Nanoseconds / 100);
            }

            return Stopwatch.GetElapsedTime(0);
        }
    }

    /// <summary>How long <paramref name="action"/> took on this thread.</summary>
    public static TimeSpan Measure(Action action)
    {
        var start = Now;
        action();
        return Now - start;
    }

    private static bool Probe()
    {
        try
        {
            return GetTime(ClockThreadCpuTime, out _) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    // DllImport rather than LibraryImport: the generated stub needs AllowUnsafeBlocks, which the test project lacks.
    [DllImport("libc", EntryPoint = "clock_gettime", SetLastError = true)]
    private static extern int GetTime(int clock, out TimeSpec time);
}
