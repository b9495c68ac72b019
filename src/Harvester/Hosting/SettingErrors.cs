using System.Text.Json;
using System.Text.RegularExpressions;

namespace Harvester.Hosting;

/// <summary>
/// Turns what .NET's configuration throws into one line a person can act on (issue 11): a malformed JSON file names
/// the file, line, column and what is wrong; a wrongly typed value names the key and what it should be, in words.
/// </summary>
public static partial class SettingErrors
{
    public static string Describe(Exception ex)
    {
        if (Find<JsonException>(ex) is { } json)
        {
            var file = FilePath().Match(ex.Message) is { Success: true } m ? m.Groups[1].Value : "a configuration file";
            var what = JsonPosition().Replace(json.Message, "").Trim().TrimEnd('.');
            return json.LineNumber is { } line
                ? $"configuration file {file} is not valid JSON: line {line + 1}, column {(json.BytePositionInLine ?? 0) + 1}: {what}"
                : $"configuration file {file} is not valid JSON: {what}";
        }

        if (BadValue().Match(ex.Message) is { Success: true } bad)
        {
            return $"{bad.Groups["key"].Value} is '{bad.Groups["value"].Value}', but it should be {InWords(bad.Groups["type"].Value)}";
        }

        return ex.Message;
    }

    /// <summary>
    /// A validation failure with the setting named as it is configured: the generated validator says
    /// <c>RequestsPerSecond: The field HarvesterOptions.Http.RequestsPerSecond must be ...</c>; this reads
    /// <c>Harvester:Http:RequestsPerSecond: must be ...</c>.
    /// </summary>
    public static string Failure(string failure)
    {
        var match = Annotation().Match(failure);
        return match.Success
            ? $"Harvester:{match.Groups["path"].Value.Replace('.', ':')}: {match.Groups["rest"].Value}"
            : failure;
    }

    /// <summary>A .NET type name as the value it wants, in words.</summary>
    public static string InWords(string type) => type.Replace("System.", "", StringComparison.Ordinal) switch
    {
        "Int32" or "Int64" or "Int16" or "Nullable`1[[Int32" => "a whole number",
        "Double" or "Single" or "Decimal" => "a number (such as 1 or 0.5)",
        "Boolean" => "true or false",
        "TimeSpan" => "a duration (such as 00:05:00)",
        "DateTimeOffset" or "DateTime" => "a date (YYYY-MM-DD or ISO 8601)",
        var other when other.StartsWith("Nullable`1[[Int", StringComparison.Ordinal) => "a whole number",
        var other => "a value of type " + other,
    };

    private static T? Find<T>(Exception? ex)
        where T : Exception
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is T found)
            {
                return found;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^\w+: The field HarvesterOptions\.(?<path>[\w.]+) (?<rest>.*)$")]
    private static partial Regex Annotation();

    [GeneratedRegex(@"file '([^']+)'")]
    private static partial Regex FilePath();

    [GeneratedRegex(@"\s*(Path: \S+ \|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.?")]
    private static partial Regex JsonPosition();

    [GeneratedRegex(@"Failed to convert configuration value '(?<value>[^']*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex BadValue();
}
