using Harvester.Domain;

namespace Harvester.Group;

/// <summary>
/// Two or more revisions of one series in the window (same author key, and a shared cover or patch title): the
/// newest (highest version, then latest) is listed; older ones get <see cref="PatchSeries.SupersededBy"/> set to its
/// Id and are dropped unless <see cref="GroupOptions.KeepSupersededRevisions"/>. A partial re-roll (v5.1) never joins
/// a family: it re-sends a few parts and does not replace the whole series. Seen: revision-*.mbox, bugs-nocover*.mbox;
/// fixture revision-superseded.mbox.
/// </summary>
internal static class RevisionRule
{
    public static IReadOnlyList<PatchSeries> Apply(IReadOnlyList<(SeriesDraft Draft, PatchSeries Series)> all, bool keepOlder)
    {
        var families = new UnionFind(all.Count);
        var firstByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < all.Count; i++)
        {
            if (all[i].Draft.MinorVersion > 0)
            {
                continue;
            }

            foreach (var key in TitleKeys(all[i].Draft))
            {
                if (!firstByKey.TryAdd(key, i))
                {
                    families.Union(firstByKey[key], i);
                }
            }
        }

        var result = new List<PatchSeries>();
        foreach (var family in Enumerable.Range(0, all.Count).GroupBy(families.Find))
        {
            var ordered = family.Select(i => all[i].Series)
                .OrderBy(s => s.Version).ThenBy(s => s.Date).ThenBy(s => s.Id, StringComparer.Ordinal)
                .ToList();
            var newest = ordered[^1];
            result.Add(newest);
            if (keepOlder)
            {
                result.AddRange(ordered.Take(ordered.Count - 1).Select(s => s with { SupersededBy = newest.Id }));
            }
        }

        return result;
    }

    private static IEnumerable<string> TitleKeys(SeriesDraft d) =>
        d.Members.Select(m => d.AuthorKey + "\u001f" + m.Subject.Title.ToLowerInvariant()).Distinct();

    private sealed class UnionFind(int count)
    {
        private readonly int[] parent = Enumerable.Range(0, count).ToArray();

        public int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);

        public void Union(int a, int b) => parent[Find(a)] = Find(b);
    }
}
