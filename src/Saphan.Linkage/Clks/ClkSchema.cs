namespace Saphan.Linkage.Clks;

/// <summary>Optional hardening applied to each group of the encoding after hashing.</summary>
public enum ClkHardening
{
    /// <summary>Plain Bloom filter (OR of all positions).</summary>
    None = 0,

    /// <summary>
    /// Each group is built at twice its size and the two halves are XOR-ed (Schnell, Borgs and
    /// Encarnação 2016): a set bit no longer maps to a fixed set of n-grams, which hampers pattern
    /// mining, at some cost in accuracy.
    /// </summary>
    XorFold = 1,
}

/// <summary>
/// What goes into an encoding and with how many hash positions. All organisations in a network must
/// use the same schema (and key); encodings made with different schemas do not compare.
/// </summary>
public sealed class ClkSchema
{
    private ClkSchema(ClkHardening hardening, IReadOnlyList<FieldSpec> fields)
    {
        Hardening = hardening;
        Fields = fields;
    }

    /// <summary>The schema every Saphan organisation uses: no extra hardening (see docs/linkage.md for why).</summary>
    public static ClkSchema Default { get; } = new(ClkHardening.None, DefaultFields());

    public ClkHardening Hardening { get; }

    internal IReadOnlyList<FieldSpec> Fields { get; }

    public ClkSchema WithHardening(ClkHardening hardening) => new(hardening, Fields);

    internal FieldSpec this[FieldKind kind] => Fields[(int)kind];

    // Positions per feature (k), tuned on FEBRL and the synthetic multi-organisation data (docs/linkage.md):
    // names carry most of the weight, but not so much that a shared name token outweighs a different
    // birth year; sex and citizenship are weak evidence and get few bits; address text is long and
    // noisy, so each of its bigrams gets a single position.
    private static FieldSpec[] DefaultFields() =>
    [
        new(FieldKind.Name, "name", ClkLayout.Names, 12),
        new(FieldKind.BirthYear, "birth-year", ClkLayout.BirthYear, 8),
        new(FieldKind.BirthMonthDay, "birth-month-day", ClkLayout.BirthMonthDay, 8),
        new(FieldKind.Sex, "sex", ClkLayout.SexCitizenship, 4),
        new(FieldKind.Citizenship, "citizenship", ClkLayout.SexCitizenship, 6),
        new(FieldKind.IdNumber, "id-number", ClkLayout.IdNumber, 5),
        new(FieldKind.Phone, "phone", ClkLayout.Phone, 3),
        new(FieldKind.Address, "address", ClkLayout.Address, 1),
        new(FieldKind.Postcode, "postcode", ClkLayout.Postcode, 4),
    ];
}

internal enum FieldKind
{
    Name,
    BirthYear,
    BirthMonthDay,
    Sex,
    Citizenship,
    IdNumber,
    Phone,
    Address,
    Postcode,
}

/// <param name="Kind">The field.</param>
/// <param name="KeyLabel">HKDF label of the field's own HMAC key.</param>
/// <param name="Group">Layout group whose bits it sets.</param>
/// <param name="PositionsPerFeature">k: bits set per feature (n-gram or date part).</param>
internal sealed record FieldSpec(FieldKind Kind, string KeyLabel, int Group, int PositionsPerFeature);
