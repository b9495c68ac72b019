using System.Collections.Concurrent;
using Harvester.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Harvester.Tests.Support;

/// <summary>
/// Runs the harvest command in-process with the real configuration and stages (<see cref="HarvestRun"/>'s settings,
/// HarvesterHost.BuildConfiguration, AddHarvester) and keeps every line it logs, in memory, through a provider of its
/// own rather than the host's Serilog console sink (which writes to the process's stderr, shared by every test running
/// in parallel). A line is the formatted message, as the console shows it.
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    /// <summary>The lines logged, in order.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    /// <summary>One harvest with these settings; its exit code (the output goes where the settings say).</summary>
    public static async Task<(int ExitCode, LogCapture Log)> RunAsync(IDictionary<string, string?> settings)
    {
        var configuration = HarvesterHost.BuildConfiguration(null, settings);
        var log = new LogCapture();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.ClearProviders().SetMinimumLevel(LogLevel.Information).AddProvider(log))
            .AddHarvester(configuration)
            .AddTransient<HarvestCommand>();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false });
        var code = await provider.GetRequiredService<HarvestCommand>().RunAsync(CancellationToken.None);
        return (code, log);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(_lines);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lines.Enqueue(formatter(state, exception));
            }
        }
    }
}
