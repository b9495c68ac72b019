using System.IO.Compression;
using System.Text;
using Harvester.Crawl;
using Harvester.Domain;
using Harvester.Parse;
using Harvester.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Harvester.Tests.Crawl;

/// <summary>
/// lore's one POST per list at the shipped defaults (<see cref="HttpOptions"/> as it ships: 30 s attempt timeout, 4
/// retries), on a fake clock, composed as the harvest composes it (<see cref="SourceFactory"/>). The wait for lore's
/// Crawl-delay is outside the attempt timeout, as for every HTML page (issue 12); it used to be inside it.
/// </summary>
public class PublicInboxPolitenessTests
{
    private static readonly Uri Inbox = new("https://lore.kernel.org/bpf/");
    private static readonly HarvestWindow Week = new(DateTimeOffset.Parse("2026-11-09T00:00:00Z"), DateTimeOffset.Parse("2026-11-16T00:00:00Z"));
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-22T00:00:00Z"));

    /// <summary>
    /// A search lore answers in 27 s (a week's mbox is slow to make) right after robots.txt said Crawl-delay 5: the
    /// answer comes within the 30 s attempt timeout, so one POST must do. With the wait inside the timeout, every
    /// attempt was cut off at 5 + 27 > 30 s and the list was lost after 5 POSTs.
    /// </summary>
    [Fact]
    public async Task ReadAsync_CrawlDelay5AndSlowAnswerAtShippedDefaults_OnePostNoTimeoutNoRetry()
    {
        var lore = new FakeClockHost(_time) { Robots = "User-agent: *\nCrawl-delay: 5\n", AnswerDelay = TimeSpan.FromSeconds(27), Content = Mbox };
        var (source, throttle) = CreateSut(lore);

        var result = await FakeClockDriver.DriveAsync(_time, throttle, lore, source.ReadAsync(new SourceRequest(Week), CancellationToken.None));

        Assert.Empty(result.Diagnostics);
        Assert.False(result.Failed);
        Assert.Single(result.Mailboxes);
        var post = Assert.Single(lore.Starts, s => s.Method == "POST");
        var robots = Assert.Single(lore.Starts, s => s.Path == "/robots.txt");
        Assert.True(post.At - robots.At >= TimeSpan.FromSeconds(5), $"robots.txt at {robots.At:T}, POST at {post.At:T}");
    }

    private (IArchiveSource Source, HostThrottle Throttle) CreateSut(FakeClockHost lore)
    {
        var http = new HttpOptions(); // as shipped
        var policy = new FetchPolicy(false, false, http.MaxResponseBytes, TimeSpan.FromHours(1), TimeSpan.FromHours(1), http.ObeyRobotsTxt, "harvester");
        var factory = new SourceFactory(
            new FetchSettings(http, policy, _ => new HttpClient(lore), _time), null, new CrawlStats(), new SourceReaders(new MessageReader(_ => null)), NullLoggerFactory.Instance);
        var source = factory.Create("LoreBpf", new ArchiveOptions { Kind = ArchiveKinds.PublicInbox, BaseUrl = Inbox.AbsoluteUri, List = "bpf@vger.kernel.org" })!;
        return (source, factory.CreateHttpClient("LoreBpf", Inbox).Host.Throttle);
    }

    /// <summary>A gzipped mbox of one patch mail: lore's answer to any search.</summary>
    private static ByteArrayContent Mbox(HttpRequestMessage request)
    {
        const string mail = "From mboxrd@z Thu Jan  1 00:00:00 1970\n"
            + "From: Ada Example <ada@example.org>\nSubject: [PATCH bpf-next] bpf: Fix a verifier thing\n"
            + "Date: Tue, 10 Nov 2026 10:00:00 +0000\nMessage-ID: <1@example.org>\n\nThe fix.\n\n";
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(mail));
        }

        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/gzip");
        return content;
    }
}
