using BenchmarkDotNet.Attributes;
using Saphan.Linkage.Clks;
using Saphan.Linkage.Matching;
using Saphan.Linkage.Tests.Support;

namespace Saphan.Linkage.Bench;

/// <summary>FEBRL 4a × 4b (5,000 × 5,000) from encodings to clusters, on all cores.</summary>
[MemoryDiagnoser]
public class MatchingBenchmarks
{
    private EncodedSource[] _sources = [];

    [Params(BlockingMode.Exhaustive, BlockingMode.MinHashLsh)]
    public BlockingMode Blocking { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var dir = Febrl.FindDirectory();
        var encoder = new ClkEncoder(LinkageKey.FromBytes(new byte[32]));
        _sources =
        [
            Febrl.Encode("a", Febrl.Load(Path.Combine(dir, "dataset4a.csv")), encoder),
            Febrl.Encode("b", Febrl.Load(Path.Combine(dir, "dataset4b.csv")), encoder),
        ];
    }

    [Benchmark]
    public int MatchFebrl() => Matcher.Match(_sources, new MatchOptions { Blocking = Blocking }).Count;
}
