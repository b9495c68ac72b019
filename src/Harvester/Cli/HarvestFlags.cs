namespace Harvester.Cli;

/// <summary>
/// The harvest's flags (the root command's), each with the configuration key it sets. To add one: a line here, the
/// key's property in its options class, and the README's table; a flag that cannot go with another gets a line in
/// <see cref="FlagConflicts"/>.
/// </summary>
public static class HarvestFlags
{
    public static readonly ConfigFlag From = ConfigFlag.Text("--from", "Harvester:Run:From", "Window start, inclusive, UTC (YYYY-MM-DD or ISO 8601).", "DATE");
    public static readonly ConfigFlag To = ConfigFlag.Text("--to", "Harvester:Run:To", "Window end, exclusive, UTC. Default: now.", "DATE");
    public static readonly ConfigFlag Days = ConfigFlag.Number("--days", "Harvester:Run:Days", "Window length in days when --from is absent. Default: 7.");
    public static readonly ConfigFlag Format = ConfigFlag.Text("--format", "Harvester:Run:Format", "markdown (default) or json.", "markdown|json");
    public static readonly ConfigFlag Out = ConfigFlag.Text("--out", "Harvester:Run:Out", "Write the result to FILE atomically instead of stdout.", "FILE");
    public static readonly ConfigFlag AppendTo = ConfigFlag.Text("--append-to", "Harvester:Run:AppendTo", "Replace the Patches block of the draft FILE, leaving the rest as it is.", "DRAFT");
    public static readonly ConfigFlag Sections = ConfigFlag.Text("--sections", "Harvester:Run:Sections", "The Markdown sections to print, any of patches,pulls,applied (printed in that order). Default: patches.", "LIST");
    public static readonly ConfigFlag ListAll = ConfigFlag.Switch("--all", "Harvester:Output:ListAll", "Also list the series the relevance filter drops, marked as such.");
    public static readonly ConfigFlag Explain = ConfigFlag.Switch("--explain", "Harvester:Run:Explain", "Log why each series was kept or dropped, and which series each patchwork bot reply matched.");
    public static readonly ConfigFlag Offline = ConfigFlag.Switch("--offline", "Harvester:Run:Offline", "Render from the page cache alone; send no request.");
    public static readonly ConfigFlag Refresh = ConfigFlag.Switch("--refresh", "Harvester:Run:Refresh", "Ignore the page cache (it is still updated).");
    public static readonly ConfigFlag Draft = ConfigFlag.Switch("--draft", "Harvester:Run:Draft", "Print a whole issue skeleton around the Patches section.");
    public static readonly ConfigFlag Issue = ConfigFlag.Number("--issue", "Harvester:Output:Draft:IssueNumber", "The issue number --draft prints. Default: the state's last one plus 1.");
    public static readonly ConfigFlag SinceLastRun = ConfigFlag.Switch("--since-last-run", "Harvester:Run:SinceLastRun", "Start where the last --since-last-run run's window ended (the state); advance it when this run read its whole window.");

    /// <summary>In the order <c>--help</c> lists them.</summary>
    public static readonly IReadOnlyList<ConfigFlag> All =
    [
        From, To, Days, SinceLastRun, Format, Sections, Out, AppendTo, Draft, Issue, ListAll, Explain, Offline, Refresh,
    ];
}
