namespace Harvester.Parse;

/// <summary>Placeholder until the Parse stage lands: recognises Cloudflare's interstitial.</summary>
public static class ChallengePage
{
    public static bool IsChallenge(string html) =>
        html.Contains("<title>Just a moment...</title>", StringComparison.OrdinalIgnoreCase);
}
