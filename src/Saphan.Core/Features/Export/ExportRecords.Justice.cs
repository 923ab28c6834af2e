using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Saphan.Core.Features.Justice;

namespace Saphan.Core.Features.Export;

/// <summary>
/// The justice side of the export: legal cases with their hearings, witnesses, seized assets and compensation, suspects
/// with their identifiers and links, and operations. Governed by <see cref="JusticeAccess"/> alone: asked for explicitly
/// (the page's tick box, <c>--justice</c>) by an actor who may export at all and holds the law-enforcement role, and then
/// only the organisation's own records. Nobody else's export has a justice table, not even an empty one. Names,
/// identifiers, references and free text (all encrypted at rest) are written — and so decrypted — only in an identifying
/// export; otherwise they are not even selected.
/// </summary>
public sealed partial class ExportRecords
{
    /// <summary>The justice tables, in the order they are written after <see cref="TableNames"/> (file names in the ZIP, sheet names in the workbook).</summary>
    public static readonly IReadOnlyList<string> JusticeTableNames =
        ["legal_cases", "hearings", "witnesses", "seized_assets", "compensation", "suspects", "suspect_identifiers", "suspect_links", "operations"];

    /// <summary>Whether the actor may add the justice tables to an export: may export at all, and passes <see cref="JusticeAccess"/>.</summary>
    public static bool MayExportJustice(Actor actor) => actor.HasAnyRole(ExportRoles) && JusticeAccess.Allows(actor);

    /// <summary>Legal cases (and suspects, operations) loaded at a time for the JSON, with their nested rows.</summary>
    private const int JusticeJsonBatch = 500;

    private static string? BahtOfSatang(long? satang) => Baht(satang / 100m);

    private sealed record LegalCaseRow(Guid Id, string? Reference, string Stage, List<string> Charges, string? Verdict, int? SentenceMonths,
        long? FineSatang, DateOnly? AppealLodgedOn, DateTimeOffset CreatedAt, DateTimeOffset StageChangedAt);

    private static readonly Column<LegalCaseRow>[] LegalCaseColumns =
    [
        new("legal_case.id", false, l => l.Id.ToString("D")),
        new("legal_case.reference", true, l => l.Reference),
        new(HeaderOf("justice.stage"), false, l => Htcds("justice.stage", l.Stage)),
        new(HeaderOf("justice.charges"), false, l => HtcdsList("justice.charges", l.Charges)),
        new("legal_case.verdict", false, l => l.Verdict),
        new("legal_case.sentenceMonths", false, l => Number(l.SentenceMonths)),
        new("legal_case.fineThb", false, l => BahtOfSatang(l.FineSatang)),
        new("legal_case.appealLodgedOn", false, l => Date(l.AppealLodgedOn)),
        new("legal_case.createdAt", false, l => Time(l.CreatedAt)),
        new("legal_case.stageChangedAt", false, l => Time(l.StageChangedAt)),
    ];

    private sealed record HearingRow(Guid Id, Guid LegalCaseId, DateOnly HeldOn, string? Note);

    private static readonly Column<HearingRow>[] HearingColumns =
    [
        new("hearing.id", false, h => h.Id.ToString("D")),
        new("legal_case.id", false, h => h.LegalCaseId.ToString("D")),
        new("hearing.heldOn", false, h => Date(h.HeldOn)),
        new("hearing.note", true, h => h.Note),
    ];

    private sealed record WitnessRow(Guid Id, Guid LegalCaseId, Guid CaseId, string? Coordinator, string? InterpreterLanguage, string? ProtectionMeasures, DateTimeOffset CreatedAt);

    private static readonly Column<WitnessRow>[] WitnessColumns =
    [
        new("witness.id", false, w => w.Id.ToString("D")),
        new("legal_case.id", false, w => w.LegalCaseId.ToString("D")),
        new("cas_CaseID", false, w => w.CaseId.ToString("D")),
        new("witness.coordinator", true, w => w.Coordinator),
        new("witness.interpreterLanguage", false, w => w.InterpreterLanguage),
        new("witness.protectionMeasures", true, w => w.ProtectionMeasures),
        new("witness.createdAt", false, w => Time(w.CreatedAt)),
    ];

    private sealed record AssetRow(Guid Id, Guid LegalCaseId, Guid? SuspectId, string? Description, string Status, long ValueSatang, DateOnly RecordedOn);

    private static readonly Column<AssetRow>[] AssetColumns =
    [
        new("asset.id", false, a => a.Id.ToString("D")),
        new("legal_case.id", false, a => a.LegalCaseId.ToString("D")),
        new("suspect.id", false, a => a.SuspectId?.ToString("D")),
        new("asset.description", true, a => a.Description),
        new(HeaderOf("justice.assetStatus"), false, a => Htcds("justice.assetStatus", a.Status)),
        new(HeaderOf("justice.assetValueThb"), false, a => BahtOfSatang(a.ValueSatang)),
        new("asset.recordedOn", false, a => Date(a.RecordedOn)),
    ];

    private static readonly Column<Compensation>[] CompensationColumns =
    [
        new("compensation.id", false, c => c.Id.ToString("D")),
        new("legal_case.id", false, c => c.LegalCaseId.ToString("D")),
        new("cas_CaseID", false, c => c.CaseId.ToString("D")),
        new("compensation.claimedThb", false, c => BahtOfSatang(c.ClaimedSatang)),
        new("compensation.awardedThb", false, c => BahtOfSatang(c.AwardedSatang)),
        new("compensation.paidThb", false, c => BahtOfSatang(c.PaidSatang)),
        new("compensation.updatedAt", false, c => Time(c.UpdatedAt)),
    ];

    private sealed record SuspectRow(Guid Id, string Kind, string? Name, List<string> Roles, string? Notes, DateTimeOffset CreatedAt);

    private static readonly Column<SuspectRow>[] SuspectColumns =
    [
        new("suspect.id", false, s => s.Id.ToString("D")),
        new(HeaderOf("perpetrator.kind"), false, s => Htcds("perpetrator.kind", s.Kind)),
        new(HeaderOf("perpetrator.name"), true, s => s.Name),
        new(HeaderOf("perpetrator.roles"), false, s => HtcdsList("perpetrator.roles", s.Roles)),
        new("suspect.notes", true, s => s.Notes),
        new("suspect.createdAt", false, s => Time(s.CreatedAt)),
    ];

    /// <summary>An identifier as exported: its type always, its value only in an identifying export; never the keyed hash (it would let a file be matched against other hashes).</summary>
    private sealed record IdentifierRow(Guid Id, Guid SuspectId, string Type, string? Value);

    private static readonly Column<IdentifierRow>[] IdentifierColumns =
    [
        new("identifier.id", false, i => i.Id.ToString("D")),
        new("suspect.id", false, i => i.SuspectId.ToString("D")),
        new(HeaderOf("perpetrator.identifierType"), false, i => Htcds("perpetrator.identifierType", i.Type)),
        new(HeaderOf("perpetrator.identifierValue"), true, i => i.Value),
    ];

    private static readonly Column<SuspectLink>[] LinkColumns =
    [
        new("link.id", false, l => l.Id.ToString("D")),
        new("suspect.id", false, l => l.SuspectId.ToString("D")),
        new("cas_CaseID", false, l => l.CaseId?.ToString("D")),
        new("link.otherSuspectId", false, l => l.OtherSuspectId?.ToString("D")),
        new("legal_case.id", false, l => l.LegalCaseId?.ToString("D")),
        new("link.createdAt", false, l => Time(l.CreatedAt)),
    ];

    private sealed record OperationRow(Guid Id, string Type, string? Name, string Province, DateOnly PlannedOn, Guid? LegalCaseId, string Status,
        int? ShelterPlaces, int? Interpreters, int? ChildSpecialists, string? MedicalArrangements, string? ProsecutionLead, DateTimeOffset? ApprovedAt, DateTimeOffset CreatedAt);

    private static readonly Column<OperationRow>[] OperationColumns =
    [
        new("operation.id", false, o => o.Id.ToString("D")),
        new(HeaderOf("justice.operationType"), false, o => Htcds("justice.operationType", o.Type)),
        new("operation.name", true, o => o.Name),
        new("operation.province", false, o => o.Province),
        new("operation.plannedOn", false, o => Date(o.PlannedOn)),
        new("legal_case.id", false, o => o.LegalCaseId?.ToString("D")),
        new("operation.status", false, o => o.Status),
        new("operation.shelterPlaces", false, o => Number(o.ShelterPlaces)),
        new("operation.interpreters", false, o => Number(o.Interpreters)),
        new("operation.childSpecialists", false, o => Number(o.ChildSpecialists)),
        new("operation.medicalArrangements", true, o => o.MedicalArrangements),
        new("operation.prosecutionLead", true, o => o.ProsecutionLead),
        new("operation.approvedAt", false, o => Time(o.ApprovedAt)),
        new("operation.createdAt", false, o => Time(o.CreatedAt)),
    ];

    /// <summary>The columns a justice table writes (identifying ones only in an identifying export); for the docs and tests.</summary>
    public static IReadOnlyList<string> JusticeColumnsFor(string table, bool identifying) => table switch
    {
        "legal_cases" => Headers(LegalCaseColumns, identifying),
        "hearings" => Headers(HearingColumns, identifying),
        "witnesses" => Headers(WitnessColumns, identifying),
        "seized_assets" => Headers(AssetColumns, identifying),
        "compensation" => Headers(CompensationColumns, identifying),
        "suspects" => Headers(SuspectColumns, identifying),
        "suspect_identifiers" => Headers(IdentifierColumns, identifying),
        "suspect_links" => Headers(LinkColumns, identifying),
        "operations" => Headers(OperationColumns, identifying),
        _ => throw new ArgumentOutOfRangeException(nameof(table), "Not a justice table."),
    };

    private static List<string> Headers<T>(IEnumerable<Column<T>> columns, bool identifying) => [.. Pick(columns, identifying).Select(c => c.Header)];

    // Every justice query is the organisation's own rows only; a child row also needs its legal case (or suspect) to be the organisation's.
    private IQueryable<LegalCase> OwnLegalCases(Guid organisation) =>
        db.Set<LegalCase>().AsNoTracking().Where(l => l.OrganisationId == organisation);

    private IQueryable<Suspect> OwnSuspects(Guid organisation) =>
        db.Set<Suspect>().AsNoTracking().Where(s => s.OrganisationId == organisation);

    private static IQueryable<LegalCaseRow> LegalCaseRows(IQueryable<LegalCase> legal, bool identifying)
    {
        var rows = legal.OrderBy(l => l.Id);
        return identifying
            ? rows.Select(l => new LegalCaseRow(l.Id, l.Reference, l.Stage, l.Charges, l.Verdict, l.SentenceMonths, l.FineSatang, l.AppealLodgedOn, l.CreatedAt, l.StageChangedAt))
            : rows.Select(l => new LegalCaseRow(l.Id, null, l.Stage, l.Charges, l.Verdict, l.SentenceMonths, l.FineSatang, l.AppealLodgedOn, l.CreatedAt, l.StageChangedAt));
    }

    private IQueryable<HearingRow> HearingRows(IQueryable<LegalCase> legal, bool identifying)
    {
        var rows = db.Set<Hearing>().AsNoTracking().Where(h => legal.Any(l => l.Id == h.LegalCaseId && l.OrganisationId == h.OrganisationId))
            .OrderBy(h => h.LegalCaseId).ThenBy(h => h.Id);
        return identifying
            ? rows.Select(h => new HearingRow(h.Id, h.LegalCaseId, h.HeldOn, h.Note))
            : rows.Select(h => new HearingRow(h.Id, h.LegalCaseId, h.HeldOn, null));
    }

    private IQueryable<WitnessRow> WitnessRows(IQueryable<LegalCase> legal, bool identifying)
    {
        var rows = db.Set<Witness>().AsNoTracking().Where(w => legal.Any(l => l.Id == w.LegalCaseId && l.OrganisationId == w.OrganisationId))
            .OrderBy(w => w.LegalCaseId).ThenBy(w => w.Id);
        return identifying
            ? rows.Select(w => new WitnessRow(w.Id, w.LegalCaseId, w.CaseId, w.Coordinator, w.InterpreterLanguage, w.ProtectionMeasures, w.CreatedAt))
            : rows.Select(w => new WitnessRow(w.Id, w.LegalCaseId, w.CaseId, null, w.InterpreterLanguage, null, w.CreatedAt));
    }

    private IQueryable<AssetRow> AssetRows(IQueryable<LegalCase> legal, bool identifying)
    {
        var rows = db.Set<SeizedAsset>().AsNoTracking().Where(a => legal.Any(l => l.Id == a.LegalCaseId && l.OrganisationId == a.OrganisationId))
            .OrderBy(a => a.LegalCaseId).ThenBy(a => a.Id);
        return identifying
            ? rows.Select(a => new AssetRow(a.Id, a.LegalCaseId, a.SuspectId, a.Description, a.Status, a.ValueSatang, a.RecordedOn))
            : rows.Select(a => new AssetRow(a.Id, a.LegalCaseId, a.SuspectId, null, a.Status, a.ValueSatang, a.RecordedOn));
    }

    private IQueryable<Compensation> CompensationRows(IQueryable<LegalCase> legal) =>
        db.Set<Compensation>().AsNoTracking().Where(c => legal.Any(l => l.Id == c.LegalCaseId && l.OrganisationId == c.OrganisationId))
            .OrderBy(c => c.LegalCaseId).ThenBy(c => c.Id);

    private static IQueryable<SuspectRow> SuspectRows(IQueryable<Suspect> suspects, bool identifying)
    {
        var rows = suspects.OrderBy(s => s.Id);
        return identifying
            ? rows.Select(s => new SuspectRow(s.Id, s.Kind, s.Name, s.Roles, s.Notes, s.CreatedAt))
            : rows.Select(s => new SuspectRow(s.Id, s.Kind, null, s.Roles, null, s.CreatedAt));
    }

    private IQueryable<IdentifierRow> IdentifierRows(IQueryable<Suspect> suspects, bool identifying)
    {
        var rows = db.Set<SuspectIdentifier>().AsNoTracking().Where(i => suspects.Any(s => s.Id == i.SuspectId && s.OrganisationId == i.OrganisationId))
            .OrderBy(i => i.SuspectId).ThenBy(i => i.Id);
        return identifying
            ? rows.Select(i => new IdentifierRow(i.Id, i.SuspectId, i.Type, i.Value))
            : rows.Select(i => new IdentifierRow(i.Id, i.SuspectId, i.Type, null));
    }

    private IQueryable<SuspectLink> LinkRows(IQueryable<Suspect> suspects) =>
        db.Set<SuspectLink>().AsNoTracking().Where(l => suspects.Any(s => s.Id == l.SuspectId && s.OrganisationId == l.OrganisationId))
            .OrderBy(l => l.SuspectId).ThenBy(l => l.Id);

    private IQueryable<Operation> OwnOperations(Guid organisation) =>
        db.Set<Operation>().AsNoTracking().Where(o => o.OrganisationId == organisation);

    private static IQueryable<OperationRow> OperationRows(IQueryable<Operation> operations, bool identifying)
    {
        var rows = operations.OrderBy(o => o.Id);
        return identifying
            ? rows.Select(o => new OperationRow(o.Id, o.Type, o.Name, o.Province, o.PlannedOn, o.LegalCaseId, o.Status, o.ShelterPlaces, o.Interpreters,
                o.ChildSpecialists, o.MedicalArrangements, o.ProsecutionLead, o.ApprovedAt, o.CreatedAt))
            : rows.Select(o => new OperationRow(o.Id, o.Type, null, o.Province, o.PlannedOn, o.LegalCaseId, o.Status, o.ShelterPlaces, o.Interpreters,
                o.ChildSpecialists, null, null, o.ApprovedAt, o.CreatedAt));
    }

    /// <summary>Counted before writing, for the audit entry that precedes the first byte: how many rows of each justice table, never a value.</summary>
    private async Task<Dictionary<string, int>> CountJusticeAsync(Guid organisation, CancellationToken cancellationToken)
    {
        var legal = OwnLegalCases(organisation);
        var suspects = OwnSuspects(organisation);
        return new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["legal_cases"] = await legal.CountAsync(cancellationToken),
            ["hearings"] = await HearingRows(legal, false).CountAsync(cancellationToken),
            ["witnesses"] = await WitnessRows(legal, false).CountAsync(cancellationToken),
            ["seized_assets"] = await AssetRows(legal, false).CountAsync(cancellationToken),
            ["compensation"] = await CompensationRows(legal).CountAsync(cancellationToken),
            ["suspects"] = await suspects.CountAsync(cancellationToken),
            ["suspect_identifiers"] = await IdentifierRows(suspects, false).CountAsync(cancellationToken),
            ["suspect_links"] = await LinkRows(suspects).CountAsync(cancellationToken),
            ["operations"] = await OwnOperations(organisation).CountAsync(cancellationToken),
        };
    }

    /// <summary>The justice tables after the others, through the same loop and sink.</summary>
    private async Task WriteJusticeTablesAsync(ITableSink sink, Guid organisation, bool identifying, Dictionary<string, int> written, CancellationToken cancellationToken)
    {
        var legal = OwnLegalCases(organisation);
        var suspects = OwnSuspects(organisation);
        written["legal_cases"] = await TableAsync(sink, "legal_cases", Pick(LegalCaseColumns, identifying), LegalCaseRows(legal, identifying), cancellationToken);
        written["hearings"] = await TableAsync(sink, "hearings", Pick(HearingColumns, identifying), HearingRows(legal, identifying), cancellationToken);
        written["witnesses"] = await TableAsync(sink, "witnesses", Pick(WitnessColumns, identifying), WitnessRows(legal, identifying), cancellationToken);
        written["seized_assets"] = await TableAsync(sink, "seized_assets", Pick(AssetColumns, identifying), AssetRows(legal, identifying), cancellationToken);
        written["compensation"] = await TableAsync(sink, "compensation", Pick(CompensationColumns, identifying), CompensationRows(legal), cancellationToken);
        written["suspects"] = await TableAsync(sink, "suspects", Pick(SuspectColumns, identifying), SuspectRows(suspects, identifying), cancellationToken);
        written["suspect_identifiers"] = await TableAsync(sink, "suspect_identifiers", Pick(IdentifierColumns, identifying), IdentifierRows(suspects, identifying), cancellationToken);
        written["suspect_links"] = await TableAsync(sink, "suspect_links", Pick(LinkColumns, identifying), LinkRows(suspects), cancellationToken);
        written["operations"] = await TableAsync(sink, "operations", Pick(OperationColumns, identifying), OperationRows(OwnOperations(organisation), identifying), cancellationToken);
    }

    /// <summary>
    /// The JSON's justice arrays, after <c>cases</c>: <c>legalCases</c> (each with its <c>hearings</c>, <c>witnesses</c>,
    /// <c>assets</c> and <c>compensation</c>), <c>suspects</c> (each with its <c>identifiers</c> and <c>links</c>) and
    /// <c>operations</c>, each keyset-paged on its id like the cases, a batch's nested rows loaded with it.
    /// </summary>
    private async Task WriteJusticeJsonAsync(Utf8JsonWriter json, Guid organisation, bool identifying, Dictionary<string, int> written, CancellationToken cancellationToken)
    {
        foreach (var table in JusticeTableNames)
        {
            written[table] = 0;
        }

        json.WritePropertyName("legalCases");
        json.WriteStartArray();
        await foreach (var ids in PagesAsync(OwnLegalCases(organisation).Select(l => l.Id), cancellationToken))
        {
            var these = OwnLegalCases(organisation).Where(l => ids.Contains(l.Id));
            var legal = await LegalCaseRows(these, identifying).ToListAsync(cancellationToken);
            var hearings = (await HearingRows(these, identifying).ToListAsync(cancellationToken)).ToLookup(h => h.LegalCaseId);
            var witnesses = (await WitnessRows(these, identifying).ToListAsync(cancellationToken)).ToLookup(w => w.LegalCaseId);
            var assets = (await AssetRows(these, identifying).ToListAsync(cancellationToken)).ToLookup(a => a.LegalCaseId);
            var compensation = (await CompensationRows(these).ToListAsync(cancellationToken)).ToLookup(c => c.LegalCaseId);
            foreach (var row in legal)
            {
                json.WriteStartObject();
                WriteFields(json, Pick(LegalCaseColumns, identifying), row, parentKey: null);
                written["legal_cases"]++;
                written["hearings"] += Nested(json, "hearings", Pick(HearingColumns, identifying), hearings[row.Id], "legal_case.id");
                written["witnesses"] += Nested(json, "witnesses", Pick(WitnessColumns, identifying), witnesses[row.Id], "legal_case.id");
                written["seized_assets"] += Nested(json, "assets", Pick(AssetColumns, identifying), assets[row.Id], "legal_case.id");
                written["compensation"] += Nested(json, "compensation", Pick(CompensationColumns, identifying), compensation[row.Id], "legal_case.id");
                json.WriteEndObject();
            }

            await json.FlushAsync(cancellationToken);
        }

        json.WriteEndArray();

        json.WritePropertyName("suspects");
        json.WriteStartArray();
        await foreach (var ids in PagesAsync(OwnSuspects(organisation).Select(s => s.Id), cancellationToken))
        {
            var these = OwnSuspects(organisation).Where(s => ids.Contains(s.Id));
            var suspects = await SuspectRows(these, identifying).ToListAsync(cancellationToken);
            var identifiers = (await IdentifierRows(these, identifying).ToListAsync(cancellationToken)).ToLookup(i => i.SuspectId);
            var links = (await LinkRows(these).ToListAsync(cancellationToken)).ToLookup(l => l.SuspectId);
            foreach (var row in suspects)
            {
                json.WriteStartObject();
                WriteFields(json, Pick(SuspectColumns, identifying), row, parentKey: null);
                written["suspects"]++;
                written["suspect_identifiers"] += Nested(json, "identifiers", Pick(IdentifierColumns, identifying), identifiers[row.Id], "suspect.id");
                written["suspect_links"] += Nested(json, "links", Pick(LinkColumns, identifying), links[row.Id], "suspect.id");
                json.WriteEndObject();
            }

            await json.FlushAsync(cancellationToken);
        }

        json.WriteEndArray();

        json.WritePropertyName("operations");
        json.WriteStartArray();
        await foreach (var ids in PagesAsync(OwnOperations(organisation).Select(o => o.Id), cancellationToken))
        {
            foreach (var row in await OperationRows(OwnOperations(organisation).Where(o => ids.Contains(o.Id)), identifying).ToListAsync(cancellationToken))
            {
                json.WriteStartObject();
                WriteFields(json, Pick(OperationColumns, identifying), row, parentKey: null);
                written["operations"]++;
                json.WriteEndObject();
            }

            await json.FlushAsync(cancellationToken);
        }

        json.WriteEndArray();
    }

    /// <summary>Ids in batches, keyset-paged on the id (time-ordered version 7 GUIDs), so the last batch costs what the first does.</summary>
    private static async IAsyncEnumerable<List<Guid>> PagesAsync(IQueryable<Guid> ids, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Guid? last = null;
        while (true)
        {
            var page = last is { } after ? ids.Where(id => id.CompareTo(after) > 0) : ids;
            var batch = await page.OrderBy(id => id).Take(JusticeJsonBatch).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                yield break;
            }

            yield return batch;
            last = batch[^1];
        }
    }

    /// <summary>The detail of the <c>justice.exported</c> audit entry: rows per table and whether identifying columns were in it; never a value.</summary>
    private static string JusticeAuditDetail(ExportFormat format, Dictionary<string, int> counts, bool identifying) =>
        string.Create(CultureInfo.InvariantCulture, $"format {format.Code()}, identifying columns {(identifying ? "yes" : "no")}, ")
        + string.Join(", ", JusticeTableNames.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t} {counts[t]}")));
}
