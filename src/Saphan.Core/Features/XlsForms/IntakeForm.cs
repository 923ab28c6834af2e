using System.Globalization;
using Saphan.Core.Features.Export;
using Saphan.Core.Features.Import;
using Saphan.Core.Features.Reference;
using Saphan.Core.Features.Standard;

namespace Saphan.Core.Features.XlsForms;

/// <summary>One question of the intake form: its XLSForm name and group, the dictionary field it asks, and the import target its answers fill (null: not imported yet).</summary>
public sealed record IntakeQuestion(string Group, string Name, string FieldCode, string? ImportTarget, string? DocumentType = null);

/// <summary>
/// The standard intake questionnaire as an XLSForm (survey, choices and settings sheets, English and Thai
/// labels) for KoboToolbox and ODK, generated from the data dictionary: labels, hints, required flags and
/// choice lists all come from <see cref="DataStandard"/>. The names it gives the questions are the column
/// names Kobo/ODK use in their CSV exports, so <see cref="TargetOfColumn"/> maps such a file without a
/// manual mapping.
/// </summary>
public static class IntakeForm
{
    public const string FormId = "saphan_intake";
    private const string En = "English (en)";
    private const string Th = "Thai (th)";

    public static readonly IReadOnlyList<IntakeQuestion> Questions =
    [
        new("person", "given_name", "person.givenName", ImportTargets.GivenName),
        new("person", "family_name", "person.familyName", ImportTargets.FamilyName),
        new("person", "other_names", "person.otherNames", ImportTargets.OtherNames),
        new("person", "birth_date", "person.birthDate", ImportTargets.BirthDate),
        new("person", "estimated_age", "person.estimatedAge", ImportTargets.EstimatedAge),
        new("person", "gender", "person.gender", ImportTargets.Gender),
        new("person", "citizenship", "person.citizenship", ImportTargets.Citizenship),
        new("person", "languages", "person.languages", ImportTargets.Languages),
        new("person", "phone", "person.phone", ImportTargets.Phone),
        new("person", "address", "person.address", ImportTargets.Address),
        new("person", "thai_id", "person.identityDocuments.number", ImportTargets.ThaiId, "thai_id"),
        new("person", "passport", "person.identityDocuments.number", ImportTargets.Passport, "passport"),
        new("person", "pink_card", "person.identityDocuments.number", ImportTargets.PinkCard, "pink_card"),
        new("victim", "trafficking_status", "victim.traffickingStatus", ImportTargets.TraffickingStatus),
        new("victim", "trafficking_status_decided_by", "victim.traffickingStatusDecidedBy", ImportTargets.TraffickingStatusDecidedBy),
        new("victim", "nrm_identified_on", "victim.nrm.identifiedOn", ImportTargets.NrmIdentifiedOn),
        new("victim", "nrm_multidisciplinary_team", "victim.nrm.multidisciplinaryTeam", ImportTargets.NrmMultidisciplinaryTeam),
        new("case", "identified_on", "case.identifiedOn", ImportTargets.IdentifiedOn),
        new("case", "identification_route", "case.identificationRoute", ImportTargets.Route),
        new("case", "province", "case.province", ImportTargets.Province),
        new("case", "summary", "case.summary", ImportTargets.Summary),
        new("event", "recruitment_country", "event.recruitment.country", ImportTargets.RecruitmentCountry),
        new("event", "recruitment_methods", "event.recruitment.methods", ImportTargets.RecruitmentMethods),
        new("event", "exploitation_country", "event.exploitation.country", ImportTargets.ExploitationCountry),
        new("event", "exploitation_types", "event.exploitation.types", ImportTargets.ExploitationTypes),
        new("consent", "consent_purpose", "consent.purpose", ImportTargets.ConsentPurpose),
        new("consent", "consent_status", "consent.status", ImportTargets.ConsentStatus),
        new("consent", "consent_method", "consent.method", ImportTargets.ConsentMethod),
        new("consent", "consent_date", "consent.date", ImportTargets.ConsentDate),
    ];

    private static readonly (string Name, string English, string Thai)[] Groups =
    [
        ("person", "Person", "บุคคล"),
        ("victim", "Victim context", "บริบทของผู้เสียหาย"),
        ("case", "Case", "กรณี"),
        ("event", "Trafficking events", "เหตุการณ์การค้ามนุษย์"),
        ("consent", "Consent", "ความยินยอม"),
    ];

    /// <summary>Kobo/ODK metadata columns that are never data about the person.</summary>
    private static readonly HashSet<string> MetaColumns = new(StringComparer.OrdinalIgnoreCase)
    {
        "start", "end", "today", "deviceid", "username", "phonenumber", "simserial", "subscriberid", "audit", "__version__",
        "instanceid", "instancename", "uuid", "rootuuid", "deprecatedid", "submissiondate", "submitterid", "submittername",
        "attachmentspresent", "attachmentsexpected", "reviewstate", "formversion",
    };

    /// <summary>
    /// The import target of a column of a Kobo/ODK CSV export of this form: "person/given_name" (Kobo),
    /// "person-given_name" (ODK Central) or "given_name" → person.givenName; metadata columns (_uuid,
    /// meta/instanceID, start …) and Kobo's one-column-per-choice columns ("person/languages/th") →
    /// ignore; questions not imported yet → ignore; anything else → null (not a column of this form).
    /// </summary>
    public static string? TargetOfColumn(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var h = header.Trim();
        if (h.StartsWith('_') || h.StartsWith("meta/", StringComparison.OrdinalIgnoreCase) || h.StartsWith("meta-", StringComparison.OrdinalIgnoreCase)
            || h.StartsWith("formhub/", StringComparison.OrdinalIgnoreCase))
        {
            return ImportTargets.Ignore;
        }

        var parts = h.Split('/');
        string name;
        string? group = null;
        if (parts.Length >= 3 && Find(parts[^3], parts[^2]) is { } multi && DataStandard.Get(multi.FieldCode).Type.IsMultiple())
        {
            return ImportTargets.Ignore;
        }

        if (parts.Length >= 2)
        {
            group = parts[^2];
            name = parts[^1];
        }
        else
        {
            var dash = h.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && Groups.Any(g => g.Name == h[..dash]))
            {
                group = h[..dash];
                name = h[(dash + 1)..];
            }
            else
            {
                name = h;
            }
        }

        if (Find(group, name) is { } question)
        {
            return question.ImportTarget ?? ImportTargets.Ignore;
        }

        return group is null && MetaColumns.Contains(name) ? ImportTargets.Ignore : null;
    }

    private static IntakeQuestion? Find(string? group, string name) =>
        Questions.FirstOrDefault(q => q.Name == name && (group is null || q.Group == group));

    /// <summary>A choice list name for a field's value set.</summary>
    private static string ListName(StandardField field) => field.Type switch
    {
        FieldType.Country or FieldType.Countries => "country",
        FieldType.Province => "province",
        _ => Snake(field.Values!.Name),
    };

    private static string Snake(string camel) =>
        string.Concat(camel.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));

    private static string XlsType(StandardField field, string listName) => field.Type switch
    {
        FieldType.Date => "date",
        FieldType.PartialDate => "date",
        FieldType.WholeNumber => "integer",
        FieldType.Boolean => "select_one yes_no",
        FieldType.Code or FieldType.Country or FieldType.Province => "select_one " + listName,
        FieldType.Codes or FieldType.Countries => "select_multiple " + listName,
        FieldType.LongText => "text",
        _ => "text",
    };

    /// <summary>Writes the XLSForm workbook: survey, choices and settings.</summary>
    public static void Write(Stream output)
    {
        using var xlsx = new XlsxWriter(output);
        var lists = new List<(string Name, IEnumerable<CodedValue> Values)>();
        xlsx.BeginSheet("survey");
        xlsx.WriteRow(["type", "name", "label::" + En, "label::" + Th, "hint::" + En, "hint::" + Th, "required", "appearance", "relevant"]);
        string? open = null;
        foreach (var q in Questions)
        {
            if (q.Group != open)
            {
                if (open is not null)
                {
                    xlsx.WriteRow(["end_group", open]);
                }

                var g = Groups.First(x => x.Name == q.Group);
                xlsx.WriteRow(["begin_group", g.Name, g.English, g.Thai, null, null, null, "field-list"]);
                open = q.Group;
            }

            var field = DataStandard.Get(q.FieldCode);
            var listName = field.Values is null ? (field.Type == FieldType.Boolean ? "yes_no" : "") : ListName(field);
            if (field.Values is not null && lists.All(l => l.Name != listName))
            {
                lists.Add((listName, field.AllowedValues()));
            }

            var english = field.English;
            var thai = field.Thai;
            if (q.DocumentType is { } type)
            {
                var doc = ValueSets.DocumentType.Values.First(v => v.Code == type);
                english = doc.English + " number";
                thai = "เลข" + doc.Thai;
            }

            var relevant = q.Name == "estimated_age" ? "${birth_date} = ''" : null;
            var required = field.Required && q.Group is "person" or "case" && !field.Repeating ? "yes" : null;
            xlsx.WriteRow([XlsType(field, listName), q.Name, english, thai, field.HelpEnglish, field.HelpThai, required,
                field.Type == FieldType.LongText ? "multiline" : field.Type.IsCoded() && (field.Values?.Values.Count ?? 0) > 30 ? "minimal" : null, relevant]);
        }

        if (open is not null)
        {
            xlsx.WriteRow(["end_group", open]);
        }

        xlsx.BeginSheet("choices");
        xlsx.WriteRow(["list_name", "name", "label::" + En, "label::" + Th]);
        foreach (var (name, values) in lists)
        {
            foreach (var v in values)
            {
                xlsx.WriteRow([name, v.Code, v.English, v.Thai.Length > 0 ? v.Thai : v.English]);
            }
        }

        xlsx.WriteRow(["yes_no", "yes", "Yes", "ใช่"]);
        xlsx.WriteRow(["yes_no", "no", "No", "ไม่ใช่"]);

        xlsx.BeginSheet("settings");
        xlsx.WriteRow(["form_title", "form_id", "version", "default_language", "style"]);
        xlsx.WriteRow(["Saphan intake / แบบรับเรื่อง สะพาน", FormId,
            "saphan-" + DataStandard.Version.Replace('.', '-') + "-" + string.Create(CultureInfo.InvariantCulture, $"{Questions.Count}"), En, "pages"]);
    }
}
