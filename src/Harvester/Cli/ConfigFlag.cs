using System.CommandLine;
using System.Globalization;

namespace Harvester.Cli;

/// <summary>
/// A flag whose value becomes one configuration key, so flags, environment variables and JSON files all reach the same
/// validated options. Adding a harvest flag is one line in <see cref="HarvestFlags.All"/>:
/// <c>ConfigFlag.Text("--sections", "Harvester:Run:Sections", "...", "LIST")</c>.
/// </summary>
public sealed class ConfigFlag
{
    private readonly Func<ParseResult, string?> _read;

    private ConfigFlag(Option option, string key, Func<ParseResult, string?> read)
    {
        (Option, Key, _read) = (option, key, read);
    }

    public Option Option { get; }

    /// <summary>The configuration key the flag sets (<c>Harvester:Run:From</c>).</summary>
    public string Key { get; }

    /// <summary>The flag's name as the user types it (<c>--from</c>).</summary>
    public string Name => Option.Name;

    /// <summary>A flag taking a value, kept as typed.</summary>
    public static ConfigFlag Text(string name, string key, string description, string helpName)
    {
        var option = new Option<string?>(name) { Description = description, HelpName = helpName };
        return new ConfigFlag(option, key, result => result.GetValue(option));
    }

    /// <summary>A flag taking a whole number (a non-number is a usage error from the parser).</summary>
    public static ConfigFlag Number(string name, string key, string description)
    {
        var option = new Option<int?>(name) { Description = description, HelpName = "N" };
        return new ConfigFlag(option, key, result => result.GetValue(option)?.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A switch: given, it sets <paramref name="key"/> to <paramref name="value"/>; absent, it sets nothing.</summary>
    public static ConfigFlag Switch(string name, string key, string description, string value = "true", params string[] aliases)
    {
        var option = new Option<bool>(name, aliases) { Description = description };
        return new ConfigFlag(option, key, result => result.GetValue(option) ? value : null);
    }

    /// <summary>Whether the flag was typed on this command line.</summary>
    public bool IsGiven(ParseResult result) => result.GetResult(Option) is { Implicit: false };

    /// <summary>The value the flag gives its key, or null when it was not given.</summary>
    public string? Read(ParseResult result) => IsGiven(result) ? _read(result) : null;
}
