using System.Text.Json;

namespace Harvester.Filter;

/// <summary>One MAINTAINERS section: its name, <c>F:</c> patterns and <c>X:</c> exclusions (tested first, per section).</summary>
public sealed record MaintainersSection(string Name, IReadOnlyList<MaintainersPattern> Patterns, IReadOnlyList<MaintainersPattern> Excludes)
{
    public bool Matches(string path) => !Excludes.Any(x => x.Matches(path)) && Patterns.Any(p => p.Matches(path));

    public bool MatchesTail(IReadOnlyList<string> tail) => Patterns.Any(p => p.MatchesTail(tail));
}

/// <summary>
/// The BPF and XDP sections of the kernel's MAINTAINERS file, shipped as data in <c>config/bpf-maintainers.json</c>
/// (<c>{"kernelVersion", "source", "sections": [{"name", "patterns", "excludes"}]}</c>), and which of them a path is in.
/// </summary>
public sealed class MaintainersPatterns
{
    private const string Shortened = ".../";

    public MaintainersPatterns(IReadOnlyList<MaintainersSection> sections, string kernelVersion = "", string source = "")
    {
        Sections = sections;
        KernelVersion = kernelVersion;
        Source = source;
    }

    public IReadOnlyList<MaintainersSection> Sections { get; }

    public string KernelVersion { get; }

    public string Source { get; }

    /// <summary>No sections (a filter built with it relies on words and trees only).</summary>
    public static MaintainersPatterns Empty { get; } = new([]);

    /// <summary>
    /// The first section that holds <paramref name="path"/>, or null. A path git shortened (<c>.../bpf/verifier.c</c>)
    /// is matched by its tail (see <see cref="MaintainersPattern.MatchesTail"/>) when <paramref name="allowShortened"/>.
    /// </summary>
    public MaintainersSection? Match(string path, bool allowShortened = true) =>
        !allowShortened && path.StartsWith(Shortened, StringComparison.Ordinal) ? null : Holding(path).FirstOrDefault();

    /// <summary>
    /// Every section that holds <paramref name="path"/>, in file order (a shortened path by its tail); none for a path
    /// longer than <see cref="MaintainersPattern.MaxPathLength"/>. Lazy: <see cref="Match"/> stops at the first.
    /// </summary>
    public IEnumerable<MaintainersSection> Holding(string path)
    {
        if (path.Length > MaintainersPattern.MaxPathLength)
        {
            return [];
        }

        if (!path.StartsWith(Shortened, StringComparison.Ordinal))
        {
            return Sections.Where(s => s.Matches(path));
        }

        var tail = path[Shortened.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        return tail.Length == 0 ? [] : Sections.Where(s => s.MatchesTail(tail));
    }

    /// <summary>Reads the JSON form; a malformed file gives an error message, not an exception.</summary>
    public static (MaintainersPatterns? Patterns, string? Error) TryParse(string json)
    {
        try
        {
            var file = JsonSerializer.Deserialize<FileForm>(json, JsonOptions);
            if (file?.Sections is null)
            {
                return (null, "no \"sections\" array");
            }

            var sections = file.Sections
                .Where(s => !string.IsNullOrWhiteSpace(s.Name))
                .Select(s => new MaintainersSection(
                    s.Name!,
                    (s.Patterns ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => new MaintainersPattern(p)).ToList(),
                    (s.Excludes ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => new MaintainersPattern(p)).ToList()))
                .ToList();
            return (new MaintainersPatterns(sections, file.KernelVersion ?? "", file.Source ?? ""), null);
        }
        catch (JsonException e)
        {
            return (null, "invalid JSON: " + e.Message);
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private sealed class FileForm
    {
        public string? KernelVersion { get; set; }

        public string? Source { get; set; }

        public List<SectionForm>? Sections { get; set; }
    }

    private sealed class SectionForm
    {
        public string? Name { get; set; }

        public List<string>? Patterns { get; set; }

        public List<string>? Excludes { get; set; }
    }
}
