using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.CaseRecord;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Consents;
using Saphan.Core.Features.Events;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Justice;
using Saphan.Core.Features.Persons;
using Saphan.Core.Features.Referrals;
using Saphan.Core.Features.Repository;
using Saphan.Core.Features.Screenings;
using Saphan.Core.Features.Standard;

namespace Saphan.Core.Features.Export;

/// <summary>The file layouts an export writes.</summary>
public enum ExportFormat
{
    /// <summary>A ZIP of CSV files, one per table (cases.csv, events.csv …), HTCDS v2 column names.</summary>
    HtcdsCsv,
    /// <summary>The same tables as an XLSX workbook, one sheet per table.</summary>
    Xlsx,
    /// <summary>A JSON array of cases, each with its events, consents, screenings, referrals and support plan nested.</summary>
    Json,
    /// <summary>CTDC-compatible de-identified CSV: no names, dates of birth, documents, contacts or ids.</summary>
    Ctdc,
}

public static class ExportFormats
{
    public static readonly IReadOnlyList<string> Codes = ["htcds-csv", "xlsx", "json", "ctdc"];

    public static ExportFormat? Parse(string? code) => code switch
    {
        "htcds-csv" or "csv" => ExportFormat.HtcdsCsv,
        "xlsx" => ExportFormat.Xlsx,
        "json" => ExportFormat.Json,
        "ctdc" => ExportFormat.Ctdc,
        _ => null,
    };

    public static string Code(this ExportFormat format) => Codes[(int)format];

    public static string FileExtension(this ExportFormat format) => format switch
    {
        ExportFormat.Xlsx => "xlsx",
        ExportFormat.Json => "json",
        ExportFormat.HtcdsCsv => "zip",
        _ => "csv",
    };

    public static string ContentType(this ExportFormat format) => format switch
    {
        ExportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ExportFormat.Json => "application/json",
        ExportFormat.HtcdsCsv => "application/zip",
        _ => "text/csv",
    };
}

/// <summary>What an export wrote: <see cref="Rows"/> counts cases (CTDC: people), <see cref="Tables"/> the rows of every table.</summary>
public sealed record ExportResult(Guid ExportId, int Rows, bool Identifying, IReadOnlyList<string> Columns)
{
    public IReadOnlyDictionary<string, int> Tables { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>Screenings whose (encrypted) score and band were decrypted into the file.</summary>
    public int ScreeningResults { get; init; }

    /// <summary>Whether the justice tables (<see cref="ExportRecords.JusticeTableNames"/>) are in the file.</summary>
    public bool Justice { get; init; }
}

/// <summary>Spreadsheet safety: a cell that starts like a formula (= + - @, tab, CR) is prefixed with ' so that no spreadsheet evaluates it.</summary>
public static class CellSafety
{
    public static string? Neutralise(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    /// <summary>A CSV field (RFC 4180): neutralised, and quoted when it holds a separator, quote or line break.</summary>
    public static string Csv(string? value)
    {
        var safe = Neutralise(value) ?? "";
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}

/// <summary>
/// Writes an organisation's own records in the HTCDS v2 layout — cases with their person, trafficking events,
/// consents, screenings, referrals and support plans, one table each (column names are the dictionary's HTCDS
/// counterparts, or the dictionary code where HTCDS has none) — or the CTDC-compatible de-identified file,
/// k-anonymous with <see cref="OpenData.K"/> like the repository's open data. Identifying columns only for roles
/// allowed to export them; screening scores and bands (encrypted at rest) are decrypted only for those roles and
/// counted in the audit. Every export is audited before the first byte is written.
/// </summary>
public sealed partial class ExportRecords(SaphanDbContext db)
{
    /// <summary>Who may export the organisation's records at all (de-identified).</summary>
    public static readonly IReadOnlyList<string> ExportRoles = [Roles.OrgAdmin, Roles.Supervisor];

    /// <summary>Who may export identifying columns (names, birth dates, phones, addresses, document numbers, free text) and screening results.</summary>
    public static readonly IReadOnlyList<string> IdentifiedExportRoles = [Roles.Supervisor];

    /// <summary>The tables of the HTCDS export, in the order they are written (file names in the ZIP, sheet names in the workbook).</summary>
    public static readonly IReadOnlyList<string> TableNames =
        ["cases", "events", "consents", "screenings", "referrals", "support_plans", "support_plan_actions", "vulnerability", "follow_ups", "case_comments"];

    /// <summary>Cases loaded at a time for the nested JSON (each batch's events, consents … are loaded with it).</summary>
    private const int JsonBatch = 500;

    private sealed record Column<T>(string Header, bool Identifying, Func<T, string?> Value);

    private static string? Htcds(string code, string? value)
    {
        var field = DataStandard.Get(code);
        return value is not null && field.HtcdsValues.TryGetValue(value, out var mapped) ? mapped : value;
    }

    private static string? HtcdsList(string code, IEnumerable<string> values)
    {
        var list = values.Select(v => Htcds(code, v)).ToList();
        return list.Count == 0 ? null : string.Join(';', list);
    }

    private static string HeaderOf(string code) => DataStandard.Get(code).Htcds ?? code;

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Time(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>Baht with at most two decimals and no trailing zeros, the same on both engines (PostgreSQL's numeric keeps its scale: 45000.50).</summary>
    private static string? Baht(decimal? amount) => amount?.ToString("0.##", CultureInfo.InvariantCulture);

    private static string? Yes(bool? value) => value switch { true => "yes", false => "no", null => null };

    private static string? AgeBand(Case c) => c.Person.AgeOn(c.IdentifiedOn) is { } age and >= 0 ? StandardValueSets.AgeBandOf(age) : null;

    private static readonly Column<Case>[] HtcdsColumns =
    [
        new("cas_CaseID", false, c => c.Id.ToString("D")),
        new("prs_PersonID", false, c => c.PersonId.ToString("D")),
        new(HeaderOf("person.givenName"), true, c => Persons.PersonNames.Display(c.Person.GivenName)),
        new(HeaderOf("person.familyName"), true, c => c.Person.FamilyName),
        new(HeaderOf("person.otherNames"), true, c => c.Person.OtherNames?.Replace("\n", "; ", StringComparison.Ordinal)),
        new(HeaderOf("person.birthDate"), true, c => Date(c.Person.BirthDate)),
        new(HeaderOf("person.estimatedAge"), false, c => c.Person.EstimatedAge?.ToString(CultureInfo.InvariantCulture)),
        new(HeaderOf("person.ageBroad"), false, AgeBand),
        new(HeaderOf("person.gender"), false, c => Htcds("person.gender", c.Person.Gender)),
        new(HeaderOf("person.citizenship"), false, c => string.Join(';', c.Person.Citizenships)),
        new(HeaderOf("person.languages"), false, c => string.Join(';', c.Person.Languages)),
        new(HeaderOf("person.phone"), true, c => c.Person.Phone),
        new(HeaderOf("person.address"), true, c => c.Person.Address),
        new(HeaderOf("person.identityDocuments.type"), false, c => string.Join(';', c.Person.Documents.OrderBy(d => d.Type, StringComparer.Ordinal).Select(d => d.Type))),
        new(HeaderOf("person.identityDocuments.number"), true, c => string.Join(';', c.Person.Documents.OrderBy(d => d.Type, StringComparer.Ordinal).Select(d => d.Number))),
        new(HeaderOf("case.identifiedOn"), false, c => Date(c.IdentifiedOn)),
        new(HeaderOf("case.identificationRoute"), false, c => c.IdentificationRoute),
        new(HeaderOf("case.province"), false, c => c.Province),
        new(HeaderOf("case.status"), false, c => Htcds("case.status", c.Status)),
        new(HeaderOf("case.closureReason"), false, c => c.ClosureReason),
        new(HeaderOf("victim.traffickingStatus"), false, c => Htcds("victim.traffickingStatus", c.TraffickingStatus)),
        new(HeaderOf("victim.traffickingStatusDecidedBy"), false, c => Htcds("victim.traffickingStatusDecidedBy", c.TraffickingStatusDecidedBy)),
        new(HeaderOf("case.summary"), true, c => c.Summary),
        // Migration 0020: no HTCDS/CTDC column in the dictionary, so named by their codes; the PDPA s.26 ones are in SensitiveCaseHeaders.
        new(HeaderOf("victim.nrm.identifiedOn"), false, c => Date(c.NrmIdentifiedOn)),
        new(HeaderOf("victim.nrm.multidisciplinaryTeam"), false, c => Yes(c.NrmMultidisciplinaryTeam)),
        new(HeaderOf("victim.healthNeeds"), true, c => c.HealthNeeds?.Replace(',', ';')),
        new(HeaderOf("victim.arrestedOrCharged"), true, c => c.ArrestedOrCharged switch { "true" => "yes", "false" => "no", _ => null }),
    ];

    /// <summary>
    /// The case columns of PDPA s.26 data (health needs: health; arrested or charged: criminal record): only in an identifying
    /// export by a role that may see them (<see cref="CaseRecordAccess.MaySeeSensitive"/>), like individual vulnerabilities.
    /// </summary>
    private static readonly HashSet<string> SensitiveCaseHeaders = [HeaderOf("victim.healthNeeds"), HeaderOf("victim.arrestedOrCharged")];

    private static List<Column<Case>> CaseColumnsFor(bool identifying, bool sensitive) =>
        [.. Pick(HtcdsColumns, identifying).Where(c => (identifying && sensitive) || !SensitiveCaseHeaders.Contains(c.Header))];

    private static readonly Column<TraffickingEvent>[] EventColumns =
    [
        new("hte_EventID", false, e => e.Id.ToString("D")),
        new("cas_CaseID", false, e => e.CaseId.ToString("D")),
        new("hte_Type", false, e => e.Type switch { "recruitment" => "Recruitment", "transit" => "Transit", "exploitation" => "Exploitation", var t => t }),
        new("hte_Country", false, e => e.Country),
        new("hte_State", false, e => e.Province),
        new("hte_City", true, e => e.District),
        new("hte_Date", false, e => e.StartDate),
        new("event.endDate", false, e => e.EndDate),
        new("event.recruitment.recruiterRelation", false, e => HtcdsList("event.recruitment.recruiterRelation", e.RecruiterRelation)),
        new(HeaderOf("event.recruitment.methods"), false, e => HtcdsList("event.recruitment.methods", e.RecruitmentMethods)),
        new("event.recruitment.abduction", false, e => Yes(e.Abduction)),
        new("vic_WebsitesAndApps", false, e => HtcdsList("event.exploitation.websitesAndApps", e.WebsitesAndApps)),
        new("event.transit.borderCrossing", false, e => e.BorderCrossing),
        new(HeaderOf("event.exploitation.types"), false, e => HtcdsList("event.exploitation.types", e.ExploitationTypes)),
        new("event.exploitation.industry", false, e => HtcdsList("event.exploitation.industry", e.Industry)),
        new("event.exploitation.labourTypes", false, e => HtcdsList("event.exploitation.labourTypes", e.LabourTypes)),
        new(HeaderOf("event.exploitation.sexTypes"), false, e => HtcdsList("event.exploitation.sexTypes", e.SexTypes)),
        new(HeaderOf("event.exploitation.meansOfControl"), false, e => HtcdsList("event.exploitation.meansOfControl", e.MeansOfControl)),
        new("event.exploitation.durationMonths", false, e => Number(e.DurationMonths)),
        new("event.exploitation.unpaidWagesThb", false, e => Baht(e.UnpaidWagesThb)),
        new("hte_Description", true, e => e.Description),
    ];

    private static readonly Column<ConsentRecord>[] ConsentColumns =
    [
        new("consent.id", false, r => r.Id.ToString("D")),
        new("cas_CaseID", false, r => r.CaseId.ToString("D")),
        new(HeaderOf("consent.purpose"), false, r => Htcds("consent.purpose", r.Purpose)),
        new("consent.status", false, r => r.Status),
        new("consent.method", false, r => r.Method),
        new("consent.date", false, r => Date(r.RecordedOn)),
        new("consent.recordedBy", false, r => r.RecordedBy.ToString("D")),
        new("consent.note", true, r => r.Note),
    ];

    /// <summary>A screening as exported; <see cref="Score"/> and <see cref="Band"/> are null unless they were decrypted for the actor.</summary>
    private sealed record ScreeningRow(Guid Id, Guid CaseId, string Instrument, string Version, string Category, DateTimeOffset RecordedAt, int? Score, string? Band, List<string>? Flags);

    private static readonly Column<ScreeningRow>[] ScreeningColumns =
    [
        new("screening.id", false, s => s.Id.ToString("D")),
        new("cas_CaseID", false, s => s.CaseId.ToString("D")),
        new("screening.instrument", false, s => s.Instrument),
        new("screening.version", false, s => s.Version),
        new("screening.category", false, s => s.Category),
        new("screening.date", false, s => Time(s.RecordedAt)),
        new("screening.score", true, s => Number(s.Score)),
        new("screening.band", true, s => s.Band),
        new("screening.flags", true, s => s.Flags is null ? null : string.Join(';', s.Flags)),
    ];

    private static readonly Column<Referral>[] ReferralColumns =
    [
        new("referral.id", false, r => r.Id.ToString("D")),
        new("cas_CaseID", false, r => r.CaseId.ToString("D")),
        new("referral.toOrganisation", false, r => r.ToOrganisationId.ToString("D")),
        new("referral.service", false, r => r.ServiceId.ToString("D")),
        new("referral.serviceType", false, r => r.ServiceType),
        new("referral.urgency", false, r => r.Urgency),
        new("referral.status", false, r => r.Status),
        new("referral.createdAt", false, r => Time(r.CreatedAt)),
        new("referral.sentAt", false, r => Time(r.SentAt)),
        new("referral.answeredAt", false, r => Time(r.AnsweredAt)),
        new("referral.endedAt", false, r => Time(r.EndedAt)),
        new("referral.reason", true, r => r.Reason),
        new("referral.consentOverride", true, r => r.ConsentOverride),
    ];

    private static readonly Column<SupportPlan>[] PlanColumns =
    [
        new("cas_CaseID", false, p => p.CaseId.ToString("D")),
        new("plan.agreedOn", false, p => Date(p.AgreedOn)),
        new("plan.reviewOn", false, p => Date(p.ReviewOn)),
        new("plan.updatedAt", false, p => Time(p.UpdatedAt)),
        new("plan.objectives", true, p => p.Objectives),
    ];

    private static readonly Column<SupportPlanAction>[] ActionColumns =
    [
        new("plan.action.id", false, a => a.Id.ToString("D")),
        new("cas_CaseID", false, a => a.CaseId.ToString("D")),
        new("plan.action.type", false, a => a.Type),
        new("plan.action.status", false, a => a.Status),
        new("plan.action.dueOn", false, a => Date(a.DueOn)),
        new("plan.action.responsibleOrganisation", false, a => (a.ResponsibleOrganisationId ?? a.OrganisationId).ToString("D")),
        new("plan.action.description", true, a => a.Description),
    ];

    /// <summary>
    /// A vulnerability assessment as exported: <see cref="Individual"/> (health data) only for an identifying export by a
    /// role that sees health data, <see cref="Details"/> only for an identifying export; otherwise not even read (never decrypted).
    /// </summary>
    private sealed record VulnerabilityRow(Guid CaseId, DateOnly AssessedOn, string? Individual, string? IncomeBand, decimal? DebtThb,
        List<string> DebtTo, int? Dependants, List<string> Community, string? Details, DateTimeOffset UpdatedAt);

    private static readonly Column<VulnerabilityRow>[] VulnerabilityColumns =
    [
        new("cas_CaseID", false, v => v.CaseId.ToString("D")),
        new(HeaderOf("vulnerability.assessedOn"), false, v => Date(v.AssessedOn)),
        new(HeaderOf("vulnerability.individual"), true, v => v.Individual is null ? null
            : HtcdsList("vulnerability.individual", v.Individual.Split(',', StringSplitOptions.RemoveEmptyEntries))),
        new(HeaderOf("vulnerability.household.incomeBand"), false, v => v.IncomeBand),
        new(HeaderOf("vulnerability.household.debtThb"), false, v => Baht(v.DebtThb)),
        new(HeaderOf("vulnerability.household.debtTo"), false, v => HtcdsList("vulnerability.household.debtTo", v.DebtTo)),
        new(HeaderOf("vulnerability.household.dependants"), false, v => Number(v.Dependants)),
        new(HeaderOf("vulnerability.community"), false, v => HtcdsList("vulnerability.community", v.Community)),
        new(HeaderOf("vulnerability.details"), true, v => v.Details),
        new("vulnerability.updatedAt", false, v => Time(v.UpdatedAt)),
    ];

    /// <summary>A follow-up as exported; <see cref="Note"/> (free text) is read only for an identifying export.</summary>
    private sealed record FollowUpRow(Guid Id, Guid CaseId, DateOnly DueOn, int? Month, DateOnly? DoneOn, List<string> Outcomes, string? Note);

    private static readonly Column<FollowUpRow>[] FollowUpColumns =
    [
        new("followUp.id", false, f => f.Id.ToString("D")),
        new("cas_CaseID", false, f => f.CaseId.ToString("D")),
        new(HeaderOf("followUp.dueOn"), false, f => Date(f.DueOn)),
        new("followUp.month", false, f => Number(f.Month)),
        new(HeaderOf("followUp.doneOn"), false, f => Date(f.DoneOn)),
        new(HeaderOf("followUp.outcomes"), false, f => HtcdsList("followUp.outcomes", f.Outcomes)),
        new(HeaderOf("followUp.note"), true, f => f.Note),
    ];

    /// <summary>A case comment as exported; <see cref="Text"/> is read only for an identifying export.</summary>
    private sealed record CommentRow(Guid Id, Guid CaseId, string Kind, DateTimeOffset WrittenAt, Guid WrittenBy, string? Text);

    private static readonly Column<CommentRow>[] CommentColumns =
    [
        new("comment.id", false, c => c.Id.ToString("D")),
        new("cas_CaseID", false, c => c.CaseId.ToString("D")),
        new("comment.kind", false, c => c.Kind),
        new("comment.writtenAt", false, c => Time(c.WrittenAt)),
        new("comment.writtenBy", false, c => c.WrittenBy.ToString("D")),
        new(HeaderOf("case.comment"), true, c => c.Text),
    ];

    /// <summary>The columns the case table writes for an actor (identifying ones only when allowed and asked for); CTDC: the open data's columns.</summary>
    public static IReadOnlyList<string> ColumnsFor(ExportFormat format, bool identifying, bool sensitive = false) =>
        format == ExportFormat.Ctdc ? OpenData.Columns : [.. CaseColumnsFor(identifying, sensitive).Select(c => c.Header)];

    private static List<Column<T>> Pick<T>(IEnumerable<Column<T>> columns, bool identifying) => [.. columns.Where(c => identifying || !c.Identifying)];

    /// <summary>Whether the actor may export identifying columns.</summary>
    public static bool MayExportIdentifying(Actor actor) => actor.HasAnyRole(IdentifiedExportRoles);

    public Task<ExportResult> WriteAsync(Actor actor, ExportFormat format, bool deidentified, Stream output, CancellationToken cancellationToken) =>
        WriteAsync(actor, format, deidentified, justice: false, output, cancellationToken);

    /// <summary>
    /// Writes the export; with <paramref name="justice"/> the justice tables (<see cref="JusticeTableNames"/>) follow the
    /// others — only for an actor who passes <see cref="JusticeAccess"/> (403 otherwise), and never in the CTDC file.
    /// </summary>
    public async Task<ExportResult> WriteAsync(Actor actor, ExportFormat format, bool deidentified, bool justice, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(output);
        if (!actor.HasAnyRole(ExportRoles))
        {
            throw new ForbiddenException();
        }

        if (justice)
        {
            JusticeAccess.Ensure(actor);
            if (format == ExportFormat.Ctdc)
            {
                throw new ValidationException(new Dictionary<string, string[]>
                {
                    ["justice"] = ["The CTDC file is de-identified, one row per person: it has no justice tables. Choose htcds-csv, xlsx or json."],
                });
            }
        }

        if (!await db.Organisations.AnyAsync(o => o.Id == actor.OrganisationId, cancellationToken))
        {
            throw new NotFoundException("Organisation");
        }

        if (format == ExportFormat.Ctdc)
        {
            return await WriteCtdcAsync(actor, output, cancellationToken);
        }

        var identifying = !deidentified && MayExportIdentifying(actor);
        var organisation = actor.OrganisationId;
        var cases = db.Cases.AsNoTracking().Where(c => c.OrganisationId == organisation);
        // Counted before writing for the audit entries (which precede the first byte): only what they report.
        var counts = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["cases"] = await cases.CountAsync(cancellationToken),
            ["events"] = await Events(cases).CountAsync(cancellationToken),
            ["consents"] = await Consents(cases).CountAsync(cancellationToken),
            ["screenings"] = await ScreeningsFor(actor, cases).CountAsync(cancellationToken),
            ["referrals"] = await Referrals(cases, organisation).CountAsync(cancellationToken),
        };
        var screeningResults = identifying ? counts["screenings"] : 0;
        var justiceCounts = justice ? await CountJusticeAsync(organisation, cancellationToken) : null;
        var exportId = Guid.CreateVersion7();
        // Audited before anything leaves: who, which organisation, format, rows, whether identifying columns were in it.
        db.Audit(actor, "export.written", "export", exportId, string.Create(CultureInfo.InvariantCulture,
            $"format {format.Code()}, rows {counts["cases"]}, identifying columns {(identifying ? "yes" : "no")}") + (justice ? ", justice tables yes" : ""));
        if (justiceCounts is not null)
        {
            // Law enforcement's record leaving in a file is an event of its own, like every read of it (docs/justice.md).
            db.Audit(actor, "justice.exported", "export", exportId, JusticeAuditDetail(format, justiceCounts, identifying));
        }

        if (screeningResults > 0)
        {
            // Scores and bands are encrypted at rest: decrypting them for a file is a read of sensitive data of its own.
            db.Audit(actor, "screening.results_exported", "export", exportId, string.Create(CultureInfo.InvariantCulture,
                $"screenings {screeningResults}, events {counts["events"]}, consents {counts["consents"]}, referrals {counts["referrals"]}"));
        }

        await db.SaveChangesAsync(cancellationToken);

        var caseColumns = CaseColumnsFor(identifying, CaseRecordAccess.MaySeeSensitive(actor));
        Dictionary<string, int> written;
        if (format == ExportFormat.Json)
        {
            written = await WriteJsonAsync(actor, output, cases, caseColumns, identifying, justice, cancellationToken);
        }
        else
        {
            await using ITableSink sink = format == ExportFormat.Xlsx ? new XlsxSink(output, identifying) : new CsvZipSink(output);
            written = await WriteTablesAsync(sink, actor, cases, caseColumns, identifying, cancellationToken);
            if (justice)
            {
                await WriteJusticeTablesAsync(sink, organisation, identifying, written, cancellationToken);
            }
        }

        return new ExportResult(exportId, written["cases"], identifying, [.. caseColumns.Select(c => c.Header)])
        {
            Tables = written,
            ScreeningResults = screeningResults,
            Justice = justice,
        };
    }

    /// <summary>Every table of the HTCDS export, in <see cref="TableNames"/> order, through one loop into either sink.</summary>
    private async Task<Dictionary<string, int>> WriteTablesAsync(ITableSink sink, Actor actor, IQueryable<Case> cases, List<Column<Case>> caseColumns,
        bool identifying, CancellationToken cancellationToken)
    {
        var organisation = actor.OrganisationId;
        var written = new Dictionary<string, int>(StringComparer.Ordinal);
        written["cases"] = await TableAsync(sink, "cases", caseColumns, Ordered(cases.Include(c => c.Person).ThenInclude(p => p.Documents)), cancellationToken);
        written["events"] = await TableAsync(sink, "events", Pick(EventColumns, identifying), Events(cases), cancellationToken);
        written["consents"] = await TableAsync(sink, "consents", Pick(ConsentColumns, identifying), Consents(cases), cancellationToken);
        written["screenings"] = await TableAsync(sink, "screenings", Pick(ScreeningColumns, identifying), ScreeningRows(actor, cases, identifying), cancellationToken);
        written["referrals"] = await TableAsync(sink, "referrals", Pick(ReferralColumns, identifying), Referrals(cases, organisation), cancellationToken);
        written["support_plans"] = await TableAsync(sink, "support_plans", Pick(PlanColumns, identifying), Plans(cases), cancellationToken);
        written["support_plan_actions"] = await TableAsync(sink, "support_plan_actions", Pick(ActionColumns, identifying), Actions(cases), cancellationToken);
        written["vulnerability"] = await TableAsync(sink, "vulnerability", VulnerabilityColumnsFor(actor, identifying), Vulnerabilities(actor, cases, identifying), cancellationToken);
        written["follow_ups"] = await TableAsync(sink, "follow_ups", Pick(FollowUpColumns, identifying), FollowUps(cases, identifying), cancellationToken);
        written["case_comments"] = await TableAsync(sink, "case_comments", Pick(CommentColumns, identifying), Comments(cases, identifying), cancellationToken);
        return written;
    }

    private static async Task<int> TableAsync<T>(ITableSink sink, string table, List<Column<T>> columns, IQueryable<T> rows, CancellationToken cancellationToken)
    {
        await sink.BeginTableAsync(table, [.. columns.Select(c => c.Header)], cancellationToken);
        var n = 0;
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            await sink.WriteRowAsync(columns.Select(col => col.Value(row)), cancellationToken);
            n++;
        }

        await sink.EndTableAsync(cancellationToken);
        return n;
    }

    private static IOrderedQueryable<Case> Ordered(IQueryable<Case> cases) => cases.OrderBy(c => c.IdentifiedOn).ThenBy(c => c.Id);

    // Every child table is restricted to the organisation's own cases and to the rows it recorded itself (a partner's row on a shared case stays theirs).
    private IQueryable<TraffickingEvent> Events(IQueryable<Case> cases) =>
        db.TraffickingEvents.AsNoTracking().Where(e => cases.Any(c => c.Id == e.CaseId && c.OrganisationId == e.OrganisationId)).OrderBy(e => e.CaseId).ThenBy(e => e.Id);

    private IQueryable<ConsentRecord> Consents(IQueryable<Case> cases) =>
        db.ConsentRecords.AsNoTracking().Where(r => cases.Any(c => c.Id == r.CaseId && c.OrganisationId == r.OrganisationId)).OrderBy(r => r.CaseId).ThenBy(r => r.Id);

    /// <summary>Health screenings only for the roles that may see them (<see cref="ScreeningAccess"/>).</summary>
    private IQueryable<Screening> ScreeningsFor(Actor actor, IQueryable<Case> cases)
    {
        var health = actor.HasAnyRole(ScreeningAccess.HealthRoles);
        return db.Screenings.AsNoTracking().Where(s => cases.Any(c => c.Id == s.CaseId && c.OrganisationId == s.OrganisationId) && (health || s.Category != ScreeningCategories.Health));
    }

    /// <summary>Without results, score and band are not even read, so they are never decrypted.</summary>
    private IQueryable<ScreeningRow> ScreeningRows(Actor actor, IQueryable<Case> cases, bool results)
    {
        var screenings = ScreeningsFor(actor, cases).OrderBy(s => s.CaseId).ThenBy(s => s.Id);
        return results
            ? screenings.Select(s => new ScreeningRow(s.Id, s.CaseId, s.Instrument, s.InstrumentVersion, s.Category, s.RecordedAt, s.Score, s.Band, s.Flags))
            : screenings.Select(s => new ScreeningRow(s.Id, s.CaseId, s.Instrument, s.InstrumentVersion, s.Category, s.RecordedAt, null, null, null));
    }

    private IQueryable<Referral> Referrals(IQueryable<Case> cases, Guid organisation) =>
        db.Referrals.AsNoTracking().Where(r => r.FromOrganisationId == organisation && cases.Any(c => c.Id == r.CaseId)).OrderBy(r => r.CaseId).ThenBy(r => r.Id);

    private IQueryable<SupportPlan> Plans(IQueryable<Case> cases) =>
        db.Set<SupportPlan>().AsNoTracking().Where(p => cases.Any(c => c.Id == p.CaseId && c.OrganisationId == p.OrganisationId)).OrderBy(p => p.CaseId);

    private IQueryable<SupportPlanAction> Actions(IQueryable<Case> cases) =>
        db.Set<SupportPlanAction>().AsNoTracking().Where(a => cases.Any(c => c.Id == a.CaseId && c.OrganisationId == a.OrganisationId)).OrderBy(a => a.CaseId).ThenBy(a => a.Id);

    /// <summary>Individual vulnerabilities are health data: only in an identifying export by a role that sees health data (<see cref="CaseRecordAccess.MaySeeHealth"/>).</summary>
    private static bool ExportsHealth(Actor actor, bool identifying) => identifying && CaseRecordAccess.MaySeeHealth(actor);

    private static List<Column<VulnerabilityRow>> VulnerabilityColumnsFor(Actor actor, bool identifying) =>
        [.. Pick(VulnerabilityColumns, identifying).Where(c => ExportsHealth(actor, identifying) || c.Header != HeaderOf("vulnerability.individual"))];

    /// <summary>What is not written is not selected, so it is never decrypted.</summary>
    private IQueryable<VulnerabilityRow> Vulnerabilities(Actor actor, IQueryable<Case> cases, bool identifying)
    {
        var rows = db.Set<VulnerabilityAssessment>().AsNoTracking()
            .Where(v => cases.Any(c => c.Id == v.CaseId && c.OrganisationId == v.OrganisationId)).OrderBy(v => v.CaseId);
        return (identifying, ExportsHealth(actor, identifying)) switch
        {
            (true, true) => rows.Select(v => new VulnerabilityRow(v.CaseId, v.AssessedOn, v.Individual, v.IncomeBand, v.DebtThb, v.DebtTo, v.Dependants, v.Community, v.Details, v.UpdatedAt)),
            (true, false) => rows.Select(v => new VulnerabilityRow(v.CaseId, v.AssessedOn, null, v.IncomeBand, v.DebtThb, v.DebtTo, v.Dependants, v.Community, v.Details, v.UpdatedAt)),
            _ => rows.Select(v => new VulnerabilityRow(v.CaseId, v.AssessedOn, null, v.IncomeBand, v.DebtThb, v.DebtTo, v.Dependants, v.Community, null, v.UpdatedAt)),
        };
    }

    private IQueryable<FollowUpRow> FollowUps(IQueryable<Case> cases, bool identifying)
    {
        var rows = db.FollowUps.AsNoTracking().Where(f => cases.Any(c => c.Id == f.CaseId && c.OrganisationId == f.OrganisationId)).OrderBy(f => f.CaseId).ThenBy(f => f.Id);
        return identifying
            ? rows.Select(f => new FollowUpRow(f.Id, f.CaseId, f.DueOn, f.Month, f.DoneOn, f.Outcomes, f.Note))
            : rows.Select(f => new FollowUpRow(f.Id, f.CaseId, f.DueOn, f.Month, f.DoneOn, f.Outcomes, null));
    }

    private IQueryable<CommentRow> Comments(IQueryable<Case> cases, bool identifying)
    {
        var rows = db.Set<CaseComment>().AsNoTracking().Where(m => cases.Any(c => c.Id == m.CaseId && c.OrganisationId == m.OrganisationId)).OrderBy(m => m.CaseId).ThenBy(m => m.Id);
        return identifying
            ? rows.Select(m => new CommentRow(m.Id, m.CaseId, m.Kind, m.WrittenAt, m.WrittenBy, m.Text))
            : rows.Select(m => new CommentRow(m.Id, m.CaseId, m.Kind, m.WrittenAt, m.WrittenBy, null));
    }

    /// <summary>
    /// Cases in batches, keyset-paged on (identification day, id) — the order of the tables — so a batch costs the same
    /// at the end of a large organisation as at its start; each batch's parts are loaded with it and nested. With the
    /// justice tables the document is an object: the same array as <c>cases</c>, then the justice arrays.
    /// </summary>
    private async Task<Dictionary<string, int>> WriteJsonAsync(Actor actor, Stream output, IQueryable<Case> cases, List<Column<Case>> caseColumns, bool identifying,
        bool justice, CancellationToken cancellationToken)
    {
        var written = TableNames.ToDictionary(t => t, _ => 0, StringComparer.Ordinal);
        var organisation = actor.OrganisationId;
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        if (justice)
        {
            json.WriteStartObject();
            json.WritePropertyName("cases");
        }

        json.WriteStartArray();
        var withPerson = cases.Include(c => c.Person).ThenInclude(p => p.Documents);
        (DateOnly Day, Guid Id)? last = null;
        while (true)
        {
            var page = withPerson.AsQueryable();
            if (last is var (day, id))
            {
                page = page.Where(c => c.IdentifiedOn > day || (c.IdentifiedOn == day && c.Id.CompareTo(id) > 0));
            }

            var batch = await Ordered(page).Take(JsonBatch).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            last = (batch[^1].IdentifiedOn, batch[^1].Id);
            var ids = batch.Select(c => c.Id).ToList();
            var these = db.Cases.Where(c => ids.Contains(c.Id));
            var events = (await Events(these).ToListAsync(cancellationToken)).ToLookup(e => e.CaseId);
            var consents = (await Consents(these).ToListAsync(cancellationToken)).ToLookup(r => r.CaseId);
            var screenings = (await ScreeningRows(actor, these, identifying).ToListAsync(cancellationToken)).ToLookup(s => s.CaseId);
            var referrals = (await Referrals(these, organisation).ToListAsync(cancellationToken)).ToLookup(r => r.CaseId);
            var plans = (await Plans(these).ToListAsync(cancellationToken)).ToDictionary(p => p.CaseId);
            var actions = (await Actions(these).ToListAsync(cancellationToken)).ToLookup(a => a.CaseId);
            var vulnerabilities = (await Vulnerabilities(actor, these, identifying).ToListAsync(cancellationToken)).ToDictionary(v => v.CaseId);
            var followUps = (await FollowUps(these, identifying).ToListAsync(cancellationToken)).ToLookup(f => f.CaseId);
            var comments = (await Comments(these, identifying).ToListAsync(cancellationToken)).ToLookup(m => m.CaseId);
            foreach (var c in batch)
            {
                json.WriteStartObject();
                WriteFields(json, caseColumns, c);
                written["cases"]++;
                written["events"] += Nested(json, "events", Pick(EventColumns, identifying), events[c.Id]);
                written["consents"] += Nested(json, "consents", Pick(ConsentColumns, identifying), consents[c.Id]);
                written["screenings"] += Nested(json, "screenings", Pick(ScreeningColumns, identifying), screenings[c.Id]);
                written["referrals"] += Nested(json, "referrals", Pick(ReferralColumns, identifying), referrals[c.Id]);
                if (plans.TryGetValue(c.Id, out var plan))
                {
                    json.WritePropertyName("supportPlan");
                    json.WriteStartObject();
                    WriteFields(json, Pick(PlanColumns, identifying), plan);
                    written["support_plans"]++;
                    written["support_plan_actions"] += Nested(json, "actions", Pick(ActionColumns, identifying), actions[c.Id]);
                    json.WriteEndObject();
                }

                if (vulnerabilities.TryGetValue(c.Id, out var vulnerability))
                {
                    json.WritePropertyName("vulnerability");
                    json.WriteStartObject();
                    WriteFields(json, VulnerabilityColumnsFor(actor, identifying), vulnerability);
                    written["vulnerability"]++;
                    json.WriteEndObject();
                }

                written["follow_ups"] += Nested(json, "followUps", Pick(FollowUpColumns, identifying), followUps[c.Id]);
                written["case_comments"] += Nested(json, "comments", Pick(CommentColumns, identifying), comments[c.Id]);
                json.WriteEndObject();
            }

            await json.FlushAsync(cancellationToken);
        }

        json.WriteEndArray();
        if (justice)
        {
            await WriteJusticeJsonAsync(json, organisation, identifying, written, cancellationToken);
            json.WriteEndObject();
        }

        await json.FlushAsync(cancellationToken);
        return written;
    }

    /// <summary>A nested object leaves out the case id (it is the parent's) and empty cells.</summary>
    private static void WriteFields<T>(Utf8JsonWriter json, List<Column<T>> columns, T row) =>
        WriteFields(json, columns, row, row is Case ? null : "cas_CaseID");

    /// <summary>Empty cells left out, and the parent's key (<paramref name="parentKey"/>) in a nested object.</summary>
    private static void WriteFields<T>(Utf8JsonWriter json, List<Column<T>> columns, T row, string? parentKey)
    {
        foreach (var col in columns)
        {
            if (col.Header != parentKey && col.Value(row) is { Length: > 0 } value)
            {
                json.WriteString(col.Header, value);
            }
        }
    }

    private static int Nested<T>(Utf8JsonWriter json, string name, List<Column<T>> columns, IEnumerable<T> rows, string parentKey = "cas_CaseID")
    {
        json.WritePropertyName(name);
        json.WriteStartArray();
        var n = 0;
        foreach (var row in rows)
        {
            json.WriteStartObject();
            WriteFields(json, columns, row, parentKey);
            json.WriteEndObject();
            n++;
        }

        json.WriteEndArray();
        return n;
    }

    /// <summary>
    /// One row per person (their first case gives the attributes, as in the repository), generalised and suppressed by
    /// the open data's own k-anonymisation (<see cref="OpenData.Dataset"/>), so every published combination of
    /// quasi-identifiers is shared by at least <see cref="OpenData.K"/> people.
    /// </summary>
    private async Task<ExportResult> WriteCtdcAsync(Actor actor, Stream output, CancellationToken cancellationToken)
    {
        var organisation = actor.OrganisationId;
        var cases = await db.Cases.AsNoTracking().Where(c => c.OrganisationId == organisation)
            .Select(c => new { c.Id, c.PersonId, c.IdentifiedOn, c.Person.Gender, c.Person.BirthDate, c.Person.EstimatedAge, c.Person.AgeEstimatedOn, c.Person.Citizenships })
            .ToListAsync(cancellationToken);
        var exploitation = (await db.TraffickingEvents.AsNoTracking()
                .Where(e => e.Type == "exploitation" && e.OrganisationId == organisation && db.Cases.Any(c => c.Id == e.CaseId && c.OrganisationId == organisation))
                .Select(e => new { e.CaseId, e.ExploitationTypes }).ToListAsync(cancellationToken))
            .ToLookup(e => e.CaseId, e => e.ExploitationTypes);
        var people = cases.GroupBy(c => c.PersonId).OrderBy(g => g.Key).Select(g =>
        {
            var first = g.OrderBy(c => c.IdentifiedOn).ThenBy(c => c.Id).First();
            var person = new Person { BirthDate = first.BirthDate, EstimatedAge = first.EstimatedAge, AgeEstimatedOn = first.AgeEstimatedOn };
            return new OpenData.PersonRow(first.Gender, AgeBands.Of(person.AgeOn(first.IdentifiedOn)), first.Citizenships.FirstOrDefault() ?? "unknown",
                [.. g.SelectMany(c => exploitation[c.Id].SelectMany(t => t)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                first.IdentifiedOn.Year.ToString(CultureInfo.InvariantCulture));
        }).ToList();
        var dataset = OpenData.Dataset(people);

        var exportId = Guid.CreateVersion7();
        db.Audit(actor, "export.written", "export", exportId, string.Create(CultureInfo.InvariantCulture,
            $"format {ExportFormat.Ctdc.Code()}, rows {dataset.Rows.Count}, identifying columns no, k {OpenData.K}, people left out {dataset.Suppressed}"));
        await db.SaveChangesAsync(cancellationToken);

        await using var csv = new StreamWriter(output, new UTF8Encoding(true), 65536, leaveOpen: true);
        await csv.WriteAsync(string.Join(',', dataset.Columns.Select(CellSafety.Csv)) + "\r\n");
        foreach (var row in dataset.Rows)
        {
            await csv.WriteAsync(string.Join(',', row.Select(CellSafety.Csv)) + "\r\n");
        }

        return new ExportResult(exportId, dataset.Rows.Count, false, dataset.Columns)
        {
            Tables = new Dictionary<string, int>(StringComparer.Ordinal) { ["ctdc"] = dataset.Rows.Count, ["people_left_out"] = dataset.Suppressed },
        };
    }
}

/// <summary>Where the HTCDS tables go, table by table: the one table-writing loop of <see cref="ExportRecords"/> feeds either sink.</summary>
internal interface ITableSink : IAsyncDisposable
{
    Task BeginTableAsync(string table, IReadOnlyList<string> headers, CancellationToken cancellationToken);

    /// <summary>One row of raw values; the sink neutralises formula-looking cells.</summary>
    Task WriteRowAsync(IEnumerable<string?> cells, CancellationToken cancellationToken);

    Task EndTableAsync(CancellationToken cancellationToken);
}

/// <summary>A ZIP of CSV files (UTF-8 with BOM, CRLF, RFC 4180 quoting), one per table.</summary>
internal sealed class CsvZipSink(Stream output) : ITableSink
{
    private readonly ZipArchive _zip = new(output, ZipArchiveMode.Create, leaveOpen: true);
    private StreamWriter? _csv;

    public async Task BeginTableAsync(string table, IReadOnlyList<string> headers, CancellationToken cancellationToken)
    {
        _csv = new StreamWriter(_zip.CreateEntry(table + ".csv", CompressionLevel.Optimal).Open(), new UTF8Encoding(true), 65536);
        await WriteRowAsync(headers, cancellationToken);
    }

    public Task WriteRowAsync(IEnumerable<string?> cells, CancellationToken cancellationToken) =>
        _csv!.WriteAsync((string.Join(',', cells.Select(CellSafety.Csv)) + "\r\n").AsMemory(), cancellationToken);

    public async Task EndTableAsync(CancellationToken cancellationToken)
    {
        await _csv!.DisposeAsync();
        _csv = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_csv is not null)
        {
            await _csv.DisposeAsync();
        }

        _zip.Dispose();
    }
}

/// <summary>An XLSX workbook, one sheet per table (the de-identified case sheet says so in its name).</summary>
internal sealed class XlsxSink(Stream output, bool identifying) : ITableSink
{
    private readonly XlsxWriter _xlsx = new(output);

    public Task BeginTableAsync(string table, IReadOnlyList<string> headers, CancellationToken cancellationToken)
    {
        _xlsx.BeginSheet(table == "cases" && !identifying ? "cases (de-identified)" : table);
        _xlsx.WriteRow(headers);
        return Task.CompletedTask;
    }

    public Task WriteRowAsync(IEnumerable<string?> cells, CancellationToken cancellationToken)
    {
        _xlsx.WriteRow(cells.Select(CellSafety.Neutralise));
        return Task.CompletedTask;
    }

    public Task EndTableAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync()
    {
        _xlsx.Dispose();
        return ValueTask.CompletedTask;
    }
}
