using System.CommandLine;
using Harvester.Hosting;

namespace Harvester.Cli;

/// <summary>
/// The command line: the root command harvests, <c>cache</c> and <c>state</c> are subcommands. Each command's action
/// runs its <see cref="IHarvesterCommand"/> through the same host, configuration and validation
/// (<see cref="HostedAction"/>) and returns the exit code. To add a command: a class implementing
/// <see cref="IHarvesterCommand"/> with a static <c>Define()</c>, and one line in <see cref="Build"/>.
/// </summary>
public static class HarvesterCli
{
    public const string Description =
        "Harvester: crawls the netdev list archives for a date window and prints the BPF/XDP \"Patches\" section of the newsletter (Markdown on stdout, logs on stderr).\n" +
        "Exit codes: 0 done; 1 nothing could be harvested; 2 bad usage or configuration; 3 output written but some pages failed; 4 an archive's page layout seems to have changed.";

    public static RootCommand Build()
    {
        var root = new RootCommand(Description);
        CommonOptions.AddTo(root);
        foreach (var flag in HarvestFlags.All)
        {
            root.Options.Add(flag.Option);
        }

        root.SetAction(HostedAction.Run<HarvestCommand>(FlagConflicts.Find));
        root.Subcommands.Add(CacheCommands.Define());
        root.Subcommands.Add(StateCommands.Define());
        root.Subcommands.Add(CheckCommand.Define());
        return root;
    }

    /// <summary>
    /// Parses and runs. A parse error is one line on stderr per error (with a usage line when a word was not
    /// understood) and exit 2; an option's own check (an age, a date) is a parse error too, so it fails before the host.
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args)
    {
        var parsed = Build().Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync("harvester: " + error.Message).ConfigureAwait(false);
            }

            if (parsed.UnmatchedTokens.Count > 0)
            {
                await Console.Error.WriteLineAsync("Usage: harvester [--from DATE] [--to DATE | --days N] [--format markdown|json] [--out FILE] ... (see --help)").ConfigureAwait(false);
            }

            return ExitCodes.Usage;
        }

        // The host's lifetime handles SIGTERM/SIGINT (the run stops, exit 130); System.CommandLine's own handler would
        // race it and end the process after 2 s.
        var invocation = new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false };
        return await parsed.InvokeAsync(invocation).ConfigureAwait(false);
    }
}
