using Harvester.Filter;
using Microsoft.Extensions.Configuration;

namespace Harvester.Hosting;

/// <summary>
/// Reads the relevance rules shipped as data in <c>config/</c>: <c>filter.json</c> (<c>Harvester:Filter</c>) and
/// <c>bpf-maintainers.json</c> (the kernel's BPF/XDP <c>F:</c> patterns). File reading stays here, at start-up, so the
/// Filter stage itself does no I/O.
/// </summary>
public static class FilterConfiguration
{
    /// <summary>The MAINTAINERS patterns in <paramref name="path"/>, or an error message.</summary>
    public static (MaintainersPatterns? Patterns, string? Error) TryLoadMaintainers(string path) =>
        File.Exists(path) ? MaintainersPatterns.TryParse(File.ReadAllText(path)) : (null, "not found: " + path);

    /// <summary>The shipped defaults of <paramref name="configDirectory"/> as a filter, or an error message.</summary>
    public static (RelevanceFilter? Filter, string? Error) TryLoad(string configDirectory)
    {
        var optionsPath = Path.GetFullPath(Path.Combine(configDirectory, "filter.json"));
        if (!File.Exists(optionsPath))
        {
            return (null, "not found: " + optionsPath);
        }

        var (patterns, error) = TryLoadMaintainers(Path.Combine(configDirectory, "bpf-maintainers.json"));
        if (patterns is null)
        {
            return (null, error);
        }

        var configuration = new ConfigurationBuilder().AddJsonFile(optionsPath, optional: false, reloadOnChange: false).Build();
        var options = configuration.GetSection("Harvester:Filter").Get<FilterOptions>() ?? new FilterOptions();
        return (new RelevanceFilter(options, patterns), null);
    }

    /// <summary><see cref="TryLoad"/>, throwing when the configuration is missing (tests).</summary>
    public static RelevanceFilter LoadDefaults(string configDirectory)
    {
        var (filter, error) = TryLoad(configDirectory);
        return filter ?? throw new InvalidOperationException("Filter configuration: " + error);
    }
}
