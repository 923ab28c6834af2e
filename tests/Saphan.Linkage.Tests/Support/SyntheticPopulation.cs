using System.Globalization;
using System.Text;
using Saphan.Linkage.Clks;

namespace Saphan.Linkage.Tests.Support;

/// <summary>
/// Generates persons met by a shelter, a police unit and an NGO, with the variation such records show
/// in Thailand: romanisation variants of Thai, Burmese, Khmer and Lao names, Thai script at the police,
/// spaces inside names, given/family order swapped, typos, Buddhist-Era years, estimated birth years,
/// partial dates and missing fields. The truth (which records are one person) is kept.
/// </summary>
internal sealed class SyntheticPopulation
{
    // (Thai script, romanisations seen in records)
    private static readonly (string Thai, string[] Latin)[] ThaiGiven =
    [
        ("สมชาย", ["Somchai", "Somchay", "Somchaai"]), ("สมศักดิ์", ["Somsak", "Somsuk", "Somsakk"]),
        ("วิชัย", ["Wichai", "Vichai", "Wichay"]), ("สุดา", ["Suda", "Sudaa"]), ("มาลี", ["Malee", "Mali", "Malii"]),
        ("บุญมี", ["Boonmee", "Bunmi", "Boonmi"]), ("ประยุทธ์", ["Prayut", "Prayuth", "Prayudh"]),
        ("สมหญิง", ["Somying", "Somyhing"]), ("นงลักษณ์", ["Nonglak", "Nongluck", "Nongluk"]),
        ("กาญจนา", ["Kanchana", "Kanjana", "Karnchana"]), ("จิราพร", ["Chiraporn", "Jiraporn", "Chiraphon"]),
        ("วันเพ็ญ", ["Wanphen", "Wanpen", "Vanpen"]), ("อรุณ", ["Arun", "Aroon"]), ("ศรีสุข", ["Srisuk", "Sisuk", "Srisook"]),
        ("ทองดี", ["Thongdee", "Tongdee", "Thongdi"]), ("สุนทร", ["Sunthon", "Soonthorn", "Sunthorn"]),
        ("ปัญญา", ["Panya", "Phanya", "Punya"]), ("แก้ว", ["Kaew", "Kaeo", "Keaw"]), ("กมล", ["Kamol", "Kamon"]),
        ("พรทิพย์", ["Pornthip", "Phonthip", "Porntip"]), ("เพ็ญศรี", ["Phensri", "Pensri", "Pensi"]),
        ("สุภาพ", ["Suphap", "Supap", "Supab"]), ("ชัยวัฒน์", ["Chaiwat", "Chaiwath", "Jaiwat"]),
        ("อนันต์", ["Anan", "Anant", "Anun"]), ("ธนพร", ["Thanaporn", "Tanaporn", "Thanaphon"]),
        ("วิไล", ["Wilai", "Vilai", "Wilaii"]), ("สมพร", ["Somporn", "Somphon", "Sompon"]),
        ("นิภา", ["Nipha", "Nipa", "Nipaa"]), ("บุญเรือน", ["Boonruean", "Bunruean", "Boonruen"]),
        ("จันทร์เพ็ญ", ["Chanphen", "Janpen", "Chanpen"]),
    ];

    private static readonly (string Thai, string[] Latin)[] ThaiFamily =
    [
        ("ศรีสวัสดิ์", ["Srisawat", "Sisawat", "Srisawad"]), ("ทองคำ", ["Thongkham", "Tongkam", "Thongkam"]),
        ("แสงทอง", ["Saengthong", "Sangthong", "Saengtong"]), ("บุญมา", ["Boonma", "Bunma"]),
        ("สุขใจ", ["Sukjai", "Sukchai", "Sookjai"]), ("จันทร์ดี", ["Chandee", "Jandee", "Chandi"]),
        ("วงศ์ใหญ่", ["Wongyai", "Vongyai"]), ("มีสุข", ["Meesuk", "Misuk", "Meesook"]), ("ใจดี", ["Jaidee", "Chaidee", "Jaidi"]),
        ("สมบูรณ์", ["Somboon", "Sombun", "Somboun"]), ("เกษมสุข", ["Kasemsuk", "Kasemsook"]),
        ("อินทร์แก้ว", ["Inkaew", "Inkaeo"]), ("ศรีทอง", ["Srithong", "Sithong", "Sritong"]),
        ("พรหมมา", ["Phromma", "Promma"]), ("แก้วมณี", ["Kaewmanee", "Kaeomani", "Keawmanee"]),
        ("บุญประเสริฐ", ["Boonprasert", "Bunprasoet", "Boonprasoet"]), ("ทองมา", ["Thongma", "Tongma"]),
        ("สุวรรณ", ["Suwan", "Suwann", "Suvan"]), ("ชัยมงคล", ["Chaimongkhon", "Chaimongkol", "Jaimongkol"]),
        ("วิเศษ", ["Wiset", "Viset", "Wisate"]),
    ];

    // Burmese names are built from syllables; each syllable has its romanisations.
    private static readonly string[][] BurmeseSyllables =
    [
        ["Aung"], ["Kyaw"], ["Zin", "Zinn"], ["Min", "Minn"], ["Htun", "Tun"], ["Hnin"], ["Wai", "Way"], ["Mya"],
        ["Su"], ["Hlaing"], ["Thu", "Thuu"], ["Zaw"], ["Myo"], ["Win", "Winn"], ["Aye"], ["Nu", "Nuu"], ["Phyo", "Pyo"],
        ["Ei", "Ei"], ["Soe", "So"], ["Moe", "Mo"], ["Lwin"], ["Oo", "U"], ["Khaing"], ["Thet", "Thett"], ["Naing"],
        ["Htet", "Tet"], ["Thiri", "Thiree"], ["Thandar", "Thanda", "Thander"], ["Nay", "Nei"], ["Khin"], ["San"],
        ["Yin"], ["Hla"], ["Sandar", "Sanda"], ["Ko"], ["Lin", "Linn"], ["Pyae", "Pyay"], ["Wut"], ["Yee", "Yi"],
    ];

    private static readonly string[][] KhmerFamily =
    [
        ["Sok", "Sokh"], ["Chan", "Chann"], ["Heng", "Hang"], ["Kim"], ["Meas", "Mias"], ["Chea", "Chia"], ["Keo", "Kaev", "Keov"],
        ["Nhem", "Nhim"], ["Sam", "Samm"], ["Phan", "Phann", "Pan"], ["Ly", "Li"], ["Yim", "Im"], ["Sorn", "Son"], ["Touch", "Tuch"],
        ["Prak", "Prach"], ["Mao", "Mau"], ["Ouk", "Uk"], ["Seng", "Sieng"],
    ];

    private static readonly string[][] KhmerGiven =
    [
        ["Sokha", "Sokhaa"], ["Dara", "Daraa"], ["Srey Leak", "Sreyleak", "Srey Leakh"], ["Vannak", "Vanak", "Wannak"],
        ["Chanthou", "Chanthu", "Chantou"], ["Bopha", "Bupha"], ["Sophea", "Sophia", "Sopheak"], ["Rithy", "Rithi"],
        ["Piseth", "Pisith", "Piset"], ["Sreymom", "Srey Mom"], ["Vuthy", "Vuthi", "Wuthy"], ["Kunthea", "Kuntheaa"],
        ["Sothea", "Sotheа"], ["Channary", "Chanary", "Channari"], ["Rathana", "Rattana", "Ratana"], ["Sopheap", "Sophiep"],
        ["Malis", "Maliss"], ["Thida", "Tida"], ["Vibol", "Vibul", "Wibol"], ["Kosal", "Kossal"],
    ];

    private static readonly string[][] LaoGiven =
    [
        ["Bounmy", "Bounmi", "Bunmi"], ["Somphone", "Somphon", "Sompone"], ["Khamla", "Kamla"], ["Phetsamone", "Phetsamon", "Petsamone"],
        ["Souksavanh", "Suksavan", "Souksavan"], ["Vilayvanh", "Vilaivan", "Wilaiwan"], ["Noy", "Noi"], ["Keo", "Kaeo"],
        ["Sengdao", "Saengdao"], ["Khamphao", "Khampao"], ["Viengsamai", "Wiengsamai"], ["Outhai", "Uthai"], ["Manivone", "Manivon"],
        ["Chanthala", "Chantala", "Jantala"], ["Douangmala", "Duangmala"],
    ];

    // Lao family names are long compounds: a first part and an ending, each with its spellings.
    private static readonly string[][] LaoFamilyHead =
    [
        ["Phomma", "Pomma"], ["Sisa", "Srisa"], ["Vong", "Wong"], ["Keo", "Kaeo"], ["Intha", "Inta"], ["Douang", "Duang"],
        ["Say", "Sai", "Xay"], ["Phantha", "Pantha"], ["Seng", "Saeng"], ["Boun", "Bun"], ["Khoun", "Khun"], ["Luang"],
    ];

    private static readonly string[][] LaoFamilyTail =
    [
        ["chanh", "chan"], ["vath", "vat", "wat"], ["sa"], ["many", "mani"], ["vong", "wong"], ["sy", "si"],
        ["phakdy", "phakdi"], ["rath", "rat"], ["thavy", "thavi"], ["sone", "son"],
    ];

    // Khmer given names often have a second element.
    private static readonly string[][] KhmerSecond =
    [
        ["Pich", "Pech"], ["Mony", "Moni"], ["Roth", "Rot"], ["Nary", "Nari"], ["Sreng"], ["Vanna", "Wanna"], ["Kanha"], ["Chenda", "Chendaa"],
    ];

    private readonly Random _random;

    public SyntheticPopulation(int seed) => _random = new Random(seed);

    /// <summary>The persons of the last <see cref="Generate"/>, by key.</summary>
    public List<Person> People { get; private set; } = [];

    /// <summary>
    /// Two persons no encoding can tell apart except by the fields one record may lack: the same name
    /// (same tokens, any order and spelling), birth years at most two apart, and the same sex.
    /// </summary>
    public static bool Lookalike(Person a, Person b) =>
        a.Sex == b.Sex && Math.Abs(a.Year - b.Year) <= 2 && NameKey(a) == NameKey(b);

    public static string NameKey(Person p) =>
        string.Join('|', p.GivenTokens.Concat(p.FamilyTokens).Select(t => t[0]).Order(StringComparer.Ordinal));

    public sealed record Person(int Key, string Nationality, List<string[]> GivenTokens, List<string[]> FamilyTokens, string? ThaiGiven, string? ThaiFamily, int Year, int Month, int Day, string Sex, string? IdNumber, string? Phone);

    public sealed record Source(string Name, List<(int Person, PersonIdentifiers Identifiers)> Records);

    /// <summary>
    /// Three sources (or <paramref name="organisations"/>: organisation s records in the style of a shelter,
    /// police unit or NGO by s mod 3); each person appears in each with probability
    /// <paramref name="presence"/> (at least once).
    /// </summary>
    public List<Source> Generate(int persons, double presence = 0.6, int organisations = 3)
    {
        string[] styles = ["shelter", "police", "ngo"];
        var sources = Enumerable.Range(0, organisations)
            .Select(s => new Source(organisations == 3 ? styles[s] + ".csv" : $"org{s + 1}-{styles[s % 3]}.csv", []))
            .ToList();
        var people = Enumerable.Range(0, persons).Select(NewPerson).ToList();
        People = people;
        foreach (var p in people)
        {
            var where = new bool[organisations];
            for (var s = 0; s < organisations; s++)
            {
                where[s] = _random.NextDouble() < presence;
            }

            if (!where.Any(w => w))
            {
                where[_random.Next(organisations)] = true;
            }

            for (var s = 0; s < organisations; s++)
            {
                if (where[s])
                {
                    sources[s].Records.Add((p.Key, (s % 3) switch { 0 => Shelter(p), 1 => Police(p), _ => Ngo(p) }));
                }
            }
        }

        foreach (var s in sources)
        {
            Shuffle(s.Records);
        }

        return sources;
    }

    private Person NewPerson(int key)
    {
        var roll = _random.NextDouble();
        var year = 1975 + _random.Next(36);
        var month = 1 + _random.Next(12);
        var day = 1 + _random.Next(DateTime.DaysInMonth(year, month));
        var sex = _random.Next(10) < 7 ? "F" : "M";
        string? phone = _random.NextDouble() < 0.7 ? "08" + Digits(8) : null;
        if (roll < 0.35)
        {
            // Thai family names are unique to a family and often compounds of common elements.
            var g = ThaiGiven[_random.Next(ThaiGiven.Length)];
            var f = ThaiFamily[_random.Next(ThaiFamily.Length)];
            if (_random.NextDouble() < 0.6)
            {
                var f2 = ThaiFamily[_random.Next(ThaiFamily.Length)];
                f = (f.Thai + f2.Thai, [.. from x in f.Latin from y in f2.Latin select x + y.ToLowerInvariant()]);
            }

            return new Person(key, "Thai", [g.Latin], [f.Latin], g.Thai, f.Thai, year, month, day, sex, "1" + Digits(12), phone);
        }

        if (roll < 0.65)
        {
            // Burmese: two or three syllables, no family name.
            var n = 2 + _random.Next(2);
            var tokens = Enumerable.Range(0, n).Select(_ => BurmeseSyllables[_random.Next(BurmeseSyllables.Length)]).ToList();
            if (_random.NextDouble() < 0.15)
            {
                tokens[1] = tokens[0]; // reduplicated: Aung Aung, Mya Mya
            }

            return new Person(key, "Myanmar", tokens, [], null, null, year, month, day, sex, _random.NextDouble() < 0.5 ? "MA" + Digits(6) : null, phone);
        }

        if (roll < 0.85)
        {
            List<string[]> given = [KhmerGiven[_random.Next(KhmerGiven.Length)]];
            if (_random.NextDouble() < 0.6)
            {
                given.Add(KhmerSecond[_random.Next(KhmerSecond.Length)]);
            }

            return new Person(key, "Cambodian", given, [KhmerFamily[_random.Next(KhmerFamily.Length)]], null, null, year, month, day, sex, _random.NextDouble() < 0.4 ? "N" + Digits(8) : null, phone);
        }

        var head = LaoFamilyHead[_random.Next(LaoFamilyHead.Length)];
        var tail = LaoFamilyTail[_random.Next(LaoFamilyTail.Length)];
        string[] family = [.. from x in head from y in tail select x + y];
        return new Person(key, "Lao", [LaoGiven[_random.Next(LaoGiven.Length)]], [family], null, null, year, month, day, sex, _random.NextDouble() < 0.4 ? "P" + Digits(7) : null, phone);
    }

    private PersonIdentifiers Shelter(Person p)
    {
        // Estimated age: the year is often a guess, written in BE half of the time.
        var year = p.Year + (_random.NextDouble() < 0.6 ? 0 : _random.Next(-2, 3));
        var (given, family) = Names(p, typo: 0.05, swap: 0.05, respace: 0.2);
        return new PersonIdentifiers
        {
            GivenName = given,
            FamilyName = family,
            BirthDate = (_random.NextDouble() < 0.5 ? year + 543 : year).ToString(CultureInfo.InvariantCulture),
            Sex = _random.NextDouble() < 0.5 ? p.Sex : (p.Sex == "F" ? "female" : "male"),
            Citizenship = _random.NextDouble() < 0.7 ? p.Nationality : null,
            Phone = _random.NextDouble() < 0.3 ? p.Phone : null,
        };
    }

    private PersonIdentifiers Police(Person p)
    {
        string given, family;
        if (p.ThaiGiven is not null && _random.NextDouble() < 0.6)
        {
            (given, family) = (p.ThaiGiven, p.ThaiFamily!);
        }
        else
        {
            (given, family) = Names(p, typo: 0.05, swap: 0.05, respace: 0.2);
        }

        var date = _random.NextDouble() < 0.7
            ? string.Create(CultureInfo.InvariantCulture, $"{p.Day:00}/{p.Month:00}/{p.Year + 543}")
            : string.Create(CultureInfo.InvariantCulture, $"{p.Year}-{p.Month:00}-{p.Day:00}");
        return new PersonIdentifiers
        {
            GivenName = given,
            FamilyName = family,
            BirthDate = _random.NextDouble() < 0.85 ? date : null,
            Sex = p.Sex,
            Citizenship = p.Nationality == "Thai" ? "ไทย" : p.Nationality,
            IdNumber = _random.NextDouble() < 0.6 ? p.IdNumber : null,
            Phone = _random.NextDouble() < 0.5 && p.Phone is { } ph ? "+66 " + ph[1..] : null,
        };
    }

    private PersonIdentifiers Ngo(Person p)
    {
        var (given, family) = Names(p, typo: 0.2, swap: 0.25, respace: 0.3);
        var r = _random.NextDouble();
        var date = r < 0.3
            ? string.Create(CultureInfo.InvariantCulture, $"{p.Year}{p.Month:00}{p.Day:00}")
            : r < 0.7 ? string.Create(CultureInfo.InvariantCulture, $"{p.Year}-{p.Month:00}") : (p.Year + (_random.NextDouble() < 0.7 ? 0 : _random.Next(-1, 2))).ToString(CultureInfo.InvariantCulture);
        return new PersonIdentifiers
        {
            GivenName = given,
            FamilyName = family,
            BirthDate = date,
            Sex = p.Sex == "F" ? "หญิง" : "ชาย",
            Phone = _random.NextDouble() < 0.5 ? p.Phone : null,
        };
    }

    private (string Given, string Family) Names(Person p, double typo, double swap, double respace)
    {
        var given = p.GivenTokens.Select(Pick).ToList();
        var family = p.FamilyTokens.Select(Pick).ToList();
        if (p.Nationality == "Myanmar")
        {
            // Burmese names have no family name; organisations split them anywhere, or not at all.
            var all = given;
            var split = _random.Next(all.Count);
            (given, family) = split == 0 ? (all, []) : (all.Take(split).ToList(), all.Skip(split).ToList());
        }

        var g = Join(given, respace);
        var f = Join(family, respace);
        if (_random.NextDouble() < typo)
        {
            if (_random.NextDouble() < 0.5 || f.Length == 0)
            {
                g = Typo(g);
            }
            else
            {
                f = Typo(f);
            }
        }

        return _random.NextDouble() < swap ? (f, g) : (g, f);
    }

    private string Pick(string[] variants) => variants[_random.Next(variants.Length)];

    private string Join(List<string> tokens, double respace)
    {
        var words = tokens.SelectMany(t => t.Split(' ')).ToList();
        if (words.Count < 2 || _random.NextDouble() >= respace)
        {
            return string.Join(' ', words);
        }

        // "Aung Aung" written "Aungaung" (or "Srey Leak" as "Sreyleak").
        var i = _random.Next(words.Count - 1);
        words[i] += words[i + 1].ToLowerInvariant();
        words.RemoveAt(i + 1);
        return string.Join(' ', words);
    }

    private string Typo(string s)
    {
        if (s.Length < 3)
        {
            return s;
        }

        var sb = new StringBuilder(s);
        var i = 1 + _random.Next(s.Length - 2);
        switch (_random.Next(3))
        {
            case 0:
                sb[i] = (char)('a' + _random.Next(26));
                break;
            case 1:
                sb.Remove(i, 1);
                break;
            default:
                sb.Insert(i, (char)('a' + _random.Next(26)));
                break;
        }

        return sb.ToString();
    }

    private string Digits(int n)
    {
        var sb = new StringBuilder(n);
        for (var i = 0; i < n; i++)
        {
            sb.Append((char)('0' + _random.Next(10)));
        }

        return sb.ToString();
    }

    private void Shuffle<T>(List<T> list)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
