using Harvester.Benchmarks;

// Benchmark verbs: `dotnet run -c Release --project tests/Harvester.Benchmarks -- <verb> [args]`.
// To add one, write a static class with `int Run(string[] args)` and add a case below.
var verb = args.Length > 0 ? args[0] : "";
var rest = args.Skip(1).ToArray();
return verb switch
{
    "group" => GroupBenchmark.Run(rest),
    "parse" => Harvester.Benchmarks.Parse.ParseBenchmark.Run(rest),
    "crawl" => await Harvester.Benchmarks.Crawl.CrawlBenchmark.RunAsync(rest),
    "lists" => await Harvester.Benchmarks.Crawl.ListsBenchmark.RunAsync(rest),
    "hostile" => Harvester.Benchmarks.Hostile.HostileBenchmark.Run(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Harvester.Benchmarks <verb> [args]");
    Console.Error.WriteLine("  group [messages]   group synthetic messages (default 20000) and print messages/s");
    Console.Error.WriteLine("  crawl [rate] [messages]  harvest a simulated week (default 1500 messages) from the fixture servers (default 20 requests/s) and print request, time and memory ratios");
    Console.Error.WriteLine("  lists [rate]       harvest a simulated week on netdev and bpf with lore off and on (default 50 requests/s) and print requests per archive");
    Console.Error.WriteLine("  hostile [--unbounded]  each hostile page shape (issue 12) in a spinics and a mail-archive message page: CPU ms and cost per byte against the median real page");
    Console.Error.WriteLine("  parse [--quick]    message pages parsed per second per parser (BenchmarkDotNet; --quick: a Stopwatch loop)");
    return 2;
}
