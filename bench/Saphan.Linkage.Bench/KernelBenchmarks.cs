using BenchmarkDotNet.Attributes;
using Saphan.Linkage.Similarity;

namespace Saphan.Linkage.Bench;

/// <summary>|q ∧ c| for one query against 4,096 candidates; one operation = one comparison.</summary>
[MemoryDiagnoser]
public class KernelBenchmarks
{
    private const int Candidates = 4096; // 512 KiB: L2-resident, as in the matcher's tiles over a block

    private readonly ulong[] _query = new ulong[16];
    private readonly ulong[] _candidates = new ulong[Candidates * 16];
    private readonly int[] _counts = new int[Candidates];

    private PopCountKernel.Path _path;

    [Params("Scalar", "Avx2", "Avx512")]
    public string Path { get; set; } = "Scalar";

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        var bytes = new byte[8];
        for (var i = 0; i < _candidates.Length; i++)
        {
            random.NextBytes(bytes);
            _candidates[i] = BitConverter.ToUInt64(bytes);
        }

        _candidates.AsSpan(0, 16).CopyTo(_query);
        _path = Enum.Parse<PopCountKernel.Path>(Path);
    }

    [Benchmark(OperationsPerInvoke = Candidates)]
    public int AndCounts()
    {
        PopCountKernel.AndCounts(_path, _query, _candidates, _counts);
        return _counts[Candidates - 1];
    }
}
