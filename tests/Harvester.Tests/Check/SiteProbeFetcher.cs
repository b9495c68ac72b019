using Harvester.Check;
using Harvester.Crawl;
using Harvester.Tests.Support;

namespace Harvester.Tests.Check;

/// <summary>An <see cref="IProbeFetcher"/> that reads a fixture site directly (no HTTP): the probe's logic alone.</summary>
internal sealed class SiteProbeFetcher(IFixtureSite site, Uri baseUri, string? robots = null) : IProbeFetcher
{
    public Uri BaseUri => baseUri;

    public List<Uri> Fetched { get; } = [];

    public Task<(FetchResult Result, RobotsRules Rules)> RobotsAsync(CancellationToken cancellationToken)
    {
        var url = new Uri(baseUri, "/robots.txt");
        return Task.FromResult(robots is null
            ? (new FetchResult(url, FetchStatus.NotFound, null, false, "HTTP 404"), RobotsRules.AllowAll)
            : (new FetchResult(url, FetchStatus.Ok, robots, false), RobotsRules.Parse(robots, "harvester")));
    }

    public Task<FetchResult> FetchAsync(Uri url, PageKind kind, CancellationToken cancellationToken)
    {
        Fetched.Add(url);
        var html = site.Render(baseUri.MakeRelativeUri(url).OriginalString);
        return Task.FromResult(html is null
            ? new FetchResult(url, FetchStatus.NotFound, null, false, "HTTP 404")
            : new FetchResult(url, FetchStatus.Ok, html, false));
    }
}
