using System.CommandLine;
using System.Text.RegularExpressions;
using Harvester.Crawl;
using Microsoft.Extensions.Configuration;

namespace Harvester.Hosting;

/// <summary><c>harvester cache stats</c> and <c>harvester cache prune --older-than 90d</c>.</summary>
public static partial class CacheCommands
{
    public static int Run(ParseResult parsed, IConfiguration configuration)
    {
        var options = new CacheOptions();
        configuration.GetSection("Harvester:Cache").Bind(options);
        using var cache = new PageCache(options.ResolvePath());
        if (parsed.CommandResult.Command == CommandLine.CacheStats)
        {
            var counts = cache.CountByKind();
            Console.Out.WriteLine($"cache: {cache.Location}");
            foreach (var kind in new[] { PageKind.Message, PageKind.Index })
            {
                Console.Out.WriteLine($"{kind.ToString().ToLowerInvariant()} pages: {counts.GetValueOrDefault(kind)}");
            }

            Console.Out.WriteLine($"size: {new FileInfo(cache.Location).Length} bytes");
            return ExitCodes.Done;
        }

        if (!TryParseAge(CommandLine.OlderThanValue(parsed), out var age))
        {
            Console.Error.WriteLine("harvester: --older-than takes an age such as 90d, 12h or 30m");
            return ExitCodes.Usage;
        }

        var removed = cache.PruneOlderThan(DateTimeOffset.UtcNow - age);
        Console.Out.WriteLine($"removed {removed} pages fetched more than {CommandLine.OlderThanValue(parsed)} ago");
        return ExitCodes.Done;
    }

    public static bool TryParseAge(string text, out TimeSpan age)
    {
        var match = AgePattern().Match(text.Trim());
        age = TimeSpan.Zero;
        if (!match.Success)
        {
            return false;
        }

        var amount = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        age = match.Groups[2].Value switch
        {
            "d" => TimeSpan.FromDays(amount),
            "h" => TimeSpan.FromHours(amount),
            _ => TimeSpan.FromMinutes(amount),
        };
        return true;
    }

    [GeneratedRegex(@"^(\d{1,6})([dhm])$")]
    private static partial Regex AgePattern();
}
