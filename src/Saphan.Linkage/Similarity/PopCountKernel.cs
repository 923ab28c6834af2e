using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Saphan.Linkage.Similarity;

/// <summary>
/// The hot loop: |q ∧ c| for one 1024-bit query against many 1024-bit candidates laid out
/// contiguously (16 words each). Three interchangeable paths give identical results:
/// scalar POPCNT, AVX2 (4 × 256-bit per candidate) and AVX-512BW (2 × 512-bit per candidate).
/// .NET 10 exposes no VPOPCNTQ, so the vector paths count bits per byte with a nibble lookup
/// (VPSHUFB) and sum bytes with VPSADBW; four candidates' sums are packed into 16-bit fields of one
/// vector so a single horizontal add finishes four candidates.
/// </summary>
internal static class PopCountKernel
{
    public const int Words = 16;

    public enum Path
    {
        Scalar,
        Avx2,
        Avx512,
    }

    /// <summary>The fastest path this machine supports.</summary>
    public static Path Best { get; } =
        Avx512BW.IsSupported && Vector512.IsHardwareAccelerated ? Path.Avx512
        : Avx2.IsSupported && Vector256.IsHardwareAccelerated ? Path.Avx2
        : Path.Scalar;

    public static bool IsSupported(Path path) => path switch
    {
        Path.Avx512 => Avx512BW.IsSupported && Vector512.IsHardwareAccelerated,
        Path.Avx2 => Avx2.IsSupported && Vector256.IsHardwareAccelerated,
        _ => true,
    };

    public static int AndCount(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        var count = 0;
        for (var i = 0; i < Words; i++)
        {
            count += BitOperations.PopCount(a[i] & b[i]);
        }

        return count;
    }

    /// <summary>counts[i] = |query ∧ candidates[16i .. 16i+16]|.</summary>
    public static void AndCounts(ReadOnlySpan<ulong> query, ReadOnlySpan<ulong> candidates, Span<int> counts) =>
        AndCounts(Best, query, candidates, counts);

    public static void AndCounts(Path path, ReadOnlySpan<ulong> query, ReadOnlySpan<ulong> candidates, Span<int> counts)
    {
        if (query.Length != Words || candidates.Length % Words != 0 || counts.Length < candidates.Length / Words)
        {
            throw new ArgumentException("Query must be 16 words, candidates a multiple of 16 words, counts one per candidate.");
        }

        if (!IsSupported(path))
        {
            throw new PlatformNotSupportedException($"{path} is not supported on this machine.");
        }

        var n = candidates.Length / Words;
        var done = path switch
        {
            Path.Avx512 => Avx512Counts(query, candidates, counts, n),
            Path.Avx2 => Avx2Counts(query, candidates, counts, n),
            _ => 0,
        };

        ScalarCounts(query, candidates, counts, done, n);
    }

    private static void ScalarCounts(ReadOnlySpan<ulong> query, ReadOnlySpan<ulong> candidates, Span<int> counts, int from, int to)
    {
        ref var q = ref MemoryMarshal.GetReference(query);
        ref var c = ref MemoryMarshal.GetReference(candidates);
        for (var i = from; i < to; i++)
        {
            ref var row = ref Unsafe.Add(ref c, i * Words);
            var count = 0;
            for (var w = 0; w < Words; w++)
            {
                count += BitOperations.PopCount(Unsafe.Add(ref q, w) & Unsafe.Add(ref row, w));
            }

            counts[i] = count;
        }
    }

    private static Vector512<byte> Nibbles512 => Vector512.Create(
        (byte)0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4,
        0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4,
        0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4,
        0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4);

    private static Vector256<byte> Nibbles256 => Vector256.Create(
        (byte)0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4,
        0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> ByteCounts(Vector512<ulong> x, Vector512<byte> lut, Vector512<byte> low)
    {
        var bytes = x.AsByte();
        var lo = bytes & low;
        var hi = Vector512.ShiftRightLogical(x, 4).AsByte() & low;
        return Avx512BW.Shuffle(lut, lo) + Avx512BW.Shuffle(lut, hi);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Candidate512(Vector512<ulong> q0, Vector512<ulong> q1, ref ulong row, Vector512<byte> lut, Vector512<byte> low)
    {
        var c0 = Vector512.LoadUnsafe(ref row);
        var c1 = Vector512.LoadUnsafe(ref row, 8);
        var bytes = ByteCounts(q0 & c0, lut, low) + ByteCounts(q1 & c1, lut, low); // ≤ 16 per byte
        return Avx512BW.SumAbsoluteDifferences(bytes, Vector512<byte>.Zero).AsUInt64(); // ≤ 128 per lane
    }

    private static int Avx512Counts(ReadOnlySpan<ulong> query, ReadOnlySpan<ulong> candidates, Span<int> counts, int n)
    {
        ref var q = ref MemoryMarshal.GetReference(query);
        ref var c = ref MemoryMarshal.GetReference(candidates);
        var q0 = Vector512.LoadUnsafe(ref q);
        var q1 = Vector512.LoadUnsafe(ref q, 8);
        var lut = Nibbles512;
        var low = Vector512.Create((byte)0x0F);
        var i = 0;
        for (; i + 4 <= n; i += 4)
        {
            ref var row = ref Unsafe.Add(ref c, i * Words);
            var s0 = Candidate512(q0, q1, ref row, lut, low);
            var s1 = Candidate512(q0, q1, ref Unsafe.Add(ref row, Words), lut, low);
            var s2 = Candidate512(q0, q1, ref Unsafe.Add(ref row, 2 * Words), lut, low);
            var s3 = Candidate512(q0, q1, ref Unsafe.Add(ref row, 3 * Words), lut, low);

            // Each lane holds ≤ 128, eight lanes ≤ 1024: four 16-bit fields never carry into each other.
            var packed = s0 | (s1 << 16) | (s2 << 32) | (s3 << 48);
            var sum = Vector512.Sum(packed);
            counts[i] = (int)(sum & 0xFFFF);
            counts[i + 1] = (int)((sum >> 16) & 0xFFFF);
            counts[i + 2] = (int)((sum >> 32) & 0xFFFF);
            counts[i + 3] = (int)(sum >> 48);
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> ByteCounts(Vector256<ulong> x, Vector256<byte> lut, Vector256<byte> low)
    {
        var lo = x.AsByte() & low;
        var hi = Vector256.ShiftRightLogical(x, 4).AsByte() & low;
        return Avx2.Shuffle(lut, lo) + Avx2.Shuffle(lut, hi);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Candidate256(
        Vector256<ulong> q0, Vector256<ulong> q1, Vector256<ulong> q2, Vector256<ulong> q3, ref ulong row, Vector256<byte> lut, Vector256<byte> low)
    {
        var bytes = ByteCounts(q0 & Vector256.LoadUnsafe(ref row), lut, low)
            + ByteCounts(q1 & Vector256.LoadUnsafe(ref row, 4), lut, low)
            + ByteCounts(q2 & Vector256.LoadUnsafe(ref row, 8), lut, low)
            + ByteCounts(q3 & Vector256.LoadUnsafe(ref row, 12), lut, low); // ≤ 32 per byte
        return Avx2.SumAbsoluteDifferences(bytes, Vector256<byte>.Zero).AsUInt64(); // ≤ 256 per lane
    }

    private static int Avx2Counts(ReadOnlySpan<ulong> query, ReadOnlySpan<ulong> candidates, Span<int> counts, int n)
    {
        ref var q = ref MemoryMarshal.GetReference(query);
        ref var c = ref MemoryMarshal.GetReference(candidates);
        var q0 = Vector256.LoadUnsafe(ref q);
        var q1 = Vector256.LoadUnsafe(ref q, 4);
        var q2 = Vector256.LoadUnsafe(ref q, 8);
        var q3 = Vector256.LoadUnsafe(ref q, 12);
        var lut = Nibbles256;
        var low = Vector256.Create((byte)0x0F);
        var i = 0;
        for (; i + 4 <= n; i += 4)
        {
            ref var row = ref Unsafe.Add(ref c, i * Words);
            var s0 = Candidate256(q0, q1, q2, q3, ref row, lut, low);
            var s1 = Candidate256(q0, q1, q2, q3, ref Unsafe.Add(ref row, Words), lut, low);
            var s2 = Candidate256(q0, q1, q2, q3, ref Unsafe.Add(ref row, 2 * Words), lut, low);
            var s3 = Candidate256(q0, q1, q2, q3, ref Unsafe.Add(ref row, 3 * Words), lut, low);
            var packed = s0 | (s1 << 16) | (s2 << 32) | (s3 << 48);
            var sum = Vector256.Sum(packed);
            counts[i] = (int)(sum & 0xFFFF);
            counts[i + 1] = (int)((sum >> 16) & 0xFFFF);
            counts[i + 2] = (int)((sum >> 32) & 0xFFFF);
            counts[i + 3] = (int)(sum >> 48);
        }

        return i;
    }
}
