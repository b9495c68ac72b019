using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Harvester.Hosting;

/// <summary>
/// The configuration files shipped with Harvester (<c>config/*.json</c>): read from a <c>config/</c> folder beside the
/// binary when there is one (the build output, an operator's edited copy), else from the copies embedded in the
/// assembly, so the published single file runs on its own (issue 11; Process/InstallProcessTests).
/// </summary>
public static class ShippedConfig
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "config");

    /// <summary>Adds <paramref name="name"/> to the configuration, from the folder or embedded.</summary>
    public static IConfigurationBuilder Add(IConfigurationBuilder builder, string name)
    {
        var path = Path.Combine(Folder, name);
        return File.Exists(path)
            ? builder.AddJsonFile(path, optional: false)
            : builder.AddJsonStream(OpenEmbedded(name) ?? throw new FileNotFoundException($"config/{name} is neither beside the binary nor embedded", path));
    }

    /// <summary>The text of <paramref name="name"/>, from the folder or embedded; null when it is in neither.</summary>
    public static string? ReadAllText(string name)
    {
        var path = Path.Combine(Folder, name);
        if (File.Exists(path))
        {
            return File.ReadAllText(path);
        }

        using var stream = OpenEmbedded(name);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static Stream? OpenEmbedded(string name) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream("config/" + name);
}
