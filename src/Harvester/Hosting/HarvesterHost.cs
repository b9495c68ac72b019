using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Events;

namespace Harvester.Hosting;

/// <summary>Builds the configuration and the host, and runs one harvest or a cache command.</summary>
public static class HarvesterHost
{
    /// <summary>
    /// Configuration, lowest first: <c>config/appsettings.json</c> (and the other <c>config/*.json</c> data files)
    /// beside the binary, <c>--config FILE</c>, environment variables (<c>Harvester__Http__RequestsPerSecond</c>), flags.
    /// </summary>
    public static IConfigurationRoot BuildConfiguration(string? configFile, IDictionary<string, string?> flags)
    {
        var builder = new ConfigurationBuilder();
        var configDirectory = Path.Combine(AppContext.BaseDirectory, "config");
        builder.AddJsonFile(Path.Combine(configDirectory, "appsettings.json"), optional: false);
        foreach (var extra in new[] { "filter.json" })
        {
            builder.AddJsonFile(Path.Combine(configDirectory, extra), optional: true);
        }

        if (configFile is not null)
        {
            builder.AddJsonFile(Path.GetFullPath(configFile), optional: false);
        }

        return builder.AddEnvironmentVariables().AddInMemoryCollection(flags).Build();
    }

    public static async Task<int> RunHarvestAsync(IConfigurationRoot configuration)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddConfiguration(configuration);
        builder.Services.AddSystemd();
        builder.Services.AddSerilog(logger => ConfigureLogging(logger, configuration));
        builder.Services.AddHarvester(configuration);
        using var host = builder.Build();
        try
        {
            // Validate before the host starts, so a bad setting is one line on stderr, not the host's stack trace.
            _ = host.Services.GetRequiredService<IOptions<HarvesterOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            foreach (var failure in ex.Failures)
            {
                await Console.Error.WriteLineAsync("harvester: " + failure).ConfigureAwait(false);
            }

            return ExitCodes.Usage;
        }

        var exit = host.Services.GetRequiredService<ExitCodeHolder>();
        await host.RunAsync().ConfigureAwait(false);
        return exit.Code;
    }

    /// <summary>Serilog to stderr only (stdout carries the result); levels from configuration; journald-friendly under systemd.</summary>
    public static LoggerConfiguration ConfigureLogging(LoggerConfiguration logger, IConfiguration configuration)
    {
        var template = SystemdHelpers.IsSystemdService() || Environment.GetEnvironmentVariable("JOURNAL_STREAM") is not null
            ? "{Level:u3} {SourceContext}: {Message:lj}{NewLine}{Exception}"
            : "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}";
        return logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("System.Net.Http", LogEventLevel.Warning)
            .MinimumLevel.Override("Polly", LogEventLevel.Warning)
            .ReadFrom.Configuration(configuration)
            .WriteTo.Console(outputTemplate: template, standardErrorFromLevel: LogEventLevel.Verbose, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
    }
}
