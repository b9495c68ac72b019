using Harvester.Crawl;
using Harvester.Crawl.PublicInbox;
using Harvester.Domain;
using Harvester.Parse;
using Harvester.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Harvester.Tests.Crawl;

/// <summary>The public-inbox source against the fake lore: what it hands to Parse, and what it does when lore fails.</summary>
public sealed class PublicInboxSourceTests : IAsyncLifetime
{
    private static readonly HarvestWindow Week = new(DateTimeOffset.Parse("2026-11-09T00:00:00Z"), DateTimeOffset.Parse("2026-11-16T00:00:00Z"));

    private readonly PageCache _cache = new(":memory:");
    private PublicInboxServer _lore = null!;

    public async Task InitializeAsync() => _lore = await PublicInboxServer.StartAsync(Paths.Fixture("archives", "week-2026-11"));

    public async Task DisposeAsync()
    {
        _cache.Dispose();
        await _lore.DisposeAsync();
    }

    private PublicInboxSource Source(bool hasFallback = true)
    {
        var client = new HttpClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Harvester/0.1 (tests)");
        var http = new HttpOptions { MaxRetries = 0, AttemptTimeoutSeconds = 5, TotalTimeoutSeconds = 10, RequestsPerSecond = 10_000 };
        var policy = new FetchPolicy(false, false, 5_000_000, TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(30), false, "harvester");
        var options = new PublicInboxOptions();
        var fetcher = MailboxFetchers.Create(client, http, policy, _cache, TimeProvider.System, TimeProvider.System, options: options);
        return new PublicInboxSource(new PublicInboxArchive("LoreBpf", _lore.Inbox("bpf"), options.SlackDays, hasFallback), fetcher, new MailboxReader(), NullLogger.Instance);
    }

    [Fact]
    public async Task Read_Week_OneMailboxThatParseSplitsIntoWindowAndSlackDays()
    {
        var result = await Source().ReadAsync(new SourceRequest(Week), CancellationToken.None);

        var mailbox = Assert.Single(result.Mailboxes);
        var parsed = new ParseStage(new MessageReader(_ => null), new MailboxReader()).Parse(result, Week);
        Assert.False(result.Failed);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(new Uri(_lore.Inbox("bpf"), "?q=d:2026-11-08..2026-11-16&x=m"), mailbox.Url);
        // Patch mails and covers only (no replies, no pull request): 25 of the bpf list's 34 mails in the window.
        Assert.Equal(25, parsed.Messages.Count);
        Assert.Contains(parsed.Messages, m => m.Subject == "[PATCH bpf-next 0/2] bpftool: Show per-CPU run counts in prog profile");
        Assert.DoesNotContain(parsed.Messages, m => m.Subject.StartsWith("Re:", StringComparison.Ordinal));
        // The slack days: 010 (8 Nov, 23:30 UTC) and 320 (16 Nov, 02:00 UTC); not 008 (7 Nov) nor 325 (17 Nov).
        Assert.Equal(["20261108233004.9921-1-petra.lindholm@example.org", "20261116020000.4410-1-grace.liang@example.com"], parsed.Outside.Select(m => m.MessageId).Order());
    }

    [Fact]
    public async Task Read_ResultThatDoesNotRead_ForgottenAndReported_NextRunAsksAgain()
    {
        _lore.InjectNext(Fault.NotHtml());

        var first = await Source().ReadAsync(new SourceRequest(Week), CancellationToken.None);
        var second = await Source().ReadAsync(new SourceRequest(Week), CancellationToken.None);

        Assert.Empty(first.Mailboxes);
        Assert.False(first.Failed); // the HTML archives stand in
        var warning = Assert.Single(first.Diagnostics);
        Assert.Equal(DiagnosticLevel.Warning, warning.Level);
        Assert.Contains("no mail in the mbox", warning.Message, StringComparison.Ordinal);
        Assert.Single(second.Mailboxes);
        Assert.Equal(2, _lore.SearchesOf("bpf"));
    }

    [Fact]
    public async Task Read_NoMatch_NoMailboxNoDiagnostic()
    {
        var empty = new HarvestWindow(DateTimeOffset.Parse("2030-01-01T00:00:00Z"), DateTimeOffset.Parse("2030-01-08T00:00:00Z"));

        var result = await Source().ReadAsync(new SourceRequest(empty), CancellationToken.None);

        Assert.Empty(result.Mailboxes);
        Assert.Empty(result.Diagnostics);
        Assert.False(result.Failed);
    }

    [Fact]
    public async Task Read_ChallengedWithoutFallback_ErrorAndFailed()
    {
        _lore.ChallengeEveryone = true;

        var result = await Source(hasFallback: false).ReadAsync(new SourceRequest(Week), CancellationToken.None);

        Assert.True(result.Failed);
        Assert.Equal(DiagnosticLevel.Error, Assert.Single(result.Diagnostics).Level);
    }
}
