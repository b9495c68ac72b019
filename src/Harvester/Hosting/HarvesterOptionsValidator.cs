using Harvester.Crawl;
using Harvester.Render;
using Microsoft.Extensions.Options;

namespace Harvester.Hosting;

/// <summary>
/// The rules that span settings, checked at start (the per-field annotations are <see cref="HarvesterOptionsAnnotations"/>'s),
/// so a bad URL, window or archive kind is a one-line error and exit 2.
/// </summary>
public sealed class HarvesterOptionsValidator(TimeProvider time) : IValidateOptions<HarvesterOptions>
{
    public ValidateOptionsResult Validate(string? name, HarvesterOptions options)
    {
        var errors = new List<string>();
        foreach (var (archive, settings) in options.Archives)
        {
            if (!ArchiveOptions.Kinds.Contains(settings.Kind, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"Harvester:Archives:{archive}:Kind '{settings.Kind}' is not one of {string.Join(", ", ArchiveOptions.Kinds)}");
            }

            if (settings.BaseUri is null)
            {
                errors.Add($"Harvester:Archives:{archive}:BaseUrl '{settings.BaseUrl}' is not an absolute http(s):// or file:// URL");
            }

            if (settings.List.Length > 0 && !System.Net.Mail.MailAddress.TryCreate(settings.List.Trim(), out _))
            {
                errors.Add($"Harvester:Archives:{archive}:List '{settings.List}' is not a list address such as bpf@vger.kernel.org");
            }
            else if (settings.List.Length == 0 && string.Equals(settings.Kind, Domain.ArchiveKinds.PublicInbox, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"Harvester:Archives:{archive}:List is required for a public-inbox archive (e.g. bpf@vger.kernel.org)");
            }

            if (settings.BaseUri is { IsFile: true } && string.Equals(settings.Kind, Domain.ArchiveKinds.PublicInbox, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"Harvester:Archives:{archive}:BaseUrl '{settings.BaseUrl}': a public-inbox archive is searched over http(s), not read from a file:// mirror");
            }
        }

        if (!options.Archives.Values.Any(a => a.Enabled))
        {
            errors.Add("no archive is enabled (Harvester:Archives:<Name>:Enabled)");
        }

        if (!string.Equals(options.Run.Format, "markdown", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(options.Run.Format, "json", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"--format '{options.Run.Format}' is not markdown or json");
        }

        var sections = ReportSections.Parse(options.Run.Sections, out var unknown);
        if (unknown.Count > 0 || sections.Count == 0)
        {
            errors.Add($"--sections '{options.Run.Sections}' is not a list of {string.Join(", ", ReportSections.All)}");
        }

        // Case-insensitive, as SeriesOrdering and OutputOptions' annotation read it (issue 13 found one of three checks
        // case-sensitive).
        if (!string.Equals(options.Output.Order, SeriesOrdering.ByAuthor, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(options.Output.Order, SeriesOrdering.ByDate, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"Harvester:Output:Order '{options.Output.Order}' is not author or date");
        }

        if (HarvestWindowFactory.TryCreate(options.Run, time.GetUtcNow(), previousEnd: null, out _, out var windowError) is false)
        {
            errors.Add(windowError!);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
