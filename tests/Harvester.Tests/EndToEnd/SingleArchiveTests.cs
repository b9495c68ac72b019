using Harvester.Hosting;
using Harvester.Tests.Support;

namespace Harvester.Tests.EndToEnd;

/// <summary>mail-archive alone: its pages carry no In-Reply-To/References, so series are grouped without threading.</summary>
public sealed class SingleArchiveTests : IDisposable
{
    private static readonly FixtureArchive Week = FixtureArchive.Load(Paths.Fixture("archives", "week-2026-11"));
    private readonly HarvestRun _run = new();

    [Fact]
    public async Task Harvest_SpinicsDown_GroupsMailArchiveCopiesWithoutThreading()
    {
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(Week);
        var settings = _run.Settings(FixtureServer.DeadBaseUrl("/lists/netdev/"), mailArchive.BaseUrl);
        settings["Harvester:Archives:Spinics:Enabled"] = "true";
        settings["Harvester:Http:MaxRetries"] = "0";
        settings["Harvester:Run:From"] = "2026-11-09";
        settings["Harvester:Run:To"] = "2026-11-16";

        var (code, output) = await _run.RunAsync(settings);

        Assert.Equal(ExitCodes.PartialFailure, code);
        Assert.Equal(ExpectedFromMailArchiveOnly(mailArchive), output);
    }

    [Fact]
    public async Task Harvest_MailArchiveOnly_ThreadSliceJoinsPartsSentLongAfterTheCover()
    {
        // Parts sent an hour after their cover: too far apart for the unthreaded rule (30 minutes), and mail-archive
        // pages carry no In-Reply-To. The thread slice names each part's parent page, which is the cover's.
        FixtureMessage Mail(string id, string subject, string at, string? parent) => new()
        {
            FileName = id + ".eml",
            MessageId = id + "@example.org",
            Subject = subject,
            FromName = "Ines Okafor",
            FromAddress = "ines.okafor@example.org",
            Date = DateTimeOffset.Parse(at),
            InReplyTo = parent,
            References = parent is null ? [] : [parent],
            Body = "bpf: a slow series.\n\nSigned-off-by: Ines Okafor <ines.okafor@example.org>\n",
        };
        var archive = FixtureArchive.FromMessages(
            [
                Mail("cover", "[PATCH bpf-next 0/2] bpf: Send a series slowly", "2026-11-10T10:00:00Z", null),
                Mail("part1", "[PATCH bpf-next 1/2] bpf: First part", "2026-11-10T11:00:00Z", "cover@example.org"),
                Mail("part2", "[PATCH bpf-next 2/2] bpf: Second part", "2026-11-10T11:01:00Z", "cover@example.org"),
            ],
            new FixtureArchiveSettings());
        await using var mailArchive = await FixtureServer.StartMailArchiveAsync(archive);
        var settings = _run.Settings(null, mailArchive.BaseUrl);
        settings["Harvester:Run:From"] = "2026-11-09";
        settings["Harvester:Run:To"] = "2026-11-16";

        var (code, output) = await _run.RunAsync(settings);

        Assert.Equal(ExitCodes.Done, code);
        var lines = output.Split('\n');
        Assert.Single(lines, l => l.StartsWith("- Ines Okafor, [[PATCH bpf-next 0/2]", StringComparison.Ordinal) && !l.EndsWith("parts)", StringComparison.Ordinal));
        Assert.Equal(2, lines.Count(l => l.StartsWith("  - [[PATCH bpf-next ", StringComparison.Ordinal)));
        Assert.Equal(1, lines.Count(l => l.StartsWith("- ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Harvest_MailsFiledLongAfterTheyWereSent_NeitherStopTheWalkNorGetLost()
    {
        // spinics orders its index by the time a mail was filed (X-Date, the Received time), not by its Date.
        // B says 5 November but was filed on the 12th, among the window's mails: the walk must not stop at it.
        // F was sent just before the window's end and filed ten hours later: it still belongs to the window.
        FixtureMessage Mail(string id, string subject, string sent, string? filed = null) => new()
        {
            FileName = id + ".eml",
            MessageId = id + "@example.org",
            Subject = subject,
            FromName = "Ines Okafor",
            FromAddress = "ines.okafor@example.org",
            Date = DateTimeOffset.Parse(sent),
            Received = filed is null ? null : DateTimeOffset.Parse(filed),
            Body = "A change.\n\nSigned-off-by: Ines Okafor <ines.okafor@example.org>\n",
        };
        var archive = FixtureArchive.FromMessages(
            [
                Mail("e", "[PATCH net] e: old fix", "2026-11-01T10:00:00Z"),
                Mail("d", "[PATCH bpf] bpf: Fix d", "2026-11-10T10:00:00Z"),
                Mail("c", "[PATCH bpf] bpf: Fix c", "2026-11-11T10:00:00Z"),
                Mail("b", "[PATCH net] b: a mail held for a week", "2026-11-05T10:00:00Z", "2026-11-12T09:00:00Z"),
                Mail("a", "[PATCH net] a: another fix", "2026-11-12T10:00:00Z"),
                Mail("f", "[PATCH bpf] bpf: Fix f", "2026-11-15T22:00:00Z", "2026-11-16T08:00:00Z"),
                Mail("g", "[PATCH net] g: after the window", "2026-11-17T10:00:00Z"),
            ],
            new FixtureArchiveSettings());
        await using var spinics = await FixtureServer.StartSpinicsAsync(archive);
        var settings = _run.Settings(spinics.BaseUrl, null);
        settings["Harvester:Run:From"] = "2026-11-09";
        settings["Harvester:Run:To"] = "2026-11-16";

        var (code, output) = await _run.RunAsync(settings);

        Assert.Equal(ExitCodes.Done, code);
        Assert.Equal(
            ["[PATCH bpf] bpf: Fix d", "[PATCH bpf] bpf: Fix c", "[PATCH bpf] bpf: Fix f"],
            output.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[(l.IndexOf("[[", StringComparison.Ordinal) + 1)..l.IndexOf("](", StringComparison.Ordinal)]));
    }

    public void Dispose() => _run.Dispose();

    /// <summary>
    /// expected.md with every link moved to the message's mail-archive page, without the two messages mail-archive
    /// lacks (bpf 2/2 of the unthreaded pair, and the ethtool patch, which is not listed anyway).
    /// </summary>
    internal static string ExpectedFromMailArchiveOnly(FixtureServer mailArchive)
    {
        var text = File.ReadAllText(Path.Combine(Week.Directory, "expected.md"));
        foreach (var message in Week.Messages.Where(m => m.SpinicsNumber is not null))
        {
            var spinicsUrl = $"https://www.spinics.net/lists/netdev/msg{message.SpinicsNumber}.html";
            if (!text.Contains(spinicsUrl, StringComparison.Ordinal))
            {
                continue;
            }

            if (message.MailArchiveNumber is null)
            {
                var line = text.Split('\n').Single(l => l.Contains(spinicsUrl, StringComparison.Ordinal));
                text = text.Replace(line + "\n", "", StringComparison.Ordinal);
                continue;
            }

            text = text.Replace(spinicsUrl, $"{mailArchive.BaseUrl.AbsoluteUri}msg{message.MailArchiveNumber}.html", StringComparison.Ordinal);
        }

        // Without its part 2 the unthreaded bpf pair is incomplete, and says so.
        var bpfPair = Week.Messages.Single(m => m.Subject.StartsWith("[PATCH bpf 1/2]", StringComparison.Ordinal));
        var bpfLink = $"{mailArchive.BaseUrl.AbsoluteUri}msg{bpfPair.MailArchiveNumber}.html)";
        text = text.Replace(bpfLink + "\n", bpfLink + " (1 of 2 parts)\n", StringComparison.Ordinal);
        return text.Replace("https://www.mail-archive.com/netdev@vger.kernel.org/", mailArchive.BaseUrl.AbsoluteUri, StringComparison.Ordinal);
    }
}
