using BenchmarkDotNet.Attributes;
using Harvester.Parse;

namespace Harvester.Benchmarks.Parse;

/// <summary>BenchmarkDotNet: one operation = one message page parsed (the pages are parsed in turn, on one thread).</summary>
[MemoryDiagnoser]
public class MessagePageBenchmarks
{
    private readonly SpinicsMessagePageParser _spinicsParser = new();
    private readonly MailArchiveMessagePageParser _mailArchiveParser = new();
    private FetchedPage[] _spinics = [];
    private FetchedPage[] _mailArchive = [];

    [GlobalSetup]
    public void Setup() => (_spinics, _mailArchive) = ParsePages.Build();

    [Benchmark(OperationsPerInvoke = ParsePages.Count)]
    public int Spinics() => ParsePages.ParseAll(_spinicsParser, _spinics);

    [Benchmark(OperationsPerInvoke = ParsePages.Count)]
    public int MailArchive() => ParsePages.ParseAll(_mailArchiveParser, _mailArchive);
}
