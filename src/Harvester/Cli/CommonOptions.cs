using System.CommandLine;

namespace Harvester.Cli;

/// <summary>The options every command takes (recursive: <c>harvester cache stats --config FILE -q</c> works too).</summary>
public static class CommonOptions
{
    public static readonly Option<string?> Config = new("--config")
    {
        Description = "A JSON file layered over config/appsettings.json.",
        HelpName = "FILE",
        Recursive = true,
    };

    /// <summary>Listed before <see cref="Verbose"/>, so that <c>-v</c> wins when both are given.</summary>
    public static readonly ConfigFlag Quiet = ConfigFlag.Switch("--quiet", "Serilog:MinimumLevel:Default", "Log only warnings and errors; no progress.", "Warning", "-q");

    public static readonly ConfigFlag Verbose = ConfigFlag.Switch("--verbose", "Serilog:MinimumLevel:Default", "Log debug detail (every request) to stderr.", "Debug", "-v");

    public static readonly IReadOnlyList<ConfigFlag> Flags = [Quiet, Verbose];

    public static void AddTo(RootCommand root)
    {
        root.Options.Add(Config);
        foreach (var flag in Flags)
        {
            flag.Option.Recursive = true;
            root.Options.Add(flag.Option);
        }
    }
}
