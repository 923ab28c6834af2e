using BenchmarkDotNet.Attributes;
using Saphan.Linkage.Clks;
using Saphan.Linkage.Tests.Support;

namespace Saphan.Linkage.Bench;

/// <summary>Single-threaded encoding of FEBRL records; one operation = one record.</summary>
[MemoryDiagnoser]
public class EncodingBenchmarks
{
    private const int Records = 1000;
    private PersonIdentifiers[] _people = [];
    private ClkEncoder _encoder = null!;

    [GlobalSetup]
    public void Setup()
    {
        _people = Febrl.Load(Path.Combine(Febrl.FindDirectory(), "dataset4a.csv")).Take(Records).Select(r => r.Person).ToArray();
        _encoder = new ClkEncoder(LinkageKey.FromBytes(new byte[32]));
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public int Encode()
    {
        var sum = 0;
        foreach (var p in _people)
        {
            sum += _encoder.Encode(p).PopCount;
        }

        return sum;
    }
}
