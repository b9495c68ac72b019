using System.ComponentModel.DataAnnotations;

namespace Harvester.Render;

/// <summary>Settings of the <c>--draft</c> issue skeleton (<c>Harvester:Output:Draft</c>), shaped like the seed issue 03.</summary>
public sealed class DraftOptions
{
    /// <summary>
    /// The issue number, printed with two digits (<c>03</c>) in the title, path and intro; <c>--issue N</c> sets it.
    /// </summary>
    /// <value>The default value is unset: the state's last issue number plus 1 (1 without a state).</value>
    [Range(1, 9999)]
    public int? IssueNumber { get; set; }

    /// <summary>The newsletter's author, printed in the front matter and the intro.</summary>
    /// <value>The default value is empty: the draft then shows <see cref="AuthorPlaceholder"/>, easy to spot.</value>
    public string Author { get; set; } = "";

    /// <summary>What the draft says where the author goes when none is configured; no person's name is a default.</summary>
    public const string AuthorPlaceholder = "TODO-AUTHOR (set Harvester:Output:Draft:Author)";

    /// <summary>The title; <c>{0}</c> is the two-digit issue number.</summary>
    /// <value>The default value is <c>BPF updates {0}</c>.</value>
    public string Title { get; set; } = "BPF updates {0}";

    /// <summary>The last path segment; <c>{0}</c> is the two-digit issue number.</summary>
    /// <value>The default value is <c>bpf-updates-{0}</c>.</value>
    public string Slug { get; set; } = "bpf-updates-{0}";

    /// <summary>Front matter categories. Empty means the default.</summary>
    /// <value>The default (when empty) is <c>Technology</c>. (Configuration binding appends to list defaults, hence "empty means default".)</value>
    public List<string> Categories { get; set; } = [];

    /// <summary>Front matter tags. Empty means the default.</summary>
    /// <value>The default (when empty) is <c>bpf</c>, <c>bpf-updates</c>, <c>ebpf</c>.</value>
    public List<string> Tags { get; set; } = [];

    /// <summary>The closing line.</summary>
    /// <value>The default value is <c>Happy eBPF hacking!</c></value>
    public string SignOff { get; set; } = "Happy eBPF hacking!";

    internal IReadOnlyList<string> EffectiveCategories => Categories.Count > 0 ? Categories : ["Technology"];

    internal IReadOnlyList<string> EffectiveTags => Tags.Count > 0 ? Tags : ["bpf", "bpf-updates", "ebpf"];
}
