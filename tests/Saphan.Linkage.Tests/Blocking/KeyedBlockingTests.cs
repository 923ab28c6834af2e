using System.Globalization;
using Saphan.Linkage.Blocking;
using Saphan.Linkage.Clks;
using Saphan.Linkage.Matching;
using Saphan.Linkage.Similarity;
using Saphan.Linkage.Tests.Support;

namespace Saphan.Linkage.Tests.Blocking;

public sealed class KeyedBlockingTests
{
    private static readonly LinkageKey Key = TestKeys.Of(6);
    private static readonly ClkEncoder Encoder = new(Key);
    private static readonly BlockingKeyEncoder Blocker = new(Key);

    private static (EncodedSource[] Sources, int[][] Persons) Synthetic(int persons, int seed)
    {
        var generated = new SyntheticPopulation(seed).Generate(persons, 0.5, 4);
        return (generated.Select(s => new EncodedSource(
            s.Name,
            s.Records.Select((_, i) => i.ToString(CultureInfo.InvariantCulture)).ToArray(),
            s.Records.Select(r => Encoder.Encode(r.Identifiers)).ToArray(),
            s.Records.Select(r => Blocker.Keys(r.Identifiers)).ToArray())).ToArray(),
            generated.Select(s => s.Records.Select(r => r.Person).ToArray()).ToArray());
    }

    [Fact]
    public void Keyed_blocking_finds_nearly_every_pair_at_the_threshold_with_the_exhaustive_score_and_reports_each_once()
    {
        var (sources, persons) = Synthetic(1500, 11);
        var blocks = sources.Select(s => new ClkBlock(s.Encodings)).ToArray();
        var options = new MatchOptions { Blocking = BlockingMode.Keyed };

        // Every cross-source pair at the threshold, scored one by one.
        var all = new List<Matcher.Edge>();
        for (var a = 0; a < blocks.Length; a++)
        {
            for (var b = a + 1; b < blocks.Length; b++)
            {
                for (var i = 0; i < blocks[a].Count; i++)
                {
                    for (var j = 0; j < blocks[b].Count; j++)
                    {
                        var d = blocks[a].Denominator(i, blocks[b], j);
                        var score = d == 0 ? 0 : blocks[a].Adjust(i, blocks[b], j, 2.0 * PopCountKernel.AndCount(blocks[a].Record(i), blocks[b].Record(j)) / d, options.MinFieldAgreement);
                        if (score >= options.Threshold)
                        {
                            all.Add(new Matcher.Edge(score, a, i, b, j));
                        }
                    }
                }
            }
        }

        var scores = all.ToDictionary(e => (e.SourceA, e.IndexA, e.SourceB, e.IndexB), e => e.Score);
        var keyed = Matcher.FindEdges(blocks, options, sources.Select(s => s.BlockingKeys!).ToArray(), out var report);
        Assert.Equal(BlockingMode.Keyed, report.Mode);
        Assert.Equal(keyed.Count, keyed.Select(e => (e.SourceA, e.IndexA, e.SourceB, e.IndexB)).Distinct().Count()); // once each
        Assert.All(keyed, e => Assert.Equal(scores[(e.SourceA, e.IndexA, e.SourceB, e.IndexB)], e.Score)); // same score

        // What blocking must not lose: pairs of one person's records at the threshold. Keyed blocking finds
        // nearly all of them (pairs of different people with similar names it often skips, which is no loss).
        var found = keyed.Select(e => (e.SourceA, e.IndexA, e.SourceB, e.IndexB)).ToHashSet();
        var truePairs = all.Where(e => persons[e.SourceA][e.IndexA] == persons[e.SourceB][e.IndexB]).ToList();
        var kept = truePairs.Count(e => found.Contains((e.SourceA, e.IndexA, e.SourceB, e.IndexB)));
        Assert.True(kept >= 0.97 * truePairs.Count, $"keyed blocking found {kept} of {truePairs.Count} true pairs at the threshold");
        Assert.True(truePairs.Count > 1000);
        var pairs = 0L;
        for (var a = 0; a < blocks.Length; a++)
        {
            for (var b = a + 1; b < blocks.Length; b++)
            {
                pairs += (long)blocks[a].Count * blocks[b].Count;
            }
        }

        Assert.True(report.Comparisons < pairs / 20, $"{report.Comparisons} of {pairs} pairs scored"); // blocking prunes over 95 %
    }

    [Fact]
    public void Over_full_blocks_are_dropped_and_counted_and_their_records_still_meet_through_other_keys()
    {
        // Twelve records per source with the same common name and no birth date; only two share a phone number.
        PersonIdentifiers Person(string? phone) => new() { GivenName = "Mya", FamilyName = "Mya", Phone = phone };

        var a = Enumerable.Range(0, 12).Select(i => Person(i == 3 ? "0811111111" : null)).ToArray();
        var b = Enumerable.Range(0, 12).Select(i => Person(i == 5 ? "+66 81 111 1111" : null)).ToArray();
        EncodedSource Source(string name, PersonIdentifiers[] people) => new(
            name, people.Select((_, i) => name + i).ToArray(), people.Select(Encoder.Encode).ToArray(), people.Select(Blocker.Keys).ToArray());

        var result = Matcher.Link([Source("a.csv", a), Source("b.csv", b)], new MatchOptions { Blocking = BlockingMode.Keyed, MaxBlockSize = 10, Threshold = 0.5 });
        Assert.Equal(BlockingMode.Keyed, result.Blocking.Mode);
        Assert.Equal(2, result.Blocking.DroppedBlocks); // the name's anagram and its skeleton's: 24 records each
        Assert.Equal(1, result.Blocking.Blocks); // the phone number's block
        Assert.Equal(1, result.Blocking.Comparisons);
        Assert.Equal(22, result.Blocking.UnblockedRecords); // everyone else is compared with nobody
        var linked = Assert.Single(result.Clusters, c => c.Members.Count > 1);
        Assert.Equal([new RecordRef(0, 3), new RecordRef(1, 5)], linked.Members.OrderBy(m => m.Source).ThenBy(m => m.Index));
    }

    [Fact]
    public void Keyed_blocking_without_blocking_keys_is_an_error_naming_the_source()
    {
        var person = new PersonIdentifiers { GivenName = "Sokha", FamilyName = "Chan", BirthDate = "2001" };
        var keyed = new EncodedSource("new.csv", ["1"], [Encoder.Encode(person)], [Blocker.Keys(person)]);
        var old = new EncodedSource("old.csv", ["1"], [Encoder.Encode(person)]);
        var ex = Assert.Throws<LinkageException>(() => Matcher.Link([keyed, old], new MatchOptions { Blocking = BlockingMode.Keyed }));
        Assert.StartsWith("old.csv: has no blocking keys (column 'blocking')", ex.Message, StringComparison.Ordinal);

        // Auto without keys everywhere scores exhaustively (small inputs) and links them all the same.
        var auto = Matcher.Link([keyed, old], new MatchOptions());
        Assert.Equal(BlockingMode.Exhaustive, auto.Blocking.Mode);
        Assert.Single(auto.Clusters);
        Assert.Throws<ArgumentException>(() => new EncodedSource("x.csv", ["1", "2"], [Encoder.Encode(person), Encoder.Encode(person)], [Blocker.Keys(person)]));
    }

    [Fact]
    public void Keep_best_keeps_the_k_best_of_either_end_whatever_the_order()
    {
        // a0 against b0..b5 (falling scores); a1..a4 against each of b0..b5 with better scores.
        var edges = new List<Matcher.Edge>();
        for (var j = 0; j < 6; j++)
        {
            edges.Add(new Matcher.Edge(0.9 - (j * 0.01), 0, 0, 1, j));
            for (var i = 1; i <= 4; i++)
            {
                edges.Add(new Matcher.Edge(0.95, 0, i, 1, j));
            }
        }

        // a0–b4 and a0–b5 are neither among a0's four best nor among b4's or b5's: only they go.
        var expected = edges.Where(e => !(e.IndexA == 0 && e.IndexB >= 4)).ToHashSet();
        var shuffled = edges.OrderBy(e => ((e.IndexB * 7) + e.IndexA) % 5).ToList();
        KeyedBlocking.KeepBest(shuffled, 4);
        Assert.Equal(expected, shuffled.ToHashSet());
    }

    [Fact]
    public void Best_edges_offered_in_any_order_and_repeated_keep_what_keep_best_keeps()
    {
        var random = new Random(5);
        int[] sizes = [30, 20, 25];
        var offsets = new[] { 0, 30, 50, 75 };
        var sourceOf = Enumerable.Range(0, 75).Select(g => g < 30 ? 0 : g < 50 ? 1 : 2).ToArray();
        var edges = new Dictionary<(int, int, int, int), Matcher.Edge>();
        while (edges.Count < 400)
        {
            var a = random.Next(3);
            var b = (a + 1 + random.Next(2)) % 3;
            (a, b) = a < b ? (a, b) : (b, a);
            var e = new Matcher.Edge(Math.Round(0.75 + (random.NextDouble() * 0.25), 2), a, random.Next(sizes[a]), b, random.Next(sizes[b])); // rounded: many ties
            edges.TryAdd((e.SourceA, e.IndexA, e.SourceB, e.IndexB), e);
        }

        var expected = edges.Values.ToList();
        KeyedBlocking.KeepBest(expected, KeyedBlocking.MaxEdgesPerRecord);
        var best = new KeyedBlocking.BestEdges(75, 3, KeyedBlocking.MaxEdgesPerRecord);
        var offers = edges.Values.Concat(edges.Values.Take(100)).OrderBy(_ => random.Next()).ToArray();
        Parallel.ForEach(offers, e =>
        {
            best.Offer(offsets[e.SourceA] + e.IndexA, e.SourceB, offsets[e.SourceB] + e.IndexB, e.Score);
            best.Offer(offsets[e.SourceB] + e.IndexB, e.SourceA, offsets[e.SourceA] + e.IndexA, e.Score);
        });
        var kept = best.Edges(sourceOf, offsets);
        Assert.Equal(kept.Count, kept.Select(e => (e.SourceA, e.IndexA, e.SourceB, e.IndexB)).Distinct().Count());
        Assert.Equal(
            expected.Select(e => (e.SourceA, e.IndexA, e.SourceB, e.IndexB)).Order().ToArray(),
            kept.Select(e => (e.SourceA, e.IndexA, e.SourceB, e.IndexB)).Order().ToArray());
    }

    [Fact]
    public void Radix_sort_orders_keys_and_keeps_records_with_their_keys()
    {
        var random = new Random(3);
        var keys = Enumerable.Range(0, 5000).Select(_ => (ulong)random.NextInt64() ^ ((ulong)random.Next(4) << 63)).ToArray();
        keys[10] = keys[20]; // duplicates keep input order (stable)
        var records = Enumerable.Range(0, keys.Length).ToArray();
        var expected = keys.Select((k, i) => (k, i)).OrderBy(x => x.k).ThenBy(x => x.i).ToArray();
        KeyedBlocking.RadixSort(keys, records);
        Assert.Equal(expected.Select(x => x.k), keys);
        Assert.Equal(expected.Select(x => x.i), records);
    }
}
