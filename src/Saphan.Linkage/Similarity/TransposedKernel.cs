using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Saphan.Linkage.Similarity;

/// <summary>
/// The word-major kernel: candidates are stored transposed in groups of eight (word w of candidates
/// 8g..8g+7 in one 512-bit vector), so one vector holds one word of eight candidates and the per-lane
/// count never needs a horizontal add. The sixteen AND-ed words of a group are reduced with a
/// Harley–Seal carry-save tree (VPTERNLOGQ: two instructions per full adder) to five bit planes
/// (1, 2, 4, 8, 16); only those five are popcounted, per byte by nibble lookup (VPSHUFB), weighted
/// into one byte (≤ 248) and summed per lane with one VPSADBW. .NET 10 has no VPOPCNTQ intrinsic
/// (checked by reflection: the only x86 PopCount is the scalar Popcnt class), hence the lookup.
/// Eight comparisons cost about 100 vector instructions instead of about 130 for the row-major
/// AVX-512 path and need no horizontal reduction. A scalar path over the same layout is tested equal.
/// </summary>
internal static class TransposedKernel
{
    public const int Lanes = 8;
    public const int Words = 16;
    public const int GroupWords = Lanes * Words; // 128 ulongs = 1 KiB per group of eight candidates

    public static bool VectorSupported => Avx512BW.IsSupported && Avx512F.IsSupported && Vector512.IsHardwareAccelerated;

    /// <summary>Words needed for n candidates (rounded up to whole groups, padding is zero).</summary>
    public static int Length(int n) => (n + Lanes - 1) / Lanes * GroupWords;

    /// <summary>Row-major (16 contiguous words per candidate) to word-major groups of eight.</summary>
    public static ulong[] Transpose(ReadOnlySpan<ulong> rowMajor)
    {
        if (rowMajor.Length % Words != 0)
        {
            throw new ArgumentException("Candidates must be a multiple of 16 words.", nameof(rowMajor));
        }

        var n = rowMajor.Length / Words;
        var result = new ulong[Length(n)];
        for (var i = 0; i < n; i++)
        {
            var group = i / Lanes;
            var lane = i % Lanes;
            for (var w = 0; w < Words; w++)
            {
                result[(group * Words + w) * Lanes + lane] = rowMajor[i * Words + w];
            }
        }

        return result;
    }

    /// <summary>counts[i] = |query ∧ candidate i| for the first n candidates of a transposed block.</summary>
    public static void AndCounts(ReadOnlySpan<ulong> query, ReadOnlySpan<ulong> transposed, int n, Span<int> counts, bool vector = true)
    {
        if (query.Length != Words || n < 0 || transposed.Length < Length(n) || counts.Length < n)
        {
            throw new ArgumentException("Query must be 16 words, the block hold n transposed candidates, counts one per candidate.");
        }

        var done = 0;
        if (vector)
        {
            if (!VectorSupported)
            {
                throw new PlatformNotSupportedException("AVX-512BW is not supported on this machine.");
            }

            done = VectorCounts(query, transposed, n, counts);
        }

        ScalarCounts(query, transposed, counts, done, n);
    }

    private static void ScalarCounts(ReadOnlySpan<ulong> query, ReadOnlySpan<ulong> transposed, Span<int> counts, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var baseIndex = i / Lanes * GroupWords + i % Lanes;
            var count = 0;
            for (var w = 0; w < Words; w++)
            {
                count += BitOperations.PopCount(query[w] & transposed[baseIndex + w * Lanes]);
            }

            counts[i] = count;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Csa(out Vector512<ulong> high, out Vector512<ulong> low, Vector512<ulong> a, Vector512<ulong> b, Vector512<ulong> c)
    {
        high = Avx512F.TernaryLogic(a, b, c, 0xE8); // majority
        low = Avx512F.TernaryLogic(a, b, c, 0x96); // a ^ b ^ c
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> ByteCounts(Vector512<ulong> x, Vector512<byte> lut, Vector512<byte> low)
    {
        var lo = x.AsByte() & low;
        var hi = Vector512.ShiftRightLogical(x, 4).AsByte() & low;
        return Avx512BW.Shuffle(lut, lo) + Avx512BW.Shuffle(lut, hi);
    }

    private static Vector512<byte> Nibbles512 => Vector512.Create(
        (byte)0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4,
        0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4,
        0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4,
        0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4);

    private static int VectorCounts(ReadOnlySpan<ulong> query, ReadOnlySpan<ulong> transposed, int n, Span<int> counts)
    {
        ref var q = ref MemoryMarshal.GetReference(query);
        ref var t = ref MemoryMarshal.GetReference(transposed);
        ref var outRef = ref MemoryMarshal.GetReference(counts);
        // The sixteen broadcast query words live in memory (1 KiB on the stack) rather than in registers:
        // held in registers they left too few for the adder tree and the JIT spilled inside the loop.
        Span<Vector512<ulong>> broadcast = stackalloc Vector512<ulong>[Words];
        for (var w = 0; w < Words; w++)
        {
            broadcast[w] = Vector512.Create(Unsafe.Add(ref q, w));
        }

        ref var qv = ref MemoryMarshal.GetReference(broadcast);
        var lut = Nibbles512;
        var mask = Vector512.Create((byte)0x0F);
        var groups = n / Lanes;
        for (var g = 0; g < groups; g++)
        {
            ref var b = ref Unsafe.Add(ref t, g * GroupWords);
            Csa(out var twosA, out var ones, Unsafe.Add(ref qv, 0) & Vector512.LoadUnsafe(ref b), Unsafe.Add(ref qv, 1) & Vector512.LoadUnsafe(ref b, 8), Unsafe.Add(ref qv, 2) & Vector512.LoadUnsafe(ref b, 16));
            Csa(out var twosB, out ones, ones, Unsafe.Add(ref qv, 3) & Vector512.LoadUnsafe(ref b, 24), Unsafe.Add(ref qv, 4) & Vector512.LoadUnsafe(ref b, 32));
            Csa(out var foursA, out var twos, twosA, twosB, Vector512<ulong>.Zero);
            Csa(out twosA, out ones, ones, Unsafe.Add(ref qv, 5) & Vector512.LoadUnsafe(ref b, 40), Unsafe.Add(ref qv, 6) & Vector512.LoadUnsafe(ref b, 48));
            Csa(out twosB, out ones, ones, Unsafe.Add(ref qv, 7) & Vector512.LoadUnsafe(ref b, 56), Unsafe.Add(ref qv, 8) & Vector512.LoadUnsafe(ref b, 64));
            Csa(out var foursB, out twos, twos, twosA, twosB);
            Csa(out var eightsA, out var fours, foursA, foursB, Vector512<ulong>.Zero);
            Csa(out twosA, out ones, ones, Unsafe.Add(ref qv, 9) & Vector512.LoadUnsafe(ref b, 72), Unsafe.Add(ref qv, 10) & Vector512.LoadUnsafe(ref b, 80));
            Csa(out twosB, out ones, ones, Unsafe.Add(ref qv, 11) & Vector512.LoadUnsafe(ref b, 88), Unsafe.Add(ref qv, 12) & Vector512.LoadUnsafe(ref b, 96));
            Csa(out foursA, out twos, twos, twosA, twosB);
            Csa(out twosA, out ones, ones, Unsafe.Add(ref qv, 13) & Vector512.LoadUnsafe(ref b, 104), Unsafe.Add(ref qv, 14) & Vector512.LoadUnsafe(ref b, 112));
            Csa(out twosB, out ones, ones, Unsafe.Add(ref qv, 15) & Vector512.LoadUnsafe(ref b, 120), Vector512<ulong>.Zero);
            Csa(out foursB, out twos, twos, twosA, twosB);
            Csa(out var eightsB, out fours, fours, foursA, foursB);
            Csa(out var sixteens, out var eights, eightsA, eightsB, Vector512<ulong>.Zero);

            // Weighted per-byte sum: each plane contributes ≤ 8 per byte, 8·(16+8+4+2+1) = 248 fits a byte.
            var acc = ByteCounts(sixteens, lut, mask);
            acc = acc + acc + ByteCounts(eights, lut, mask);
            acc = acc + acc + ByteCounts(fours, lut, mask);
            acc = acc + acc + ByteCounts(twos, lut, mask);
            acc = acc + acc + ByteCounts(ones, lut, mask);
            var lanes = Avx512BW.SumAbsoluteDifferences(acc, Vector512<byte>.Zero).AsInt64();
            Avx512F.ConvertToVector256Int32(lanes).StoreUnsafe(ref Unsafe.Add(ref outRef, g * Lanes));
        }

        return groups * Lanes;
    }
}
