using BenchmarkDotNet.Attributes;
using Saphan.Linkage.Similarity;

namespace Saphan.Linkage.Bench;

/// <summary>
/// The word-major Harley–Seal kernel, each path: |q ∧ c| for one query against 4,096 transposed candidates
/// (512 KiB, L2-resident); one operation = one full comparison (no pruning).
/// </summary>
[MemoryDiagnoser]
public class TransposedKernelBenchmarks
{
    private const int Candidates = 4096;

    private readonly ulong[] _query = new ulong[16];
    private readonly int[] _counts = new int[Candidates];
    private ulong[] _transposed = [];

    private TransposedKernel.Path _path;

    [Params("Avx512Vbmi", "Avx512", "Scalar")]
    public string Path { get; set; } = "Avx512Vbmi";

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        var rows = new ulong[Candidates * 16];
        var bytes = new byte[8];
        for (var i = 0; i < rows.Length; i++)
        {
            random.NextBytes(bytes);
            rows[i] = BitConverter.ToUInt64(bytes);
        }

        rows.AsSpan(0, 16).CopyTo(_query);
        _transposed = TransposedKernel.Transpose(rows);
        _path = Enum.Parse<TransposedKernel.Path>(Path);
    }

    [Benchmark(OperationsPerInvoke = Candidates)]
    public int AndCounts()
    {
        TransposedKernel.AndCounts(_path, _query, _transposed, Candidates, _counts);
        return _counts[Candidates - 1];
    }
}
