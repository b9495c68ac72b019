using System.CommandLine;
using Harvester.Crawl;
using Harvester.Hosting;
using Microsoft.Extensions.Options;

namespace Harvester.Cli;

/// <summary>
/// <c>harvester cache export DIR [--archive NAME] [--from DATE --to DATE]</c>: the cached pages as files laid out as on
/// the sites (<see cref="MirrorExport"/>), so DIR is a <c>file://</c> mirror to attach to a bug report or to turn into a
/// fixture (fixtures/README.md). Prints, per archive, the <c>BaseUrl</c> setting that reads it from DIR.
/// </summary>
public sealed class CacheExportCommand(PageCache cache, ParseResult parsed, IOptions<HarvesterOptions> options) : IHarvesterCommand
{
    public static readonly Argument<string> Directory = new("DIR") { Description = "The folder to write the pages into (created if needed)." };

    public static readonly Option<string?> Archive = new("--archive")
    {
        Description = "Only this archive's pages (its name under Harvester:Archives, e.g. Spinics). Default: every page.",
        HelpName = "NAME",
    };

    public static readonly Option<string?> From = new("--from")
    {
        Description = "Only pages fetched at or after DATE (UTC; YYYY-MM-DD or ISO 8601): the pages of a run that day.",
        HelpName = "DATE",
    };

    public static readonly Option<string?> To = new("--to") { Description = "Only pages fetched before DATE (UTC).", HelpName = "DATE" };

    static CacheExportCommand()
    {
        foreach (var option in new[] { From, To })
        {
            option.Validators.Add(result =>
            {
                if (!HarvestWindowFactory.TryParseDate(result.GetValueOrDefault<string?>(), option.Name, out _, out var error))
                {
                    result.AddError(error!);
                }
            });
        }
    }

    public static Command Define()
    {
        var export = new Command("export", "Write the cached pages into DIR laid out as on the sites, so DIR works as a file:// mirror (BaseUrl=file://DIR/...).")
        {
            Directory, Archive, From, To,
        };
        export.SetAction(HostedAction.Run<CacheExportCommand>());
        return export;
    }

    public Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var archives = options.Value.Archives;
        var name = parsed.GetValue(Archive);
        var selected = name is null ? archives.ToList() : archives.Where(a => string.Equals(a.Key, name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (selected.Count == 0)
        {
            Console.Error.WriteLine($"harvester: --archive '{name}' is not one of {string.Join(", ", archives.Keys)}");
            return Task.FromResult(ExitCodes.Usage);
        }

        _ = HarvestWindowFactory.TryParseDate(parsed.GetValue(From), "--from", out var from, out _); // checked when parsed
        _ = HarvestWindowFactory.TryParseDate(parsed.GetValue(To), "--to", out var to, out _);
        var directory = Path.GetFullPath(parsed.GetValue(Directory)!);
        var written = 0;
        var skipped = 0;
        var lines = new List<string>();
        foreach (var (archive, settings) in selected)
        {
            if (settings.BaseUri is not { } baseUri || MirrorExport.MirrorBase(directory, baseUri) is not { } mirror)
            {
                continue; // a file:// archive is a mirror already
            }

            var result = MirrorExport.Write(cache, directory, baseUri, from, to);
            written += result.Written;
            skipped += result.Skipped;
            if (result.Written > 0 || name is not null)
            {
                lines.Add($"{archive}: {result.Written} pages; read them with Harvester__Archives__{archive}__BaseUrl={mirror.AbsoluteUri}");
            }
        }

        Console.Out.WriteLine($"exported {written} cached pages to {directory}" + (skipped > 0 ? $" ({skipped} not representable as files, left out)" : ""));
        lines.ForEach(Console.Out.WriteLine);
        return Task.FromResult(ExitCodes.Done);
    }
}
