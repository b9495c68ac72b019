using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Harvester.Tests.Support;

/// <summary>
/// A real HTTP server (Kestrel on 127.0.0.1, a free port) serving one archive site under its real path
/// (<c>/lists/netdev/</c> or <c>/netdev@vger.kernel.org/</c>), with a request log and scripted faults per page.
/// </summary>
public sealed class FixtureServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IFixtureSite _site;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Fault>> _faults = new(StringComparer.Ordinal);

    private FixtureServer(WebApplication app, IFixtureSite site, string listPath)
    {
        _app = app;
        _site = site;
        ListPath = listPath;
    }

    public string ListPath { get; }

    /// <summary>The list root, e.g. <c>http://127.0.0.1:41234/lists/netdev/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every request's file name, in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>robots.txt served at the host root; null serves 404.</summary>
    public string? RobotsTxt { get; set; }

    /// <summary>Every request's User-Agent header, in arrival order.</summary>
    public ConcurrentQueue<string> UserAgents { get; } = new();

    /// <summary>Requests answered 304 Not Modified (an index page revalidated with its ETag).</summary>
    public ConcurrentQueue<string> NotModified { get; } = new();

    /// <summary>Serve index pages with an ETag and answer If-None-Match with 304, as a caching web server does.</summary>
    public bool IndexETags { get; set; }

    /// <summary>Serve index pages with a Last-Modified date and answer If-Modified-Since with 304 (no ETag).</summary>
    public DateTimeOffset? IndexLastModified { get; set; }

    /// <summary>Extra latency added to every response.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Every answered request, in the order the answers finished: what was served, and whether it was a fault.</summary>
    public ConcurrentQueue<ServedRequest> Served { get; } = new();

    public int CountOf(string fileName) => Requests.Count(r => r == fileName);

    /// <summary>
    /// Pages served again although their earlier answer was a good one: neither a scripted fault, nor an error status,
    /// nor a response the client gave up on (a retry after a timeout on a busy machine is legitimate; a second read of
    /// a page already read is not). <paramref name="skip"/> leaves out the answers of earlier runs.
    /// </summary>
    public IReadOnlyList<string> FetchedAgainWithoutCause(int skip = 0)
    {
        var lastGood = new Dictionary<string, bool>(StringComparer.Ordinal);
        var again = new List<string>();
        foreach (var served in Served.Skip(skip))
        {
            if (lastGood.TryGetValue(served.FileName, out var good) && good)
            {
                again.Add(served.FileName);
            }

            lastGood[served.FileName] = served.Good;
        }

        return again;
    }

    public int MessagePageRequests => Requests.Count(r => r.StartsWith("msg", StringComparison.Ordinal));

    /// <summary>Scripts faults for a page: each request takes the next one; when they run out, the page is served.</summary>
    public void Inject(string fileName, params Fault[] faults)
    {
        var queue = _faults.GetOrAdd(fileName, _ => new ConcurrentQueue<Fault>());
        foreach (var fault in faults)
        {
            queue.Enqueue(fault);
        }
    }

    /// <summary>spinics' archive of the fixture archive's list, under <c>/lists/&lt;list&gt;/</c> (netdev, bpf).</summary>
    public static Task<FixtureServer> StartSpinicsAsync(FixtureArchive archive) =>
        StartAsync(new Sites.SpinicsFixtureSite(archive), $"/lists/{archive.List}/");

    public static Task<FixtureServer> StartMailArchiveAsync(FixtureArchive archive) =>
        StartAsync(new Sites.MailArchiveFixtureSite(archive), "/netdev@vger.kernel.org/");

    public static async Task<FixtureServer> StartAsync(IFixtureSite site, string listPath)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FixtureServer(app, site, listPath);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(new Uri(address), listPath);
        return server;
    }

    /// <summary>An address where nothing listens: a host that is down.</summary>
    public static Uri DeadBaseUrl(string listPath)
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}{listPath}");
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = Uri.UnescapeDataString(context.Request.Path.Value ?? "");
        if (path == "/robots.txt")
        {
            Requests.Enqueue("robots.txt");
            await WriteAsync(context, RobotsTxt is null ? 404 : 200, "text/plain", RobotsTxt ?? "");
            Record(context, "robots.txt", fault: false);
            return;
        }

        if (!path.StartsWith(ListPath, StringComparison.Ordinal))
        {
            await WriteAsync(context, 404, "text/plain", "not found");
            return;
        }

        var fileName = path[ListPath.Length..];
        Requests.Enqueue(fileName);
        UserAgents.Enqueue(context.Request.Headers.UserAgent.ToString());
        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency);
        }

        if (_faults.TryGetValue(fileName, out var queue) && queue.TryDequeue(out var fault))
        {
            await fault.ApplyAsync(context, () => _site.Render(fileName));
            Record(context, fileName, fault: true);
            return;
        }

        var page = _site.Render(fileName);
        if (page is not null && IndexETags && !fileName.StartsWith("msg", StringComparison.Ordinal))
        {
            var etag = "\"" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(page)))[..16] + "\"";
            context.Response.Headers.ETag = etag;
            if (context.Request.Headers.IfNoneMatch.ToString() == etag)
            {
                NotModified.Enqueue(fileName);
                context.Response.StatusCode = 304;
                Record(context, fileName, fault: false);
                return;
            }
        }

        if (page is not null && IndexLastModified is { } modified && !fileName.StartsWith("msg", StringComparison.Ordinal))
        {
            context.Response.Headers.LastModified = modified.ToString("R");
            if (DateTimeOffset.TryParse(context.Request.Headers.IfModifiedSince.ToString(), out var since) && since >= modified)
            {
                NotModified.Enqueue(fileName);
                context.Response.StatusCode = 304;
                Record(context, fileName, fault: false);
                return;
            }
        }

        await WriteAsync(context, page is null ? 404 : 200, "text/html", page ?? "<html><body>404 Not Found</body></html>");
        Record(context, fileName, fault: false);
    }

    private void Record(HttpContext context, string fileName, bool fault) =>
        Served.Enqueue(new ServedRequest(fileName, context.Response.StatusCode, fault, context.RequestAborted.IsCancellationRequested));

    internal static async Task WriteAsync(HttpContext context, int status, string contentType, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType + "; charset=utf-8";
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One answer of a <see cref="FixtureServer"/>.</summary>
public sealed record ServedRequest(string FileName, int Status, bool Fault, bool Aborted)
{
    /// <summary>An answer that a client had no reason to ask again for in the same run.</summary>
    public bool Good => !Fault && !Aborted && Status is 200 or 304 or 404;
}

/// <summary>One scripted misbehaviour of the fixture server for one request.</summary>
public abstract record Fault
{
    public abstract Task ApplyAsync(HttpContext context, Func<string?> page);

    public static Fault Status(int status, int? retryAfterSeconds = null) => new StatusFault(status, retryAfterSeconds);

    public static Fault Slow(TimeSpan delay) => new SlowFault(delay);

    public static Fault Reset() => new ResetFault();

    public static Fault Truncated() => new TruncatedFault();

    public static Fault NotHtml() => new BodyFault("application/octet-stream", "\u0089PNG\r\n\u001a\n binary garbage \u0000\u0001\u0002");

    public static Fault Huge(int bytes) => new HugeFault(bytes);

    public static Fault Redirect(string location) => new RedirectFault(location);

    public static Fault Challenge() => new ChallengeFault(Header: true, Code: 403);

    /// <summary>A "Just a moment..." interstitial as a plain 503, without the cf-mitigated header.</summary>
    public static Fault ChallengeWithoutHeader() => new ChallengeFault(Header: false, Code: 503);

    private sealed record StatusFault(int Code, int? RetryAfter) : Fault
    {
        public override Task ApplyAsync(HttpContext context, Func<string?> page)
        {
            if (RetryAfter is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return FixtureServer.WriteAsync(context, Code, "text/html", $"<html><body>error {Code}</body></html>");
        }
    }

    private sealed record SlowFault(TimeSpan Delay) : Fault
    {
        public override async Task ApplyAsync(HttpContext context, Func<string?> page)
        {
            try
            {
                await Task.Delay(Delay, context.RequestAborted);
                await FixtureServer.WriteAsync(context, 200, "text/html", page() ?? "");
            }
            catch (OperationCanceledException)
            {
                // the client gave up, as it should
            }
        }
    }

    private sealed record ResetFault : Fault
    {
        public override Task ApplyAsync(HttpContext context, Func<string?> page)
        {
            context.Abort();
            return Task.CompletedTask;
        }
    }

    private sealed record TruncatedFault : Fault
    {
        public override async Task ApplyAsync(HttpContext context, Func<string?> page)
        {
            var bytes = Encoding.UTF8.GetBytes(page() ?? "<html></html>");
            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
            await context.Response.Body.FlushAsync();
            context.Abort();
        }
    }

    private sealed record BodyFault(string ContentType, string Body) : Fault
    {
        public override Task ApplyAsync(HttpContext context, Func<string?> page) =>
            FixtureServer.WriteAsync(context, 200, ContentType, Body);
    }

    private sealed record RedirectFault(string Location) : Fault
    {
        public override Task ApplyAsync(HttpContext context, Func<string?> page)
        {
            context.Response.Headers.Location = Location;
            return FixtureServer.WriteAsync(context, 301, "text/html", "<html><body>Moved</body></html>");
        }
    }

    private sealed record HugeFault(int Bytes) : Fault
    {
        public override async Task ApplyAsync(HttpContext context, Func<string?> page)
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/html; charset=utf-8";
            var chunk = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
            try
            {
                for (var sent = 0; sent < Bytes; sent += chunk.Length)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException)
            {
                // the client cut the response off at its size cap
            }
        }
    }

    private sealed record ChallengeFault(bool Header, int Code) : Fault
    {
        public override Task ApplyAsync(HttpContext context, Func<string?> page)
        {
            if (Header)
            {
                context.Response.Headers["cf-mitigated"] = "challenge";
            }

            return FixtureServer.WriteAsync(context, Code, "text/html", "<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>");
        }
    }
}
