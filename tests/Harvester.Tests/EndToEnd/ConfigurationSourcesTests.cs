using System.Text.Json;
using Harvester.Hosting;
using Harvester.Tests.Support;
using Harvester.Tests.Support.Sites;

namespace Harvester.Tests.EndToEnd;

/// <summary>Where an archive and the settings can come from: a file:// mirror, and a --config file.</summary>
public sealed class ConfigurationSourcesTests : IDisposable
{
    private static readonly FixtureArchive Week = FixtureArchive.Load(Paths.Fixture("archives", "week-2026-11"));
    private const string MailArchiveOnlyLine =
        "- Tomasz Wierzbicki, [[PATCH net] xsk: Fix use-after-free when unbinding a busy socket](https://www.mail-archive.com/netdev@vger.kernel.org/msg300037.html)\n";

    private readonly HarvestRun _run = new();

    [Fact]
    public async Task Harvest_FileMirror_ReadsTheArchiveFromDisk()
    {
        // The layout `wget --mirror` leaves: www.spinics.net/lists/netdev/maillist.html, mail2.html, msgNNNNN.html.
        var root = Path.Combine(_run.Folder, "mirror", "www.spinics.net", "lists", "netdev");
        Directory.CreateDirectory(root);
        var site = new SpinicsFixtureSite(Week);
        var files = new List<string> { "maillist.html" };
        for (var page = 2; site.Render($"mail{page}.html") is not null; page++)
        {
            files.Add($"mail{page}.html");
        }

        files.AddRange(Week.OnSpinics.Select(m => $"msg{m.SpinicsNumber:D5}.html"));
        files.ForEach(name => File.WriteAllText(Path.Combine(root, name), site.Render(name)));
        var baseUrl = new Uri(root + "/");
        var settings = _run.Settings(baseUrl, null);
        settings["Harvester:Run:From"] = "2026-11-09";
        settings["Harvester:Run:To"] = "2026-11-16";

        var (code, output) = await _run.RunAsync(settings);

        Assert.Equal(ExitCodes.Done, code);
        var expected = File.ReadAllText(Path.Combine(Week.Directory, "expected.md"))
            .Replace(MailArchiveOnlyLine, "", StringComparison.Ordinal)
            .Replace("https://www.spinics.net/lists/netdev/", baseUrl.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(expected, output);
    }

    [Fact]
    public async Task Harvest_ConfigFile_IsLayeredOverTheDefaults()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(Week);
        var configFile = Path.Combine(_run.Folder, "local.json");
        File.WriteAllText(configFile, JsonSerializer.Serialize(new
        {
            Harvester = new
            {
                Archives = new { Spinics = new { BaseUrl = spinics.BaseUrl.AbsoluteUri } },
                Output = new { Footer = "Local footer.", Order = "date" },
            },
        }));
        var settings = _run.Settings(spinics.BaseUrl, null);
        settings.Remove("Harvester:Archives:Spinics:BaseUrl"); // from the file only
        settings["Harvester:Run:From"] = "2026-11-09";
        settings["Harvester:Run:To"] = "2026-11-16";

        var configuration = HarvesterHost.BuildConfiguration(configFile, settings);
        var code = await HarvesterHost.RunHarvestAsync(configuration);

        Assert.Equal(ExitCodes.Done, code);
        var output = File.ReadAllText(_run.OutputPath);
        Assert.EndsWith("\nLocal footer.\n", output);
        Assert.Contains(spinics.BaseUrl.AbsoluteUri + "msg1200002.html", output);
        // Order=date from the file reached the output: the series are listed by date, which the default author order
        // (expected.md) is not.
        Assert.True(IsInDateOrder(output), output);
        Assert.False(IsInDateOrder(File.ReadAllText(Path.Combine(Week.Directory, "expected.md"))));
    }

    /// <summary>Whether the listed series' head messages on spinics (looked up by number) come oldest first.</summary>
    private static bool IsInDateOrder(string markdown)
    {
        var dates = markdown.Split('\n')
            .Where(l => l.StartsWith("- ", StringComparison.Ordinal))
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"/lists/netdev/msg(\d+)\.html\)").Groups[1].Value)
            .Where(n => n.Length > 0)
            .Select(n => Week.Messages.Single(m => m.SpinicsNumber == long.Parse(n, System.Globalization.CultureInfo.InvariantCulture)).Date)
            .ToList();
        Assert.True(dates.Count >= 2, $"nothing to compare in\n{markdown}");
        return dates.Zip(dates.Skip(1)).All(p => p.First <= p.Second);
    }

    [Fact]
    public void BuildConfiguration_MissingConfigFile_Throws()
    {
        Assert.Throws<FileNotFoundException>(() => HarvesterHost.BuildConfiguration(Path.Combine(_run.Folder, "absent.json"), new Dictionary<string, string?>()));
    }

    public void Dispose() => _run.Dispose();
}
