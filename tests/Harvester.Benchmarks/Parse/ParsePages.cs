using Harvester.Benchmarks.Week;
using Harvester.Parse;
using Harvester.Tests.Support;
using Harvester.Tests.Support.Sites;

namespace Harvester.Benchmarks.Parse;

/// <summary>
/// Message pages to parse: <see cref="Count"/> messages of a generated netdev week (patches with diffs, covers, quoted
/// replies, noise; non-ASCII names), each rendered by both fixture site writers.
/// </summary>
internal static class ParsePages
{
    public const int Count = 300;

    public static (FetchedPage[] Spinics, FetchedPage[] MailArchive) Build()
    {
        var week = NetdevWeek.Generate(Count, series: 20, seed: 11);
        var archive = FixtureArchive.FromMessages(week.Messages, new FixtureArchiveSettings());
        var spinics = new SpinicsFixtureSite(archive);
        var mailArchive = new MailArchiveFixtureSite(archive);
        return (
            [.. archive.Messages.Select(m => Page("spinics", "https://www.spinics.net/lists/netdev/", $"msg{m.SpinicsNumber:D5}.html", spinics))],
            [.. archive.Messages.Select(m => Page("mail-archive", "https://www.mail-archive.com/netdev@vger.kernel.org/", $"msg{m.MailArchiveNumber:D5}.html", mailArchive))]);
    }

    /// <summary>Parses every page once; returns how many succeeded (the benchmark's result, and a sanity check).</summary>
    public static int ParseAll(IMessagePageParser parser, FetchedPage[] pages)
    {
        var ok = 0;
        foreach (var page in pages)
        {
            ok += parser.Parse(page).Succeeded ? 1 : 0;
        }

        return ok;
    }

    private static FetchedPage Page(string kind, string root, string file, IFixtureSite site) =>
        new(kind, kind, new Uri(new Uri(root), file), site.Render(file) ?? throw new InvalidOperationException(kind + " did not render " + file));
}
