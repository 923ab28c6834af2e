using Saphan.Linkage.Clks;
using Saphan.Linkage.Matching;
using Saphan.Linkage.Similarity;

namespace Saphan.Linkage.Blocking;

/// <summary>
/// Candidate pairs from keyed blocking keys (<see cref="BlockingKeyEncoder"/>): records that share a key
/// form a block; every cross-source pair inside a block is scored. A block with more than
/// <see cref="MatchOptions.MaxBlockSize"/> records (a very common name, say) is dropped and counted:
/// its records are still compared through their other, narrower keys (the anagram with a year window,
/// a phone number). A pair that shares several keys is scored in each of those blocks but reported only
/// in the block of its smallest shared live key, so every pair yields at most one edge. The work is
/// bounded: at most the sum over kept blocks of size² / 2 comparisons.
/// </summary>
internal static class KeyedBlocking
{
    public static List<Matcher.Edge> FindEdges(
        IReadOnlyList<ClkBlock> blocks,
        IReadOnlyList<IReadOnlyList<ulong[]>> keys,
        MatchOptions options,
        ParallelOptions parallel,
        out BlockingReport report)
    {
        var sourceCount = blocks.Count;
        var offsets = new int[sourceCount + 1];
        for (var s = 0; s < sourceCount; s++)
        {
            offsets[s + 1] = offsets[s] + blocks[s].Count;
        }

        var total = offsets[^1];
        var sourceOf = new int[total];
        var recordKeys = new ulong[total][];
        long entries = 0;
        for (var s = 0; s < sourceCount; s++)
        {
            Array.Fill(sourceOf, s, offsets[s], blocks[s].Count);
            for (var i = 0; i < blocks[s].Count; i++)
            {
                var k = keys[s][i];
                recordKeys[offsets[s] + i] = k;
                entries += blocks[s].Totals[i] == 0 ? 0 : k.Length;
            }
        }

        // (key, record) entries sorted by key: each run of equal keys is a block.
        var entryKeys = new ulong[entries];
        var entryRecords = new int[entries];
        var e = 0;
        for (var g = 0; g < total; g++)
        {
            var s = sourceOf[g];
            if (blocks[s].Totals[g - offsets[s]] == 0)
            {
                continue; // an empty encoding never matches
            }

            foreach (var k in recordKeys[g])
            {
                entryKeys[e] = k;
                entryRecords[e] = g;
                e++;
            }
        }

        RadixSort(entryKeys, entryRecords);

        var runs = new List<(int Start, int Length)>();
        var dropped = new HashSet<ulong>();
        long comparisons = 0;
        var maxBlock = options.MaxBlockSize;
        for (var start = 0; start < entryKeys.Length;)
        {
            var end = start + 1;
            while (end < entryKeys.Length && entryKeys[end] == entryKeys[start])
            {
                end++;
            }

            var length = end - start;
            if (length > maxBlock)
            {
                dropped.Add(entryKeys[start]);
            }
            else if (length > 1 && SpansSources(entryRecords, start, end, sourceOf))
            {
                runs.Add((start, length));
                comparisons += CrossPairs(entryRecords, start, end, sourceOf, sourceCount);
            }

            start = end;
        }

        // Each record's keys without the dropped ones; records whose every key was dropped are compared with nobody.
        var unblocked = 0;
        var liveKeys = recordKeys;
        if (dropped.Count > 0)
        {
            liveKeys = new ulong[total][];
            for (var g = 0; g < total; g++)
            {
                var k = recordKeys[g];
                liveKeys[g] = Array.Exists(k, dropped.Contains) ? Array.FindAll(k, key => !dropped.Contains(key)) : k;
            }
        }

        for (var g = 0; g < total; g++)
        {
            var s = sourceOf[g];
            if (blocks[s].Totals[g - offsets[s]] != 0 && liveKeys[g].Length == 0)
            {
                unblocked++;
            }
        }

        // Largest blocks first so the parallel loop ends evenly.
        runs.Sort(static (x, y) => y.Length.CompareTo(x.Length));
        var best = new BestEdges(total, sourceCount, MaxEdgesPerRecord);
        var threshold = options.Threshold;
        var agreement = options.MinFieldAgreement;
        var blockArray = blocks.ToArray();
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, runs.Count, 1),
            parallel,
            () => new BlockScratch(Math.Min(maxBlock, total)),
            (range, _, scratch) =>
            {
                for (var r = range.Item1; r < range.Item2; r++)
                {
                    var (start, length) = runs[r];
                    var blockKey = entryKeys[start];

                    // The block's encodings side by side (at most 1,000 × 128 B: L2-resident), so each record is
                    // compared with all after it by the vectorised row-major kernel in one call.
                    for (var m = 0; m < length; m++)
                    {
                        var g = entryRecords[start + m];
                        var s = sourceOf[g];
                        var i = g - offsets[s];
                        blockArray[s].Record(i).CopyTo(scratch.Words.AsSpan(m * Clk.WordCount, Clk.WordCount));
                        scratch.Core[m] = blockArray[s].Core[i];
                        scratch.Source[m] = s;
                        scratch.Global[m] = g;
                        scratch.Keys[m] = liveKeys[g];
                    }

                    // Members come in source order (entries were made in record order and the sort is stable),
                    // so a record's candidates are the members after the end of its own source's run.
                    var runEnd = 0;
                    for (var x = 0; x < length - 1; x++)
                    {
                        if (x >= runEnd)
                        {
                            runEnd = x + 1;
                            while (runEnd < length && scratch.Source[runEnd] == scratch.Source[x])
                            {
                                runEnd++;
                            }
                        }

                        var n = length - runEnd;
                        if (n == 0)
                        {
                            break;
                        }

                        PopCountKernel.AndCounts(
                            scratch.Words.AsSpan(x * Clk.WordCount, Clk.WordCount),
                            scratch.Words.AsSpan(runEnd * Clk.WordCount, n * Clk.WordCount),
                            scratch.Counts);
                        var sx = scratch.Source[x];
                        var coreX = scratch.Core[x];
                        for (var t = 0; t < n; t++)
                        {
                            var y = runEnd + t;
                            var sy = scratch.Source[y];
                            var common = scratch.Counts[t];
                            if (sy == sx || 2.0 * common < threshold * (coreX + scratch.Core[y]))
                            {
                                continue;
                            }

                            int gx = scratch.Global[x], gy = scratch.Global[y];
                            int ix = gx - offsets[sx], iy = gy - offsets[sy];
                            var bx = blockArray[sx];
                            var by = blockArray[sy];
                            var denominator = bx.Denominator(ix, by, iy);
                            var raw = denominator == 0 ? 0 : 2.0 * common / denominator;
                            if (raw < threshold)
                            {
                                continue;
                            }

                            // A pair that shares several keys is scored in each of their blocks but goes on only
                            // from the block of its smallest shared key.
                            if (FirstShared(scratch.Keys[x], scratch.Keys[y]) != blockKey)
                            {
                                continue;
                            }

                            var score = bx.Adjust(ix, by, iy, raw, agreement);
                            if (score < threshold)
                            {
                                continue;
                            }

                            best.Offer(gx, sy, gy, score);
                            best.Offer(gy, sx, gx, score);
                        }
                    }
                }

                return scratch;
            },
            _ => { });

        var result = best.Edges(sourceOf, offsets);
        for (var i = 0; i < result.Count; i++)
        {
            // The slots hold the score as a float; the edge gets the exact one, as exhaustive scoring gives it.
            var edge = result[i];
            var (a, b) = (blocks[edge.SourceA], blocks[edge.SourceB]);
            var common = PopCountKernel.AndCount(a.Record(edge.IndexA), b.Record(edge.IndexB));
            result[i] = edge with { Score = a.Adjust(edge.IndexA, b, edge.IndexB, 2.0 * common / a.Denominator(edge.IndexA, b, edge.IndexB), agreement) };
        }

        report = new BlockingReport(BlockingMode.Keyed, comparisons, runs.Count, dropped.Count, unblocked);
        return result;
    }

    private sealed class BlockScratch(int size)
    {
        public ulong[] Words { get; } = new ulong[size * Clk.WordCount];

        public int[] Core { get; } = new int[size];

        public int[] Source { get; } = new int[size];

        public int[] Global { get; } = new int[size];

        public int[] Counts { get; } = new int[size];

        public ulong[][] Keys { get; } = new ulong[size][];
    }

    /// <summary>The smallest value both sorted arrays hold; <see cref="ulong.MaxValue"/> if none.</summary>
    internal static ulong FirstShared(ulong[] a, ulong[] b)
    {
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            var (x, y) = (a[i], b[j]);
            if (x == y)
            {
                return x;
            }

            if (x < y)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return ulong.MaxValue;
    }

    /// <summary>Edges kept per record and other source (the best, for either end); clustering never needs more.</summary>
    internal const int MaxEdgesPerRecord = 4;

    /// <summary>
    /// The k best edges of every (record, other source), filled from all threads: an edge is kept if it is
    /// among the k best of either end (what <see cref="KeepBest"/> computes on a list), with ties broken
    /// by the other end's position, so the result does not depend on the order in which blocks are scored.
    /// Each slot packs the score (as float bits, which order like the floats for positive scores) above the
    /// complement of the other end's global index; 0 is an empty slot. Memory: 8·k bytes per record and source.
    /// </summary>
    internal sealed class BestEdges(int records, int sources, int k)
    {
        private readonly ulong[] _slots = new ulong[(long)records * sources * k];
        private readonly Lock[] _locks = Enumerable.Range(0, 1024).Select(_ => new Lock()).ToArray();

        public void Offer(int record, int otherSource, int other, double score)
        {
            var key = Pack(score, other);
            var start = ((long)record * sources + otherSource) * k;
            lock (_locks[record & 1023])
            {
                var min = ulong.MaxValue;
                var minAt = -1;
                for (var i = 0; i < k; i++)
                {
                    var v = _slots[start + i];
                    if (v == key)
                    {
                        return;
                    }

                    if (v < min)
                    {
                        min = v;
                        minAt = i;
                    }
                }

                if (key > min)
                {
                    _slots[start + minAt] = key;
                }
            }
        }

        /// <summary>Every kept edge once (scores rounded to float).</summary>
        public List<Matcher.Edge> Edges(int[] sourceOf, int[] offsets)
        {
            var result = new List<Matcher.Edge>();
            for (var g = 0; g < records; g++)
            {
                var sg = sourceOf[g];
                for (var s = 0; s < sources; s++)
                {
                    var start = ((long)g * sources + s) * k;
                    for (var i = 0; i < k; i++)
                    {
                        var v = _slots[start + i];
                        if (v == 0)
                        {
                            continue;
                        }

                        var other = int.MaxValue - (int)(uint)v;
                        // Kept by both ends: emit it from the lower one only.
                        if (other < g && Holds(other, sg, g))
                        {
                            continue;
                        }

                        int ig = g - offsets[sg], io = other - offsets[s];
                        var score = (double)BitConverter.UInt32BitsToSingle((uint)(v >> 32));
                        result.Add(sg < s ? new Matcher.Edge(score, sg, ig, s, io) : new Matcher.Edge(score, s, io, sg, ig));
                    }
                }
            }

            return result;
        }

        private bool Holds(int record, int otherSource, int other)
        {
            var start = ((long)record * sources + otherSource) * k;
            for (var i = 0; i < k; i++)
            {
                var v = _slots[start + i];
                if (v != 0 && int.MaxValue - (int)(uint)v == other)
                {
                    return true;
                }
            }

            return false;
        }

        private static ulong Pack(double score, int other) =>
            ((ulong)BitConverter.SingleToUInt32Bits((float)score) << 32) | (uint)(int.MaxValue - other);
    }


    /// <summary>
    /// Keeps an edge only if it is among the <paramref name="k"/> best of one of its ends towards the other
    /// end's source (ties broken by position, so the result does not depend on the order of the list).
    /// Applying it to parts of a list and then to their union keeps exactly what applying it once would:
    /// an edge that is not among the k best of either end in a part is not in the whole either.
    /// </summary>
    internal static void KeepBest(List<Matcher.Edge> edges, int k)
    {
        var array = edges.ToArray();
        var keep = new bool[array.Length];
        var order = new int[array.Length];
        for (var end = 0; end < 2; end++)
        {
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            var a = end == 0;
            Array.Sort(order, (x, y) =>
            {
                ref readonly var p = ref array[x];
                ref readonly var q = ref array[y];
                var (pEnd, pOther, qEnd, qOther) = a
                    ? ((p.SourceA, p.IndexA), (p.SourceB, p.IndexB), (q.SourceA, q.IndexA), (q.SourceB, q.IndexB))
                    : ((p.SourceB, p.IndexB), (p.SourceA, p.IndexA), (q.SourceB, q.IndexB), (q.SourceA, q.IndexA));
                var c = pEnd.CompareTo(qEnd);
                c = c != 0 ? c : pOther.Item1.CompareTo(qOther.Item1);
                c = c != 0 ? c : q.Score.CompareTo(p.Score);
                return c != 0 ? c : pOther.Item2.CompareTo(qOther.Item2);
            });
            var run = 0;
            for (var i = 0; i < order.Length; i++)
            {
                ref readonly var e = ref array[order[i]];
                if (i > 0)
                {
                    ref readonly var prev = ref array[order[i - 1]];
                    var same = a
                        ? prev.SourceA == e.SourceA && prev.IndexA == e.IndexA && prev.SourceB == e.SourceB
                        : prev.SourceB == e.SourceB && prev.IndexB == e.IndexB && prev.SourceA == e.SourceA;
                    run = same ? run + 1 : 0;
                }

                if (run < k)
                {
                    keep[order[i]] = true;
                }
            }
        }

        edges.Clear();
        for (var i = 0; i < array.Length; i++)
        {
            if (keep[i])
            {
                edges.Add(array[i]);
            }
        }
    }

    private static bool SpansSources(int[] records, int start, int end, int[] sourceOf)
    {
        var first = sourceOf[records[start]];
        for (var i = start + 1; i < end; i++)
        {
            if (sourceOf[records[i]] != first)
            {
                return true;
            }
        }

        return false;
    }

    private static long CrossPairs(int[] records, int start, int end, int[] sourceOf, int sourceCount)
    {
        Span<int> perSource = sourceCount <= 64 ? stackalloc int[sourceCount] : new int[sourceCount];
        for (var i = start; i < end; i++)
        {
            perSource[sourceOf[records[i]]]++;
        }

        long n = end - start;
        var same = 0L;
        foreach (var c in perSource)
        {
            same += (long)c * (c - 1) / 2;
        }

        return (n * (n - 1) / 2) - same;
    }

    /// <summary>LSD radix sort of the keys (16 bits a pass), carrying the records along; stable, so records stay in order within a key.</summary>
    internal static void RadixSort(ulong[] keys, int[] records)
    {
        var n = keys.Length;
        if (n < 2)
        {
            return;
        }

        var k2 = new ulong[n];
        var r2 = new int[n];
        var counts = new int[1 << 16];
        for (var shift = 0; shift < 64; shift += 16)
        {
            Array.Clear(counts);
            foreach (var k in keys)
            {
                counts[(int)((k >> shift) & 0xFFFF)]++;
            }

            var sum = 0;
            for (var b = 0; b < counts.Length; b++)
            {
                var c = counts[b];
                counts[b] = sum;
                sum += c;
            }

            for (var i = 0; i < n; i++)
            {
                var d = (int)((keys[i] >> shift) & 0xFFFF);
                var p = counts[d]++;
                k2[p] = keys[i];
                r2[p] = records[i];
            }

            (keys, k2) = (k2, keys);
            (records, r2) = (r2, records);
        }

        // Four passes (an even number of swaps): the sorted data is back in the caller's arrays.
    }
}
