using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harvester.Check;

/// <summary>
/// The result of <c>harvester check</c>: a table (a line per archive, then its requests and each field, missing ones
/// marked) or JSON, and the exit code: 4 when an archive answered with a changed layout, else 1 when one could not be
/// read, else 0. A layout change wins over an unreachable archive: it is certain and needs a fix, an outage may pass.
/// </summary>
public static class CheckReport
{
    public static int ExitCode(IReadOnlyList<ArchiveCheck> archives) =>
        archives.Any(a => a.Verdict == ArchiveVerdict.LayoutChanged) ? 4
        : archives.Any(a => a.Verdict == ArchiveVerdict.Unreachable) ? 1
        : 0;

    public static string Table(IReadOnlyList<ArchiveCheck> archives)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{"ARCHIVE",-14} {"KIND",-13} {"RESULT",-15} {"TIME",8}  DETAIL\n");
        foreach (var a in archives)
        {
            var total = a.Pages.Aggregate(TimeSpan.Zero, (t, p) => t + p.Elapsed);
            sb.Append(CultureInfo.InvariantCulture, $"{a.Archive,-14} {a.Kind,-13} {Verdict(a.Verdict),-15} {Ms(total),8}  {a.Summary}; {a.Politeness}\n");
            foreach (var page in a.Pages)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  {page.Page,-12} {Ms(page.Elapsed),8}  {page.Outcome}  {page.Url.AbsoluteUri}\n");
                foreach (var field in page.Fields)
                {
                    var mark = field.Found ? "found" : field.Required ? "MISSING" : "absent";
                    sb.Append(CultureInfo.InvariantCulture, $"    {mark,-8} {field.Field,-24} {field.Detail}\n");
                }
            }
        }

        return sb.ToString();
    }

    public static string Json(IReadOnlyList<ArchiveCheck> archives)
    {
        var model = new
        {
            schema = 1,
            exitCode = ExitCode(archives),
            archives = archives.Select(a => new
            {
                archive = a.Archive,
                kind = a.Kind,
                baseUrl = a.BaseUrl.AbsoluteUri,
                result = Verdict(a.Verdict),
                summary = a.Summary,
                politeness = a.Politeness,
                pages = a.Pages.Select(p => new
                {
                    page = p.Page,
                    url = p.Url.AbsoluteUri,
                    outcome = p.Outcome,
                    elapsedMs = Math.Round(p.Elapsed.TotalMilliseconds, 1),
                    fields = p.Fields.Select(f => new { field = f.Field, found = f.Found, required = f.Required, detail = f.Detail }),
                    missing = p.MissingRequired.Select(f => f.Field),
                }),
            }),
        };
        return JsonSerializer.Serialize(model, Options) + "\n";
    }

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static string Verdict(ArchiveVerdict verdict) => verdict switch
    {
        ArchiveVerdict.Usable => "usable",
        ArchiveVerdict.LayoutChanged => "layout changed",
        _ => "unreachable",
    };

    private static string Ms(TimeSpan elapsed) => elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
