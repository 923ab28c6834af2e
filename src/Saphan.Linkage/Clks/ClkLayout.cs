namespace Saphan.Linkage.Clks;

/// <summary>
/// Where each group of identifiers lives inside the 1024-bit encoding. Groups occupy whole 64-bit
/// words so the matcher can tell, from the encoding alone, whether a group was filled at all
/// (an all-zero group means "not recorded") and leave optional groups that one side lacks out of
/// the Dice denominator.
/// </summary>
internal static class ClkLayout
{
    public const int GroupCount = 8;

    public const int Names = 0;
    public const int BirthYear = 1;
    public const int BirthMonthDay = 2;
    public const int SexCitizenship = 3;
    public const int IdNumber = 4;
    public const int Phone = 5;
    public const int Address = 6;
    public const int Postcode = 7;

    /// <summary>First word of each group; group g spans words [Start[g], Start[g + 1]).</summary>
    public static ReadOnlySpan<byte> Start => [0, 7, 9, 10, 11, 13, 14, 15, 16];

    /// <summary>
    /// Groups always counted in the denominator, present or not: without them a record holding only
    /// a common given name would score 1.0 against everyone with that name.
    /// </summary>
    public const byte CoreMask = (1 << Names) | (1 << BirthYear);

    public static int FirstWord(int group) => Start[group];

    public static int WordCount(int group) => Start[group + 1] - Start[group];
}
