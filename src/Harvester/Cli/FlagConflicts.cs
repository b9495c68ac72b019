using System.CommandLine;

namespace Harvester.Cli;

/// <summary>
/// Flags that cannot go together (issue 11): each is refused with one line naming both, exit 2, before the host is
/// built, so before any request. One line per pair; Process/FlagConflictProcessTests runs each.
/// </summary>
public static class FlagConflicts
{
    /// <summary>A pair: the two flags as the message names them, and when the command line holds both.</summary>
    public sealed record Conflict(string First, string Second, Func<ParseResult, bool> Applies, string Why);

    public static readonly IReadOnlyList<Conflict> All =
    [
        Pair(HarvestFlags.AppendTo, HarvestFlags.Format, "json", "the draft is Markdown; JSON would be written into it"),
        Pair(HarvestFlags.AppendTo, HarvestFlags.Draft, null, "--append-to fills the Patches block of a draft; --draft prints a whole new one"),
        Pair(HarvestFlags.AppendTo, HarvestFlags.Out, null, "the result goes to one place"),
        Pair(HarvestFlags.SinceLastRun, HarvestFlags.From, null, "the start is the state's end"),
        Pair(HarvestFlags.Days, HarvestFlags.From, null, "--days counts back from --to only when there is no --from"),
        Pair(HarvestFlags.Draft, HarvestFlags.Format, "json", "the skeleton is Markdown"),
        Pair(HarvestFlags.Offline, HarvestFlags.Refresh, null, "--offline reads only the cache; --refresh ignores it"),
        Pair(HarvestFlags.Sections, HarvestFlags.Draft, null, "--draft prints all three sections"),
        Pair(HarvestFlags.Sections, HarvestFlags.Format, "json", "the JSON holds everything"),
        Pair(HarvestFlags.Sections, HarvestFlags.AppendTo, null, "--append-to fills the draft's Patches block only"),
    ];

    /// <summary>The first conflict on this command line, as the one line to print; null when there is none.</summary>
    public static string? Find(ParseResult result) =>
        All.FirstOrDefault(c => c.Applies(result)) is { } conflict
            ? $"{conflict.First} cannot be used with {conflict.Second}: {conflict.Why}"
            : null;

    /// <summary>Both flags given; with <paramref name="secondValue"/>, only when the second has that value.</summary>
    private static Conflict Pair(ConfigFlag first, ConfigFlag second, string? secondValue, string why) => new(
        first.Name,
        secondValue is null ? second.Name : second.Name + " " + secondValue,
        result => first.IsGiven(result) && second.IsGiven(result)
            && (secondValue is null || string.Equals(second.Read(result), secondValue, StringComparison.OrdinalIgnoreCase)),
        why);
}
