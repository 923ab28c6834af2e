namespace Saphan.Linkage.Clks;

/// <summary>
/// One person's identifiers as an organisation holds them, in clear text. Any may be missing.
/// Never leaves the organisation: only its <see cref="Clk"/> does.
/// </summary>
public sealed record PersonIdentifiers
{
    public string? GivenName { get; init; }

    public string? FamilyName { get; init; }

    /// <summary>YYYY, YYYY-MM, YYYY-MM-DD, YYYYMMDD or DD/MM/YYYY; years above 2400 are Buddhist Era.</summary>
    public string? BirthDate { get; init; }

    public string? Sex { get; init; }

    public string? Citizenship { get; init; }

    public string? IdNumber { get; init; }

    public string? Phone { get; init; }

    public string? Address { get; init; }

    public string? Postcode { get; init; }
}
