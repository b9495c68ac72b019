using System.Collections.Concurrent;
using System.Net;
using Harvester.Tests.Support.Sites;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Harvester.Tests.Support;

/// <summary>
/// A fake lore.kernel.org (Kestrel on 127.0.0.1, a free port) serving fixture archives as public-inbox does
/// (<see cref="PublicInboxFixtureSite"/>), one list per path (<c>/netdev/</c>, <c>/bpf/</c>), behind the Anubis
/// behaviour kernel.org added in 2025: a User-Agent containing "Mozilla" gets the proof-of-work page instead of
/// content (archive-html/lore.md). Logs every request; faults can be scripted for the next requests.
/// </summary>
public sealed class PublicInboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly PublicInboxFixtureSite _site;
    private readonly ConcurrentQueue<Fault> _faults = new();

    private PublicInboxServer(WebApplication app, PublicInboxFixtureSite site)
    {
        _app = app;
        _site = site;
    }

    /// <summary>The host root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Root { get; private set; } = null!;

    /// <summary>A list's inbox root, e.g. <c>http://127.0.0.1:41234/bpf/</c>.</summary>
    public Uri Inbox(string list) => new(Root, list + "/");

    /// <summary>Every request as <c>METHOD path?query</c> (path below the root, as sent), in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public ConcurrentQueue<string> UserAgents { get; } = new();

    /// <summary>Serve the Anubis page to every client, as if kernel.org challenged all agents.</summary>
    public bool ChallengeEveryone { get; set; }

    /// <summary>Searches (<c>?q=</c>) of one list, any method.</summary>
    public int SearchesOf(string list) => Requests.Count(r => r.Contains(" " + list + "/?", StringComparison.Ordinal));

    /// <summary>Requests for single messages or threads (<c>/raw</c>, <c>t.mbox.gz</c>, a message page).</summary>
    public int MessageRequests => Requests.Count(r => !r.Contains("/?", StringComparison.Ordinal) && !r.EndsWith("robots.txt", StringComparison.Ordinal) && !r.EndsWith("new.atom", StringComparison.Ordinal));

    /// <summary>The next requests take these faults, one each, before the site answers again.</summary>
    public void InjectNext(params Fault[] faults)
    {
        foreach (var fault in faults)
        {
            _faults.Enqueue(fault);
        }
    }

    public static async Task<PublicInboxServer> StartAsync(IReadOnlyDictionary<string, FixtureArchive> lists)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new PublicInboxServer(app, new PublicInboxFixtureSite(lists));
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Root = new Uri(new Uri(address), "/");
        server._site.BaseUrl = server.Root;
        return server;
    }

    /// <summary>The week fixture on both lists, as lore serves it.</summary>
    public static Task<PublicInboxServer> StartAsync(string fixtureFolder) =>
        StartAsync(new Dictionary<string, FixtureArchive>
        {
            ["netdev"] = FixtureArchive.Load(fixtureFolder, "netdev"),
            ["bpf"] = FixtureArchive.Load(fixtureFolder, "bpf"),
        });

    private async Task HandleAsync(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var (path, query) = raw.IndexOf('?', StringComparison.Ordinal) is var q and >= 0 ? (raw[..q], raw[q..]) : (raw, "");
        Requests.Enqueue($"{context.Request.Method} {path.TrimStart('/')}{query}");
        var agent = context.Request.Headers.UserAgent.ToString();
        UserAgents.Enqueue(agent);
        if (path == "/robots.txt")
        {
            await FixtureServer.WriteAsync(context, 404, "text/plain", "not found");
            return;
        }

        if (ChallengeEveryone || agent.Contains("Mozilla", StringComparison.Ordinal))
        {
            await FixtureServer.WriteAsync(context, 200, "text/html", await File.ReadAllTextAsync(Paths.Fixture("pages", "public-inbox", "anubis-challenge.html")));
            return;
        }

        if (_faults.TryDequeue(out var fault))
        {
            await fault.ApplyAsync(context, () => "");
            return;
        }

        var segments = path.TrimStart('/').Split('/').Select(Uri.UnescapeDataString).ToList();
        var body = "";
        if (context.Request.Method == "POST")
        {
            using var reader = new StreamReader(context.Request.Body);
            body = await reader.ReadToEndAsync();
        }

        var parameters = context.Request.Query.ToDictionary(p => p.Key, p => p.Value.ToString());
        var response = _site.Handle(context.Request.Method, segments[0], segments.Skip(1).ToList(), parameters, body);
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        if (response.Disposition is not null)
        {
            context.Response.Headers.ContentDisposition = response.Disposition;
        }

        context.Response.ContentLength = response.Body.Length;
        await context.Response.Body.WriteAsync(response.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
