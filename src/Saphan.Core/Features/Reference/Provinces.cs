namespace Saphan.Core.Features.Reference;

/// <summary>Thailand's 77 provinces and Pattaya, by ISO 3166-2:TH code.</summary>
public static class Provinces
{
    public static readonly ValueSet All = new("province",
        EmbeddedCsv.Read("th-provinces.csv").Select(r => new CodedValue(r[0], r[1], r[2])).ToList());

    public static bool IsKnown(string? code) => All.Contains(code);
}

/// <summary>Countries by ISO 3166-1 alpha-2 code, for citizenship and documents.</summary>
public static class Countries
{
    /// <summary>Recorded instead of a country for a person without any citizenship.</summary>
    public const string Stateless = "stateless";

    public static readonly ValueSet All = new("country",
        EmbeddedCsv.Read("countries.csv").Select(r => new CodedValue(r[0], r[1], r[2])).ToList());

    public static bool IsKnown(string? code) => All.Contains(code);
}
