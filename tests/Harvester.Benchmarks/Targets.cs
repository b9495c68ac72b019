namespace Harvester.Benchmarks;

/// <summary>Prints <c>name: value (target ...)</c> lines and a summary; a missed target is reported, never fatal.</summary>
internal sealed class Targets(string verb)
{
    private readonly List<string> _missed = [];
    private int _checked;

    public void Check(string name, string value, string target, bool met)
    {
        _checked++;
        if (!met)
        {
            _missed.Add(name);
        }

        Console.WriteLine($"{verb}: {name}: {value} (target {target}){(met ? "" : "  MISSED")}");
    }

    public static void Info(string verb, string text) => Console.WriteLine($"{verb}: {text}");

    public void Summary() => Console.WriteLine(_missed.Count == 0
        ? $"{verb}: summary: all {_checked} targets met"
        : $"{verb}: summary: {_checked - _missed.Count} of {_checked} targets met; MISSED: {string.Join(", ", _missed)}");
}
