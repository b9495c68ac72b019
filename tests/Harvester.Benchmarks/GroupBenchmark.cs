using System.Diagnostics;
using Harvester.Domain;
using Harvester.Group;

namespace Harvester.Benchmarks;

/// <summary>
/// The <c>group</c> verb: groups synthetic messages twice on one thread and prints both runs. The first run includes
/// JIT compilation (what a harvest pays once); the second is the steady state.
/// </summary>
internal static class GroupBenchmark
{
    public static int Run(string[] args)
    {
        var count = args.Length > 0 && int.TryParse(args[0], out var n) && n > 0 ? n : 20_000;
        var messages = SyntheticMail.Generate(count, seed: 42);

        var (first, result) = Time(messages);
        var (second, _) = Time(messages);

        Console.WriteLine($"group: {messages.Count} messages -> {result.Series.Count} series, {result.PullRequests.Count} pull requests");
        Report("first run (with JIT)", messages.Count, first);
        Report("second run", messages.Count, second);
        return 0;
    }

    // Wall time, and the process's CPU time (the machine may be shared: CPU time shows the work itself).
    private static ((TimeSpan Wall, TimeSpan Cpu) Elapsed, GroupResult Result) Time(IReadOnlyList<MailMessage> messages)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = new SeriesGrouper().Group(messages);
        return ((clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu), result);
    }

    private static void Report(string label, int messages, (TimeSpan Wall, TimeSpan Cpu) elapsed) =>
        Console.WriteLine($"group: {label}: {elapsed.Wall.TotalMilliseconds:F1} ms elapsed ({elapsed.Cpu.TotalMilliseconds:F0} ms CPU), "
            + $"{messages / elapsed.Wall.TotalSeconds:N0} messages/s");
}
