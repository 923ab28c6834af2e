using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Cases;

namespace Saphan.Core.Features.CaseRecord;

/// <summary>
/// The victim context as submitted. The trafficking status and who decided it are always replaced; each of the other
/// fields is changed only when sent (its <c>*Sent</c> flag; in JSON: present, where null clears it), so an older client
/// that sends only the status keeps the rest. Health needs and arrested-or-charged are PDPA s.26 data: a role that may
/// not read them may not send them.
/// </summary>
public sealed class VictimContextInput
{
    public string? TraffickingStatus { get; set; }
    public string? TraffickingStatusDecidedBy { get; set; }
    public string? NrmIdentifiedOn { get; set; }
    public bool NrmIdentifiedOnSent { get; set; } = true;
    /// <summary>"true", "false" (or any form the dictionary accepts for a boolean), or null/empty: not recorded.</summary>
    public string? NrmMultidisciplinaryTeam { get; set; }
    public bool NrmMultidisciplinaryTeamSent { get; set; } = true;
    public List<string> HealthNeeds { get; set; } = [];
    public bool HealthNeedsSent { get; set; }
    public string? ArrestedOrCharged { get; set; }
    public bool ArrestedOrChargedSent { get; set; }

    public static VictimContextInput FromJson(JsonInput json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var input = new VictimContextInput
        {
            TraffickingStatus = json.ReadString("traffickingStatus"),
            TraffickingStatusDecidedBy = json.ReadString("traffickingStatusDecidedBy"),
        };
        if (json.ReadObject("nrm") is { } nrm)
        {
            input.NrmIdentifiedOnSent = nrm.Has("identifiedOn");
            input.NrmIdentifiedOn = nrm.ReadString("identifiedOn");
            input.NrmMultidisciplinaryTeamSent = nrm.Has("multidisciplinaryTeam");
            input.NrmMultidisciplinaryTeam = nrm.ReadBoolean("multidisciplinaryTeam");
            nrm.RejectUnknownFields();
        }
        else
        {
            input.NrmIdentifiedOnSent = input.NrmMultidisciplinaryTeamSent = json.Has("nrm");
        }

        input.HealthNeedsSent = json.Has("healthNeeds");
        input.HealthNeeds = json.ReadStrings("healthNeeds") ?? [];
        input.ArrestedOrChargedSent = json.Has("arrestedOrCharged");
        input.ArrestedOrCharged = json.ReadBoolean("arrestedOrCharged");
        json.RejectUnknownFields();
        return input;
    }
}

/// <summary>
/// Records a case's victim context (dictionary section "victim", stored on the case: migrations 0017 and 0020). Codes and
/// the NRM identification for every case writer while the case is open; health needs (PDPA s.26 health) and
/// arrested-or-charged (PDPA s.26 criminal record) encrypted, and only for <see cref="CaseRecordAccess.MaySeeSensitive"/>.
/// One transaction with its audit entry, which names the changed columns, never values.
/// </summary>
public sealed class SaveVictimContext(SaphanDbContext db, TimeProvider clock)
{
    public async Task<VictimContextView> HandleAsync(Actor actor, Guid caseId, VictimContextInput input, CancellationToken cancellationToken, ValidationErrors? readErrors = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var current = await CaseRecordAccess.WriteAsync(db, actor, caseId, cancellationToken);
        var sensitive = CaseRecordAccess.MaySeeSensitive(actor);
        if ((input.HealthNeedsSent || input.ArrestedOrChargedSent) && !sensitive)
        {
            // PDPA s.26 data: a role that may not read it may not write it either.
            throw new ForbiddenException();
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var errors = readErrors ?? new ValidationErrors();
        var status = CaseRecordAccess.One("victim.traffickingStatus", "traffickingStatus", input.TraffickingStatus, today, errors);
        var decidedBy = CaseRecordAccess.One("victim.traffickingStatusDecidedBy", "traffickingStatusDecidedBy", input.TraffickingStatusDecidedBy, today, errors);
        var identifiedOn = input.NrmIdentifiedOnSent
            ? CaseRecordAccess.Date("victim.nrm.identifiedOn", "nrm.identifiedOn", input.NrmIdentifiedOn, today, errors)
            : current.NrmIdentifiedOn;
        if (input.NrmIdentifiedOnSent && identifiedOn < current.IdentifiedOn)
        {
            errors.Add("nrm.identifiedOn", "Before the case's identification date: formal identification comes on or after the day the person was identified.");
        }

        var team = input.NrmMultidisciplinaryTeamSent
            ? Flag(CaseRecordAccess.One("victim.nrm.multidisciplinaryTeam", "nrm.multidisciplinaryTeam", input.NrmMultidisciplinaryTeam, today, errors))
            : current.NrmMultidisciplinaryTeam;
        var healthNeeds = input.HealthNeedsSent
            ? CaseRecordAccess.Check("victim.healthNeeds", "healthNeeds", [.. input.HealthNeeds], today, errors) is { Count: > 0 } needs ? string.Join(',', needs) : null
            : null;
        var arrested = input.ArrestedOrChargedSent
            ? CaseRecordAccess.One("victim.arrestedOrCharged", "arrestedOrCharged", input.ArrestedOrCharged, today, errors)
            : null;
        errors.ThrowIfAny();

        var @case = await db.Cases.SingleAsync(c => c.Id == caseId, cancellationToken);
        var changed = new List<string>();
        void Set<T>(T before, T after, string column, Action<T> assign)
        {
            if (!EqualityComparer<T>.Default.Equals(before, after))
            {
                assign(after);
                changed.Add("cases." + column);
            }
        }

        Set(@case.TraffickingStatus, status, "trafficking_status", v => @case.TraffickingStatus = v);
        Set(@case.TraffickingStatusDecidedBy, decidedBy, "trafficking_status_decided_by", v => @case.TraffickingStatusDecidedBy = v);
        Set(@case.NrmIdentifiedOn, identifiedOn, "nrm_identified_on", v => @case.NrmIdentifiedOn = v);
        Set(@case.NrmMultidisciplinaryTeam, team, "nrm_multidisciplinary_team", v => @case.NrmMultidisciplinaryTeam = v);
        if (input.HealthNeedsSent)
        {
            Set(@case.HealthNeeds, healthNeeds, "health_needs", v => @case.HealthNeeds = v);
        }

        if (input.ArrestedOrChargedSent)
        {
            Set(@case.ArrestedOrCharged, arrested, "arrested_or_charged", v => @case.ArrestedOrCharged = v);
        }

        if (changed.Count > 0)
        {
            @case.UpdatedAt = now;
            @case.ConcurrencyStamp = Guid.NewGuid();
            // Same action as any other change to the case's own columns (UpdateCase); the detail names the columns, never values.
            db.Audit(actor, "case.updated", "case", caseId, string.Join(',', changed));
            await db.SaveChangesAsync(cancellationToken);
        }

        return VictimContextView.From(@case, sensitive);
    }

    private static bool? Flag(string? value) => value is null ? null : value == "true";
}

/// <summary>The case's victim context for a case reader (the case page, GET /api/v1/cases/{id}/victim-context).</summary>
public sealed class GetVictimContext(SaphanDbContext db)
{
    public async Task<VictimContextView> HandleAsync(Actor actor, Guid caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return VictimContextView.From(await CaseRecordAccess.ReadAsync(db, actor, caseId, cancellationToken), CaseRecordAccess.MaySeeSensitive(actor));
    }
}
