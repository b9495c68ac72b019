namespace Harvester.Filter;

/// <summary>Options of the Filter stage (<c>Harvester:Filter</c>): the relevance rules, defaults in <c>config/appsettings.json</c>.</summary>
public sealed class FilterOptions
{
    /// <summary>Words that make a subject or body relevant, matched as words, case-insensitively. A trailing <c>*</c> matches a prefix.</summary>
    public List<string> Words { get; set; } = [];

    /// <summary>Tree prefixes that make a series relevant (<c>bpf</c>, <c>bpf-next</c>).</summary>
    public List<string> Trees { get; set; } = [];
}
