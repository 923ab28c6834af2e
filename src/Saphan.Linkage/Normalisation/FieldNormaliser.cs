using System.Globalization;
using System.Text;

namespace Saphan.Linkage.Normalisation;

/// <summary>Normalisation of the short, non-name identifiers.</summary>
internal static class FieldNormaliser
{
    private static readonly Dictionary<string, string> SexValues = new(StringComparer.Ordinal)
    {
        ["m"] = "m", ["male"] = "m", ["man"] = "m", ["boy"] = "m", ["1"] = "m", ["ชาย"] = "m", ["ช"] = "m", ["เพศชาย"] = "m",
        ["f"] = "f", ["female"] = "f", ["woman"] = "f", ["girl"] = "f", ["2"] = "f", ["หญิง"] = "f", ["ญ"] = "f", ["เพศหญิง"] = "f",
        ["u"] = string.Empty, ["unknown"] = string.Empty, ["na"] = string.Empty, ["n/a"] = string.Empty, ["-"] = string.Empty,
        ["0"] = string.Empty, ["9"] = string.Empty, ["ไม่ทราบ"] = string.Empty,
    };

    // ISO 3166 alpha-3 for the region's usual spellings (English, demonyms, Thai script).
    private static readonly Dictionary<string, string> Countries = BuildCountries();

    /// <summary>Replaces every Unicode decimal digit (Thai ๐–๙, Lao, Burmese, Khmer, full-width) by its ASCII digit.</summary>
    public static string AsciiDigits(string s)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c > '\u007F' && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DecimalDigitNumber)
            {
                sb ??= new StringBuilder(s, 0, i, s.Length);
                sb.Append((char)('0' + CharUnicodeInfo.GetDecimalDigitValue(c)));
            }
            else
            {
                sb?.Append(c);
            }
        }

        return sb?.ToString() ?? s;
    }

    /// <summary>"m", "f", another lower-case code as given, or empty when unknown.</summary>
    public static string Sex(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var v = AsciiDigits(value.Trim()).ToLowerInvariant();
        return SexValues.TryGetValue(v, out var code) ? code : Compact(v);
    }

    public static string Citizenship(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var v = value.Trim().ToLowerInvariant();
        if (Countries.TryGetValue(v, out var code))
        {
            return code;
        }

        var compact = Compact(v);
        return Countries.TryGetValue(compact, out code) ? code : compact;
    }

    /// <summary>Upper-case letters and digits only: "1-1020-03456-78-9" → "1102003456789".</summary>
    public static string IdNumber(string? value) => string.IsNullOrWhiteSpace(value) ? string.Empty : Compact(AsciiDigits(value)).ToUpperInvariant();

    /// <summary>
    /// Digits only, international prefix and trunk zero removed (+66 81 234 5678, 0066812345678 and
    /// 081-234-5678 all give 812345678), so numbers written with and without a country code agree.
    /// </summary>
    public static string Phone(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var digits = new StringBuilder();
        foreach (var c in AsciiDigits(value))
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
        }

        var d = digits.ToString();
        if (d.StartsWith("00", StringComparison.Ordinal))
        {
            d = d[2..];
        }

        // Country codes of the region followed by a national number of 8-10 digits.
        foreach (var cc in (ReadOnlySpan<string>)["66", "95", "855", "856", "84", "60"])
        {
            if (d.StartsWith(cc, StringComparison.Ordinal) && d.Length - cc.Length is >= 8 and <= 10
                && (value.TrimStart().StartsWith('+') || value.TrimStart().StartsWith("00", StringComparison.Ordinal) || d.Length >= 11))
            {
                d = d[cc.Length..];
                break;
            }
        }

        return d.TrimStart('0');
    }

    public static string Postcode(string? value) => IdNumber(value);

    private static string Compact(string v)
    {
        var sb = new StringBuilder(v.Length);
        foreach (var c in v)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static Dictionary<string, string> BuildCountries()
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string code, params string[] names)
        {
            d[code.ToLowerInvariant()] = code;
            foreach (var n in names)
            {
                d[n] = code;
            }
        }

        Add("THA", "th", "thai", "thailand", "ไทย", "ประเทศไทย", "สัญชาติไทย");
        Add("MMR", "mm", "myanmar", "burma", "burmese", "myanmarese", "พม่า", "เมียนมา", "เมียนมาร์");
        Add("KHM", "kh", "cambodia", "cambodian", "khmer", "kampuchea", "กัมพูชา", "เขมร");
        Add("LAO", "la", "laos", "lao", "laotian", "lao pdr", "laopdr", "ลาว");
        Add("VNM", "vn", "vietnam", "viet nam", "vietnamese", "เวียดนาม");
        Add("CHN", "cn", "china", "chinese", "จีน");
        Add("MYS", "my", "malaysia", "malaysian", "มาเลเซีย");
        Add("IDN", "id", "indonesia", "indonesian", "อินโดนีเซีย");
        Add("PHL", "ph", "philippines", "filipino", "filipina", "ฟิลิปปินส์");
        Add("BGD", "bd", "bangladesh", "bangladeshi", "บังกลาเทศ");
        Add("IND", "in", "india", "indian", "อินเดีย");
        Add("NPL", "np", "nepal", "nepali", "nepalese", "เนปาล");
        Add("LKA", "lk", "sri lanka", "srilanka", "sri lankan", "ศรีลังกา");
        Add("UZB", "uz", "uzbekistan", "uzbek", "อุซเบกิสถาน");
        Add("XXA", "stateless", "ไร้สัญชาติ", "ไม่มีสัญชาติ");
        return d;
    }
}
