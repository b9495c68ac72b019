using System.CommandLine;
using Harvester.Hosting;
using Microsoft.Extensions.Configuration;

namespace Harvester.Cli;

/// <summary>
/// The one action every command uses: check the command line, build the configuration (files, environment, flags),
/// then run the command in <see cref="HarvesterHost"/>, which validates every setting at start. The exit code is the
/// command's return value.
/// </summary>
public static class HostedAction
{
    /// <param name="check">A check of the command line alone (flags that cannot go together); its message is one line, exit 2.</param>
    public static Func<ParseResult, CancellationToken, Task<int>> Run<TCommand>(Func<ParseResult, string?>? check = null)
        where TCommand : class, IHarvesterCommand =>
        async (parsed, cancellationToken) =>
        {
            if (check?.Invoke(parsed) is { } problem)
            {
                await Console.Error.WriteLineAsync("harvester: " + problem).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            IConfigurationRoot configuration;
            try
            {
                configuration = HarvesterHost.BuildConfiguration(parsed.GetValue(CommonOptions.Config), Flags(parsed));
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or FormatException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync("harvester: " + SettingErrors.Describe(ex)).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            return await HarvesterHost.RunAsync<TCommand>(configuration, parsed, cancellationToken).ConfigureAwait(false);
        };

    /// <summary>The configuration keys the given flags set (flags not typed set nothing, so files and environment stand).</summary>
    public static Dictionary<string, string?> Flags(ParseResult parsed)
    {
        var values = new Dictionary<string, string?>();
        foreach (var flag in CommonOptions.Flags.Concat(HarvestFlags.All))
        {
            if (flag.Read(parsed) is { } value)
            {
                values[flag.Key] = value;
            }
        }

        return values;
    }
}
