using System.Numerics;
using Saphan.Linkage.Clks;

namespace Saphan.Linkage.Similarity;

/// <summary>
/// A source's encodings packed for the kernel: 16 contiguous words per record, plus what the
/// field-aware Dice denominator needs (set bits per layout group and which groups are filled).
/// </summary>
internal sealed class ClkBlock
{
    public ClkBlock(IReadOnlyList<Clk> clks)
    {
        Count = clks.Count;
        Words = new ulong[Count * Clk.WordCount];
        GroupCounts = new ushort[Count * ClkLayout.GroupCount];
        Presence = new byte[Count];
        Totals = new int[Count];
        Core = new int[Count];
        for (var i = 0; i < Count; i++)
        {
            var words = clks[i].Words;
            words.CopyTo(Words.AsSpan(i * Clk.WordCount));
            var groups = GroupCounts.AsSpan(i * ClkLayout.GroupCount, ClkLayout.GroupCount);
            Profile(words, groups, out Presence[i], out Totals[i]);
            Core[i] = groups[ClkLayout.Names] + groups[ClkLayout.BirthYear];
        }
    }

    public int Count { get; }

    public ulong[] Words { get; }

    public ushort[] GroupCounts { get; }

    public byte[] Presence { get; }

    public int[] Totals { get; }

    /// <summary>Set bits in the core groups: a lower bound on the record's share of any denominator.</summary>
    public int[] Core { get; }

    public ReadOnlySpan<ushort> Groups(int i) => GroupCounts.AsSpan(i * ClkLayout.GroupCount, ClkLayout.GroupCount);

    public int Denominator(int i, ClkBlock other, int j) =>
        Denominator(Presence[i], Totals[i], Groups(i), other.Presence[j], other.Totals[j], other.Groups(j));

    /// <summary>Subtracted from the score of a pair whose birth years disagree (see <see cref="Adjust"/>).</summary>
    public const double YearConflictPenalty = 0.05;

    /// <summary>
    /// The score of a pair after the field checks: a group filled in both records that agrees less than
    /// <paramref name="minimum"/> (Dice of that group alone) is a conflict. Birth years three or more apart
    /// share no feature (the year is encoded with its two neighbours) and lower the score by
    /// <see cref="YearConflictPenalty"/> (a typo in a year, as in FEBRL, should not cost a pair whose every
    /// other field agrees); a different sex (the sex/citizenship group) gives 0: names alone would make two
    /// people of different sex one. <paramref name="minimum"/> 0 turns the checks off.
    /// </summary>
    public double Adjust(int i, ClkBlock other, int j, double score, double minimum)
    {
        if (minimum <= 0)
        {
            return score;
        }

        if (Disagree(ClkLayout.SexCitizenship))
        {
            return 0;
        }

        return Disagree(ClkLayout.BirthYear) ? score - YearConflictPenalty : score;

        bool Disagree(int group)
        {
            int a = GroupCounts[(i * ClkLayout.GroupCount) + group], b = other.GroupCounts[(j * ClkLayout.GroupCount) + group];
            if (a == 0 || b == 0)
            {
                return false;
            }

            var common = 0;
            var x = Record(i);
            var y = other.Record(j);
            for (var w = ClkLayout.FirstWord(group); w < ClkLayout.FirstWord(group) + ClkLayout.WordCount(group); w++)
            {
                common += BitOperations.PopCount(x[w] & y[w]);
            }

            return 2.0 * common < minimum * (a + b);
        }
    }

    public ReadOnlySpan<ulong> Record(int i) => Words.AsSpan(i * Clk.WordCount, Clk.WordCount);

    /// <summary>The same words in the word-major layout of <see cref="TransposedKernel"/>, built on first use (not thread-safe: build before going parallel).</summary>
    public ulong[] Transposed => _transposed ??= TransposedKernel.Transpose(Words);

    private ulong[]? _transposed;

    public static void Profile(ReadOnlySpan<ulong> words, Span<ushort> groupCounts, out byte presence, out int total)
    {
        presence = 0;
        total = 0;
        for (var g = 0; g < ClkLayout.GroupCount; g++)
        {
            var count = 0;
            var end = ClkLayout.FirstWord(g) + ClkLayout.WordCount(g);
            for (var w = ClkLayout.FirstWord(g); w < end; w++)
            {
                count += BitOperations.PopCount(words[w]);
            }

            groupCounts[g] = (ushort)count;
            total += count;
            if (count > 0)
            {
                presence |= (byte)(1 << g);
            }
        }
    }

    /// <summary>
    /// The field-aware Dice denominator |a'| + |b'|: bits of the core groups (names, birth year)
    /// always count; an optional group counts only when both records filled it.
    /// </summary>
    public static int Denominator(
        byte presenceA, int totalA, ReadOnlySpan<ushort> groupsA, byte presenceB, int totalB, ReadOnlySpan<ushort> groupsB)
    {
        var counted = (byte)((presenceA & presenceB) | ClkLayout.CoreMask);
        if (((presenceA | presenceB) & ~counted) == 0)
        {
            return totalA + totalB;
        }

        var sum = 0;
        for (var g = 0; g < ClkLayout.GroupCount; g++)
        {
            if ((counted & (1 << g)) != 0)
            {
                sum += groupsA[g] + groupsB[g];
            }
        }

        return sum;
    }
}
