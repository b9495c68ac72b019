using System.ComponentModel.DataAnnotations;
using Harvester.Domain;

namespace Harvester.Crawl;

/// <summary>One archive to crawl (<c>Harvester:Archives:&lt;Name&gt;</c>).</summary>
public sealed class ArchiveOptions
{
    /// <summary><c>spinics</c>, <c>mail-archive</c> or <c>public-inbox</c> (lore.kernel.org).</summary>
    [Required]
    public string Kind { get; set; } = "";

    /// <summary>
    /// The list's root, e.g. <c>https://www.spinics.net/lists/netdev/</c> or <c>https://lore.kernel.org/bpf/</c>;
    /// <c>http(s)://</c> or a <c>file://</c> mirror.
    /// </summary>
    [Required]
    public string BaseUrl { get; set; } = "";

    /// <value>The default value is <see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The list's address, e.g. <c>bpf@vger.kernel.org</c>. JSON links name it, and a message seen on a list gets a link
    /// to the list's public-inbox archive (made from its Message-ID, no request). Required for <c>public-inbox</c>.
    /// </summary>
    /// <value>The default value is empty (the list is not known).</value>
    public string List { get; set; } = "";

    public static readonly string[] Kinds = ArchiveKinds.All;

    /// <summary>The base URL as an absolute URI ending in '/', or null when it is not one.</summary>
    public Uri? BaseUri =>
        Uri.TryCreate(BaseUrl.EndsWith('/') ? BaseUrl : BaseUrl + "/", UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https" or "file"
            ? uri
            : null;

    /// <summary>What the stages after Crawl know of this archive.</summary>
    public ArchiveInfo ToInfo(string name) =>
        new(name, Kind.ToLowerInvariant(), List.Length == 0 ? null : List.Trim(), BaseUri, Enabled);
}
