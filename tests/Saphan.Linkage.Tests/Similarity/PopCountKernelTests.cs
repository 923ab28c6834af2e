using System.Numerics;
using Saphan.Linkage.Clks;
using Saphan.Linkage.Similarity;
using Saphan.Linkage.Tests.Support;

namespace Saphan.Linkage.Tests.Similarity;

public sealed class PopCountKernelTests
{
    public static TheoryData<int> Sizes => [0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 255, 256, 257, 1000];

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Vector_paths_equal_the_scalar_path_on_random_data(int candidates)
    {
        var random = new Random(candidates + 17);
        var query = RandomWords(random, 1, density: random.NextDouble());
        var data = RandomWords(random, candidates, density: random.NextDouble());
        var expected = Naive(query, data);

        var vectorPaths = 0;
        foreach (var path in Enum.GetValues<PopCountKernel.Path>())
        {
            if (!PopCountKernel.IsSupported(path))
            {
                continue;
            }

            var counts = new int[candidates];
            PopCountKernel.AndCounts(path, query, data, counts);
            Assert.Equal(expected, counts);
            vectorPaths += path == PopCountKernel.Path.Scalar ? 0 : 1;
        }

        // On x86 with AVX2 at least one vector path must have been compared, or this test proves nothing.
        Assert.True(vectorPaths > 0 || !System.Runtime.Intrinsics.X86.Avx2.IsSupported);
    }

    [Fact]
    public void Extreme_inputs_all_ones_and_all_zeros_agree()
    {
        var ones = Enumerable.Repeat(ulong.MaxValue, 16 * 9).ToArray();
        var zeros = new ulong[16 * 9];
        foreach (var path in Enum.GetValues<PopCountKernel.Path>().Where(PopCountKernel.IsSupported))
        {
            var counts = new int[9];
            PopCountKernel.AndCounts(path, ones.AsSpan(0, 16), ones, counts);
            Assert.All(counts, c => Assert.Equal(1024, c));
            PopCountKernel.AndCounts(path, ones.AsSpan(0, 16), zeros, counts);
            Assert.All(counts, c => Assert.Equal(0, c));
        }
    }

    [Fact]
    public void Wrong_shapes_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => PopCountKernel.AndCounts(new ulong[15], new ulong[16], new int[1]));
        Assert.Throws<ArgumentException>(() => PopCountKernel.AndCounts(new ulong[16], new ulong[17], new int[1]));
        Assert.Throws<ArgumentException>(() => PopCountKernel.AndCounts(new ulong[16], new ulong[32], new int[1]));
    }

    [Fact]
    public void Dice_coefficient_matches_its_definition()
    {
        var encoder = new ClkEncoder(TestKeys.Of(5));
        var a = encoder.Encode(new PersonIdentifiers { GivenName = "Kyaw Zin", BirthDate = "1990", Phone = "0812345678" });
        var b = encoder.Encode(new PersonIdentifiers { GivenName = "Kyaw Zinn", BirthDate = "1991" });
        var common = 0;
        for (var w = 0; w < Clk.WordCount; w++)
        {
            common += BitOperations.PopCount(a.Words[w] & b.Words[w]);
        }

        Assert.Equal(2.0 * common / (a.PopCount + b.PopCount), Dice.Coefficient(a, b), 12);
        Assert.Equal(1.0, Dice.Coefficient(a, a), 12);

        // b has no phone: the field-aware score leaves the phone group out of the denominator.
        Assert.True(Dice.Score(a, b) > Dice.Coefficient(a, b));
    }

    private static int[] Naive(ulong[] query, ulong[] data)
    {
        var result = new int[data.Length / 16];
        for (var i = 0; i < result.Length; i++)
        {
            for (var w = 0; w < 16; w++)
            {
                var x = query[w] & data[(i * 16) + w];
                for (var bit = 0; bit < 64; bit++)
                {
                    result[i] += (int)((x >> bit) & 1);
                }
            }
        }

        return result;
    }

    private static ulong[] RandomWords(Random random, int records, double density)
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
