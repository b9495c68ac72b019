using System.Net;
using System.Xml.Linq;
using Harvester.Parse;
using Harvester.Tests.Support;

namespace Harvester.Tests.Crawl;

/// <summary>
/// The fake lore behaves as public-inbox documents (archive-html/lore.md): the test double the public-inbox source is
/// proven against must itself hold to the real server's rules.
/// </summary>
public sealed class PublicInboxServerTests
{
    private static readonly string Week = Paths.Fixture("archives", "week-2026-11");
    private static readonly XNamespace AtomNs = "http://www.w3.org/2005/Atom";

    private static HttpClient Client()
    {
        var client = new HttpClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Harvester-tests/1.0");
        return client;
    }

    [Fact]
    public async Task PostMbox_WindowQuery_GzippedMboxrdOfEveryMatchOnThatList()
    {
        await using var lore = await PublicInboxServer.StartAsync(Week);
        using var client = Client();

        using var response = await client.PostAsync(new Uri(lore.Inbox("bpf"), "?q=d:2026-11-09..2026-11-15&x=m"), new ByteArrayContent([]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/gzip", response.Content.Headers.ContentType!.MediaType);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(Gzip.IsGzip(body));
        var read = MboxReader.Read(body, "LoreBpf", lore.Inbox("bpf"), 10_000_000, 1_000_000);
        var expected = FixtureArchive.Load(Week, "bpf").Messages
            .Where(m => m.Date.UtcDateTime >= new DateTime(2026, 11, 9) && m.Date.UtcDateTime < new DateTime(2026, 11, 16))
            .Select(m => m.MessageId).Order().ToList();
        Assert.Equal(expected, read.Messages.Select(m => m.MessageId).Order());
        Assert.Contains(read.Messages, m => m.MessageId == "Zx7Qb/9kT3r+aBcD@example.net"); // bpf-only reply, "/" in its id
        Assert.DoesNotContain(read.Messages, m => m.Subject.StartsWith("[PATCH net-next 0/3] qtnic", StringComparison.Ordinal)); // netdev-only
        Assert.Empty(read.Problems);
    }

    [Fact]
    public async Task PostMbox_BodyLineStartingWithFrom_QuotedOnTheWireAndUnquotedByTheReader()
    {
        await using var lore = await PublicInboxServer.StartAsync(Week);
        using var client = Client();

        var body = await (await client.PostAsync(new Uri(lore.Inbox("bpf"), "?q=s:consumer&x=m"), new ByteArrayContent([]))).Content.ReadAsByteArrayAsync();

        using var text = new StreamReader(Gzip.Open(body, 1_000_000));
        Assert.Contains("\n>From then on, records are read at the right offset again.\n", await text.ReadToEndAsync(), StringComparison.Ordinal);
        var message = Assert.Single(MboxReader.Read(body, "LoreBpf", lore.Inbox("bpf"), 1_000_000, 1_000_000).Messages);
        Assert.Contains("\nFrom then on, records are read at the right offset again.\n", message.Body, StringComparison.Ordinal);
        Assert.Equal("Oskar Lindqvist", message.Author);
    }

    [Fact]
    public async Task PostMbox_NoMatch_404NoResults()
    {
        await using var lore = await PublicInboxServer.StartAsync(Week);
        using var client = Client();

        using var response = await client.PostAsync(new Uri(lore.Inbox("bpf"), "?q=d:2030-01-01..2030-01-08&x=m"), new ByteArrayContent([]));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("No results found\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetWithXm_Ignored_HtmlResultPageNotAnMbox()
    {
        await using var lore = await PublicInboxServer.StartAsync(Week);
        using var client = Client();

        using var response = await client.GetAsync(new Uri(lore.Inbox("bpf"), "?q=d:2026-11-09..2026-11-15&x=m"));

        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("\"x=m\" ignored for GET requests", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostMbox_BodyXm_AddsWholeThreads_EmptyBodyDoesNot()
    {
        await using var lore = await PublicInboxServer.StartAsync(Week);
        using var client = Client();
        var url = new Uri(lore.Inbox("bpf"), "?q=s:%22Keep+per-CPU%22&x=m");

        var plain = MboxReader.Read(await (await client.PostAsync(url, new ByteArrayContent([]))).Content.ReadAsByteArrayAsync(), "L", lore.Inbox("bpf"), 1_000_000, 1_000_000);
        var threads = MboxReader.Read(await (await client.PostAsync(url, new StringContent("x=m"))).Content.ReadAsByteArrayAsync(), "L", lore.Inbox("bpf"), 1_000_000, 1_000_000);

        Assert.Equal(2, plain.Messages.Count); // the patch and the reply quoting its subject
        Assert.Equal(4, threads.Messages.Count); // cover, both parts and the reply: the whole thread, nothing else
    }

    [Fact]
    public async Task AtomSearch_PagedBy200WithOffset_NewestFirst()
    {
        var many = Enumerable.Range(0, 450).Select(i => new FixtureMessage
        {
            FileName = $"{i:D3}.eml",
            MessageId = $"m{i}@example.org",
            Subject = $"[PATCH bpf-next] bpf: change {i}",
            FromName = "Ann",
            FromAddress = "ann@example.org",
            Date = new DateTimeOffset(2026, 11, 9, 0, 0, 0, TimeSpan.Zero).AddMinutes(i),
            Body = "x",
            Lists = ["bpf"],
        }).ToList();
        await using var lore = await PublicInboxServer.StartAsync(new Dictionary<string, FixtureArchive> { ["bpf"] = FixtureArchive.FromMessages(many, new FixtureArchiveSettings(), "bpf") });
        using var client = Client();

        async Task<List<string>> Page(string extra) =>
            XDocument.Parse(await client.GetStringAsync(new Uri(lore.Inbox("bpf"), "?q=d:2026-11-09..&x=A" + extra)))
                .Descendants(AtomNs + "entry").Select(e => e.Element(AtomNs + "title")!.Value).ToList();

        var first = await Page("");
        var third = await Page("&o=400");
        var limited = await Page("&l=5&o=10");

        Assert.Equal(200, first.Count);
        Assert.Equal("[PATCH bpf-next] bpf: change 449", first[0]);
        Assert.Equal(50, third.Count);
        Assert.Equal("[PATCH bpf-next] bpf: change 0", third[^1]);
        Assert.Equal(["[PATCH bpf-next] bpf: change 439", "[PATCH bpf-next] bpf: change 438", "[PATCH bpf-next] bpf: change 437", "[PATCH bpf-next] bpf: change 436", "[PATCH bpf-next] bpf: change 435"], limited);
    }

    [Fact]
    public async Task Raw_EscapedSlashInMessageId_ServesThatMail()
    {
        await using var lore = await PublicInboxServer.StartAsync(Week);
        using var client = Client();

        var raw = await client.GetByteArrayAsync(Harvester.Domain.PublicInboxLinks.Raw(lore.Inbox("bpf"), "Zx7Qb/9kT3r+aBcD@example.net"));

        Assert.Equal("Quentin Aubert", Assert.Single(MboxReader.Read(raw, "LoreBpf", lore.Inbox("bpf"), 1_000_000, 1_000_000).Messages).Author);
        Assert.Contains("GET bpf/Zx7Qb%2F9kT3r+aBcD@example.net/raw", lore.Requests);
    }

    [Fact]
    public async Task AnyRequest_MozillaUserAgent_AnubisChallengeNotMail()
    {
        await using var lore = await PublicInboxServer.StartAsync(Week);
        using var client = new HttpClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64)");

        var body = await (await client.PostAsync(new Uri(lore.Inbox("bpf"), "?q=d:2026-11-09..2026-11-15&x=m"), new ByteArrayContent([]))).Content.ReadAsStringAsync();

        Assert.True(AnubisChallenge.IsChallenge(body));
    }
}
