using Saphan.Linkage.Blocking;
using Saphan.Linkage.Clks;
using Saphan.Linkage.Similarity;
using Saphan.Linkage.Tests.Support;

namespace Saphan.Linkage.Tests.Blocking;

public sealed class MinHashBlockingTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void Lsh_keeps_nearly_all_matching_pairs_and_prunes_most_others()
    {
        var sources = new SyntheticPopulation(11).Generate(1200);
        var encoder = new ClkEncoder(TestKeys.Of(4));
        var a = sources[0].Records;
        var b = sources[2].Records;
        var blockA = new ClkBlock(a.Select(r => encoder.Encode(r.Identifiers)).ToArray());
        var blockB = new ClkBlock(b.Select(r => encoder.Encode(r.Identifiers)).ToArray());
        var options = new Saphan.Linkage.Matching.MatchOptions();
        var lsh = new MinHashBlocking(options.LshRows, options.LshTables);
        var index = lsh.Build(blockB);
        var rowOfPerson = b.Select((r, j) => (r.Person, j)).ToDictionary(x => x.Person, x => x.j);

        int linkable = 0, kept = 0;
        long candidates = 0;
        var rows = new List<int>();
        for (var i = 0; i < blockA.Count; i++)
        {
            index.Candidates(blockA.Record(i), rows);
            candidates += rows.Count;
            if (!rowOfPerson.TryGetValue(a[i].Person, out var j))
            {
                continue;
            }

            // Recall is judged on the pairs the matcher could accept at all.
            var score = 2.0 * PopCountKernel.AndCount(blockA.Record(i), blockB.Record(j)) / blockA.Denominator(i, blockB, j);
            if (score >= Saphan.Linkage.Matching.MatchOptions.DefaultThreshold)
            {
                linkable++;
                kept += rows.BinarySearch(j) >= 0 ? 1 : 0;
            }
        }

        var recall = (double)kept / linkable;
        var reduction = 1 - ((double)candidates / ((long)blockA.Count * blockB.Count));
        Assert.True(linkable > 200, $"only {linkable} linkable pairs: the test data is too small to judge recall");
        Assert.True(recall >= 0.97, $"LSH blocking recall {recall:P2} below 97 % (pruned {reduction:P1})");
        output.WriteLine($"MinHash LSH: recall {recall:P2} of {linkable} linkable pairs, {reduction:P1} of pairs pruned");
        Assert.True(reduction >= 0.80, $"LSH blocking pruned only {reduction:P1} of the pairs (recall {recall:P2})");
    }

    [Fact]
    public void Identical_encodings_always_collide()
    {
        var encoder = new ClkEncoder(TestKeys.Of(4));
        var clk = encoder.Encode(new PersonIdentifiers { GivenName = "Mya Mya", BirthDate = "2001" });
        var block = new ClkBlock([encoder.Encode(new PersonIdentifiers { GivenName = "Kyaw" }), clk]);
        var rows = new List<int>();
        new MinHashBlocking(4, 4).Build(block).Candidates(clk.Words, rows);
        Assert.Contains(1, rows);
    }

    [Fact]
    public void Parameters_are_validated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MinHashBlocking(0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MinHashBlocking(8, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MinHashBlocking(4, 0));
    }
}
