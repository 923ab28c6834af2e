using System.Globalization;
using System.Text;
using Saphan.Core.Features.Reference;

namespace Saphan.Core.Features.Import;

/// <summary>
/// The outcome of normalising one spreadsheet cell: the value in the form the product's own validation
/// expects (ISO dates, codes), or the reason it was refused, and an optional note that the value was
/// read with some guessing ("doubtful"). Neither message repeats the value: it may be identifying.
/// </summary>
public readonly record struct Normalised(string? Value, string? Problem = null, string? Doubt = null)
{
    public static readonly Normalised Empty = new(null);

    public bool Ok => Problem is null;

    public static Normalised Fail(string problem) => new(null, problem);
}

/// <summary>
/// Turns what people actually type into Thai spreadsheets into the product's values: Buddhist-Era and
/// Thai-month dates, Excel serial dates, Thai digits, province and nationality names in Thai or English
/// (with common romanisations and misspellings), gender words, and blank-ish placeholders.
/// </summary>
public static class ImportNormaliser
{
    // Compared ignoring case (n/a, N/A), without lower-casing a copy of every cell.
    private static readonly HashSet<string> BlankWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "-", "--", "---", "–", "—", ".", "?", "n/a", "na", "n.a.", "n.a", "none", "null", "nil", "#n/a", "x",
        "ไม่ทราบ", "ไม่ระบุ", "ไม่มี", "ไม่มีข้อมูล", "ไม่ทราบข้อมูล", "ไม่ได้ระบุ", "ไม่แน่ใจ",
    };

    /// <summary>Trims, folds Thai digits to ASCII and turns placeholders ("-", "n/a", "ไม่ทราบ", "ไม่ระบุ") into null.</summary>
    public static string? Clean(string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell))
        {
            return null;
        }

        var trimmed = cell.Trim().Trim('\u200B', '\uFEFF', '\u00A0').Trim();
        return trimmed.Length == 0 || (trimmed.Length <= LongestBlankWord && BlankWords.Contains(trimmed)) ? null : trimmed;
    }

    private static readonly int LongestBlankWord = BlankWords.Max(w => w.Length);

    /// <summary>Thai digits ๐–๙ become 0–9; every other character is kept.</summary>
    public static string FoldThaiDigits(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAnyInRange('\u0E50', '\u0E59') < 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is >= '\u0E50' and <= '\u0E59')
            {
                chars[i] = (char)('0' + (chars[i] - '\u0E50'));
            }
        }

        return new string(chars);
    }

    // ---------------------------------------------------------------- dates

    private static readonly (string Name, int Month)[] MonthNames = BuildMonthNames();

    private static (string, int)[] BuildMonthNames()
    {
        string[] thaiFull = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"];
        string[] thaiShort = ["มค", "กพ", "มีค", "เมย", "พค", "มิย", "กค", "สค", "กย", "ตค", "พย", "ธค"];
        string[] english = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
        var names = new List<(string, int)>();
        for (var m = 0; m < 12; m++)
        {
            names.Add((thaiFull[m], m + 1));
            names.Add((thaiShort[m], m + 1));
            names.Add((english[m], m + 1));
            names.Add((english[m][..3], m + 1));
        }

        names.Add(("sept", 9));
        // Longest first, so that "มีนาคม" is not read as a shorter name.
        return [.. names.OrderByDescending(n => n.Item1.Length)];
    }

    /// <summary>
    /// A date as ISO yyyy-MM-dd. Accepts d/M/yyyy, d-M-yyyy, d.M.yyyy, yyyy-M-d, "5 มี.ค. 2567",
    /// "5 March 2024", Excel serial numbers and a trailing time; years from 2400 are Buddhist Era (−543).
    /// Day first, as Thai spreadsheets write it; a date only readable month-first is taken as doubtful.
    /// </summary>
    public static Normalised Date(string? cell)
    {
        var clean = Clean(cell);
        if (clean is null)
        {
            return Normalised.Empty;
        }

        var text = FoldThaiDigits(clean).Trim();
        // A time after the date ("5/3/2567 0:00", "2024-03-05 00:00:00", "2024-03-05T00:00").
        var timeAt = text.IndexOfAny([' ', 'T']);
        if (timeAt > 0 && text.IndexOf(':', StringComparison.Ordinal) > timeAt)
        {
            var before = text[..timeAt].Trim();
            if (before.Length > 0 && char.IsAsciiDigit(before[^1]))
            {
                text = before;
            }
        }

        // Excel serial number: days since 1899-12-30 (the 1900 leap-year bug is absorbed by that origin).
        if (text.Length is >= 1 and <= 12 && char.IsAsciiDigit(text[0])
            && double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var serial)
            && !text.Contains('/', StringComparison.Ordinal) && !text.Contains('-', StringComparison.Ordinal))
        {
            if (serial is >= 1 and < 2958466 && text.Split('.')[0].Length <= 6)
            {
                if (serial < 367)
                {
                    return Normalised.Fail("Not a date: a small number, not a full date.");
                }

                var day = new DateOnly(1899, 12, 30).AddDays((int)Math.Floor(serial));
                return Finish(day.Year, day.Month, day.Day, "Read as an Excel date serial number.");
            }

            return Normalised.Fail("Not a date: use day/month/year, e.g. 5/3/2567 or 2024-03-05.");
        }

        // Named months: "5 มี.ค. 2567", "5 มีนาคม 67", "5 March 2024", "5-Mar-2024", "March 5, 2024".
        var letters = text.Where(c => !char.IsAsciiDigit(c) && !IsSeparator(c)).ToArray();
        if (letters.Length > 0)
        {
            return NamedMonth(text);
        }

        var parts = text.Split(['/', '-', '.', ' '], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3 || parts.Any(p => p.Length > 4 || !p.All(char.IsAsciiDigit)))
        {
            return Normalised.Fail("Not a date: use day/month/year, e.g. 5/3/2567 or 2024-03-05.");
        }

        var numbers = parts.Select(p => int.Parse(p, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
        if (parts[0].Length == 4)
        {
            return Finish(numbers[0], numbers[1], numbers[2], null, yearDigits: 4);
        }

        if (parts[2].Length is not (4 or 2))
        {
            return Normalised.Fail("Not a date: use day/month/year, e.g. 5/3/2567 or 2024-03-05.");
        }

        var (d, m) = (numbers[0], numbers[1]);
        string? doubt = null;
        if (m > 12 && d <= 12)
        {
            (d, m) = (m, d);
            doubt = "Read as month/day/year (the day/month reading is impossible): check it.";
        }

        return Finish(numbers[2], m, d, doubt, parts[2].Length);
    }

    private static bool IsSeparator(char c) => c is '/' or '-' or '.' or ' ' or ',' or '\u00A0';

    private static Normalised NamedMonth(string text)
    {
        var lower = text.ToLowerInvariant();
        // Drop the dots of abbreviations ("มี.ค.", "Mar.") and a leading weekday or era marker.
        var compact = lower.Replace(".", "", StringComparison.Ordinal)
            .Replace("พศ", " ", StringComparison.Ordinal).Replace("คศ", " ", StringComparison.Ordinal)
            .Replace("วันที่", " ", StringComparison.Ordinal);
        int? month = null;
        foreach (var (name, number) in MonthNames)
        {
            var at = compact.IndexOf(name, StringComparison.Ordinal);
            if (at >= 0)
            {
                month = number;
                compact = compact[..at] + " " + compact[(at + name.Length)..];
                break;
            }
        }

        if (month is null)
        {
            return Normalised.Fail("Not a date: the month name is not recognised.");
        }

        var numbers = compact.Split([' ', ',', '-', '/'], StringSplitOptions.RemoveEmptyEntries);
        if (numbers.Length != 2 || numbers.Any(n => !n.All(char.IsAsciiDigit) || n.Length > 4))
        {
            return Normalised.Fail("Not a date: use day, month and year, e.g. 5 มี.ค. 2567.");
        }

        // The year is the longer number, or the last one.
        var (dayText, yearText) = numbers[0].Length > 2 ? (numbers[1], numbers[0]) : (numbers[0], numbers[1]);
        var day = int.Parse(dayText, NumberStyles.None, CultureInfo.InvariantCulture);
        var year = int.Parse(yearText, NumberStyles.None, CultureInfo.InvariantCulture);
        return Finish(year, month.Value, day, null, yearText.Length);
    }

    private static Normalised Finish(int year, int month, int day, string? doubt, int yearDigits = 4)
    {
        if (yearDigits == 2)
        {
            return Normalised.Fail("A two-digit year is ambiguous (Buddhist or Common Era?): write the year in full.");
        }

        if (year >= 2400)
        {
            year -= 543;
        }

        if (year < 1000 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return Normalised.Fail("Not a valid calendar date.");
        }

        return new Normalised(new DateOnly(year, month, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null, doubt);
    }

    // ---------------------------------------------------------------- numbers and codes

    /// <summary>An age in years: "25", "๒๕", "25 ปี", "ประมาณ 25", "~25", "25 years".</summary>
    public static Normalised Age(string? cell)
    {
        var clean = Clean(cell);
        if (clean is null)
        {
            return Normalised.Empty;
        }

        var text = FoldThaiDigits(clean).ToLowerInvariant();
        foreach (var noise in new[] { "ประมาณ", "ปี", "years old", "years", "year", "yrs", "yr", "about", "approx.", "approx", "~", "±", "+" })
        {
            text = text.Replace(noise, " ", StringComparison.Ordinal);
        }

        text = text.Trim();
        if (text.EndsWith(".0", StringComparison.Ordinal))
        {
            text = text[..^2];
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var age)
            ? new Normalised(age.ToString(CultureInfo.InvariantCulture))
            : Normalised.Fail("Not an age: a whole number of years.");
    }

    private static readonly Dictionary<string, string> GenderWords = new(StringComparer.Ordinal)
    {
        ["male"] = "male", ["m"] = "male", ["man"] = "male", ["boy"] = "male", ["ชาย"] = "male", ["ผู้ชาย"] = "male", ["ช"] = "male",
        ["เด็กชาย"] = "male", ["ดช"] = "male", ["นาย"] = "male", ["เพศชาย"] = "male",
        ["female"] = "female", ["f"] = "female", ["woman"] = "female", ["girl"] = "female", ["หญิง"] = "female", ["ผู้หญิง"] = "female",
        ["ญ"] = "female", ["เด็กหญิง"] = "female", ["ดญ"] = "female", ["นางสาว"] = "female", ["นาง"] = "female", ["เพศหญิง"] = "female",
        ["transgender"] = "transgender_nonconforming", ["tg"] = "transgender_nonconforming", ["nonbinary"] = "transgender_nonconforming",
        ["non-binary"] = "transgender_nonconforming", ["other"] = "transgender_nonconforming", ["คนข้ามเพศ"] = "transgender_nonconforming",
        ["ข้ามเพศ"] = "transgender_nonconforming", ["สาวประเภทสอง"] = "transgender_nonconforming", ["กะเทย"] = "transgender_nonconforming",
        ["เพศทางเลือก"] = "transgender_nonconforming", ["lgbt"] = "transgender_nonconforming", ["lgbtq"] = "transgender_nonconforming",
        ["อื่นๆ"] = "transgender_nonconforming", ["transgender_nonconforming"] = "transgender_nonconforming", ["transgendernonconforming"] = "transgender_nonconforming",
        ["unknown"] = "unknown", ["u"] = "unknown",
    };

    /// <summary>Gender words in Thai or English (ชาย/หญิง, M/F, male/female, ด.ช./ด.ญ.) → the gender code.</summary>
    public static Normalised Gender(string? cell)
    {
        var clean = Clean(cell);
        if (clean is null)
        {
            return Normalised.Empty;
        }

        var key = clean.ToLowerInvariant().Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        return GenderWords.TryGetValue(key, out var code) || GenderWords.TryGetValue(clean.ToLowerInvariant(), out code)
            ? new Normalised(code)
            : Normalised.Fail("Unknown gender: use ชาย/หญิง, male/female, M/F or transgender.");
    }

    private static readonly Dictionary<string, string> NationalityWords = BuildNationalityWords();

    private static Dictionary<string, string> BuildNationalityWords()
    {
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var country in Countries.All.Values)
        {
            words[Key(country.Code)] = country.Code;
            words[Key(country.English)] = country.Code;
            if (country.Thai.Length > 0)
            {
                words[Key(country.Thai)] = country.Code;
            }
        }

        void Add(string code, params string[] names)
        {
            foreach (var name in names)
            {
                words[Key(name)] = code;
            }
        }

        Add("MM", "พม่า", "เมียนมา", "เมียนมาร์", "เมียนม่า", "ชาวพม่า", "สัญชาติพม่า", "myanmar", "burma", "burmese", "myanmese", "myanmar national");
        Add("KH", "กัมพูชา", "เขมร", "ชาวกัมพูชา", "ชาวเขมร", "สัญชาติกัมพูชา", "cambodia", "cambodian", "khmer", "kampuchea");
        Add("LA", "ลาว", "ชาวลาว", "สัญชาติลาว", "สปปลาว", "lao", "laos", "laotian", "lao pdr");
        Add("TH", "ไทย", "คนไทย", "ชาวไทย", "สัญชาติไทย", "thai", "thailand");
        Add("VN", "เวียดนาม", "ญวน", "vietnam", "vietnamese", "viet nam");
        Add("CN", "จีน", "china", "chinese");
        Add("MY", "มาเลเซีย", "มาเลย์", "malaysia", "malaysian");
        Add("ID", "อินโดนีเซีย", "indonesia", "indonesian");
        Add("PH", "ฟิลิปปินส์", "philippines", "filipino", "filipina");
        Add("BD", "บังกลาเทศ", "บังคลาเทศ", "bangladesh", "bangladeshi");
        Add("NP", "เนปาล", "nepal", "nepali", "nepalese");
        Add("IN", "อินเดีย", "india", "indian");
        Add("LK", "ศรีลังกา", "sri lanka", "sri lankan");
        Add("UG", "ยูกันดา", "uganda", "ugandan");
        Add("KE", "เคนยา", "kenya", "kenyan");
        Add("RU", "รัสเซีย", "russia", "russian");
        Add(Countries.Stateless, "ไร้สัญชาติ", "ไม่มีสัญชาติ", "บุคคลไร้สัญชาติ", "stateless", "no nationality", "none (stateless)");
        return words;
    }

    /// <summary>Nationalities as words or codes, several separated by ; , / or "และ" → ISO 3166-1 alpha-2 codes or "stateless".</summary>
    public static (IReadOnlyList<string> Codes, string? Problem) Nationalities(string? cell)
    {
        var clean = Clean(cell);
        if (clean is null)
        {
            return ([], null);
        }

        var codes = new List<string>();
        foreach (var part in clean.Replace("และ", ";", StringComparison.Ordinal).Split([';', ',', '/', '|', '+'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Clean(part) is null)
            {
                continue;
            }

            if (!NationalityWords.TryGetValue(Key(part), out var code))
            {
                return ([], "Unknown nationality: write a country name (Thai or English), its ISO code, or ไร้สัญชาติ/stateless.");
            }

            if (!codes.Contains(code, StringComparer.Ordinal))
            {
                codes.Add(code);
            }
        }

        return (codes, null);
    }

    private static readonly Dictionary<string, string> ProvinceWords = BuildProvinceWords();
    private static readonly (string Key, string Code)[] ProvinceEnglishKeys =
        [.. Provinces.All.Values.Select(p => (Key(p.English), p.Code))];

    private static Dictionary<string, string> BuildProvinceWords()
    {
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var province in Provinces.All.Values)
        {
            words[Key(province.Code)] = province.Code;
            words[Key(province.English)] = province.Code;
            words[Key(province.Thai)] = province.Code;
        }

        void Add(string code, params string[] names)
        {
            foreach (var name in names)
            {
                words[Key(name)] = code;
            }
        }

        Add("TH-10", "กทม", "กรุงเทพ", "กรุงเทพฯ", "กรุงเทพมหานคร", "bkk", "krung thep", "krungthep", "bangkok metropolis");
        Add("TH-30", "korat", "khorat", "โคราช", "nakhon ratchasima", "nakorn ratchasima");
        Add("TH-14", "ayutthaya", "ayudhya", "ayuthaya", "อยุธยา", "กรุงศรีอยุธยา", "phra nakhon si ayutthaya");
        Add("TH-80", "นครศรีฯ", "nakhon si thammarat", "nakorn si thammarat", "nakhon sri thammarat");
        Add("TH-50", "chiangmai", "chieng mai", "เชียงใหม่");
        Add("TH-57", "chiangrai", "chieng rai");
        Add("TH-20", "chonburi", "cholburi", "chon buri");
        Add("TH-41", "udon", "udorn", "udorn thani", "อุดร");
        Add("TH-34", "ubon", "ubol", "อุบล", "อุบลฯ");
        Add("TH-90", "songkla", "hat yai", "หาดใหญ่");
        Add("TH-63", "mae sot", "แม่สอด");
        Add("TH-74", "mahachai", "มหาชัย", "samut sakorn");
        Add("TH-11", "paknam", "ปากน้ำ", "samut prakarn");
        Add("TH-S", "pattaya", "pattaya city", "เมืองพัทยา", "พัทยา");
        return words;
    }

    /// <summary>
    /// A province in Thai or English, with or without "จังหวัด"/"จ."/"Province", common romanisations
    /// (Chiangmai, Korat, Ayutthaya, กทม.) and small misspellings → its ISO 3166-2:TH code.
    /// </summary>
    public static Normalised Province(string? cell)
    {
        var clean = Clean(cell);
        if (clean is null)
        {
            return Normalised.Empty;
        }

        var text = clean.ToLowerInvariant();
        foreach (var prefix in new[] { "จังหวัด", "จ.", "จ ", "changwat", "province of" })
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                text = text[prefix.Length..];
            }
        }

        foreach (var suffix in new[] { "province", "prov.", "จังหวัด" })
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal))
            {
                text = text[..^suffix.Length];
            }
        }

        var key = Key(text);
        if (key.Length == 0)
        {
            return Normalised.Fail("Not a Thai province: write its name in Thai or English, or its ISO code (TH-10).");
        }

        if (ProvinceWords.TryGetValue(key, out var code))
        {
            return new Normalised(code);
        }

        // Common romanisation swaps, then one or two typing slips against the English names.
        var romanised = key.Replace("nakorn", "nakhon", StringComparison.Ordinal).Replace("burii", "buri", StringComparison.Ordinal)
            .Replace("puri", "buri", StringComparison.Ordinal).Replace("tani", "thani", StringComparison.Ordinal)
            .Replace("rachasima", "ratchasima", StringComparison.Ordinal).Replace("cheng", "chiang", StringComparison.Ordinal);
        if (ProvinceWords.TryGetValue(romanised, out code))
        {
            return new Normalised(code);
        }

        if (romanised.Length >= 5 && romanised.All(char.IsAsciiLetterLower))
        {
            var best = ProvinceEnglishKeys
                .Select(p => (p.Code, Distance: Levenshtein(romanised, p.Key)))
                .OrderBy(p => p.Distance)
                .Take(2)
                .ToList();
            var allowed = romanised.Length >= 9 ? 2 : 1;
            if (best[0].Distance <= allowed && best[1].Distance > best[0].Distance)
            {
                return new Normalised(best[0].Code, null, "Read as the nearest province name (a spelling slip?): check it.");
            }
        }

        return Normalised.Fail("Not a Thai province: write its name in Thai or English, or its ISO code (TH-10).");
    }

    private static readonly Dictionary<string, string> StatusWords = new(StringComparer.Ordinal)
    {
        ["active"] = "active", ["open"] = "active", ["ongoing"] = "active", ["เปิด"] = "active", ["ดำเนินการ"] = "active",
        ["กำลังดำเนินการ"] = "active", ["อยู่ระหว่างดำเนินการ"] = "active", ["ใหม่"] = "active", ["new"] = "active",
        ["follow_up"] = "follow_up", ["followup"] = "follow_up", ["follow-up"] = "follow_up", ["follow up"] = "follow_up",
        ["ติดตาม"] = "follow_up", ["ติดตามผล"] = "follow_up",
        ["closed"] = "closed", ["close"] = "closed", ["ปิด"] = "closed", ["ปิดแล้ว"] = "closed", ["ปิดคดี"] = "closed", ["ปิดเคส"] = "closed",
        ["closed_referred"] = "closed_referred", ["closedreferred"] = "closed_referred", ["referred"] = "closed_referred", ["closed - referred"] = "closed_referred",
        ["ส่งต่อ"] = "closed_referred", ["ส่งต่อแล้ว"] = "closed_referred", ["ปิด – ส่งต่อแล้ว"] = "closed_referred", ["ปิด-ส่งต่อ"] = "closed_referred",
    };

    /// <summary>The case status as a code or a Thai/English word (ดำเนินการ, ติดตาม, ปิด, ส่งต่อ).</summary>
    public static Normalised Status(string? cell) => Coded(cell, StatusWords, ValueSets.CaseStatus,
        "Unknown case status: use active, follow_up, closed, closed_referred (or ดำเนินการ, ติดตาม, ปิด, ส่งต่อ).");

    private static readonly Dictionary<string, string> ClosureReasonWords =
        Standard.StandardValueSets.ClosureReason.Values.SelectMany(v => new[] { (v.English.ToLowerInvariant(), v.Code), (v.Thai, v.Code) })
            .DistinctBy(w => w.Item1).ToDictionary(w => w.Item1, w => w.Code, StringComparer.Ordinal);

    /// <summary>The reason a case was closed, as a code or its Thai/English label (บรรลุเป้าหมายตามแผน, Contact lost …).</summary>
    public static Normalised ClosureReason(string? cell) => Coded(cell, ClosureReasonWords, Standard.StandardValueSets.ClosureReason,
        "Unknown closure reason: use one of " + Standard.StandardValueSets.ClosureReason.Describe() + ".");

    private static readonly Dictionary<string, string> RouteWords = new(StringComparer.Ordinal)
    {
        ["สายด่วน"] = "hotline", ["1300"] = "hotline", ["แจ้งเบาะแส"] = "hotline", ["tip"] = "hotline",
        ["ลงพื้นที่"] = "outreach", ["เชิงรุก"] = "outreach",
        ["ตำรวจ"] = "police_operation", ["police"] = "police_operation", ["ปฏิบัติการตำรวจ"] = "police_operation", ["raid"] = "police_operation",
        ["ตรวจแรงงาน"] = "labour_inspection", ["labour inspection"] = "labour_inspection", ["labor inspection"] = "labour_inspection",
        ["ชายแดน"] = "border_screening", ["ตม"] = "border_screening", ["immigration"] = "border_screening", ["border"] = "border_screening",
        ["ติดต่อเอง"] = "self_referral", ["self"] = "self_referral", ["self referral"] = "self_referral", ["walk-in"] = "self_referral",
        ["ส่งต่อ"] = "ngo_referral", ["referral"] = "ngo_referral", ["ngo"] = "ngo_referral",
        ["สถานทูต"] = "embassy", ["สถานกงสุล"] = "embassy", ["consulate"] = "embassy",
        ["อื่นๆ"] = "other", ["อื่น ๆ"] = "other",
    };

    /// <summary>How the person was identified, as a code or a Thai/English word.</summary>
    public static Normalised Route(string? cell) => Coded(cell, RouteWords, ValueSets.IdentificationRoute,
        $"Unknown identification route: use one of {ValueSets.IdentificationRoute.Describe()}.");

    /// <summary>Languages as codes or their Thai/English names, several separated by ; or ,.</summary>
    public static (IReadOnlyList<string> Codes, string? Problem) Languages(string? cell)
    {
        var clean = Clean(cell);
        if (clean is null)
        {
            return ([], null);
        }

        var codes = new List<string>();
        foreach (var part in clean.Split([';', ',', '/', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var key = part.ToLowerInvariant();
            var match = ValueSets.Language.Values.FirstOrDefault(v =>
                v.Code == key || string.Equals(v.English, part, StringComparison.OrdinalIgnoreCase) || v.Thai == part || v.Thai == part.Replace("ภาษา", "", StringComparison.Ordinal));
            if (match is null)
            {
                return ([], $"Unknown language: use one of {ValueSets.Language.Describe()} or its Thai/English name.");
            }

            if (!codes.Contains(match.Code, StringComparer.Ordinal))
            {
                codes.Add(match.Code);
            }
        }

        return (codes, null);
    }

    /// <summary>A document number: Thai digits folded, spaces and dashes removed; Excel's scientific notation refused.</summary>
    public static Normalised DocumentNumber(string? cell)
    {
        var clean = Clean(cell);
        if (clean is null)
        {
            return Normalised.Empty;
        }

        var text = FoldThaiDigits(clean);
        if (text.Contains("E+", StringComparison.OrdinalIgnoreCase) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return Normalised.Fail("The spreadsheet turned this number into scientific notation (e.g. 1.1E+12): format the column as text and export again.");
        }

        var compact = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                compact.Append(char.ToUpperInvariant(c));
            }
        }

        return new Normalised(compact.ToString());
    }

    /// <summary>A phone number: Thai digits folded; the product's rules check the rest.</summary>
    public static Normalised Phone(string? cell) => Clean(cell) is { } clean ? new Normalised(FoldThaiDigits(clean)) : Normalised.Empty;

    private static Normalised Coded(string? cell, Dictionary<string, string> words, ValueSet set, string problem)
    {
        var clean = Clean(cell);
        if (clean is null)
        {
            return Normalised.Empty;
        }

        var key = clean.ToLowerInvariant();
        if (set.Contains(key))
        {
            return new Normalised(key);
        }

        if (words.TryGetValue(key, out var code) || words.TryGetValue(key.Replace(".", "", StringComparison.Ordinal), out code))
        {
            return new Normalised(code);
        }

        var byLabel = set.Values.FirstOrDefault(v => string.Equals(v.English, clean, StringComparison.OrdinalIgnoreCase) || v.Thai == clean);
        return byLabel is not null ? new Normalised(byLabel.Code) : Normalised.Fail(problem);
    }

    /// <summary>Lower case, NFKC, letters and digits only (Thai vowel and tone marks kept).</summary>
    internal static string Key(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC).ToLowerInvariant())
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (char.IsLetterOrDigit(c) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    internal static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
