using Harvester.Domain;

namespace Harvester.Benchmarks;

/// <summary>
/// A synthetic week of netdev: threaded series with covers (some v2 re-rolls of earlier ones), unthreaded series,
/// single patches, review replies, acks, pull requests and plain discussion, shuffled.
/// </summary>
internal static class SyntheticMail
{
    private static readonly string[] Prefixes = ["net-next", "net", "bpf-next", "bpf", "iwl-next"];

    public static IReadOnlyList<MailMessage> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);
        var list = new List<MailMessage>(count + 32);
        var series = 0;
        while (list.Count < count)
        {
            var author = $"Author {random.Next(400)}";
            var when = start.AddMinutes(random.Next(7 * 24 * 60));
            var kind = random.Next(10);
            series++;
            if (kind < 5)
            {
                AddSeries(list, random, series, author, when, threaded: true, version: 1 + random.Next(3));
            }
            else if (kind < 7)
            {
                AddSeries(list, random, series, author, when, threaded: false, version: 1);
            }
            else if (kind < 9)
            {
                list.Add(Mail($"single{series}", $"[PATCH {Prefixes[series % Prefixes.Length]}] drv: fix thing {series}", author, when));
                AddReplies(list, random, $"single{series}" + Domain, $"drv: fix thing {series}", when);
            }
            else
            {
                list.Add(Mail($"pull{series}", $"[GIT PULL] Networking for v6.{series % 20}", author, when));
                list.Add(Mail($"talk{series}", $"net: question about thing {series}", author, when.AddMinutes(3)));
            }
        }

        return list.Take(count).OrderBy(_ => random.Next()).ToList();
    }

    private static void AddSeries(List<MailMessage> list, Random random, int n, string author, DateTimeOffset when, bool threaded, int version)
    {
        var total = 2 + random.Next(12);
        var v = version > 1 ? $" v{version}" : "";
        var prefix = Prefixes[n % Prefixes.Length];
        var cover = $"s{n}-0" + Domain;
        if (threaded)
        {
            list.Add(Mail(cover, $"[PATCH {prefix}{v} 0/{total}] subsystem: series number {n}", author, when));
        }

        for (var i = 1; i <= total; i++)
        {
            if (random.Next(30) == 0)
            {
                continue; // a lost part
            }

            var id = $"s{n}-{i}" + Domain;
            var part = Mail(id, $"[PATCH {prefix}{v} {i}/{total}] subsystem: change {i} of series {n}", author, when.AddSeconds(i));
            list.Add(threaded ? part with { InReplyTo = cover, References = [cover] } : part);
            if (random.Next(4) == 0)
            {
                AddReplies(list, random, id, $"[PATCH {prefix}{v} {i}/{total}] subsystem: change {i} of series {n}", when.AddSeconds(i));
            }
        }
    }

    private static void AddReplies(List<MailMessage> list, Random random, string parent, string subject, DateTimeOffset when)
    {
        var replies = random.Next(3);
        for (var r = 0; r < replies; r++)
        {
            list.Add(Mail($"{parent}-re{r}", "Re: " + subject, $"Reviewer {random.Next(50)}", when.AddHours(1 + r))
                with { InReplyTo = parent, References = [parent], Body = "> quoted\n\nReviewed-by: Someone <s@example.org>" });
        }
    }

    private const string Domain = "@bench.example";

    private static MailMessage Mail(string id, string subject, string author, DateTimeOffset date) => new()
    {
        MessageId = id.EndsWith(Domain, StringComparison.Ordinal) ? id : id + Domain,
        Subject = subject,
        Author = author,
        Date = date,
        Body = "diff --git a/x b/x\n+change",
        Links = [new ArchiveLink("bench", new Uri($"https://bench.example/{id}"))],
    };
}
