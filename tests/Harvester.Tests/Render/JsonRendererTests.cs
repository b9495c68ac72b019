using System.Text.Json;
using System.Text.Json.Nodes;
using Harvester.Domain;
using Harvester.Render;
using Harvester.Tests.Support;
using NJsonSchema;
using static Harvester.Tests.Render.Some;

namespace Harvester.Tests.Render;

public sealed class JsonRendererTests
{
    private static readonly string SchemaPath = Path.Combine(Paths.RepoRoot, "docs", "schema", "harvester-output.schema.json");

    [Fact]
    public async Task Render_FullReport_ValidatesAgainstSchema()
    {
        var schema = await JsonSchema.FromFileAsync(SchemaPath);

        var json = new JsonRenderer(new OutputOptions { ListAll = true }).Render(FullReport());

        Assert.Empty(schema.Validate(json));
    }

    [Fact]
    public async Task Schema_BrokenOutput_IsRejected()
    {
        // Guards the schema test above against a schema that accepts anything.
        var schema = await JsonSchema.FromFileAsync(SchemaPath);
        var node = JsonNode.Parse(new JsonRenderer().Render(FullReport()))!;
        node["series"]![0]!["patches"]![0]!["date"] = "2017-05-11 16:12";
        node["diagnostics"]![0]!["level"] = "fatal";
        node["stats"]!.AsObject().Remove("floor");

        var errors = schema.Validate(node.ToJsonString());

        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public void Render_FullReport_HasSchema1NamesAndUtcDates()
    {
        using var doc = JsonDocument.Parse(new JsonRenderer().Render(FullReport()));
        var root = doc.RootElement;

        Assert.Equal(["schema", "window", "series", "pullRequests", "applied", "diagnostics", "stats"], Names(root));
        Assert.Equal(1, root.GetProperty("schema").GetInt32());
        Assert.Equal("2017-05-08T00:00:00Z", root.GetProperty("window").GetProperty("from").GetString());
        // Every series of the report, irrelevant ones too; by author: Bob's older v2 (irrelevant) comes first.
        Assert.Equal([false, true, true], root.GetProperty("series").EnumerateArray().Select(x => x.GetProperty("relevant").GetBoolean()));
        var series = root.GetProperty("series")[2];
        Assert.Equal("Ann", series.GetProperty("author").GetString());
        Assert.Equal(["id", "author", "version", "total", "complete", "relevant", "reasons", "supersededBy", "cover", "patches", "applied"], Names(series));
        var part = series.GetProperty("patches")[0];
        Assert.Equal(["messageId", "subject", "title", "prefixes", "version", "index", "total", "date", "author", "links", "repliesSeen"], Names(part));
        Assert.Equal("2017-05-11T16:12:33Z", part.GetProperty("date").GetString()); // sent 18:12:33 +02:00
        Assert.Equal("bpf-next", part.GetProperty("prefixes")[0].GetString());
        Assert.Equal(["level", "url", "message"], Names(root.GetProperty("diagnostics")[0]));
        Assert.Equal("warning", root.GetProperty("diagnostics")[0].GetProperty("level").GetString());
        Assert.Equal(3, root.GetProperty("stats").GetProperty("cacheHits").GetInt32());
        var pull = root.GetProperty("pullRequests")[0];
        Assert.Equal(["messageId", "subject", "date", "author", "tree", "links"], Names(pull));
        Assert.Equal("[GIT] Networking", pull.GetProperty("subject").GetString());
        Assert.Equal("2017-05-09", pull.GetProperty("date").GetString());
        Assert.Equal("net", pull.GetProperty("tree").GetString());
        Assert.Equal(JsonValueKind.Null, pull.GetProperty("messageId").ValueKind);
    }

    [Fact]
    public void Render_SeedReport_SeriesInMarkdownOrder()
    {
        var options = SeedIssue.Options();
        var markdownTops = new MarkdownRenderer(options).Render(SeedIssue.Report())
            .Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();

        using var doc = JsonDocument.Parse(new JsonRenderer(options).Render(SeedIssue.Report()));
        var jsonTops = doc.RootElement.GetProperty("series").EnumerateArray()
            .Select(s => s.GetProperty("cover").ValueKind == JsonValueKind.Null ? s.GetProperty("patches")[0] : s.GetProperty("cover"))
            .Select(m => m.GetProperty("links")[0].GetProperty("url").GetString()!)
            .ToList();

        // Each series' head message is linked from the Markdown line at the same place: same series, same order.
        Assert.Equal(7, jsonTops.Count);
        Assert.Equal(jsonTops, markdownTops.Select(l => System.Text.RegularExpressions.Regex.Match(l, @"\]\((https?://[^)\s]+)\)").Groups[1].Value));
    }

    [Fact]
    public void Render_ShapeEndsWithNewline_UsesLfOnly()
    {
        var json = new JsonRenderer().Render(FullReport());

        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', json);
    }

    [Fact]
    public void Render_Links_NameArchiveAndList_InPreferenceOrder()
    {
        var message = Some.Message("[PATCH bpf-next] bpf: x", Some.Monday, Some.LoreBpf("x/y@example.org"), Some.MailArchive(7), Some.Spinics(5));

        using var doc = JsonDocument.Parse(new JsonRenderer().Render(Some.Report(Some.Relevant(Some.Series("Ann", message)))));

        var links = doc.RootElement.GetProperty("series")[0].GetProperty("patches")[0].GetProperty("links").EnumerateArray().ToList();
        Assert.Equal(["archive", "list", "url"], Names(links[0]));
        Assert.Equal(
            [
                ("Spinics", "netdev@vger.kernel.org", "https://www.spinics.net/lists/netdev/msg5.html"),
                ("MailArchive", "netdev@vger.kernel.org", "https://www.mail-archive.com/netdev@vger.kernel.org/msg7.html"),
                ("LoreBpf", "bpf@vger.kernel.org", "https://lore.kernel.org/bpf/x%2Fy@example.org/"),
            ],
            links.Select(l => (l.GetProperty("archive").GetString(), l.GetProperty("list").GetString(), l.GetProperty("url").GetString())));
    }

    private static List<string> Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToList();

    private static HarvestReport FullReport()
    {
        var sent = new DateTimeOffset(2017, 5, 11, 18, 12, 33, TimeSpan.FromHours(2));
        var first = Series("Ann", Message("[PATCH bpf-next 1/2] bpf: one", sent, Spinics(1), MailArchive(2)), Message("[PATCH bpf-next 2/2] bpf: two", sent, Spinics(3)));
        var covered = Series("Bob", Message("[PATCH v3 0/1] xdp: cover", sent.AddHours(1), Spinics(4)), Message("[PATCH v3 1/1] xdp: only", sent.AddHours(1), Spinics(5)));
        var old = Single("Bob", "[PATCH v2] xdp: older", sent.AddHours(-30), 6) with { SupersededBy = covered.Id };
        return Report(Relevant(first), Relevant(covered), Irrelevant(old)) with
        {
            PullRequests = [new PullRequest { Subject = "[GIT] Networking", Author = "David Miller", Day = new DateOnly(2017, 5, 9), Tree = "net", Links = [Spinics(7)] }],
            Diagnostics = [new Diagnostic(DiagnosticLevel.Warning, "https://www.spinics.net/lists/netdev/mail9.html", "index cut off"), new Diagnostic(DiagnosticLevel.Info, null, "cache used")],
            Stats = new HarvestStats { Requests = 10, CacheHits = 3, Messages = 7, RequestsSaved = 2, Floor = 434000 },
        };
    }
}
