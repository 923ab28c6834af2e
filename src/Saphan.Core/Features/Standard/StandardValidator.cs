using System.Globalization;
using Saphan.Core.Features.Persons;
using Saphan.Core.Features.Protection;
using Saphan.Core.Features.Reference;

namespace Saphan.Core.Features.Standard;

/// <summary>
/// The result of checking one value against its field: the value in its normal form (codes trimmed,
/// country codes upper-case, booleans "true"/"false", amounts with a dot) or the rule it breaks.
/// The problem never repeats the value (it may be identifying).
/// </summary>
public sealed record FieldCheck(IReadOnlyList<string> Values, string? Problem)
{
    public bool Ok => Problem is null;

    internal static FieldCheck Fail(string problem) => new([], problem);
}

/// <summary>
/// Checks raw values (from a spreadsheet cell, a form or a JSON string) against a field of the
/// <see cref="DataStandard"/>: its type, its value set and its limits. Imports use it row by row.
/// </summary>
public static class StandardValidator
{
    /// <summary>How several values share one spreadsheet cell: "debt_bondage; threats".</summary>
    public const char CellSeparator = ';';

    /// <summary>Checks a single cell. A multi-valued or repeating field splits it at <see cref="CellSeparator"/>.</summary>
    public static FieldCheck Check(StandardField field, string? cell, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(field);
        IReadOnlyList<string> values = string.IsNullOrWhiteSpace(cell) ? []
            : field.Type.IsMultiple() || field.Repeating ? cell.Split(CellSeparator) : [cell];
        return Check(field, values, today);
    }

    /// <summary>Checks the values given for a field (one for a single-valued field).</summary>
    public static FieldCheck Check(StandardField field, IReadOnlyList<string?> values, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(values);
        var present = values.Select(PersonInput.Clean).OfType<string>().ToList();
        if (present.Count == 0)
        {
            return field.Required ? FieldCheck.Fail("Required.") : new FieldCheck([], null);
        }

        if (present.Count > 1 && !field.Type.IsMultiple() && !field.Repeating)
        {
            return FieldCheck.Fail("Only one value is allowed.");
        }

        if (field.Type.IsMultiple())
        {
            return CheckCodes(field, present);
        }

        var normal = new List<string>(present.Count);
        foreach (var value in present)
        {
            var (result, problem) = CheckOne(field, value, today);
            if (problem is not null)
            {
                return FieldCheck.Fail(problem);
            }

            normal.Add(result!);
        }

        return new FieldCheck(normal, null);
    }

    private static (string? Value, string? Problem) CheckOne(StandardField field, string value, DateOnly today)
    {
        switch (field.Type)
        {
            case FieldType.Text or FieldType.LongText:
                var max = field.MaxLength ?? (field.Type == FieldType.Text ? 200 : 4000);
                return value.Length > max ? (null, $"At most {max.ToString(CultureInfo.InvariantCulture)} characters.") : (value, null);

            case FieldType.Date:
                return CheckDate(field, value, today);

            case FieldType.PartialDate:
                return CheckPartialDate(value, today);

            case FieldType.WholeNumber:
                if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    return (null, "Not a whole number.");
                }

                if (number < (field.Minimum ?? int.MinValue) || number > (field.Maximum ?? int.MaxValue))
                {
                    return (null, string.Create(CultureInfo.InvariantCulture, $"A whole number from {field.Minimum ?? int.MinValue} to {field.Maximum ?? int.MaxValue}."));
                }

                return (number.ToString(CultureInfo.InvariantCulture), null);

            case FieldType.Boolean:
                return value.ToUpperInvariant() switch
                {
                    "TRUE" or "YES" or "Y" or "1" or "ใช่" => ("true", null),
                    "FALSE" or "NO" or "N" or "0" or "ไม่ใช่" => ("false", null),
                    _ => (null, "Not yes or no: use true or false."),
                };

            case FieldType.MoneyThb:
                if (!decimal.TryParse(value.Replace("฿", "", StringComparison.Ordinal).Trim(), NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint,
                        CultureInfo.InvariantCulture, out var amount))
                {
                    return (null, "Not an amount in baht: digits with an optional decimal point (e.g. 12500.50).");
                }

                return decimal.Round(amount, 2) != amount
                    ? (null, "At most two decimals (satang).")
                    : (amount.ToString("0.##", CultureInfo.InvariantCulture), null);

            case FieldType.Code or FieldType.Country or FieldType.Province:
                var code = Normalise(field, value);
                return IsAllowed(field, code) ? (code, null) : (null, UnknownCode(field));

            case FieldType.Phone:
                var digits = BlindIndex.Compact(value).Count(char.IsAsciiDigit);
                return value.Length > 40 || digits is < 6 or > 15 || value.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '-' or '+' or '(' or ')' or '.'))
                    ? (null, "A phone number has 6 to 15 digits (spaces, dashes and a leading + are fine).")
                    : (value, null);

            case FieldType.Reference:
                return Guid.TryParse(value, out var id) ? (id.ToString(), null) : (null, "Not a record id.");

            default:
                throw new InvalidOperationException("Unchecked field type " + field.Type.Code());
        }
    }

    private static FieldCheck CheckCodes(StandardField field, List<string> values)
    {
        var codes = values.Select(v => Normalise(field, v)).Distinct(StringComparer.Ordinal).ToList();
        if (codes.Any(c => !IsAllowed(field, c)))
        {
            return FieldCheck.Fail(UnknownCode(field));
        }

        var alone = codes.FirstOrDefault(c => field.ExclusiveCodes.Contains(c, StringComparer.Ordinal) || field.ExtraValues.Any(e => e.Code == c));
        if (alone is not null && codes.Count > 1)
        {
            return FieldCheck.Fail($"\"{alone}\" cannot be combined with other values.");
        }

        return new FieldCheck(codes, null);
    }

    private static string Normalise(StandardField field, string code) =>
        field.Type is FieldType.Country or FieldType.Countries or FieldType.Province && !field.ExtraValues.Any(e => e.Code == code)
            ? code.ToUpperInvariant()
            : code;

    private static bool IsAllowed(StandardField field, string code) =>
        field.Values?.Contains(code) == true || field.ExtraValues.Any(e => e.Code == code);

    private static string UnknownCode(StandardField field) => field.Type switch
    {
        FieldType.Country or FieldType.Countries => "Use ISO 3166-1 alpha-2 country codes (e.g. MM, KH, LA, TH)"
            + (field.ExtraValues.Count > 0 ? " or " + string.Join(", ", field.ExtraValues.Select(e => "\"" + e.Code + "\"")) : "") + ".",
        FieldType.Province => "Not an ISO 3166-2:TH province code (e.g. TH-10 for Bangkok).",
        _ => $"Unknown code. Use one of: {field.Values?.Describe()}.",
    };

    /// <summary>The same rule as the person's birth date: an ISO date in the Common Era, from 1900, not in the future.</summary>
    private static (string? Value, string? Problem) CheckDate(StandardField field, string value, DateOnly today)
    {
        var errors = new ValidationErrors();
        var latest = field.AllowsFuture ? today.AddYears(100) : today;
        var date = PersonInput.ParseDate(value, field.Code, latest, errors, required: false);
        return date is { } d
            ? (d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null)
            : (null, errors.ToDictionary().TryGetValue(field.Code, out var messages) ? messages[0] : "Not a date: use YYYY-MM-DD.");
    }

    /// <summary>YYYY, YYYY-MM or YYYY-MM-DD in the Common Era: survivors often remember only a year or a month.</summary>
    private static (string? Value, string? Problem) CheckPartialDate(string value, DateOnly today)
    {
        string[] formats = ["yyyy", "yyyy-MM", "yyyy-MM-dd"];
        if (!DateOnly.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (null, "Not a date: use YYYY, YYYY-MM or YYYY-MM-DD.");
        }

        if (date.Year > 2400)
        {
            return (null, "This looks like a Buddhist Era year: send the Common Era year (BE − 543).");
        }

        if (date.Year < 1900)
        {
            return (null, "The date is before 1900.");
        }

        // The earliest day the value can mean must not be in the future.
        return date > today.AddDays(1) ? (null, "The date is in the future.") : (value, null);
    }
}
