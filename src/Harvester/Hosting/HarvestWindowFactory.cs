using System.Globalization;
using Harvester.Domain;

namespace Harvester.Hosting;

/// <summary>Turns <c>--from</c>/<c>--to</c>/<c>--days</c> (and the last run's end) into a <see cref="HarvestWindow"/>.</summary>
public static class HarvestWindowFactory
{
    public static bool TryCreate(RunOptions run, DateTimeOffset now, DateTimeOffset? previousEnd, out HarvestWindow? window, out string? error)
    {
        window = null;
        error = null;
        if (run.Days is < 1 or > 3660)
        {
            error = $"--days {run.Days} is not between 1 and 3660";
            return false;
        }

        if (!TryParseDate(run.To, "--to", out var to, out error) || !TryParseDate(run.From, "--from", out var from, out error))
        {
            return false;
        }

        var end = to ?? now;
        var start = from ?? (run.SinceLastRun && previousEnd is { } last ? last : end.AddDays(-run.Days));
        if (end <= start)
        {
            error = $"the window ends ({end:u}) before it starts ({start:u})";
            return false;
        }

        window = new HarvestWindow(start, end);
        return true;
    }

    /// <summary>A UTC date as the flags take it (<c>2017-05-09</c> or ISO 8601); empty is null; else a one-line error.</summary>
    public static bool TryParseDate(string? text, string flag, out DateTimeOffset? value, out string? error)
    {
        (value, error) = (null, null);
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }

        error = $"{flag} '{text}' is not a date (use YYYY-MM-DD or ISO 8601)";
        return false;
    }
}
