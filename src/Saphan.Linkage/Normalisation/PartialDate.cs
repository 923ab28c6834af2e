using System.Globalization;

namespace Saphan.Linkage.Normalisation;

/// <summary>
/// A birth date of which only some parts may be known. Years are Common Era; Buddhist-Era years
/// (anything above 2400) are converted on parsing (BE = CE + 543).
/// </summary>
internal readonly record struct PartialDate(int Year, int? Month, int? Day)
{
    public const int BuddhistEraOffset = 543;
    public const int BuddhistEraThreshold = 2400;
    private const int MinYear = 1850;
    private const int MaxYear = 2100;

    public const string AcceptedFormats = "YYYY, YYYY-MM, YYYY-MM-DD, YYYYMMDD or DD/MM/YYYY";

    /// <summary>
    /// Parses YYYY, YYYY-MM, YYYY-MM-DD, YYYYMMDD or D/M/YYYY (Thai digits allowed).
    /// Empty input gives null; unrecognised input throws <see cref="FormatException"/> without echoing it.
    /// </summary>
    public static PartialDate? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!TryParse(text, out var date))
        {
            throw new FormatException($"not a recognised date (expected {AcceptedFormats})");
        }

        return date;
    }

    public static bool TryParse(string text, out PartialDate date)
    {
        date = default;
        var s = FieldNormaliser.AsciiDigits(text.Trim());
        int year;
        int? month = null, day = null;
        if (s.Contains('/', StringComparison.Ordinal))
        {
            var parts = s.Split('/');
            if (parts.Length != 3 || !IsDigits(parts[0], 1, 2) || !IsDigits(parts[1], 1, 2) || !IsDigits(parts[2], 4, 4))
            {
                return false;
            }

            day = Int(parts[0]);
            month = Int(parts[1]);
            year = Int(parts[2]);
        }
        else if (s.Contains('-', StringComparison.Ordinal))
        {
            var parts = s.Split('-');
            if (parts.Length is < 2 or > 3 || !IsDigits(parts[0], 4, 4) || !IsDigits(parts[1], 1, 2)
                || (parts.Length == 3 && !IsDigits(parts[2], 1, 2)))
            {
                return false;
            }

            year = Int(parts[0]);
            month = Int(parts[1]);
            day = parts.Length == 3 ? Int(parts[2]) : null;
        }
        else if (IsDigits(s, 4, 4))
        {
            year = Int(s);
        }
        else if (IsDigits(s, 8, 8))
        {
            year = Int(s[..4]);
            month = Int(s[4..6]);
            day = Int(s[6..]);
        }
        else
        {
            return false;
        }

        if (year > BuddhistEraThreshold)
        {
            year -= BuddhistEraOffset;
        }

        if (year is < MinYear or > MaxYear || month is < 1 or > 12)
        {
            return false;
        }

        if (day is { } d && (d < 1 || d > DateTime.DaysInMonth(year, month!.Value)))
        {
            return false;
        }

        date = new PartialDate(year, month, day);
        return true;
    }

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    private static bool IsDigits(string s, int min, int max) =>
        s.Length >= min && s.Length <= max && s.All(char.IsAsciiDigit);
}
