using System.ComponentModel.DataAnnotations;

namespace Harvester.Crawl;

/// <summary>One archive to crawl (<c>Harvester:Archives:&lt;Name&gt;</c>).</summary>
public sealed class ArchiveOptions
{
    /// <summary><c>spinics</c> or <c>mail-archive</c>.</summary>
    [Required]
    public string Kind { get; set; } = "";

    /// <summary>The list's root, e.g. <c>https://www.spinics.net/lists/netdev/</c>; <c>http(s)://</c> or a <c>file://</c> mirror.</summary>
    [Required]
    public string BaseUrl { get; set; } = "";

    /// <value>The default value is <see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    public static readonly string[] Kinds = ["spinics", "mail-archive"];

    /// <summary>The base URL as an absolute URI ending in '/', or null when it is not one.</summary>
    public Uri? BaseUri =>
        Uri.TryCreate(BaseUrl.EndsWith('/') ? BaseUrl : BaseUrl + "/", UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https" or "file"
            ? uri
            : null;
}
