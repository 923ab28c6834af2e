using Saphan.Linkage.Clks;

namespace Saphan.Linkage.Similarity;

/// <summary>Dice coefficients of two encodings: 2|a ∧ b| / (|a| + |b|).</summary>
public static class Dice
{
    /// <summary>Plain Dice over all 1024 bits; 0 when both are empty.</summary>
    public static double Coefficient(Clk a, Clk b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var denominator = a.PopCount + b.PopCount;
        return denominator == 0 ? 0 : 2.0 * PopCountKernel.AndCount(a.Words, b.Words) / denominator;
    }

    /// <summary>
    /// The score the matcher uses: Dice restricted to the identifier groups both records hold.
    /// Names and birth year always count (a missing one lowers the score, as in plain Dice); optional
    /// groups (month/day, sex/citizenship, ID number, phone, address, postcode) that only one record has
    /// are left out instead of counting as disagreement. Equals <see cref="Coefficient"/> when both
    /// records hold the same groups.
    /// </summary>
    public static double Score(Clk a, Clk b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        Span<ushort> ga = stackalloc ushort[ClkLayout.GroupCount];
        Span<ushort> gb = stackalloc ushort[ClkLayout.GroupCount];
        ClkBlock.Profile(a.Words, ga, out var pa, out var ta);
        ClkBlock.Profile(b.Words, gb, out var pb, out var tb);
        var denominator = ClkBlock.Denominator(pa, ta, ga, pb, tb, gb);
        return denominator == 0 ? 0 : 2.0 * PopCountKernel.AndCount(a.Words, b.Words) / denominator;
    }
}
