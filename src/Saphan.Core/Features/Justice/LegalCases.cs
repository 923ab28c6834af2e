using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Cases;

namespace Saphan.Core.Features.Justice;

public sealed record LegalCaseInput(string? Reference, string? Stage, List<string>? Charges, string? Verdict, int? SentenceMonths, long? FineSatang, string? AppealLodgedOn);
public sealed record HearingInput(string? HeldOn, string? Note);
public sealed record WitnessInput(Guid? CaseId, string? Coordinator, string? InterpreterLanguage, string? ProtectionMeasures);
public sealed record AssetInput(string? Description, string? Status, long? ValueSatang, string? RecordedOn, Guid? SuspectId);
public sealed record CompensationInput(Guid? CaseId, long? ClaimedSatang, long? AwardedSatang, long? PaidSatang);

public sealed record HearingView(Guid Id, DateOnly HeldOn, string? Note);
public sealed record WitnessView(Guid Id, Guid CaseId, string? Coordinator, string? InterpreterLanguage, string? ProtectionMeasures);
public sealed record AssetView(Guid Id, string Description, string Status, long ValueSatang, DateOnly RecordedOn, Guid? SuspectId);
public sealed record CompensationView(Guid Id, Guid CaseId, long ClaimedSatang, long AwardedSatang, long PaidSatang);
public sealed record MoneyTotals(long SeizedSatang, long FrozenSatang, long ForfeitedSatang, long ClaimedSatang, long AwardedSatang, long PaidSatang);
public sealed record LegalCaseView(Guid Id, string Reference, string Stage, IReadOnlyList<string> Charges, string? Verdict, int? SentenceMonths,
    long? FineSatang, DateOnly? AppealLodgedOn, IReadOnlyList<HearingView> Hearings, IReadOnlyList<WitnessView> Witnesses,
    IReadOnlyList<AssetView> Assets, IReadOnlyList<CompensationView> Compensation, MoneyTotals Totals,
    IReadOnlyList<SuspectSummary> Suspects, bool Shared);
/// <summary><see cref="Shared"/>: another organisation's legal case shared with the reader (read only).</summary>
public sealed record LegalCaseSummary(Guid Id, string Reference, string Stage, IReadOnlyList<string> Charges, string? Verdict, bool Shared = false);
/// <summary>All that roles outside law enforcement learn: a legal case exists for the victim's case, and its stage.</summary>
public sealed record PublicLegalStage(string Stage);
/// <summary>A case to pick as a witness or for compensation: never the person's name.</summary>
public sealed record CaseChoice(Guid Id, string Province, DateOnly IdentifiedOn);

/// <summary>Legal cases with charges, hearings, witnesses and their support, seized assets and compensation.</summary>
public sealed class LegalCases(SaphanDbContext db, TimeProvider clock)
{
    private static readonly string[] Verdicts = ["convicted", "acquitted"];

    public async Task<LegalCaseView> CreateAsync(Actor actor, LegalCaseInput input, CancellationToken cancellationToken, ValidationErrors? errors = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        JusticeAccess.Ensure(actor);
        var now = clock.GetUtcNow();
        var legal = new LegalCase { OrganisationId = actor.OrganisationId, Reference = "", CreatedBy = actor.UserId, CreatedAt = now, StageChangedAt = now };
        Apply(legal, input, errors ?? new ValidationErrors(), creating: true);
        db.Add(legal);
        db.Audit(actor, "legal_case.created", "legal_case", legal.Id);
        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(legal, cancellationToken);
    }

    public async Task<LegalCaseView> UpdateAsync(Actor actor, Guid id, LegalCaseInput input, CancellationToken cancellationToken, ValidationErrors? errors = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var legal = await FindAsync(actor, id, cancellationToken, tracked: true);
        var stage = legal.Stage;
        Apply(legal, input, errors ?? new ValidationErrors(), creating: false);
        if (legal.Stage != stage)
        {
            legal.StageChangedAt = clock.GetUtcNow();
        }

        db.Audit(actor, "legal_case.changed", "legal_case", legal.Id, legal.Stage != stage ? "stage " + stage + " -> " + legal.Stage : null);
        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(legal, cancellationToken);
    }

    public async Task<IReadOnlyList<LegalCaseSummary>> ListAsync(Actor actor, CancellationToken cancellationToken)
    {
        JusticeAccess.Ensure(actor);
        var shared = LegalCaseSharing.SharedWith(db, actor.OrganisationId);
        var list = await db.Set<LegalCase>().AsNoTracking().Where(l => l.OrganisationId == actor.OrganisationId || shared.Contains(l.Id))
            .OrderBy(l => l.Id).Take(500).ToListAsync(cancellationToken);
        db.Audit(actor, "legal_case.listed", "organisation", actor.OrganisationId);
        await db.SaveChangesAsync(cancellationToken);
        return list.Select(l => new LegalCaseSummary(l.Id, l.Reference, l.Stage, l.Charges, l.Verdict, l.OrganisationId != actor.OrganisationId)).ToList();
    }

    public async Task<LegalCaseView> GetAsync(Actor actor, Guid id, CancellationToken cancellationToken)
    {
        var legal = await FindAsync(actor, id, cancellationToken, allowShared: true);
        var shared = legal.OrganisationId != actor.OrganisationId;
        db.Audit(actor, "legal_case.viewed", "legal_case", id, shared ? "shared" : null);
        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(legal, cancellationToken, shared);
    }

    public async Task<HearingView> AddHearingAsync(Actor actor, Guid id, HearingInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var legal = await FindAsync(actor, id, cancellationToken);
        var errors = new ValidationErrors();
        var day = JusticeInput.Date(input.HeldOn, "heldOn", errors, required: true);
        var note = JusticeInput.Text(input.Note, "note", 4000, errors);
        errors.ThrowIfAny();
        var hearing = new Hearing { OrganisationId = legal.OrganisationId, LegalCaseId = id, HeldOn = day!.Value, Note = note, CreatedAt = clock.GetUtcNow() };
        db.Add(hearing);
        db.Audit(actor, "legal_case.hearing_added", "legal_case", id);
        await db.SaveChangesAsync(cancellationToken);
        return new HearingView(hearing.Id, hearing.HeldOn, hearing.Note);
    }

    public async Task<WitnessView> AddWitnessAsync(Actor actor, Guid id, WitnessInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var legal = await FindAsync(actor, id, cancellationToken);
        var errors = new ValidationErrors();
        await RequireCaseAsync(actor, input.CaseId, errors, cancellationToken);
        var coordinator = JusticeInput.Text(input.Coordinator, "coordinator", 200, errors);
        var language = JusticeInput.Text(input.InterpreterLanguage, "interpreterLanguage", 40, errors);
        var measures = JusticeInput.Text(input.ProtectionMeasures, "protectionMeasures", 4000, errors);
        errors.ThrowIfAny();
        var witness = new Witness
        {
            OrganisationId = legal.OrganisationId, LegalCaseId = id, CaseId = input.CaseId!.Value, Coordinator = coordinator,
            InterpreterLanguage = language, ProtectionMeasures = measures, CreatedAt = clock.GetUtcNow(),
        };
        db.Add(witness);
        db.Audit(actor, "legal_case.witness_added", "legal_case", id, "case " + witness.CaseId.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return new WitnessView(witness.Id, witness.CaseId, coordinator, language, measures);
    }

    public async Task<AssetView> AddAssetAsync(Actor actor, Guid id, AssetInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var legal = await FindAsync(actor, id, cancellationToken);
        var errors = new ValidationErrors();
        var description = JusticeInput.Text(input.Description, "description", 1000, errors, required: true);
        var status = JusticeInput.Code("justice.assetStatus", "status", input.Status, errors, required: true);
        var value = JusticeInput.Satang(input.ValueSatang, "valueSatang", errors, required: true);
        var recordedOn = JusticeInput.Date(input.RecordedOn, "recordedOn", errors, required: true);
        if (input.SuspectId is { } suspectId && !await db.Set<Suspect>().AnyAsync(s => s.Id == suspectId && s.OrganisationId == actor.OrganisationId, cancellationToken))
        {
            errors.Add("suspectId", "No such suspect in your organisation.");
        }

        errors.ThrowIfAny();
        var asset = new SeizedAsset
        {
            OrganisationId = legal.OrganisationId, LegalCaseId = id, SuspectId = input.SuspectId, Description = description!, Status = status!,
            ValueSatang = value, RecordedOn = recordedOn!.Value, CreatedAt = clock.GetUtcNow(),
        };
        db.Add(asset);
        db.Audit(actor, "legal_case.asset_recorded", "legal_case", id, status);
        await db.SaveChangesAsync(cancellationToken);
        return new AssetView(asset.Id, asset.Description, asset.Status, asset.ValueSatang, asset.RecordedOn, asset.SuspectId);
    }

    /// <summary>Records or updates the compensation of one victim in the case; paid cannot exceed awarded.</summary>
    public async Task<CompensationView> SetCompensationAsync(Actor actor, Guid id, CompensationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var legal = await FindAsync(actor, id, cancellationToken);
        var errors = new ValidationErrors();
        await RequireCaseAsync(actor, input.CaseId, errors, cancellationToken);
        var claimed = JusticeInput.Satang(input.ClaimedSatang, "claimedSatang", errors, required: true);
        var awarded = JusticeInput.Satang(input.AwardedSatang, "awardedSatang", errors, required: false);
        var paid = JusticeInput.Satang(input.PaidSatang, "paidSatang", errors, required: false);
        if (paid > awarded)
        {
            errors.Add("paidSatang", "Cannot exceed the amount awarded.");
        }

        errors.ThrowIfAny();
        var record = await db.Set<Compensation>().SingleOrDefaultAsync(c => c.LegalCaseId == id && c.CaseId == input.CaseId, cancellationToken);
        if (record is null)
        {
            record = new Compensation { OrganisationId = legal.OrganisationId, LegalCaseId = id, CaseId = input.CaseId!.Value };
            db.Add(record);
        }

        record.ClaimedSatang = claimed;
        record.AwardedSatang = awarded;
        record.PaidSatang = paid;
        record.UpdatedAt = clock.GetUtcNow();
        db.Audit(actor, "legal_case.compensation_set", "legal_case", id, "case " + record.CaseId.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return new CompensationView(record.Id, record.CaseId, claimed, awarded, paid);
    }

    /// <summary>The organisation's cases a witness or compensation can be recorded for: ids, province and date only, no names.</summary>
    public async Task<IReadOnlyList<CaseChoice>> CaseChoicesAsync(Actor actor, CancellationToken cancellationToken)
    {
        JusticeAccess.Ensure(actor);
        return await db.Cases.AsNoTracking().Where(c => c.OrganisationId == actor.OrganisationId).OrderByDescending(c => c.Id).Take(200)
            .Select(c => new CaseChoice(c.Id, c.Province, c.IdentifiedOn)).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The minimal view for case readers of the victim's organisation who are not law enforcement: the stages of the
    /// legal cases in which the victim (their case) is a witness. Nothing else.
    /// </summary>
    public async Task<IReadOnlyList<PublicLegalStage>> StagesForCaseAsync(Actor actor, Guid caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.HasAnyRole(Identity.Roles.CaseReaders))
        {
            throw new ForbiddenException();
        }

        if (!await db.Cases.AnyAsync(c => c.Id == caseId && c.OrganisationId == actor.OrganisationId, cancellationToken))
        {
            throw new NotFoundException("Case");
        }

        var viaWitness = db.Set<Witness>().Where(w => w.CaseId == caseId).Select(w => w.LegalCaseId);
        var stages = await db.Set<LegalCase>().AsNoTracking()
            .Where(l => l.OrganisationId == actor.OrganisationId && viaWitness.Contains(l.Id))
            .OrderBy(l => l.Id).Select(l => l.Stage).ToListAsync(cancellationToken);
        db.Audit(actor, "legal_case.stage_viewed", "case", caseId);
        await db.SaveChangesAsync(cancellationToken);
        return stages.Select(s => new PublicLegalStage(s)).ToList();
    }

    private async Task RequireCaseAsync(Actor actor, Guid? caseId, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (caseId is null)
        {
            errors.Add("caseId", "Required: the victim's case.");
        }
        else if (!await db.Cases.AnyAsync(c => c.Id == caseId && c.OrganisationId == actor.OrganisationId, cancellationToken))
        {
            errors.Add("caseId", "No such case in your organisation.");
        }
    }

    private static void Apply(LegalCase legal, LegalCaseInput input, ValidationErrors errors, bool creating)
    {
        var reference = JusticeInput.Text(input.Reference, "reference", 100, errors, required: creating);
        var stage = JusticeInput.Code("justice.stage", "stage", input.Stage, errors, required: false);
        var charges = input.Charges is null ? null : JusticeInput.Codes("justice.charges", "charges", input.Charges, errors);
        if (input.Verdict is not null && !Verdicts.Contains(input.Verdict))
        {
            errors.Add("verdict", "Either convicted or acquitted.");
        }

        var months = JusticeInput.Count(input.SentenceMonths, "sentenceMonths", 1200, errors);
        var fine = input.FineSatang is null ? (long?)null : JusticeInput.Satang(input.FineSatang, "fineSatang", errors, required: false);
        var appeal = JusticeInput.Date(input.AppealLodgedOn, "appealLodgedOn", errors, required: false);
        var verdict = input.Verdict ?? legal.Verdict;
        var finalStage = stage ?? legal.Stage;
        if ((months is not null || fine is not null) && verdict != "convicted")
        {
            errors.Add("sentenceMonths", "A sentence follows a conviction: record the verdict first.");
        }

        if (input.Verdict is not null && finalStage is "investigation" or "prosecution")
        {
            errors.Add("verdict", "A verdict is recorded at the verdict stage or later.");
        }

        errors.ThrowIfAny();
        if (reference is not null)
        {
            legal.Reference = reference;
        }

        legal.Stage = finalStage;
        legal.Charges = charges ?? legal.Charges;
        legal.Verdict = verdict;
        legal.SentenceMonths = months ?? legal.SentenceMonths;
        legal.FineSatang = fine ?? legal.FineSatang;
        legal.AppealLodgedOn = appeal ?? legal.AppealLodgedOn;
    }

    /// <summary>The actor's own legal case; with <paramref name="allowShared"/> also one shared with its organisation (reads only).</summary>
    private async Task<LegalCase> FindAsync(Actor actor, Guid id, CancellationToken cancellationToken, bool tracked = false, bool allowShared = false)
    {
        JusticeAccess.Ensure(actor);
        var set = tracked ? db.Set<LegalCase>() : db.Set<LegalCase>().AsNoTracking();
        var shared = LegalCaseSharing.SharedWith(db, actor.OrganisationId);
        return await set.SingleOrDefaultAsync(l => l.Id == id && (l.OrganisationId == actor.OrganisationId || (allowShared && shared.Contains(l.Id))), cancellationToken)
            ?? throw new NotFoundException("Legal case");
    }

    private async Task<LegalCaseView> ViewAsync(LegalCase l, CancellationToken cancellationToken, bool shared = false)
    {
        var linked = db.Set<SuspectLink>().Where(k => k.LegalCaseId == l.Id).Select(k => k.SuspectId);
        var suspects = await db.Set<Suspect>().AsNoTracking().Where(x => x.OrganisationId == l.OrganisationId && linked.Contains(x.Id)).OrderBy(x => x.Id).ToListAsync(cancellationToken);
        var hearings = await db.Set<Hearing>().AsNoTracking().Where(h => h.LegalCaseId == l.Id).OrderBy(h => h.HeldOn).ToListAsync(cancellationToken);
        // A shared reader sees the case's stage, hearings, suspects and money, not the owner's victims: no witness (who
        // testifies, their protection) and no per-victim compensation row (each names a victim's case), only the totals.
        var witnesses = shared ? [] : await db.Set<Witness>().AsNoTracking().Where(w => w.LegalCaseId == l.Id).OrderBy(w => w.Id).ToListAsync(cancellationToken);
        var assets = await db.Set<SeizedAsset>().AsNoTracking().Where(a => a.LegalCaseId == l.Id).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var compensation = await db.Set<Compensation>().AsNoTracking().Where(c => c.LegalCaseId == l.Id).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var totals = new MoneyTotals(
            assets.Where(a => a.Status == "seized").Sum(a => a.ValueSatang),
            assets.Where(a => a.Status == "frozen").Sum(a => a.ValueSatang),
            assets.Where(a => a.Status == "forfeited").Sum(a => a.ValueSatang),
            compensation.Sum(c => c.ClaimedSatang), compensation.Sum(c => c.AwardedSatang), compensation.Sum(c => c.PaidSatang));
        return new LegalCaseView(l.Id, l.Reference, l.Stage, l.Charges, l.Verdict, l.SentenceMonths, l.FineSatang, l.AppealLodgedOn,
            hearings.Select(h => new HearingView(h.Id, h.HeldOn, h.Note)).ToList(),
            witnesses.Select(w => new WitnessView(w.Id, w.CaseId, w.Coordinator, w.InterpreterLanguage, w.ProtectionMeasures)).ToList(),
            assets.Select(a => new AssetView(a.Id, a.Description, a.Status, a.ValueSatang, a.RecordedOn, a.SuspectId)).ToList(),
            shared ? [] : compensation.Select(c => new CompensationView(c.Id, c.CaseId, c.ClaimedSatang, c.AwardedSatang, c.PaidSatang)).ToList(), totals,
            suspects.Select(x => new SuspectSummary(x.Id, x.Kind, x.Name, x.Roles)).ToList(), shared);
    }
}
