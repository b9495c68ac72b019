namespace Harvester.Crawl;

/// <summary>The robots.txt rules that apply to our agent: Allow/Disallow path prefixes (longest match wins) and Crawl-delay.</summary>
public sealed record RobotsRules(IReadOnlyList<(string Path, bool Allow)> Rules, TimeSpan? CrawlDelay)
{
    public static readonly RobotsRules AllowAll = new([], null);

    public bool IsAllowed(Uri url)
    {
        var path = url.PathAndQuery;
        var best = Rules
            .Where(r => r.Path.Length > 0 && path.StartsWith(r.Path, StringComparison.Ordinal))
            .OrderByDescending(r => r.Path.Length)
            .ThenByDescending(r => r.Allow)
            .FirstOrDefault();
        return best.Path is null || best.Allow;
    }

    /// <summary>
    /// Reads the group for <paramref name="agentToken"/> (case-insensitive substring of a User-agent line), else the
    /// <c>*</c> group, as RFC 9309 says. Unknown lines are ignored.
    /// </summary>
    public static RobotsRules Parse(string text, string agentToken)
    {
        var groups = new List<(List<string> Agents, List<(string, bool)> Rules, TimeSpan? Delay)>();
        (List<string> Agents, List<(string, bool)> Rules, TimeSpan? Delay)? current = null;
        var lastWasAgent = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Split('#')[0].Trim();
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                continue;
            }

            var field = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (field == "user-agent")
            {
                if (current is null || !lastWasAgent)
                {
                    current = ([], [], null);
                    groups.Add(current.Value);
                }

                current.Value.Agents.Add(value.ToLowerInvariant());
                lastWasAgent = true;
                continue;
            }

            lastWasAgent = false;
            if (current is null)
            {
                continue;
            }

            switch (field)
            {
                case "disallow" when value.Length > 0:
                    current.Value.Rules.Add((value, false));
                    break;
                case "allow" when value.Length > 0:
                    current.Value.Rules.Add((value, true));
                    break;
                case "crawl-delay" when double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds >= 0:
                    var index = groups.IndexOf(current.Value);
                    current = (current.Value.Agents, current.Value.Rules, TimeSpan.FromSeconds(Math.Min(seconds, 60)));
                    groups[index] = current.Value;
                    break;
            }
        }

        var token = agentToken.ToLowerInvariant();
        var group = groups.FirstOrDefault(g => g.Agents.Any(a => a != "*" && token.Contains(a, StringComparison.Ordinal)));
        if (group.Agents is null)
        {
            group = groups.FirstOrDefault(g => g.Agents.Contains("*"));
        }

        return group.Agents is null ? AllowAll : new RobotsRules(group.Rules, group.Delay);
    }
}
