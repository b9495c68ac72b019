using System.CommandLine;
using System.Globalization;
using Harvester.Hosting;

namespace Harvester.Cli;

/// <summary><c>harvester state show</c> and <c>harvester state set --to DATE [--issue N]</c>.</summary>
public static class StateCommands
{
    public static readonly Option<string> To = new("--to")
    {
        Description = "Where the next --since-last-run window starts (YYYY-MM-DD or ISO 8601, UTC).",
        HelpName = "DATE",
        Required = true,
    };

    public static readonly Option<int?> Issue = new("--issue")
    {
        Description = "The last issue number (--draft prints the next one). Default: kept as it is.",
        HelpName = "N",
    };

    public static Command Define()
    {
        var show = new Command("show", "Print the state: the last window harvested whole, when it ran, the last issue number.");
        show.SetAction(HostedAction.Run<StateShowCommand>());
        var set = new Command("set", "Set the state on purpose: the next --since-last-run run starts at --to.") { To, Issue };
        set.SetAction(HostedAction.Run<StateSetCommand>());
        return new Command("state", "Show or set the state --since-last-run starts from.") { show, set };
    }

    public static string Window(RunRecord? record) => record?.LastWindowEnd is { } end
        ? $"{(record.LastWindowStart is { } start ? Time(start) : "?")} .. {Time(end)}"
        : "none yet";

    public static string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

/// <summary><c>harvester state show</c>.</summary>
public sealed class StateShowCommand(RunState state) : IHarvesterCommand
{
    public Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (!state.TryRead(out var record, out var error))
        {
            Console.Error.WriteLine("harvester: " + error);
            return Task.FromResult(ExitCodes.Usage);
        }

        Console.Out.WriteLine($"state: {state.Path}");
        Console.Out.WriteLine($"last window: {StateCommands.Window(record)}");
        Console.Out.WriteLine($"ran at: {(record?.RanAt is { } ran ? StateCommands.Time(ran) : "never")}");
        Console.Out.WriteLine($"last issue: {(record?.IssueNumber is { } issue ? issue.ToString(CultureInfo.InvariantCulture) : "none")}");
        Console.Out.WriteLine(record?.LastWindowEnd is { } end
            ? $"next --since-last-run starts at {StateCommands.Time(end)}"
            : "next --since-last-run starts --days before now");
        return Task.FromResult(ExitCodes.Done);
    }
}

/// <summary><c>harvester state set --to DATE [--issue N]</c>: one line, exit 0.</summary>
public sealed class StateSetCommand(RunState state, ParseResult parsed) : IHarvesterCommand
{
    public Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (!HarvestWindowFactory.TryParseDate(parsed.GetValue(StateCommands.To), "--to", out var to, out var error) || to is null)
        {
            Console.Error.WriteLine("harvester: " + (error ?? "--to is required"));
            return Task.FromResult(ExitCodes.Usage);
        }

        if (!state.TryRead(out var record, out _))
        {
            record = null; // a broken record is what this command is for: it is replaced
        }

        var issue = parsed.GetValue(StateCommands.Issue) ?? record?.IssueNumber;
        if (issue is < 0 or > 9999)
        {
            Console.Error.WriteLine($"harvester: --issue {issue} is not between 0 and 9999");
            return Task.FromResult(ExitCodes.Usage);
        }

        state.Save(new RunRecord(null, to, record?.RanAt, issue));
        Console.Out.WriteLine($"state {state.Path}: the next --since-last-run run starts at {StateCommands.Time(to.Value)}"
            + (issue is { } n ? $"; last issue {n}" : ""));
        return Task.FromResult(ExitCodes.Done);
    }
}
