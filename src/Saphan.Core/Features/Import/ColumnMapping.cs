using System.Text.Json;
using Saphan.Core.Features.Persons;

namespace Saphan.Core.Features.Import;

/// <summary>A field of the product a spreadsheet column can fill.</summary>
public sealed record ImportTarget(string Code, string English, bool Required, IReadOnlyList<string> Headers);

/// <summary>
/// The fields an import fills and the header words (Thai and English) that suggest them. Codes follow
/// the API's names (<c>person.givenName</c>, <c>case.province</c>); documents name their type.
/// </summary>
public static class ImportTargets
{
    public const string GivenName = "person.givenName";
    public const string FamilyName = "person.familyName";
    public const string FullName = "person.fullName";
    public const string OtherNames = "person.otherNames";
    public const string BirthDate = "person.birthDate";
    public const string EstimatedAge = "person.estimatedAge";
    public const string Gender = "person.gender";
    public const string Citizenship = "person.citizenship";
    public const string Languages = "person.languages";
    public const string Phone = "person.phone";
    public const string Address = "person.address";
    public const string ThaiId = "document.thai_id";
    public const string Passport = "document.passport";
    public const string PinkCard = "document.pink_card";
    /// <summary>Document types and numbers in two columns, several separated by ";" in the same order (Saphan's own HTCDS export).</summary>
    public const string DocumentTypes = "person.identityDocuments.type";
    public const string DocumentNumbers = "person.identityDocuments.number";
    public const string IdentifiedOn = "case.identifiedOn";
    public const string Route = "case.identificationRoute";
    public const string Province = "case.province";
    public const string Status = "case.status";
    public const string Summary = "case.summary";
    public const string TraffickingStatus = "victim.traffickingStatus";
    public const string TraffickingStatusDecidedBy = "victim.traffickingStatusDecidedBy";
    public const string NrmIdentifiedOn = "victim.nrm.identifiedOn";
    public const string NrmMultidisciplinaryTeam = "victim.nrm.multidisciplinaryTeam";
    public const string RecruitmentCountry = "event.recruitment.country";
    public const string RecruitmentMethods = "event.recruitment.methods";
    public const string ExploitationCountry = "event.exploitation.country";
    public const string ExploitationTypes = "event.exploitation.types";
    public const string ConsentPurpose = "consent.purpose";
    public const string ConsentStatus = "consent.status";
    public const string ConsentMethod = "consent.method";
    public const string ConsentDate = "consent.date";
    public const string ClosureReason = "case.closureReason";
    public const string Ignore = "ignore";

    public static readonly IReadOnlyList<ImportTarget> All =
    [
        new(GivenName, "Given name", true, ["prs_FirstName", "person.givenName", "ชื่อ", "ชื่อจริง", "ชื่อต้น", "first name", "firstname", "given name", "givenname", "name", "forename", "fname"]),
        new(FamilyName, "Family name", false, ["prs_SecondName", "person.familyName", "นามสกุล", "สกุล", "surname", "last name", "lastname", "family name", "familyname", "lname"]),
        new(FullName, "Full name (split at the first space)", false, ["ชื่อ-นามสกุล", "ชื่อนามสกุล", "ชื่อ-สกุล", "ชื่อสกุล", "ชื่อ สกุล", "full name", "fullname", "name-surname", "ชื่อผู้เสียหาย"]),
        new(OtherNames, "Other names, aliases", false, ["prs_MiddleName", "person.otherNames", "ชื่อเล่น", "ชื่ออื่น", "นามแฝง", "alias", "aliases", "nickname", "other names", "also known as", "aka"]),
        new(BirthDate, "Birth date", false, ["prs_Birthdate", "person.birthDate", "วันเกิด", "วันเดือนปีเกิด", "วัน/เดือน/ปีเกิด", "วันเดือนปี เกิด", "เกิดวันที่", "dob", "d.o.b.", "date of birth", "birth date", "birthdate", "birthday"]),
        new(EstimatedAge, "Estimated age", false, ["person.estimatedAge", "อายุ", "อายุ (ปี)", "age", "age (years)", "estimated age", "approx age"]),
        new(Gender, "Gender", false, ["prs_Gender", "เพศ", "sex", "gender"]),
        new(Citizenship, "Nationality", false, ["prs_Nationality", "person.citizenship", "สัญชาติ", "nationality", "citizenship", "country of origin", "ประเทศต้นทาง"]),
        new(Languages, "Languages", false, ["person.languages", "ภาษา", "language", "languages", "ภาษาที่ใช้"]),
        new(Phone, "Phone", false, ["prs_MobilePhone", "person.phone", "โทรศัพท์", "เบอร์โทร", "เบอร์โทรศัพท์", "เบอร์", "มือถือ", "phone", "telephone", "tel", "mobile", "phone number", "contact number"]),
        new(Address, "Address", false, ["prs_MailingStreet", "person.address", "ที่อยู่", "address", "ที่อยู่ปัจจุบัน"]),
        new(ThaiId, "Thai national ID number", false, ["เลขบัตรประชาชน", "เลขประจำตัวประชาชน", "บัตรประชาชน", "เลขบัตร", "เลขบัตรประจำตัวประชาชน", "id card", "id card no", "thai id", "national id", "citizen id", "id number", "pid"]),
        new(Passport, "Passport number", false, ["หนังสือเดินทาง", "เลขหนังสือเดินทาง", "เลขที่หนังสือเดินทาง", "พาสปอร์ต", "passport", "passport no", "passport no.", "passport number"]),
        new(PinkCard, "Pink card number", false, ["บัตรชมพู", "เลขบัตรชมพู", "pink card", "pink card no", "pink card number", "work permit"]),
        new(DocumentTypes, "Document types (with the numbers column)", false, ["person.identityDocuments.type"]),
        new(DocumentNumbers, "Document numbers (with the types column)", false, ["person.identityDocuments.number"]),
        new(IdentifiedOn, "Date identified", true, ["case.identifiedOn", "วันที่พบ", "วันที่คัดแยก", "วันที่รับแจ้ง", "วันที่รับเรื่อง", "วันที่ช่วยเหลือ", "วันที่", "date identified", "identified on", "identification date", "date of identification", "date", "intake date", "date found"]),
        new(Route, "Identification route", false, ["case.identificationRoute", "ช่องทาง", "ช่องทางที่พบ", "แหล่งที่มา", "identification route", "route", "source", "referral source"]),
        new(Province, "Province (where identified)", true, ["case.province", "จังหวัด", "จังหวัดที่พบ", "จ.", "province", "changwat", "province identified"]),
        new(Status, "Case status", false, ["cas_Status", "สถานะ", "สถานะคดี", "สถานะเคส", "status", "case status"]),
        new(ClosureReason, "Reason for closure", false, ["case.closureReason", "cas_ReasonForCaseClosure", "เหตุผลการปิด", "เหตุผลที่ปิด", "เหตุผลการปิดคดี", "เหตุผลการปิดเคส", "closure reason", "reason for closure", "reason closed", "closing reason"]),
        new(Summary, "Case summary", false, ["case.summary", "สรุป", "รายละเอียด", "หมายเหตุ", "summary", "notes", "note", "remarks", "details", "description"]),
        new(TraffickingStatus, "Trafficking status", false, ["victim.traffickingStatus", "vic_TraffickingStatus", "trafficking status", "สถานะการค้ามนุษย์"]),
        new(TraffickingStatusDecidedBy, "Trafficking status decided by", false, ["victim.traffickingStatusDecidedBy", "vic_TraffickingStatusDecisionMakingOrganisation", "status decided by", "ผู้ตัดสินสถานะ"]),
        new(NrmIdentifiedOn, "Formally identified on (NRM)", false, ["victim.nrm.identifiedOn", "formally identified on", "nrm identified on", "วันที่คัดแยกอย่างเป็นทางการ"]),
        new(NrmMultidisciplinaryTeam, "Multidisciplinary team interview (NRM)", false, ["victim.nrm.multidisciplinaryTeam", "multidisciplinary team interview", "multidisciplinary team", "สัมภาษณ์โดยทีมสหวิชาชีพ"]),
        new(RecruitmentCountry, "Recruitment: country", false, ["event.recruitment.country", "recruitment country", "country of recruitment", "ประเทศที่ถูกจัดหา"]),
        new(RecruitmentMethods, "Recruitment: methods", false, ["event.recruitment.methods", "recruitment methods", "recruitment method", "method of recruitment", "วิธีการจัดหา"]),
        new(ExploitationCountry, "Exploitation: country", false, ["event.exploitation.country", "exploitation country", "country of exploitation", "ประเทศที่ถูกแสวงประโยชน์"]),
        new(ExploitationTypes, "Exploitation: types", false, ["event.exploitation.types", "exploitation types", "exploitation type", "type of exploitation", "types of exploitation", "รูปแบบการแสวงประโยชน์"]),
        new(ConsentPurpose, "Consent: purpose", false, ["consent.purpose", "consent purpose", "วัตถุประสงค์ความยินยอม"]),
        new(ConsentStatus, "Consent: decision", false, ["consent.status", "consent status", "consent decision", "การตัดสินใจให้ความยินยอม"]),
        new(ConsentMethod, "Consent: how it was given", false, ["consent.method", "consent method", "วิธีให้ความยินยอม"]),
        new(ConsentDate, "Consent: date", false, ["consent.date", "consent date", "date of consent", "วันที่ให้ความยินยอม"]),
    ];

    public static ImportTarget? Find(string? code) => All.FirstOrDefault(t => t.Code == code);
}

/// <summary>Which column (by its header) fills which field. Columns not in the mapping are not imported.</summary>
public sealed class ColumnMapping
{
    private readonly Dictionary<string, string> _byHeader = new(StringComparer.Ordinal);

    /// <summary>header → target code, in the file's column order.</summary>
    public IReadOnlyDictionary<string, string> Columns => _byHeader;

    public void Set(string header, string target) => _byHeader[header] = target;

    public string? TargetOf(string header) => _byHeader.TryGetValue(header, out var target) && target != ImportTargets.Ignore ? target : null;

    public string ToJson() => JsonSerializer.Serialize(_byHeader);

    public static ColumnMapping FromJson(string json)
    {
        var mapping = new ColumnMapping();
        foreach (var (header, target) in JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [])
        {
            mapping.Set(header, target);
        }

        return mapping;
    }

    /// <summary>
    /// Suggests a target for every header: by its words first (Thai or English, exact then contained),
    /// then, for columns still unmatched, by the values in the first rows (13-digit numbers with valid
    /// check digits are Thai IDs; province, gender and nationality words are recognised).
    /// Each target is given to one column only: the first one that suggests it.
    /// </summary>
    public static ColumnMapping Suggest(IReadOnlyList<string> headers, IReadOnlyList<string[]> sample)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(sample);
        var mapping = new ColumnMapping();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var suggestions = new string?[headers.Count];

        // Columns of a KoboToolbox/ODK export of Saphan's XLSForm: their names say exactly what they hold.
        for (var i = 0; i < headers.Count; i++)
        {
            if (XlsForms.IntakeForm.TargetOfColumn(headers[i]) is { } formTarget && (formTarget == ImportTargets.Ignore || taken.Add(formTarget)))
            {
                suggestions[i] = formTarget;
            }
        }

        // Exact header words first (so "ชื่อ" is the given name even when "ชื่อเล่น" is also present), then containment.
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 0; i < headers.Count; i++)
            {
                if (suggestions[i] is not null)
                {
                    continue;
                }

                var key = HeaderKey(headers[i]);
                if (key.Length == 0)
                {
                    continue;
                }

                var match = pass == 0
                    ? ImportTargets.All.FirstOrDefault(t => !taken.Contains(t.Code) && t.Headers.Any(h => HeaderKey(h) == key))
                    : ImportTargets.All
                        .Where(t => !taken.Contains(t.Code))
                        .SelectMany(t => t.Headers.Select(h => (Target: t, Key: HeaderKey(h))))
                        .Where(h => h.Key.Length >= 3 && key.Contains(h.Key, StringComparison.Ordinal))
                        .OrderByDescending(h => h.Key.Length)
                        .Select(h => h.Target)
                        .FirstOrDefault();
                if (match is not null)
                {
                    suggestions[i] = match.Code;
                    taken.Add(match.Code);
                }
            }
        }

        for (var i = 0; i < headers.Count; i++)
        {
            if (suggestions[i] is null && ByValues(sample.Select(r => i < r.Length ? r[i] : null).ToList()) is { } target && taken.Add(target))
            {
                suggestions[i] = target;
            }
        }

        // A full-name column and a given-name column together: the given name wins, the full name is ignored.
        for (var i = 0; i < headers.Count; i++)
        {
            if (!mapping._byHeader.ContainsKey(headers[i]))
            {
                mapping.Set(headers[i], suggestions[i] ?? ImportTargets.Ignore);
            }
        }

        if (taken.Contains(ImportTargets.GivenName) && taken.Contains(ImportTargets.FullName))
        {
            foreach (var header in mapping._byHeader.Where(h => h.Value == ImportTargets.FullName).Select(h => h.Key).ToList())
            {
                mapping.Set(header, ImportTargets.Ignore);
            }
        }

        return mapping;
    }

    private static string? ByValues(IReadOnlyList<string?> values)
    {
        var present = values.Select(ImportNormaliser.Clean).OfType<string>().ToList();
        if (present.Count < 2)
        {
            return null;
        }

        bool Most(Func<string, bool> test) => present.Count(test) * 10 >= present.Count * 8;
        if (Most(v => ThaiNationalId.IsValid(ImportNormaliser.FoldThaiDigits(v))))
        {
            return ImportTargets.ThaiId;
        }

        if (Most(v => ImportNormaliser.Gender(v).Ok))
        {
            return ImportTargets.Gender;
        }

        if (Most(v => ImportNormaliser.Nationalities(v).Problem is null && ImportNormaliser.Nationalities(v).Codes.Count > 0))
        {
            return ImportTargets.Citizenship;
        }

        return Most(v => ImportNormaliser.Province(v) is { Ok: true, Doubt: null }) ? ImportTargets.Province : null;
    }

    /// <summary>Header text compared loosely: lower case, no spaces, punctuation or "(…)" units.</summary>
    internal static string HeaderKey(string header)
    {
        var text = header;
        var open = text.IndexOf('(', StringComparison.Ordinal);
        if (open > 0)
        {
            text = text[..open];
        }

        return ImportNormaliser.Key(text);
    }
}
