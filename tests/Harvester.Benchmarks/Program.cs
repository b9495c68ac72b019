using Harvester.Benchmarks;

// Benchmark verbs: `dotnet run -c Release --project tests/Harvester.Benchmarks -- <verb> [args]`.
// To add one, write a static class with `int Run(string[] args)` and add a case below.
var verb = args.Length > 0 ? args[0] : "";
var rest = args.Skip(1).ToArray();
return verb switch
{
    "group" => GroupBenchmark.Run(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Harvester.Benchmarks <verb> [args]");
    Console.Error.WriteLine("  group [messages]   group synthetic messages (default 20000) and print messages/s");
    return 2;
}
