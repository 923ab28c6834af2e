using System.Numerics;
using Saphan.Linkage.Similarity;

namespace Saphan.Linkage.Tests.Similarity;

public sealed class TransposedKernelTests
{
    public static TheoryData<int> Sizes => [0, 1, 2, 7, 8, 9, 15, 16, 17, 63, 64, 65, 255, 256, 257, 1001];

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Harley_Seal_vector_path_equals_scalar_and_row_major_on_random_data(int candidates)
    {
        var random = new Random(candidates + 31);
        var query = Random(random, 1, random.NextDouble());
        var rows = Random(random, candidates, random.NextDouble());
        var expected = new int[candidates];
        for (var i = 0; i < candidates; i++)
        {
            for (var w = 0; w < 16; w++)
            {
                expected[i] += BitOperations.PopCount(query[w] & rows[i * 16 + w]);
            }
        }

        var transposed = TransposedKernel.Transpose(rows);
        var scalar = new int[candidates];
        TransposedKernel.AndCounts(query, transposed, candidates, scalar, vector: false);
        Assert.Equal(expected, scalar);

        var rowMajor = new int[candidates];
        PopCountKernel.AndCounts(PopCountKernel.Path.Scalar, query, rows, rowMajor);
        Assert.Equal(expected, rowMajor);

        // This machine (and any x86-64-v4 one) has AVX-512BW: the vector path must be exercised there.
        Assert.True(TransposedKernel.VectorSupported || !System.Runtime.Intrinsics.X86.Avx512BW.IsSupported);
        if (TransposedKernel.VectorSupported)
        {
            var vector = new int[candidates];
            TransposedKernel.AndCounts(query, transposed, candidates, vector);
            Assert.Equal(expected, vector);
        }

        // Every vector path this machine has, not only the fastest one, on the same data.
        foreach (var path in Enum.GetValues<TransposedKernel.Path>().Where(TransposedKernel.IsSupported))
        {
            var counts = Enumerable.Repeat(-1, candidates + 3).ToArray();
            TransposedKernel.AndCounts(path, query, transposed, candidates, counts);
            Assert.Equal(expected, counts.Take(candidates));
            Assert.All(counts.Skip(candidates), c => Assert.Equal(-1, c)); // nothing written past n
        }
    }

    [Fact]
    public void The_fastest_path_is_chosen_and_the_VBMI_path_runs_where_the_CPU_has_it()
    {
        Assert.Equal(System.Runtime.Intrinsics.X86.Avx512Vbmi.IsSupported && TransposedKernel.VectorSupported, TransposedKernel.IsSupported(TransposedKernel.Path.Avx512Vbmi));
        var expected = TransposedKernel.IsSupported(TransposedKernel.Path.Avx512Vbmi) ? TransposedKernel.Path.Avx512Vbmi
            : TransposedKernel.VectorSupported ? TransposedKernel.Path.Avx512 : TransposedKernel.Path.Scalar;
        Assert.Equal(expected, TransposedKernel.Best);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Every_path_agrees_on_sparse_dense_and_single_word_candidates(int candidates)
    {
        // Planes of the adder tree that are rarely set on random data (all sixteen words set at one bit,
        // the top bits of every byte) get exercised by dense and by one-word-only candidates.
        var random = new Random(candidates * 7 + 3);
        var query = Random(random, 1, 0.97);
        var rows = new ulong[candidates * 16];
        for (var i = 0; i < candidates; i++)
        {
            var kind = i % 4;
            for (var w = 0; w < 16; w++)
            {
                rows[i * 16 + w] = kind switch
                {
                    0 => ulong.MaxValue,
                    1 => w == i % 16 ? (ulong)random.NextInt64() | 0xC0C0C0C0C0C0C0C0UL : 0,
                    2 => 0xC0C0C0C0C0C0C0C0UL | (ulong)random.NextInt64(),
                    _ => (ulong)random.NextInt64() & (ulong)random.NextInt64() & (ulong)random.NextInt64(),
                };
            }
        }

        var transposed = TransposedKernel.Transpose(rows);
        var expected = new int[candidates];
        PopCountKernel.AndCounts(PopCountKernel.Path.Scalar, query, rows, expected);
        foreach (var path in Enum.GetValues<TransposedKernel.Path>().Where(TransposedKernel.IsSupported))
        {
            var counts = new int[candidates];
            TransposedKernel.AndCounts(path, query, transposed, candidates, counts);
            Assert.Equal(expected, counts);
        }
    }

    [Theory]
    [InlineData(0UL, 0UL)]
    [InlineData(ulong.MaxValue, ulong.MaxValue)]
    [InlineData(ulong.MaxValue, 0UL)]
    [InlineData(0xAAAAAAAAAAAAAAAAUL, 0xFFFFFFFFFFFFFFFFUL)]
    public void Extremes_agree_including_a_full_1024_count(ulong queryWord, ulong candidateWord)
    {
        var query = Enumerable.Repeat(queryWord, 16).ToArray();
        var rows = Enumerable.Repeat(candidateWord, 16 * 19).ToArray();
        var expected = BitOperations.PopCount(queryWord & candidateWord) * 16;
        foreach (var path in Enum.GetValues<TransposedKernel.Path>().Where(TransposedKernel.IsSupported))
        {
            var counts = new int[19];
            TransposedKernel.AndCounts(path, query, TransposedKernel.Transpose(rows), 19, counts);
            Assert.All(counts, c => Assert.Equal(expected, c));
        }
    }

    private static ulong[] Random(Random random, int records, double density)
    {
        var words = new ulong[records * 16];
        for (var i = 0; i < words.Length; i++)
        {
            for (var bit = 0; bit < 64; bit++)
            {
                if (random.NextDouble() < density)
                {
                    words[i] |= 1UL << bit;
                }
            }
        }

        return words;
    }
}
