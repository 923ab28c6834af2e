using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Saphan.Linkage.Similarity;

/// <summary>
/// The word-major kernel: candidates are stored transposed in groups of eight (word w of candidates
/// 8g..8g+7 in one 512-bit vector), so one vector holds one word of eight candidates and the per-lane
/// count never needs a horizontal add. .NET 10 has no VPOPCNTQ intrinsic (checked by reflection: the
/// only x86 PopCount is the scalar Popcnt class), so the sixteen AND-ed words of a group are first
/// reduced with a Harley–Seal carry-save tree (VPTERNLOGQ: two instructions per full adder, no copies) to a few
/// bit planes, and only those are counted by table lookup. Two vector paths:
/// <list type="bullet">
/// <item><see cref="Path.Avx512Vbmi"/> (the default where AVX512-VBMI exists: Ice Lake, Zen 4 and
/// later): fifteen words go through eleven full adders (no half adders) to planes of weight 1, 2, 4, 8;
/// the sixteenth word is a fifth plane of weight 1. Each plane's bytes are looked up with VPERMB in a
/// 64-entry table that already holds the weighted count of their low six bits; the top two bits of
/// every byte of three planes (and of the other two) are gathered into one index byte and looked up
/// once. About 60 vector instructions per eight comparisons.</item>
/// <item><see cref="Path.Avx512"/> (AVX-512BW without VBMI): a sixteen-input tree with half adders to
/// five planes, each counted with the nibble lookup (VPSHUFB), about 90 instructions.</item>
/// </list>
/// Both sum each candidate's weighted bytes with one VPSADBW. A scalar path over the same layout is
/// tested equal to both.
/// </summary>
internal static class TransposedKernel
{
    public const int Lanes = 8;
    public const int Words = 16;
    public const int GroupWords = Lanes * Words; // 128 ulongs = 1 KiB per group of eight candidates

    public enum Path
    {
        Scalar,
        Avx512,
        Avx512Vbmi,
    }

    /// <summary>Whether a vector path exists on this machine (the matcher then uses this layout).</summary>
    public static bool VectorSupported => IsSupported(Path.Avx512);

    /// <summary>The fastest path this machine supports.</summary>
    public static Path Best { get; } =
        IsSupported(Path.Avx512Vbmi) ? Path.Avx512Vbmi : IsSupported(Path.Avx512) ? Path.Avx512 : Path.Scalar;

    public static bool IsSupported(Path path) => path switch
    {
        Path.Avx512Vbmi => Avx512Vbmi.IsSupported && Avx512BW.IsSupported && Avx512F.IsSupported && Vector512.IsHardwareAccelerated,
        Path.Avx512 => Avx512BW.IsSupported && Avx512F.IsSupported && Vector512.IsHardwareAccelerated,
        _ => true,
    };

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

    /// <summary>counts[i] = |query ∧ candidate i| for the first n candidates of a transposed block, on the fastest path (or the scalar one).</summary>
    public static void AndCounts(ReadOnlySpan<ulong> query, ReadOnlySpan<ulong> transposed, int n, Span<int> counts, bool vector = true) =>
        AndCounts(vector ? Best : Path.Scalar, query, transposed, n, counts);

    public static void AndCounts(Path path, ReadOnlySpan<ulong> query, ReadOnlySpan<ulong> transposed, int n, Span<int> counts)
    {
        if (query.Length != Words || n < 0 || transposed.Length < Length(n) || counts.Length < n)
        {
            throw new ArgumentException("Query must be 16 words, the block hold n transposed candidates, counts one per candidate.");
        }

        if (!IsSupported(path))
        {
            throw new PlatformNotSupportedException($"The {path} kernel path is not supported on this machine.");
        }

        var done = path switch
        {
            Path.Avx512Vbmi => VbmiCounts(query, transposed, n, counts),
            Path.Avx512 => NibbleCounts(query, transposed, n, counts),
            _ => 0,
        };

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

    /// <summary>
    /// Full adder: low = a ^ b ^ c, high = majority(a, b, c), computed as (b == c ? b : ~low) — a function of
    /// (b, c, low) — so each VPTERNLOGQ overwrites an input that is dead afterwards and the JIT needs no register copy
    /// (majority of (a, b, c) directly kept a live, and cost a VMOVAPS per adder; about 4 % slower).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Csa(out Vector512<ulong> high, out Vector512<ulong> low, Vector512<ulong> a, Vector512<ulong> b, Vector512<ulong> c)
    {
        low = Avx512F.TernaryLogic(a, b, c, 0x96);
        high = Avx512F.TernaryLogic(b, c, low, 0xD4);
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

    private static int NibbleCounts(ReadOnlySpan<ulong> query, ReadOnlySpan<ulong> transposed, int n, Span<int> counts)
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> Lookup(Vector512<byte> table, Vector512<ulong> index) =>
        Avx512Vbmi.PermuteVar64x8(table, index.AsByte()); // VPERMB: table[index & 63], the top two bits ignored

    private static Vector512<byte> Table(Func<int, int> value)
    {
        Span<byte> bytes = stackalloc byte[64];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)value(i);
        }

        return Vector512.Create((ReadOnlySpan<byte>)bytes);
    }

    private static int Bits(int value) => BitOperations.PopCount((uint)value);

    // Weighted counts of the low six bits of a byte.
    private static readonly Vector512<byte> Low1 = Table(Bits);
    private static readonly Vector512<byte> Low2 = Table(i => 2 * Bits(i));
    private static readonly Vector512<byte> Low4 = Table(i => 4 * Bits(i));
    private static readonly Vector512<byte> Low8 = Table(i => 8 * Bits(i));

    // The top two bits of a byte of eights (index bits 0-1), fours (2-3) and twos (4-5).
    private static readonly Vector512<byte> HighEightsFoursTwos = Table(i => 8 * Bits(i & 3) + 4 * Bits((i >> 2) & 3) + 2 * Bits((i >> 4) & 3));

    // The top two bits of a byte of ones (index bits 0-1) and of the sixteenth word (2-3); bits 4-5 are another byte's.
    private static readonly Vector512<byte> HighOnesLast = Table(i => Bits(i & 3) + Bits((i >> 2) & 3));

    private static int VbmiCounts(ReadOnlySpan<ulong> query, ReadOnlySpan<ulong> transposed, int n, Span<int> counts)
    {
        ref var q = ref MemoryMarshal.GetReference(query);
        ref var t = ref MemoryMarshal.GetReference(transposed);
        ref var outRef = ref MemoryMarshal.GetReference(counts);

        // The sixteen broadcast query words are held in registers: with the full-adder-only tree and the
        // VPERMB count the loop needs few enough temporaries that the JIT reloads only four of them per
        // group (checked with DOTNET_JitDisasm), which beats reading all sixteen from a stack buffer.
        var q0 = Vector512.Create(q);
        var q1 = Vector512.Create(Unsafe.Add(ref q, 1));
        var q2 = Vector512.Create(Unsafe.Add(ref q, 2));
        var q3 = Vector512.Create(Unsafe.Add(ref q, 3));
        var q4 = Vector512.Create(Unsafe.Add(ref q, 4));
        var q5 = Vector512.Create(Unsafe.Add(ref q, 5));
        var q6 = Vector512.Create(Unsafe.Add(ref q, 6));
        var q7 = Vector512.Create(Unsafe.Add(ref q, 7));
        var q8 = Vector512.Create(Unsafe.Add(ref q, 8));
        var q9 = Vector512.Create(Unsafe.Add(ref q, 9));
        var q10 = Vector512.Create(Unsafe.Add(ref q, 10));
        var q11 = Vector512.Create(Unsafe.Add(ref q, 11));
        var q12 = Vector512.Create(Unsafe.Add(ref q, 12));
        var q13 = Vector512.Create(Unsafe.Add(ref q, 13));
        var q14 = Vector512.Create(Unsafe.Add(ref q, 14));
        var q15 = Vector512.Create(Unsafe.Add(ref q, 15));
        var low1 = Low1;
        var low2 = Low2;
        var low4 = Low4;
        var low8 = Low8;
        var highA = HighEightsFoursTwos;
        var highB = HighOnesLast;
        var bits01 = Vector512.Create((byte)0x03).AsUInt64();
        var bits0123 = Vector512.Create((byte)0x0F).AsUInt64();
        var groups = n / Lanes;
        for (var g = 0; g < groups; g++)
        {
            ref var b = ref Unsafe.Add(ref t, g * GroupWords);

            // Fifteen words of weight 1 → 7 carries of weight 2 → 3 of weight 4 → 1 of weight 8: eleven full adders.
            Csa(out var a1, out var s1, q0 & Vector512.LoadUnsafe(ref b), q1 & Vector512.LoadUnsafe(ref b, 8), q2 & Vector512.LoadUnsafe(ref b, 16));
            Csa(out var a2, out var s2, q3 & Vector512.LoadUnsafe(ref b, 24), q4 & Vector512.LoadUnsafe(ref b, 32), q5 & Vector512.LoadUnsafe(ref b, 40));
            Csa(out var a3, out var s3, q6 & Vector512.LoadUnsafe(ref b, 48), q7 & Vector512.LoadUnsafe(ref b, 56), q8 & Vector512.LoadUnsafe(ref b, 64));
            Csa(out var a4, out var s4, q9 & Vector512.LoadUnsafe(ref b, 72), q10 & Vector512.LoadUnsafe(ref b, 80), q11 & Vector512.LoadUnsafe(ref b, 88));
            Csa(out var a5, out var s5, q12 & Vector512.LoadUnsafe(ref b, 96), q13 & Vector512.LoadUnsafe(ref b, 104), q14 & Vector512.LoadUnsafe(ref b, 112));
            var last = q15 & Vector512.LoadUnsafe(ref b, 120);
            Csa(out var a6, out var s6, s1, s2, s3);
            Csa(out var a7, out var ones, s4, s5, s6);
            Csa(out var b1, out var t1, a1, a2, a3);
            Csa(out var b2, out var t2, a4, a5, a6);
            Csa(out var b3, out var twos, t1, t2, a7);
            Csa(out var eights, out var fours, b1, b2, b3);

            // Per byte: 8·(1 + 1 + 2 + 4 + 8) = 128 at most, so the weighted sum never leaves the byte.
            var acc = Lookup(low1, ones) + Lookup(low1, last) + Lookup(low2, twos) + Lookup(low4, fours) + Lookup(low8, eights);

            // VPTERNLOGQ 0xCA = mask ? x : y and 0xE2 = mask ? x : y with the mask second: bit-position selects.
            var indexA = Avx512F.TernaryLogic(
                Avx512F.TernaryLogic(bits01, Vector512.ShiftRightLogical(eights, 6), Vector512.ShiftRightLogical(fours, 4), 0xCA),
                bits0123,
                Vector512.ShiftRightLogical(twos, 2),
                0xE2);
            var indexB = Avx512F.TernaryLogic(bits01, Vector512.ShiftRightLogical(ones, 6), Vector512.ShiftRightLogical(last, 4), 0xCA);
            acc += Lookup(highA, indexA) + Lookup(highB, indexB);

            var lanes = Avx512BW.SumAbsoluteDifferences(acc, Vector512<byte>.Zero).AsInt64();
            Avx512F.ConvertToVector256Int32(lanes).StoreUnsafe(ref Unsafe.Add(ref outRef, g * Lanes));
        }

        return groups * Lanes;
    }
}
