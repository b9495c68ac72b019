using System.Text.Json;
using Harvester.Hosting;
using Harvester.Tests.Support;

namespace Harvester.Tests.EndToEnd;

/// <summary>
/// Faults injected into the fixture server: where a fault is transient the output equals the clean run's; where it is
/// not, the output holds everything else and the JSON diagnostics name what is missing.
/// </summary>
public sealed class FaultInjectionTests : IDisposable
{
    private const string Page = "msg1200003.html"; // [PATCH bpf-next v2 1/3], listed
    private static readonly FixtureArchive Week = FixtureArchive.Load(Paths.Fixture("archives", "week-2026-11"));
    private readonly HarvestRun _run = new();

    public static TheoryData<string> TransientFaults => ["429-retry-after", "503-burst", "slow", "reset", "truncated", "index-503", "redirect-inside"];

    [Theory]
    [MemberData(nameof(TransientFaults))]
    public async Task Harvest_TransientFault_OutputEqualsCleanRun(string fault)
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(Week);
        switch (fault)
        {
            case "429-retry-after": spinics.Inject(Page, Fault.Status(429, retryAfterSeconds: 1)); break;
            case "503-burst": spinics.Inject(Page, Fault.Status(503), Fault.Status(503), Fault.Status(503)); break;
            case "slow": spinics.Inject(Page, Fault.Slow(TimeSpan.FromSeconds(4))); break;
            case "reset": spinics.Inject(Page, Fault.Reset()); break;
            case "truncated": spinics.Inject(Page, Fault.Truncated()); break;
            case "index-503": spinics.Inject("maillist.html", Fault.Status(503), Fault.Status(502)); break;
            case "redirect-inside": spinics.Inject(Page, Fault.Redirect(Page + "?moved=1")); break;
        }

        var started = DateTime.UtcNow;
        var (code, output) = await _run.RunAsync(Settings(spinics));

        Assert.Equal(ExitCodes.Done, code);
        Assert.Equal(HarvestEndToEndTests.Expected(Week, spinics, null).Replace(SpinicsOnlyMissing, ""), output);
        if (fault == "429-retry-after")
        {
            Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(1), "Retry-After was not honoured");
        }
    }

    [Theory]
    [InlineData("404")]
    [InlineData("not-html")]
    [InlineData("huge")]
    [InlineData("challenge")]
    [InlineData("challenge-503-no-header")]
    public async Task Harvest_PermanentFaultOnOnePage_KeepsEverythingElseAndNamesTheMissingPage(string fault)
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(Week);
        var repeat = Enumerable.Range(0, 10);
        switch (fault)
        {
            case "404": spinics.Inject(Page, [.. repeat.Select(_ => Fault.Status(404))]); break;
            case "not-html": spinics.Inject(Page, [.. repeat.Select(_ => Fault.NotHtml())]); break;
            case "huge": spinics.Inject(Page, [.. repeat.Select(_ => Fault.Huge(20_000_000))]); break;
            case "challenge": spinics.Inject(Page, [.. repeat.Select(_ => Fault.Challenge())]); break;
            case "challenge-503-no-header": spinics.Inject(Page, [.. repeat.Select(_ => Fault.ChallengeWithoutHeader())]); break;
        }

        var settings = Settings(spinics);
        settings["Harvester:Run:Format"] = "json";
        var (code, output) = await _run.RunAsync(settings);

        Assert.Equal(ExitCodes.PartialFailure, code);
        using var json = JsonDocument.Parse(output);
        var subjects = json.RootElement.GetProperty("series").EnumerateArray()
            .SelectMany(s => s.GetProperty("patches").EnumerateArray().Append(s.GetProperty("cover")))
            .Where(m => m.ValueKind == JsonValueKind.Object)
            .Select(m => m.GetProperty("subject").GetString())
            .ToList();
        Assert.DoesNotContain("[PATCH bpf-next v2 1/3] bpf: Record maximum stack depth for each subprogram", subjects);
        Assert.Contains("[PATCH bpf-next v2 2/3] bpf: Expose subprogram stack depth through prog info", subjects);
        Assert.Contains("[PATCH bpf-next] libbpf: Fix memory leak when BTF loading fails", subjects);
        Assert.Contains(json.RootElement.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("url").GetString()!.EndsWith(Page, StringComparison.Ordinal));
        if (fault.StartsWith("challenge", StringComparison.Ordinal) || fault == "404")
        {
            Assert.Equal(1, spinics.CountOf(Page)); // a challenge is reported as such, a 404 is a gap: neither is retried
        }
    }

    [Fact]
    public async Task Harvest_RedirectToAnotherHost_IsNotFollowed()
    {
        // The other host is a live server (another port on 127.0.0.1): had the fetcher followed the redirect, it would
        // have answered, and the page would have been harvested.
        await using var spinics = await FixtureServer.StartSpinicsAsync(Week);
        await using var other = await FixtureServer.StartSpinicsAsync(Week);
        spinics.Inject(Page, [.. Enumerable.Range(0, 10).Select(_ => Fault.Redirect(other.BaseUrl.AbsoluteUri + Page))]);
        var settings = Settings(spinics);
        settings["Harvester:Run:Format"] = "json";

        var (code, output) = await _run.RunAsync(settings);

        Assert.Equal(ExitCodes.PartialFailure, code);
        Assert.Empty(other.Requests);
        using var json = JsonDocument.Parse(output);
        Assert.Contains(json.RootElement.GetProperty("diagnostics").EnumerateArray(), d =>
            d.GetProperty("url").GetString()!.EndsWith(Page, StringComparison.Ordinal)
            && d.GetProperty("message").GetString()!.Contains("redirect to " + other.BaseUrl.AbsoluteUri + Page + " not followed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Harvest_HostDiesMidRun_CircuitOpensAfterTheFailureLimit()
    {
        await using var spinics = await FixtureServer.StartSpinicsAsync(Week);
        var dead = Week.OnSpinics.Where(m => m.SpinicsNumber < 1_200_030).Select(m => $"msg{m.SpinicsNumber}.html").ToList();
        foreach (var page in dead)
        {
            spinics.Inject(page, [.. Enumerable.Range(0, 10).Select(_ => Fault.Status(503))]);
        }

        var settings = Settings(spinics);
        settings["Harvester:Http:MaxRetries"] = "1";
        settings["Harvester:Http:HostFailureLimit"] = "3";
        var (code, output) = await _run.RunAsync(settings);

        Assert.Equal(ExitCodes.PartialFailure, code);
        Assert.Contains("msg1200044.html", output); // fetched before the host "died"
        // Three failed requests (one retry each) open the circuit; at most one more read was already in flight (the
        // crawler reads one page ahead on the host's second connection slot); then nothing more.
        var deadRequests = spinics.Requests.Count(dead.Contains);
        Assert.InRange(deadRequests, 3 * 2, 4 * 2);
    }

    [Fact]
    public async Task Harvest_PageOnTheWindowsEdgeDayFails_WarnsAndExits0()
    {
        // The BPF patch sent late on 8 November (UTC) is on mail-archive's edge day, and spinics lacks it (so no spinics
        // probe already told its date): the crawler reads it to learn whether it lies in the window. That it cannot be
        // read costs nothing the section needs.
        var edge = Week.Messages.Single(m => m.FileName.StartsWith("010-", StringComparison.Ordinal));
        var page = $"msg{edge.MailArchiveNumber}.html";
        await using var spinics = await FixtureServer.StartSpinicsAsync(Week.Without(m => m == edge));
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(Week);
        mailArchive.Inject(page, [.. Enumerable.Range(0, 10).Select(_ => Fault.Status(500))]);
        var settings = Settings(spinics);
        settings["Harvester:Archives:MailArchive:BaseUrl"] = mailArchive.BaseUrl.AbsoluteUri;
        settings["Harvester:Archives:MailArchive:Enabled"] = "true";
        settings["Harvester:Run:Format"] = "json";

        var (code, output) = await _run.RunAsync(settings);

        Assert.True(mailArchive.CountOf(page) > 0, "the edge-day page was not even tried");
        Assert.Equal(ExitCodes.Done, code);
        using var json = JsonDocument.Parse(output);
        var diagnostic = Assert.Single(json.RootElement.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("url").GetString()!.EndsWith(page, StringComparison.Ordinal));
        Assert.Equal("warning", diagnostic.GetProperty("level").GetString());
    }

    [Fact]
    public async Task Harvest_NumberProbeFails_StopsTheWalkAndSaysSo()
    {
        var limited = Week.With(Week.Settings with { SpinicsIndexLimit = 3 });
        await using var spinics = await FixtureServer.StartSpinicsAsync(limited);
        var firstProbe = limited.OnSpinics.OrderByDescending(m => m.Date).Take(3).Min(m => m.SpinicsNumber)!.Value - 1;
        spinics.Inject($"msg{firstProbe}.html", [.. Enumerable.Range(0, 10).Select(_ => Fault.Status(503))]);
        var settings = Settings(spinics);
        settings["Harvester:Http:MaxRetries"] = "0";
        settings["Harvester:Run:Format"] = "json";

        var (code, output) = await _run.RunAsync(settings);

        Assert.Equal(ExitCodes.PartialFailure, code);
        using var json = JsonDocument.Parse(output);
        Assert.Contains(json.RootElement.GetProperty("diagnostics").EnumerateArray(), d =>
            d.GetProperty("level").GetString() == "error" && d.GetProperty("message").GetString()!.StartsWith("number walk stopped", StringComparison.Ordinal));
        Assert.True(spinics.MessagePageRequests < 5, $"{spinics.MessagePageRequests} message pages requested after the walk stopped");
    }

    public void Dispose() => _run.Dispose();

    /// <summary>The one listed line whose message only mail-archive holds (absent from a spinics-only run).</summary>
    private static readonly string SpinicsOnlyMissing =
        "- Tomasz Wierzbicki, [[PATCH net] xsk: Fix use-after-free when unbinding a busy socket](https://www.mail-archive.com/netdev@vger.kernel.org/msg300037.html)\n";

    private Dictionary<string, string?> Settings(FixtureServer spinics)
    {
        var settings = _run.Settings(spinics.BaseUrl, null);
        settings["Harvester:Run:From"] = "2026-11-09";
        settings["Harvester:Run:To"] = "2026-11-16";
        return settings;
    }
}
