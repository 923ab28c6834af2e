using System.Globalization;

namespace Saphan.Core.Features.Reference;

/// <summary>One allowed value of a coded field, with its labels in English and Thai.</summary>
public sealed record CodedValue(string Code, string English, string Thai)
{
    public string Label(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "th" && Thai.Length > 0 ? Thai : English;
}

/// <summary>A closed list of codes for one field. Codes are stable; labels may change.</summary>
public sealed class ValueSet(string name, IReadOnlyList<CodedValue> values)
{
    private readonly Dictionary<string, CodedValue> _byCode = values.ToDictionary(v => v.Code, StringComparer.Ordinal);

    public string Name { get; } = name;
    public IReadOnlyList<CodedValue> Values { get; } = values;

    public bool Contains(string? code) => code is not null && _byCode.ContainsKey(code);

    public string Label(string? code, CultureInfo culture) =>
        code is not null && _byCode.TryGetValue(code, out var value) ? value.Label(culture) : code ?? "";

    public string Describe() => string.Join(", ", Values.Select(v => v.Code));
}
