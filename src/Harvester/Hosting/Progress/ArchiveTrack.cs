using System.Globalization;
using Harvester.Crawl;

namespace Harvester.Hosting.Progress;

/// <summary>One archive's crawl as progress sees it: pages read since it started, of how many expected, at what rate.</summary>
public sealed class ArchiveTrack(string archive, int? expected, CrawlStats stats, TimeProvider time)
{
    private readonly int _start = stats.Requests + stats.CacheHits;
    private readonly long _started = time.GetTimestamp();
    private int? _final;

    public string Archive => archive;

    /// <summary>Pages expected from the last whole crawl; null before there was one. Never below what was read.</summary>
    public int? Expected => expected is { } e ? Math.Max(e, Read) : null;

    public int Read => _final ?? (stats.Requests + stats.CacheHits - _start);

    public bool Finished => _final is not null;

    public TimeSpan Elapsed => time.GetElapsedTime(_started);

    /// <summary>The time left at the current rate; null without an estimate or before the first page.</summary>
    public TimeSpan? Left
    {
        get
        {
            var read = Read;
            return Expected is { } e && read > 0 ? TimeSpan.FromSeconds((e - read) * Elapsed.TotalSeconds / read) : null;
        }
    }

    public void Finish() => _final = Read;

    /// <summary>One line: <c>Spinics: 34 of about 52 pages read, about 18 s left</c>.</summary>
    public string Describe()
    {
        var read = Read;
        if (Expected is not { } e)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{archive}: {read} pages read in {Duration(Elapsed)} (no estimate of the total before a first whole run)");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{archive}: {read} of about {e} pages read, ") +
            (Left is { } left ? "about " + Duration(left) + " left" : "time left not known yet");
    }

    public static string Duration(TimeSpan span) => span.TotalSeconds < 90
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(span.TotalSeconds):F0} s")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} min {span.Seconds} s");
}
