using System.CommandLine;

namespace Harvester.Hosting;

/// <summary>
/// The command line. Each harvest flag becomes a configuration key (<c>Harvester:Run:*</c>), so flags, environment
/// variables and JSON files all reach the same validated options.
/// </summary>
public static class CommandLine
{
    private static readonly Option<string?> From = new("--from") { Description = "Window start, inclusive, UTC (YYYY-MM-DD or ISO 8601)." };
    private static readonly Option<string?> To = new("--to") { Description = "Window end, exclusive, UTC. Default: now." };
    private static readonly Option<int?> Days = new("--days") { Description = "Window length in days when --from is absent. Default: 7." };
    private static readonly Option<string?> Format = new("--format") { Description = "markdown (default) or json." };
    private static readonly Option<string?> Out = new("--out") { Description = "Write the result to FILE atomically instead of stdout." };
    private static readonly Option<string?> AppendTo = new("--append-to") { Description = "Replace the Patches block of the draft FILE, leaving the rest as it is." };
    private static readonly Option<string?> Config = new("--config") { Description = "A JSON file layered over config/appsettings.json." };
    private static readonly Option<bool> All = new("--all") { Description = "Also list the series the relevance filter drops, marked as such." };
    private static readonly Option<bool> Explain = new("--explain") { Description = "Log why each series was kept or dropped." };
    private static readonly Option<bool> Offline = new("--offline") { Description = "Render from the page cache alone; send no request." };
    private static readonly Option<bool> Refresh = new("--refresh") { Description = "Ignore the page cache (it is still updated)." };
    private static readonly Option<bool> Draft = new("--draft") { Description = "Print a whole issue skeleton around the Patches section." };
    private static readonly Option<bool> SinceLastRun = new("--since-last-run") { Description = "Start where the last successful run's window ended." };
    private static readonly Option<bool> Verbose = new("--verbose", "-v") { Description = "Log debug detail (every request) to stderr." };
    private static readonly Option<bool> Quiet = new("--quiet", "-q") { Description = "Log only warnings and errors." };
    private static readonly Option<string> OlderThan = new("--older-than") { Description = "Age such as 90d, 12h or 30m.", DefaultValueFactory = _ => "90d" };

    public static readonly Command CacheStats = new("stats", "Show what the page cache holds.");
    public static readonly Command CachePrune = new("prune", "Remove cached pages older than --older-than.") { OlderThan };

    /// <summary>What <c>Invoke()</c> returns when a command (not help) was asked for.</summary>
    public const int GoOn = -1;

    public static RootCommand Build()
    {
        var root = new RootCommand(
            "Harvester: crawls the netdev list archives for a date window and prints the BPF/XDP \"Patches\" section of the newsletter (Markdown on stdout, logs on stderr).\n" +
            "Exit codes: 0 done; 1 nothing could be harvested; 2 bad usage or configuration; 3 output written but some pages failed.")
        {
            From, To, Days, Format, Out, AppendTo, Config, All, Explain, Offline, Refresh, Draft, SinceLastRun, Verbose, Quiet,
        };
        var cache = new Command("cache", "Inspect or prune the page cache.") { CacheStats, CachePrune };
        CacheStats.Options.Add(Config);
        CachePrune.Options.Add(Config);
        root.Subcommands.Add(cache);

        // The commands' own work runs after the host is built (Program.cs); their actions only say "go on", so that
        // Invoke() itself answers just --help and --version.
        root.SetAction(_ => GoOn);
        CacheStats.SetAction(_ => GoOn);
        CachePrune.SetAction(_ => GoOn);
        return root;
    }

    public static string? ConfigFile(ParseResult result) => result.GetValue(Config);

    public static string OlderThanValue(ParseResult result) => result.GetValue(OlderThan)!;

    /// <summary>The configuration keys the flags set; only flags that were given.</summary>
    public static Dictionary<string, string?> ToConfiguration(ParseResult result)
    {
        var values = new Dictionary<string, string?>();
        void Set(string key, string? value)
        {
            if (value is not null)
            {
                values["Harvester:Run:" + key] = value;
            }
        }

        void Flag(string key, Option<bool> option)
        {
            if (result.GetValue(option))
            {
                values["Harvester:Run:" + key] = "true";
            }
        }

        Set("From", result.GetValue(From));
        Set("To", result.GetValue(To));
        Set("Days", result.GetValue(Days)?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Set("Format", result.GetValue(Format));
        Set("Out", result.GetValue(Out));
        Set("AppendTo", result.GetValue(AppendTo));
        if (result.GetValue(All))
        {
            values["Harvester:Output:ListAll"] = "true"; // one setting for the report and both renderers
        }
        Flag("Explain", Explain);
        Flag("Offline", Offline);
        Flag("Refresh", Refresh);
        Flag("Draft", Draft);
        Flag("SinceLastRun", SinceLastRun);
        var level = result.GetValue(Verbose) ? "Debug" : result.GetValue(Quiet) ? "Warning" : null;
        if (level is not null)
        {
            values["Serilog:MinimumLevel:Default"] = level;
        }

        return values;
    }
}
