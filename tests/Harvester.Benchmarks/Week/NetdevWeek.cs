using Harvester.Tests.Support;
using Person = (string Name, string Address, System.TimeSpan Offset);

namespace Harvester.Benchmarks.Week;

/// <summary>
/// A simulated netdev week, generated deterministically: about 60 patch series (most with a cover letter, a quarter of
/// them BPF; single patches too), review replies, then noise (discussion threads, syzbot reports, pull requests,
/// patchwork-bot notices) up to the requested count. Messages run from 36 hours before <see cref="From"/> to
/// <see cref="To"/>, so the crawler has to find the window's start, and both indexes list messages older than the day
/// before the window (with less, mail-archive's crawl thinks its index stops short of the window: see docs/benchmarks.md).
/// </summary>
internal sealed class NetdevWeek
{
    public static readonly DateTimeOffset From = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset To = From.AddDays(7);

    private static readonly DateTimeOffset Start = From.AddHours(-36);

    private readonly Random _random;
    private readonly List<FixtureMessage> _messages = [];

    private NetdevWeek(int seed) => _random = new Random(seed);

    /// <summary>Patch mails (parts and covers) generated.</summary>
    public int PatchMails { get; private set; }

    public IReadOnlyList<FixtureMessage> Messages => _messages;

    public static NetdevWeek Generate(int count, int series, int seed)
    {
        var week = new NetdevWeek(seed);
        for (var n = 0; n < series; n++)
        {
            week.AddSeries(n);
        }

        while (week._messages.Count < count)
        {
            week.AddNoise();
        }

        week._messages.RemoveRange(count, week._messages.Count - count);
        return week;
    }

    private void AddSeries(int n)
    {
        var bpf = _random.Next(4) == 0;
        var prefix = bpf ? (_random.Next(4) == 0 ? "bpf" : "bpf-next") : (_random.Next(4) == 0 ? "net" : "net-next");
        var area = NetdevText.Pick(_random, bpf ? NetdevText.BpfAreas : NetdevText.NetAreas);
        var version = _random.Next(10) switch { < 6 => 1, < 9 => 2, _ => 3 };
        var parts = _random.Next(5) == 0 ? 1 : _random.Next(2, 10);
        var cover = parts > 1 && _random.Next(5) > 0;
        var author = NetdevText.People[_random.Next(NetdevText.People.Length)];
        var when = RandomTime();
        var tag = version > 1 ? $"{prefix} v{version}" : prefix;
        var number = (int i) => parts == 1 ? $"[PATCH {tag}]" : $"[PATCH {tag} {i}/{parts}]";

        var titles = Enumerable.Range(1, parts).Select(_ => $"{NetdevText.Pick(_random, bpf ? NetdevText.BpfAreas : NetdevText.NetAreas)}: {NetdevText.Title(_random)}").ToList();
        FixtureMessage? root = null;
        if (cover)
        {
            var body = NetdevText.CoverBody(_random, NetdevText.Title(_random), version, titles);
            root = Add(author, when, $"{number(0)} {area}: {NetdevText.Title(_random)}", body, null, $"s{n}-0");
            PatchMails++;
        }

        for (var i = 1; i <= parts; i++)
        {
            var body = NetdevText.PatchBody(_random, author.Name, author.Address, titles[i - 1], bpf);
            var part = Add(author, when.AddSeconds(i), $"{number(i)} {titles[i - 1]}", body, root, $"s{n}-{i}");
            root ??= part; // no cover letter: git send-email threads the later parts under the first
            PatchMails++;
            AddReplies(part, _random.Next(0, 5));
        }
    }

    private void AddReplies(FixtureMessage parent, int replies)
    {
        for (var r = 0; r < replies; r++)
        {
            var reviewer = _random.Next(8) == 0 ? NetdevText.PatchworkBot : NetdevText.People[_random.Next(NetdevText.People.Length)];
            var when = parent.Date.AddMinutes(_random.Next(20, 3000));
            var body = reviewer == NetdevText.PatchworkBot
                ? "Hello:\n\nThis series was applied to netdev/net-next.git (main)\nby Maintainer <maint@example.org>:\n"
                : NetdevText.ReplyBody(_random, parent.FromName, parent.Body);
            var reply = Add(reviewer, when, "Re: " + parent.Subject, body, parent, "re");
            if (_random.Next(3) == 0)
            {
                Add(parent.FromName == "" ? NetdevText.PatchworkBot : Person(parent), reply.Date.AddMinutes(_random.Next(10, 600)),
                    "Re: " + parent.Subject, NetdevText.ReplyBody(_random, reviewer.Name, body), reply, "re");
            }
        }
    }

    private void AddNoise()
    {
        var n = _messages.Count;
        var when = RandomTime();
        var (author, subject, body) = _random.Next(10) switch
        {
            0 => (NetdevText.Syzbot, $"[syzbot] [net?] KASAN: slab-use-after-free Read in {NetdevText.Pick(_random, ["tcp_ack", "dev_queue_xmit", "bpf_prog_run", "xsk_poll"])}",
                  "Hello,\n\nsyzbot found the following issue on:\n\nHEAD commit:    1a2b3c4d5e6f Merge branch 'net-next'\n"),
            1 => (NetdevText.People[_random.Next(NetdevText.People.Length)], $"[GIT PULL] Networking for v6.{20 + (n % 3)}-rc{1 + (n % 7)}",
                  "Hi Linus!\n\nThe following changes since commit 1a2b3c4d are available in the Git repository at:\n"),
            2 => (NetdevText.People[_random.Next(NetdevText.People.Length)], $"pull-request: bpf-next 2026-03-0{2 + (n % 6)}",
                  "Hi David, hi Jakub, hi Paolo, hi Eric,\n\nThe following pull-request contains BPF updates for your net-next tree.\n"),
            _ => (NetdevText.People[_random.Next(NetdevText.People.Length)], $"{NetdevText.Pick(_random, NetdevText.NetAreas)}: question about {NetdevText.Title(_random).ToLowerInvariant()}",
                  "Hi all,\n\nI am seeing odd behaviour with this on 6.19 and wonder whether it is expected.\n"),
        };
        var thread = Add(author, when, subject, body, null, "n");
        AddReplies(thread, _random.Next(0, 4));
    }

    private FixtureMessage Add(Person who, DateTimeOffset when, string subject, string body, FixtureMessage? parent, string key)
    {
        var message = new FixtureMessage
        {
            FileName = $"gen-{_messages.Count:D5}.eml",
            MessageId = $"{when.UtcDateTime:yyyyMMddHHmmss}.{_messages.Count + 1000}-{key}-{who.Address.Split('@')[0]}@{who.Address.Split('@')[1]}",
            Subject = subject,
            FromName = who.Name,
            FromAddress = who.Address,
            Date = When(when).ToOffset(who.Offset),
            InReplyTo = parent?.MessageId,
            References = parent is null ? [] : [.. parent.References, parent.MessageId],
            Body = body,
        };
        _messages.Add(message);
        return message;
    }

    private static Person Person(FixtureMessage m) => (m.FromName, m.FromAddress, m.Date.Offset);

    private DateTimeOffset RandomTime() => Start.AddMinutes(_random.Next((int)(To - Start).TotalMinutes));

    /// <summary>Replies that would land after the window's end are pulled back into it (the week is over when we crawl).</summary>
    private DateTimeOffset When(DateTimeOffset when) => when < To ? when : To.AddMinutes(-1 - _random.Next(600));
}
