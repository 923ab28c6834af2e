using System.Globalization;

namespace Saphan.Web.Features.Justice;

/// <summary>Amounts on the justice pages: entered in baht (separators, a ฿ sign or "THB" allowed), stored in satang.</summary>
public static class Baht
{
    /// <summary>Baht with thousands separators and two decimals, e.g. 1,250,000.50.</summary>
    public static string Format(long satang) => (satang / 100m).ToString("N2", CultureInfo.InvariantCulture);

    /// <summary>Empty → null; otherwise satang, or false for anything that is not an amount with at most two decimals.</summary>
    public static bool TryParse(string? text, out long? satang)
    {
        satang = null;
        var cleaned = (text ?? "").Replace("฿", "", StringComparison.Ordinal).Replace("THB", "", StringComparison.OrdinalIgnoreCase)
            .Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Trim();
        if (cleaned.Length == 0)
        {
            return true;
        }

        if (!decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var baht) || decimal.Round(baht, 2) != baht || baht > 100_000_000_000m)
        {
            return false;
        }

        satang = (long)(baht * 100);
        return true;
    }
}
