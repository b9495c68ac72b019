using System.CommandLine;
using System.Globalization;
using Harvester.Crawl;
using Harvester.Hosting;

namespace Harvester.Cli;

/// <summary><c>harvester cache stats</c> and <c>harvester cache prune --older-than 90d</c>, run in the same host as the harvest.</summary>
public static class CacheCommands
{
    public static readonly Option<string> OlderThan = new("--older-than")
    {
        Description = "Age such as 30d, 12h or 90min (d, h, min; 'm' is refused: minutes or months?).",
        HelpName = "AGE",
        DefaultValueFactory = _ => "90d",
    };

    static CacheCommands()
    {
        OlderThan.Validators.Add(result =>
        {
            if (!Age.TryParse(result.GetValueOrDefault<string>() ?? "", out _, out var error))
            {
                result.AddError("--older-than " + error);
            }
        });
    }

    public static Command Define()
    {
        var stats = new Command("stats", "Show what the page cache holds: pages per kind, the oldest and newest, its size, and the state's window.");
        stats.SetAction(HostedAction.Run<CacheStatsCommand>());
        var prune = new Command("prune", "Remove cached pages fetched before --older-than, and shrink the file.") { OlderThan };
        prune.SetAction(HostedAction.Run<CachePruneCommand>());
        return new Command("cache", "Inspect, prune or export the page cache.") { stats, prune, CacheExportCommand.Define() };
    }
}

/// <summary><c>harvester cache stats</c>.</summary>
public sealed class CacheStatsCommand(PageCache cache, RunState state) : IHarvesterCommand
{
    public Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var counts = cache.CountByKind();
        var output = Console.Out;
        output.WriteLine($"cache: {cache.Location}");
        foreach (var kind in new[] { PageKind.Message, PageKind.Index })
        {
            output.WriteLine($"{kind.ToString().ToLowerInvariant()} pages: {counts.GetValueOrDefault(kind)}");
        }

        var (oldest, newest) = cache.FetchedRange();
        output.WriteLine($"oldest page: {Time(oldest)}");
        output.WriteLine($"newest page: {Time(newest)}");
        output.WriteLine($"size: {new FileInfo(cache.Location).Length} bytes");
        output.WriteLine(state.TryRead(out var record, out var error)
            ? $"state window: {StateCommands.Window(record)} ({state.Path})"
            : "state: " + error);
        return Task.FromResult(ExitCodes.Done);
    }

    private static string Time(DateTimeOffset? time) =>
        time?.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "none";
}

/// <summary><c>harvester cache prune --older-than AGE</c>: deletes, then VACUUMs so the file shrinks.</summary>
public sealed class CachePruneCommand(PageCache cache, ParseResult parsed, TimeProvider time) : IHarvesterCommand
{
    public Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var text = parsed.GetValue(CacheCommands.OlderThan)!;
        _ = Age.TryParse(text, out var age, out _); // checked when parsed (CacheCommands.OlderThan's validator)

        var before = new FileInfo(cache.Location).Length;
        var removed = cache.PruneOlderThan(time.GetUtcNow() - age);
        var after = new FileInfo(cache.Location).Length;
        Console.Out.WriteLine($"removed {removed} pages fetched more than {text} ago; file {before} -> {after} bytes");
        return Task.FromResult(ExitCodes.Done);
    }
}
