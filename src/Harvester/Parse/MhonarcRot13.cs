namespace Harvester.Parse;

/// <summary>
/// MHonArc's <c>mrot13</c> (<c>lib/ewhutil.pl</c>, <c>tr/@A-Z[a-z/N-Z[@A-Mn-za-m/</c>), used for the
/// <c>X-From-R13</c> comment: lower case is plain ROT13, while <c>@</c>, <c>A</c>-<c>Z</c>, <c>[</c> form a
/// 28-character ring shifted by 14. The map is its own inverse. Check values from spinics.md §2.2 are in
/// HelperTests (MhonarcRot13_CheckValues_Decode).
/// </summary>
public static class MhonarcRot13
{
    /// <summary>Applies the map (encoding and decoding are the same operation).</summary>
    public static string Apply(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = Map(source[i]);
            }
        });

    private static char Map(char c) => c switch
    {
        >= 'a' and <= 'z' => (char)('a' + ((c - 'a' + 13) % 26)),
        >= '@' and <= '[' => (char)('@' + ((c - '@' + 14) % 28)),
        _ => c,
    };
}
