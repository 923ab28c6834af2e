using System.Buffers;
using Saphan.Linkage.Blocking;
using Saphan.Linkage.Clks;
using Saphan.Linkage.Similarity;

namespace Saphan.Linkage.Matching;

/// <summary>
/// Links records of any number of sources into clusters, one per person, from encodings alone.
/// Candidate pairs between every two sources are scored with the field-aware Dice coefficient
/// (<see cref="Dice.Score"/>); pairs at or above the threshold are taken greedily, best first, and
/// two clusters merge only if they hold no record of the same source, so a cluster never contains
/// two records of one organisation (an organisation's own duplicates are its business, and letting
/// them in would let one chain of near-matches swallow unrelated people).
/// </summary>
public static class Matcher
{
    private const int QueryBlock = 32;
    private const int CandidateTile = 256; // 256 × 128 B = 32 KiB: the tile stays in L1 while a query block runs over it; a multiple of 8 (word-major groups)

    /// <summary>Keeps the best few edges per record and target source; greedy one-to-one never needs more.</summary>
    private const int MaxEdgesPerQuery = 16;

    public static IReadOnlyList<LinkCluster> Match(IReadOnlyList<EncodedSource> sources, double threshold = MatchOptions.DefaultThreshold) =>
        Match(sources, new MatchOptions { Threshold = threshold });

    public static IReadOnlyList<LinkCluster> Match(IReadOnlyList<EncodedSource> sources, MatchOptions options) =>
        Link(sources, options).Clusters;

    /// <summary>Like <see cref="Match(IReadOnlyList{EncodedSource}, MatchOptions)"/>, and reports what the blocking did.</summary>
    public static MatchResult Link(IReadOnlyList<EncodedSource> sources, MatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(options);
        var blocks = sources.Select(s => new ClkBlock(s.Encodings)).ToArray();
        var keys = sources.All(s => s.BlockingKeys is not null) ? sources.Select(s => s.BlockingKeys!).ToArray() : null;
        if (options.Blocking == BlockingMode.Keyed && keys is null)
        {
            var missing = sources.First(s => s.BlockingKeys is null);
            throw new LinkageException(missing.Name, null, "has no blocking keys (column 'blocking'), which keyed blocking needs; encode it again with 'link encode' of this version");
        }

        var edges = FindEdges(blocks, options, keys, out var report);
        return new MatchResult(Cluster(blocks, edges, options.Threshold, options.AmbiguityMargin, options.MinFieldAgreement), report);
    }

    internal static List<Edge> FindEdges(IReadOnlyList<ClkBlock> blocks, MatchOptions options) => FindEdges(blocks, options, null, out _);

    internal static List<Edge> FindEdges(IReadOnlyList<ClkBlock> blocks, MatchOptions options, IReadOnlyList<IReadOnlyList<ulong[]>>? keys, out BlockingReport report)
    {
        if (options.Threshold is <= 0 or > 1 || double.IsNaN(options.Threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The threshold must be in (0, 1].");
        }

        long comparisons = 0;
        for (var a = 0; a < blocks.Count; a++)
        {
            for (var b = a + 1; b < blocks.Count; b++)
            {
                comparisons += (long)blocks[a].Count * blocks[b].Count;
            }
        }

        var mode = options.Blocking == BlockingMode.Auto
            ? (keys is not null && comparisons > options.KeyedFrom ? BlockingMode.Keyed
                : comparisons <= options.ExhaustiveLimit ? BlockingMode.Exhaustive : BlockingMode.MinHashLsh)
            : options.Blocking;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        if (mode == BlockingMode.Keyed)
        {
            return KeyedBlocking.FindEdges(blocks, keys ?? throw new ArgumentException("Keyed blocking needs blocking keys for every source.", nameof(keys)), options, parallel, out report);
        }

        var lsh = mode == BlockingMode.MinHashLsh ? new MinHashBlocking(options.LshRows, options.LshTables) : null;
        report = new BlockingReport(mode, mode == BlockingMode.Exhaustive ? comparisons : 0);

        var edges = new List<Edge>();
        for (var a = 0; a < blocks.Count; a++)
        {
            for (var b = a + 1; b < blocks.Count; b++)
            {
                // Query with the smaller side so each query's edge cap applies to the side with fewer records.
                var (q, c) = blocks[a].Count <= blocks[b].Count ? (a, b) : (b, a);
                var found = lsh is null
                    ? ExhaustivePairs(blocks[q], blocks[c], options.Threshold, options.MinFieldAgreement, parallel)
                    : LshPairs(blocks[q], blocks[c], lsh, options.Threshold, options.MinFieldAgreement, parallel);
                foreach (var (score, i, j) in found)
                {
                    edges.Add(q < c ? new Edge(score, q, i, c, j) : new Edge(score, c, j, q, i));
                }
            }
        }

        return edges;
    }

    private static List<(double Score, int Query, int Candidate)> ExhaustivePairs(
        ClkBlock queries, ClkBlock candidates, double threshold, double agreement, ParallelOptions parallel)
    {
        var result = new List<(double, int, int)>();
        var gate = new Lock();
        var blockCount = (queries.Count + QueryBlock - 1) / QueryBlock;

        // The word-major kernel (8 candidates per vector) when AVX-512 is there; tiles are whole groups of eight.
        var transposed = TransposedKernel.VectorSupported ? candidates.Transposed : null;
        Parallel.For(
            0,
            blockCount,
            parallel,
            () => new Scratch(),
            (blockIndex, _, scratch) =>
            {
                var first = blockIndex * QueryBlock;
                var last = Math.Min(first + QueryBlock, queries.Count);
                for (var tile = 0; tile < candidates.Count; tile += CandidateTile)
                {
                    var tileCount = Math.Min(CandidateTile, candidates.Count - tile);
                    var tileWords = candidates.Words.AsSpan(tile * Clk.WordCount, tileCount * Clk.WordCount);
                    for (var i = first; i < last; i++)
                    {
                        if (queries.Totals[i] == 0)
                        {
                            continue;
                        }

                        if (transposed is not null)
                        {
                            var group = transposed.AsSpan(tile / TransposedKernel.Lanes * TransposedKernel.GroupWords, TransposedKernel.Length(tileCount));
                            TransposedKernel.AndCounts(queries.Record(i), group, tileCount, scratch.Counts);
                        }
                        else
                        {
                            PopCountKernel.AndCounts(queries.Record(i), tileWords, scratch.Counts);
                        }

                        for (var t = 0; t < tileCount; t++)
                        {
                            Consider(queries, i, candidates, tile + t, scratch.Counts[t], threshold, agreement, scratch.Best[i - first]);
                        }
                    }
                }

                scratch.Flush(first, last);
                return scratch;
            },
            scratch =>
            {
                lock (gate)
                {
                    result.AddRange(scratch.Found);
                }

                scratch.Dispose();
            });
        return result;
    }

    private static List<(double Score, int Query, int Candidate)> LshPairs(
        ClkBlock queries, ClkBlock candidates, MinHashBlocking lsh, double threshold, double agreement, ParallelOptions parallel)
    {
        var index = lsh.Build(candidates);
        var result = new List<(double, int, int)>();
        var gate = new Lock();
        var blockCount = (queries.Count + QueryBlock - 1) / QueryBlock;
        Parallel.For(
            0,
            blockCount,
            parallel,
            () => new Scratch(),
            (blockIndex, _, scratch) =>
            {
                var first = blockIndex * QueryBlock;
                var last = Math.Min(first + QueryBlock, queries.Count);
                for (var i = first; i < last; i++)
                {
                    if (queries.Totals[i] == 0)
                    {
                        continue;
                    }

                    var query = queries.Record(i);
                    index.Candidates(query, scratch.Rows);
                    foreach (var j in scratch.Rows)
                    {
                        Consider(queries, i, candidates, j, PopCountKernel.AndCount(query, candidates.Record(j)), threshold, agreement, scratch.Best[i - first]);
                    }
                }

                scratch.Flush(first, last);
                return scratch;
            },
            scratch =>
            {
                lock (gate)
                {
                    result.AddRange(scratch.Found);
                }

                scratch.Dispose();
            });
        return result;
    }

    private static void Consider(ClkBlock queries, int i, ClkBlock candidates, int j, int common, double threshold, double agreement, List<(double, int)> best)
    {
        // Cheap bound first: the denominator is at least the two records' core bits.
        if (2.0 * common < threshold * (queries.Core[i] + candidates.Core[j]) || candidates.Totals[j] == 0)
        {
            return;
        }

        var denominator = queries.Denominator(i, candidates, j);
        if (denominator == 0)
        {
            return;
        }

        var score = 2.0 * common / denominator;
        if (score >= threshold && (score = queries.Adjust(i, candidates, j, score, agreement)) >= threshold)
        {
            best.Add((score, j));
        }
    }

    /// <summary>
    /// Greedy best-first merging; every record ends in a cluster. Two clusters merge only if they share
    /// no source and the mean score over all their cross pairs (not just the edge that brought them
    /// together) reaches the threshold, so a chain A–B, B–C does not pull in a C that A contradicts.
    /// </summary>
    internal static IReadOnlyList<LinkCluster> Cluster(IReadOnlyList<ClkBlock> blocks, List<Edge> edges, double threshold, double ambiguityMargin = 0, double agreement = 0)
    {
        if (ambiguityMargin > 0)
        {
            edges = Unambiguous(blocks, edges, ambiguityMargin);
        }

        var sourceSizes = blocks.Select(b => b.Count).ToArray();
        var offsets = new int[sourceSizes.Length + 1];
        for (var s = 0; s < sourceSizes.Length; s++)
        {
            offsets[s + 1] = offsets[s] + sourceSizes[s];
        }

        var total = offsets[^1];
        var sourceOf = new int[total];
        for (var s = 0; s < sourceSizes.Length; s++)
        {
            Array.Fill(sourceOf, s, offsets[s], sourceSizes[s]);
        }

        var sets = new UnionFind(total, sourceSizes.Length, sourceOf, offsets);
        double PairScore(int x, int y)
        {
            int sx = sourceOf[x], sy = sourceOf[y], ix = x - offsets[sx], iy = y - offsets[sy];
            var denominator = blocks[sx].Denominator(ix, blocks[sy], iy);
            return denominator == 0 ? 0 : blocks[sx].Adjust(ix, blocks[sy], iy, 2.0 * PopCountKernel.AndCount(blocks[sx].Record(ix), blocks[sy].Record(iy)) / denominator, agreement);
        }

        edges.Sort(static (x, y) =>
        {
            var c = y.Score.CompareTo(x.Score);
            if (c != 0)
            {
                return c;
            }

            c = x.SourceA.CompareTo(y.SourceA);
            if (c != 0)
            {
                return c;
            }

            c = x.IndexA.CompareTo(y.IndexA);
            if (c != 0)
            {
                return c;
            }

            c = x.SourceB.CompareTo(y.SourceB);
            return c != 0 ? c : x.IndexB.CompareTo(y.IndexB);
        });

        foreach (var e in edges)
        {
            sets.TryMerge(offsets[e.SourceA] + e.IndexA, offsets[e.SourceB] + e.IndexB, e.Score, threshold, PairScore);
        }

        // Cluster ids in input order of each cluster's first record.
        var clusterOfRoot = new Dictionary<int, List<RecordRef>>();
        var ordered = new List<List<RecordRef>>();
        for (var s = 0; s < sourceSizes.Length; s++)
        {
            for (var i = 0; i < sourceSizes[s]; i++)
            {
                var root = sets.Find(offsets[s] + i);
                if (!clusterOfRoot.TryGetValue(root, out var members))
                {
                    members = [];
                    clusterOfRoot[root] = members;
                    ordered.Add(members);
                }

                members.Add(new RecordRef(s, i));
            }
        }

        var clusters = new LinkCluster[ordered.Count];
        for (var c = 0; c < ordered.Count; c++)
        {
            clusters[c] = new LinkCluster(c + 1, ordered[c]);
        }

        return clusters;
    }

    /// <summary>
    /// The edges that are each end's clear best towards the other end's source: an edge is dropped when either
    /// end has another edge into that source scoring at least as high, or within <paramref name="margin"/> of it.
    /// Two people with the same name and birth year give records that score alike against a third record;
    /// linking it to either is a coin toss, so it is linked to neither (precision over recall).
    /// </summary>
    internal static List<Edge> Unambiguous(IReadOnlyList<ClkBlock> blocks, List<Edge> edges, double margin)
    {
        var sources = blocks.Count;
        var offsets = new int[sources + 1];
        for (var s = 0; s < sources; s++)
        {
            offsets[s + 1] = offsets[s] + blocks[s].Count;
        }

        // Best and second-best score of every (record, other source), as long as there are edges.
        var best = new Dictionary<long, (double First, double Second)>();
        void Note(int source, int index, int other, double score)
        {
            var key = ((long)(offsets[source] + index) * sources) + other;
            var (first, second) = best.GetValueOrDefault(key, (-1, -1));
            best[key] = score > first ? (score, first) : (first, Math.Max(second, score));
        }

        foreach (var e in edges)
        {
            Note(e.SourceA, e.IndexA, e.SourceB, e.Score);
            Note(e.SourceB, e.IndexB, e.SourceA, e.Score);
        }

        bool Clear(int source, int index, int other, double score)
        {
            var (first, second) = best[((long)(offsets[source] + index) * sources) + other];
            return score >= first && second < score - margin;
        }

        return edges.Where(e => Clear(e.SourceA, e.IndexA, e.SourceB, e.Score) && Clear(e.SourceB, e.IndexB, e.SourceA, e.Score)).ToList();
    }

    internal readonly record struct Edge(double Score, int SourceA, int IndexA, int SourceB, int IndexB);

    private sealed class Scratch : IDisposable
    {
        public Scratch()
        {
            Counts = ArrayPool<int>.Shared.Rent(CandidateTile);
            for (var i = 0; i < QueryBlock; i++)
            {
                Best[i] = [];
            }
        }

        public int[] Counts { get; }

        public List<(double Score, int Row)>[] Best { get; } = new List<(double, int)>[QueryBlock];

        public List<int> Rows { get; } = [];

        public List<(double Score, int Query, int Candidate)> Found { get; } = [];

        public void Flush(int first, int last)
        {
            for (var i = first; i < last; i++)
            {
                var best = Best[i - first];
                if (best.Count > MaxEdgesPerQuery)
                {
                    best.Sort(static (x, y) => y.Score != x.Score ? y.Score.CompareTo(x.Score) : x.Row.CompareTo(y.Row));
                    best.RemoveRange(MaxEdgesPerQuery, best.Count - MaxEdgesPerQuery);
                }

                foreach (var (score, row) in best)
                {
                    Found.Add((score, i, row));
                }

                best.Clear();
            }
        }

        public void Dispose() => ArrayPool<int>.Shared.Return(Counts);
    }

    private sealed class UnionFind
    {
        private readonly int[] _parent;
        private readonly ulong[][] _sources; // per root: which sources its cluster already holds
        private readonly List<int>?[] _members; // per root of a cluster with two or more records
        private readonly int _words;

        public UnionFind(int count, int sourceCount, int[] sourceOf, int[] offsets)
        {
            _parent = new int[count];
            _words = (sourceCount + 63) / 64;
            _sources = new ulong[count][];
            _members = new List<int>?[count];
            for (var i = 0; i < count; i++)
            {
                _parent[i] = i;
                _sources[i] = new ulong[_words];
                _sources[i][sourceOf[i] >> 6] = 1UL << (sourceOf[i] & 63);
            }
        }

        public int Find(int x)
        {
            while (_parent[x] != x)
            {
                _parent[x] = _parent[_parent[x]];
                x = _parent[x];
            }

            return x;
        }

        public bool TryMerge(int x, int y, double edgeScore, double threshold, Func<int, int, double> score)
        {
            var rx = Find(x);
            var ry = Find(y);
            if (rx == ry)
            {
                return false;
            }

            var sx = _sources[rx];
            var sy = _sources[ry];
            for (var w = 0; w < _words; w++)
            {
                if ((sx[w] & sy[w]) != 0)
                {
                    return false;
                }
            }

            var mx = _members[rx] ?? [rx];
            var my = _members[ry] ?? [ry];
            if (mx.Count > 1 || my.Count > 1)
            {
                var sum = 0.0;
                foreach (var a in mx)
                {
                    foreach (var b in my)
                    {
                        sum += a == x && b == y ? edgeScore : score(a, b);
                    }
                }

                if (sum < threshold * mx.Count * my.Count)
                {
                    return false;
                }
            }

            if (rx > ry)
            {
                (rx, ry) = (ry, rx);
                (sx, sy) = (sy, sx);
                (mx, my) = (my, mx);
            }

            _parent[ry] = rx;
            for (var w = 0; w < _words; w++)
            {
                sx[w] |= sy[w];
            }

            mx.AddRange(my);
            _members[rx] = mx;
            _members[ry] = null;
            return true;
        }
    }
}
