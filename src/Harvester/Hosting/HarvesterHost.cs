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
        if (await CheckStartAsync(host).ConfigureAwait(false) is { } usage)
        {
            return usage;
        }

        var exit = host.Services.GetRequiredService<ExitCodeHolder>();
        try
        {
            await host.RunAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("harvester: " + ex.GetType().Name + ": " + ex.Message).ConfigureAwait(false);
            return ExitCodes.NothingHarvested;
        }

        return exit.Code;
    }

    /// <summary>
    /// Validates the settings and builds every stage (the page cache, the crawlers, the filter's rule files) before the
    /// host starts, so a bad setting, an unwritable cache path or a broken rule file is one line on stderr and exit 2,
    /// not the host's stack trace.
    /// </summary>
    private static async Task<int?> CheckStartAsync(IHost host)
    {
        IEnumerable<string> failures;
        try
        {
            _ = host.Services.GetRequiredService<IOptions<HarvesterOptions>>().Value;
            _ = host.Services.GetRequiredService<HarvestPipeline>();
            return null;
        }
        catch (OptionsValidationException ex)
        {
            failures = ex.Failures;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or InvalidDataException or Microsoft.Data.Sqlite.SqliteException)
        {
            failures = [ex.Message];
        }

        foreach (var failure in failures)
        {
            await Console.Error.WriteLineAsync("harvester: " + failure).ConfigureAwait(false);
        }

        return ExitCodes.Usage;
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
