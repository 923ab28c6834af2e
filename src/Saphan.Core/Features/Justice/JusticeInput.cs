using System.Globalization;
using Saphan.Core.Features.Persons;
using Saphan.Core.Features.Standard;

namespace Saphan.Core.Features.Justice;

/// <summary>Field checks shared by the justice use cases; messages never repeat the value.</summary>
internal static class JusticeInput
{
    public static string? Code(string fieldCode, string path, string? value, ValidationErrors errors, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(path, "Required.");
            }

            return null;
        }

        var set = DataStandard.Get(fieldCode).Values!;
        if (!set.Values.Any(v => v.Code == value))
        {
            errors.Add(path, "Not a known code: see the " + fieldCode + " field of the data standard.");
            return null;
        }

        return value;
    }

    public static List<string> Codes(string fieldCode, string path, List<string>? values, ValidationErrors errors)
    {
        var result = new List<string>();
        foreach (var value in values ?? [])
        {
            if (Code(fieldCode, path, value, errors, required: true) is { } code && !result.Contains(code))
            {
                result.Add(code);
            }
        }

        return result;
    }

    public static string? Text(string? value, string path, int max, ValidationErrors errors, bool required = false)
    {
        var text = PersonInput.Text(value, path, max, errors);
        if (required && string.IsNullOrWhiteSpace(value))
        {
            errors.Add(path, "Required.");
        }

        return text;
    }

    public static DateOnly? Date(string? value, string path, ValidationErrors errors, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(path, "Required: a date as YYYY-MM-DD.");
            }

            return null;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date.Year < 1900 || date.Year > 2400)
        {
            errors.Add(path, "Expected a date as YYYY-MM-DD in the Common Era.");
            return null;
        }

        return date;
    }

    public static int? Count(int? value, string path, int max, ValidationErrors errors)
    {
        if (value is < 0 || value > max)
        {
            errors.Add(path, $"Between 0 and {max.ToString(CultureInfo.InvariantCulture)}.");
            return null;
        }

        return value;
    }

    public static long Satang(long? value, string path, ValidationErrors errors, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                errors.Add(path, "Required: an amount in satang (1 THB = 100 satang).");
            }

            return 0;
        }

        if (value < 0 || value > 10_000_000_000_000L)
        {
            errors.Add(path, "An amount in satang between 0 and 10^13.");
            return 0;
        }

        return value.Value;
    }
}
