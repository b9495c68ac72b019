using System.Diagnostics;
using Harvester.Tests.Support;

namespace Harvester.Benchmarks.Crawl;

/// <summary>A fixture site that notes when it served its first and last page (on a clock shared by both servers).</summary>
internal sealed class TimedSite(IFixtureSite inner, Stopwatch clock) : IFixtureSite
{
    private readonly Lock _gate = new();

    public TimeSpan? First { get; private set; }

    public TimeSpan? Last { get; private set; }

    public string? Render(string fileName)
    {
        lock (_gate)
        {
            First ??= clock.Elapsed;
            Last = clock.Elapsed;
        }

        return inner.Render(fileName);
    }

    public void Reset()
    {
        lock (_gate)
        {
            First = Last = null;
        }
    }
}
