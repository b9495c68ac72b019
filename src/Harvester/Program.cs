using System.CommandLine;
using Harvester.Hosting;
using Microsoft.Extensions.Configuration;

// Parse the command line; a bad flag is a usage message on stderr and exit 2.
var root = CommandLine.Build();
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine("harvester: " + error.Message);
    }

    Console.Error.WriteLine("Usage: harvester [--from DATE] [--to DATE | --days N] [--format markdown|json] [--out FILE] ... (see --help)");
    return ExitCodes.Usage;
}

if (parsed.Invoke() is var handled and not CommandLine.GoOn)
{
    return handled; // --help, --version
}

IConfigurationRoot configuration;
try
{
    configuration = HarvesterHost.BuildConfiguration(CommandLine.ConfigFile(parsed), CommandLine.ToConfiguration(parsed));
}
catch (Exception ex) when (ex is IOException or InvalidDataException or FormatException or UnauthorizedAccessException)
{
    Console.Error.WriteLine("harvester: configuration not read: " + ex.Message);
    return ExitCodes.Usage;
}

return parsed.CommandResult.Command == CommandLine.CacheStats || parsed.CommandResult.Command == CommandLine.CachePrune
    ? CacheCommands.Run(parsed, configuration)
    : await HarvesterHost.RunHarvestAsync(configuration);
