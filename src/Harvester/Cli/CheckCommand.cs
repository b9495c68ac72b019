using System.CommandLine;
using System.Globalization;
using Harvester.Check;
using Harvester.Crawl;
using Harvester.Domain;
using Harvester.Hosting;
using Harvester.Parse;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Harvester.Cli;

/// <summary>
/// <c>harvester check [--format table|json]</c> (issue 16): for each enabled archive, robots.txt, the first index page
/// and the newest patch mail's page (public-inbox: the last day's search and one raw mail), timed at the configured
/// politeness, with every field the pipeline needs found or missing (<see cref="ArchiveProbe"/>,
/// <see cref="PublicInboxProbe"/>). The table or JSON goes to stdout (<see cref="CheckReport"/>). Exit 0 when every
/// archive is usable, 4 when one answered with a changed layout, 1 when one could not be read.
/// </summary>
public sealed partial class CheckCommand(
    IOptions<HarvesterOptions> options,
    [FromKeyedServices(HarvesterServiceCollectionExtensions.FreshFetch)] SourceFactory factory,
    ParseResult parsed,
    TimeProvider time,
    ILogger<CheckCommand> logger) : IHarvesterCommand
{
    public static readonly Option<string> Format = new("--format")
    {
        Description = "table (default: a line per archive, per request and per field) or json.",
        HelpName = "table|json",
        DefaultValueFactory = _ => "table",
    };

    static CheckCommand()
    {
        Format.AcceptOnlyFromAmong("table", "json");
    }

    public static Command Define()
    {
        var check = new Command("check", "Run this first: read robots.txt, the first index page and the newest patch mail of each enabled archive, and say which fields were found. Exit 0 all usable, 4 a layout changed, 1 an archive unreachable.")
        {
            Format,
        };
        check.SetAction(HostedAction.Run<CheckCommand>());
        return check;
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var http = options.Value.Http;
        var politeness = string.Create(CultureInfo.InvariantCulture, $"{http.RequestsPerSecond:0.###} request/s per host, at most {http.MaxConcurrency} at once");
        var enabled = options.Value.Archives.Where(a => a.Value.Enabled && a.Value.BaseUri is not null).ToList();
        var checks = await Task.WhenAll(enabled.Select(a => ProbeAsync(a.Key, a.Value, politeness, cancellationToken))).ConfigureAwait(false);
        var text = parsed.GetValue(Format) == "json" ? CheckReport.Json(checks) : CheckReport.Table(checks);
        await Console.Out.WriteAsync(text).ConfigureAwait(false);
        await Console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
        return CheckReport.ExitCode(checks);
    }

    private async Task<ArchiveCheck> ProbeAsync(string name, ArchiveOptions archive, string politeness, CancellationToken cancellationToken)
    {
        var kind = archive.Kind.ToLowerInvariant();
        LogChecking(logger, name, archive.BaseUri!);
        var check = kind == ArchiveKinds.PublicInbox
            ? await Inbox(name, archive.BaseUri!).RunAsync(politeness, cancellationToken).ConfigureAwait(false)
            : await Html(name, kind, archive.BaseUri!).RunAsync(politeness, cancellationToken).ConfigureAwait(false);
        LogChecked(logger, name, check.Verdict, check.Summary);
        return check;
    }

    private ArchiveProbe Html(string name, string kind, Uri baseUri)
    {
        var parsers = PageParsers.For(kind) ?? throw new InvalidOperationException($"no parser reads archive kind '{kind}' ({name})");
        return new ArchiveProbe(name, kind, new PageProbeFetcher(factory.CreateFetcher(name, baseUri)), parsers.Index, parsers.Message, time);
    }

    private PublicInboxProbe Inbox(string name, Uri inboxRoot)
    {
        var (pages, mailboxes) = factory.CreatePublicInboxFetchers(name, inboxRoot);
        return new PublicInboxProbe(name, new InboxProbeFetcher(pages, mailboxes), options.Value.PublicInbox, time);
    }

    [LoggerMessage(EventId = 160, Level = LogLevel.Information, Message = "Checking {Archive} at {BaseUrl}")]
    private static partial void LogChecking(ILogger logger, string archive, Uri baseUrl);

    [LoggerMessage(EventId = 161, Level = LogLevel.Information, Message = "{Archive}: {Verdict}: {Summary}")]
    private static partial void LogChecked(ILogger logger, string archive, ArchiveVerdict verdict, string summary);
}
