using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Events;

namespace Harvester.Hosting;

/// <summary>Builds the configuration and the host, validates every setting, and runs one command in it.</summary>
public static class HarvesterHost
{
    /// <summary>
    /// Configuration, lowest first: <c>config/appsettings.json</c> (and the other <c>config/*.json</c> data files)
    /// beside the binary, <c>--config FILE</c>, environment variables (<c>Harvester__Http__RequestsPerSecond</c>), flags.
    /// </summary>
    public static IConfigurationRoot BuildConfiguration(string? configFile, IDictionary<string, string?> flags)
    {
        var builder = new ConfigurationBuilder();
        ShippedConfig.Add(builder, "appsettings.json");
        ShippedConfig.Add(builder, "filter.json");

        if (configFile is not null)
        {
            builder.AddJsonFile(Path.GetFullPath(configFile), optional: false);
        }

        return builder.AddEnvironmentVariables().AddInMemoryCollection(flags).Build();
    }

    /// <summary>A harvest with this configuration (the in-process entry the tests use).</summary>
    public static Task<int> RunHarvestAsync(IConfigurationRoot configuration, CancellationToken cancellationToken = default) =>
        RunAsync<HarvestCommand>(configuration, parsed: null, cancellationToken);

    /// <summary>
    /// Builds the host, checks the settings and builds <typeparamref name="TCommand"/> (and with it every stage it uses)
    /// before anything runs, so a bad setting is one line and exit 2; then runs it and returns its exit code.
    /// </summary>
    public static async Task<int> RunAsync<TCommand>(IConfigurationRoot configuration, ParseResult? parsed, CancellationToken cancellationToken)
        where TCommand : class, IHarvesterCommand
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddConfiguration(configuration);
        builder.Services.AddSystemd();
        builder.Services.AddSerilog(logger => ConfigureLogging(logger, configuration), preserveStaticLogger: true);
        builder.Services.AddHarvester(configuration);
        builder.Services.AddTransient<TCommand>();
        if (parsed is not null)
        {
            builder.Services.AddSingleton(parsed);
        }

        using var host = builder.Build();
        var (command, failures) = Build<TCommand>(host.Services);
        if (command is null)
        {
            foreach (var failure in failures)
            {
                await Console.Error.WriteLineAsync("harvester: " + failure).ConfigureAwait(false);
            }

            return ExitCodes.Usage;
        }

        await host.StartAsync(cancellationToken).ConfigureAwait(false); // systemd: READY=1
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        try
        {
            return await command.RunAsync(stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }
        catch (Exception ex)
        {
            await Console.Error.WriteLineAsync("harvester: " + ex.GetType().Name + ": " + ex.Message).ConfigureAwait(false);
            return ExitCodes.NothingHarvested;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Every options class validated, then the command built; or the one-line reasons it cannot be.</summary>
    private static (TCommand? Command, IReadOnlyList<string> Failures) Build<TCommand>(IServiceProvider services)
        where TCommand : class, IHarvesterCommand
    {
        try
        {
            _ = services.GetRequiredService<IOptions<HarvesterOptions>>().Value;
            return (services.GetRequiredService<TCommand>(), []);
        }
        catch (OptionsValidationException ex)
        {
            return (null, ex.Failures.Select(SettingErrors.Failure).ToList());
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            return (null, [SettingErrors.Describe(ex)]);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or InvalidDataException or Microsoft.Data.Sqlite.SqliteException)
        {
            return (null, [ex.Message]);
        }
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
