using System.Numerics;
using Saphan.Linkage.Similarity;

namespace Saphan.Linkage.Blocking;

/// <summary>
/// MinHash LSH (Broder 1997; banding as in Leskovec, Rajaraman and Ullman, ch. 3) over the set bits of
/// the name group of the encodings: no clear text is needed. For a random permutation π of the bit
/// positions, min π(set bits of a) equals min π(set bits of b) with probability Jaccard(a, b); a table
/// keys a record by r such minima, so a pair collides in one of L tables with probability
/// 1 − (1 − J^r)^L. Bit sampling (Hamming LSH) was tried first and rejected: name groups are sparse
/// (15–40 % of bits set), so unrelated records agree on most sampled bits by sharing zeros.
/// Only the name group is used because nearly every record has a name, while any other group may be
/// missing on one side.
/// </summary>
internal sealed class MinHashBlocking
{
    private const int NameWords = 9; // words 0..8 of the layout: names and birth year
    private const int NameBits = NameWords * 64;
    private readonly ushort[][] _permutations; // one per minhash function: rank of each bit position
    private readonly int _rowsPerTable;

    public MinHashBlocking(int rowsPerTable, int tables, ulong seed = 0x5A9A_A11C_0DE5_EED5)
    {
        if (rowsPerTable is < 1 or > 7)
        {
            throw new ArgumentOutOfRangeException(nameof(rowsPerTable), "Between 1 and 7 minhashes per table.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(tables, 1);
        _rowsPerTable = rowsPerTable;
        Tables = tables;
        _permutations = new ushort[rowsPerTable * tables][];
        var state = seed;
        for (var f = 0; f < _permutations.Length; f++)
        {
            var p = new ushort[NameBits];
            for (var i = 0; i < NameBits; i++)
            {
                p[i] = (ushort)i;
            }

            for (var i = NameBits - 1; i > 0; i--)
            {
                var j = (int)(SplitMix64(ref state) % (ulong)(i + 1));
                (p[i], p[j]) = (p[j], p[i]);
            }

            _permutations[f] = p;
        }
    }

    public int Tables { get; }

    /// <summary>Band keys of one record (one per table); false when its name group is empty.</summary>
    public bool Keys(ReadOnlySpan<ulong> words, Span<ulong> keys)
    {
        Span<ushort> bits = stackalloc ushort[NameBits];
        var n = 0;
        for (var w = 0; w < NameWords; w++)
        {
            var x = words[w];
            while (x != 0)
            {
                bits[n++] = (ushort)((w * 64) + BitOperations.TrailingZeroCount(x));
                x &= x - 1;
            }
        }

        if (n == 0)
        {
            return false;
        }

        bits = bits[..n];
        for (var t = 0; t < Tables; t++)
        {
            ulong key = 0;
            for (var r = 0; r < _rowsPerTable; r++)
            {
                var perm = _permutations[(t * _rowsPerTable) + r];
                var min = ushort.MaxValue;
                foreach (var b in bits)
                {
                    min = Math.Min(min, perm[b]);
                }

                key = (key << 9) | min; // ranks are < 512
            }

            keys[t] = key;
        }

        return true;
    }

    /// <summary>Per table, the records of <paramref name="block"/> sorted by band key.</summary>
    public Index Build(ClkBlock block)
    {
        var keys = new ulong[Tables][];
        var rows = new int[Tables][];
        var counts = new int[Tables];
        for (var t = 0; t < Tables; t++)
        {
            keys[t] = new ulong[block.Count];
            rows[t] = new int[block.Count];
        }

        Span<ulong> k = stackalloc ulong[Tables];
        for (var j = 0; j < block.Count; j++)
        {
            if (!Keys(block.Record(j), k))
            {
                continue;
            }

            for (var t = 0; t < Tables; t++)
            {
                keys[t][counts[t]] = k[t];
                rows[t][counts[t]++] = j;
            }
        }

        for (var t = 0; t < Tables; t++)
        {
            Array.Resize(ref keys[t], counts[t]);
            Array.Resize(ref rows[t], counts[t]);
            Array.Sort(keys[t], rows[t]);
        }

        return new Index(this, keys, rows);
    }

    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    internal sealed class Index(MinHashBlocking lsh, ulong[][] keys, int[][] rows)
    {
        /// <summary>Distinct candidate rows for <paramref name="query"/>, sorted, into <paramref name="result"/>.</summary>
        public void Candidates(ReadOnlySpan<ulong> query, List<int> result)
        {
            result.Clear();
            Span<ulong> k = stackalloc ulong[lsh.Tables];
            if (!lsh.Keys(query, k))
            {
                return;
            }

            for (var t = 0; t < keys.Length; t++)
            {
                var tableKeys = keys[t];
                for (var x = LowerBound(tableKeys, k[t]); x < tableKeys.Length && tableKeys[x] == k[t]; x++)
                {
                    result.Add(rows[t][x]);
                }
            }

            if (result.Count > 1)
            {
                result.Sort();
                var w = 1;
                for (var r = 1; r < result.Count; r++)
                {
                    if (result[r] != result[w - 1])
                    {
                        result[w++] = result[r];
                    }
                }

                result.RemoveRange(w, result.Count - w);
            }
        }

        private static int LowerBound(ulong[] keys, ulong key)
        {
            int lo = 0, hi = keys.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (keys[mid] < key)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }
    }
}
