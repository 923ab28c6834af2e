using System.Collections.Frozen;
using System.Globalization;
using Saphan.Core.Features.Reference;

namespace Saphan.Core.Features.Standard;

/// <summary>What kind of value a field holds. Each has a stable code (<see cref="FieldTypes"/>) used in the API and the docs.</summary>
public enum FieldType
{
    Text,
    LongText,
    Date,
    PartialDate,
    WholeNumber,
    Boolean,
    Code,
    Codes,
    MoneyThb,
    Country,
    Countries,
    Province,
    Phone,
    Reference,
}

/// <summary>The stable codes and labels of the field types.</summary>
public static class FieldTypes
{
    public static readonly ValueSet All = new("fieldType",
    [
        new("text", "Text", "ข้อความ"),
        new("long_text", "Long text", "ข้อความยาว"),
        new("date", "Date (YYYY-MM-DD)", "วันที่ (ปปปป-ดด-วว ค.ศ.)"),
        new("partial_date", "Partial date (YYYY, YYYY-MM or YYYY-MM-DD)", "วันที่ไม่สมบูรณ์ (ปี, ปี-เดือน หรือ ปี-เดือน-วัน ค.ศ.)"),
        new("integer", "Whole number", "จำนวนเต็ม"),
        new("boolean", "Yes / no", "ใช่ / ไม่ใช่"),
        new("code", "One code from a list", "รหัสหนึ่งค่าจากรายการ"),
        new("codes", "Several codes from a list", "รหัสหลายค่าจากรายการ"),
        new("money_thb", "Amount in baht (THB)", "จำนวนเงิน (บาท)"),
        new("country", "Country (ISO 3166-1 alpha-2)", "ประเทศ (ISO 3166-1 alpha-2)"),
        new("countries", "Countries (ISO 3166-1 alpha-2)", "หลายประเทศ (ISO 3166-1 alpha-2)"),
        new("province", "Thai province (ISO 3166-2:TH)", "จังหวัด (ISO 3166-2:TH)"),
        new("phone", "Phone number", "หมายเลขโทรศัพท์"),
        new("reference", "Reference to a record (id)", "การอ้างอิงระเบียน (รหัส)"),
    ]);

    public static string Code(this FieldType type) => type switch
    {
        FieldType.Text => "text",
        FieldType.LongText => "long_text",
        FieldType.Date => "date",
        FieldType.PartialDate => "partial_date",
        FieldType.WholeNumber => "integer",
        FieldType.Boolean => "boolean",
        FieldType.Code => "code",
        FieldType.Codes => "codes",
        FieldType.MoneyThb => "money_thb",
        FieldType.Country => "country",
        FieldType.Countries => "countries",
        FieldType.Province => "province",
        FieldType.Phone => "phone",
        FieldType.Reference => "reference",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Types whose values come from a value set.</summary>
    public static bool IsCoded(this FieldType type) =>
        type is FieldType.Code or FieldType.Codes or FieldType.Country or FieldType.Countries or FieldType.Province;

    /// <summary>Types that hold several values at once.</summary>
    public static bool IsMultiple(this FieldType type) => type is FieldType.Codes or FieldType.Countries;
}

/// <summary>
/// Categories of sensitive personal data under section 26 of Thailand's PDPA: processing them needs explicit
/// consent or another legal basis named in that section.
/// </summary>
public static class SensitiveData
{
    public const string Health = "health";
    public const string Disability = "disability";
    public const string CriminalRecord = "criminal_record";
    public const string SexualBehaviour = "sexual_behaviour";

    public static readonly ValueSet All = new("pdpaSensitiveCategory",
    [
        new(Health, "Health data", "ข้อมูลสุขภาพ"),
        new(Disability, "Disability", "ความพิการ"),
        new(CriminalRecord, "Criminal record", "ประวัติอาชญากรรม"),
        new(SexualBehaviour, "Sexual behaviour", "พฤติกรรมทางเพศ"),
    ]);
}

/// <summary>
/// One field of the standard record. The code is stable: forms, imports, exports and the API name fields
/// by it. Labels and help may be reworded without breaking anything.
/// </summary>
public sealed class StandardField(string code, FieldType type, string english, string thai, string helpEnglish, string helpThai)
{
    private static readonly IReadOnlyDictionary<string, string> NoMappings = FrozenDictionary<string, string>.Empty;

    public string Code { get; } = code;
    public FieldType Type { get; } = type;
    public string English { get; } = english;
    public string Thai { get; } = thai;
    public string HelpEnglish { get; } = helpEnglish;
    public string HelpThai { get; } = helpThai;

    /// <summary>The allowed values of a coded field.</summary>
    public ValueSet? Values { get; init; }

    /// <summary>Codes allowed besides <see cref="Values"/> (e.g. "stateless" for citizenship); each stands alone.</summary>
    public IReadOnlyList<CodedValue> ExtraValues { get; init; } = [];

    /// <summary>Codes of a multi-valued field that cannot be combined with any other (e.g. "not_specified").</summary>
    public IReadOnlyList<string> ExclusiveCodes { get; init; } = [];

    public bool Required { get; init; }

    /// <summary>Identifies the person on its own or with little effort: encrypted per field, every view audited.</summary>
    public bool Identifying { get; init; }

    /// <summary>A <see cref="SensitiveData"/> code when the field holds PDPA section 26 data; null otherwise.</summary>
    public string? Sensitive { get; init; }

    /// <summary>The field holds a list: several texts, or one value per item of a repeating group (documents, contacts).</summary>
    public bool Repeating { get; init; }

    /// <summary>Computed from other fields; never entered.</summary>
    public bool Derived { get; init; }

    /// <summary>Recorded by Saphan today; the others are defined for the storage that comes next.</summary>
    public bool Stored { get; init; }

    /// <summary>The property name in today's JSON API, where the field is stored.</summary>
    public string? ApiName { get; init; }

    public int? MaxLength { get; init; }
    public int? Minimum { get; init; }
    public int? Maximum { get; init; }

    /// <summary>Dates may lie in the future (a planned review); otherwise a future date is refused.</summary>
    public bool AllowsFuture { get; init; }

    /// <summary>The HTCDS v2 field (with its table prefix), where one exists.</summary>
    public string? Htcds { get; init; }

    /// <summary>The CTDC variable, where one exists.</summary>
    public string? Ctdc { get; init; }

    /// <summary>Value code → HTCDS value name, where they differ from ours.</summary>
    public IReadOnlyDictionary<string, string> HtcdsValues { get; init; } = NoMappings;

    /// <summary>Value code → the CTDC column (one yes/no column per value), for multi-valued fields CTDC splits.</summary>
    public IReadOnlyDictionary<string, string> CtdcValues { get; init; } = NoMappings;

    public bool IsSensitive => Sensitive is not null;

    public string Label(CultureInfo culture) => IsThai(culture) && Thai.Length > 0 ? Thai : English;

    public string Help(CultureInfo culture) => IsThai(culture) && HelpThai.Length > 0 ? HelpThai : HelpEnglish;

    /// <summary>Every allowed code with its labels: the value set and the extra values.</summary>
    public IEnumerable<CodedValue> AllowedValues() => (Values?.Values ?? []).Concat(ExtraValues);

    internal static bool IsThai(CultureInfo culture) => culture.TwoLetterISOLanguageName == "th";
}

/// <summary>A group of fields that belong to one record or one step of the case (the person, an exploitation event …).</summary>
public sealed class StandardSection(string code, string english, string thai, string helpEnglish, string helpThai, IReadOnlyList<StandardField> fields)
{
    public string Code { get; } = code;
    public string English { get; } = english;
    public string Thai { get; } = thai;
    public string HelpEnglish { get; } = helpEnglish;
    public string HelpThai { get; } = helpThai;
    public IReadOnlyList<StandardField> Fields { get; } = fields;

    /// <summary>The HTCDS v2 table the section corresponds to, where one exists.</summary>
    public string? HtcdsTable { get; init; }

    public string Label(CultureInfo culture) => StandardField.IsThai(culture) && Thai.Length > 0 ? Thai : English;

    public string Help(CultureInfo culture) => StandardField.IsThai(culture) && HelpThai.Length > 0 ? HelpThai : HelpEnglish;
}
