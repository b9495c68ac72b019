using System.Text.RegularExpressions;

namespace Harvester.Parse;

/// <summary>
/// MHonArc's SPAMMODE address masking as seen on spinics (spinics.md §2.3, S5): <c>local@</c> then one <c>x</c> per
/// domain character. Used to compare a masked visible In-reply-to with the unmasked X-Reference ids, and by the
/// fixture site writer.
/// </summary>
public static partial class SpinicsMasking
{
    /// <summary>Masks every address-shaped run in the text.</summary>
    public static string Mask(string text) =>
        Address().Replace(text, m => m.Groups["local"].Value + "@" + new string('x', m.Groups["domain"].Length));

    [GeneratedRegex(@"(?<local>[\w.+=!#$%&'*/?^`{|}~-]+)@(?<domain>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)", RegexOptions.NonBacktracking)]
    private static partial Regex Address();
}
