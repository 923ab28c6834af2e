using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Cases;

namespace Saphan.Core.Features.CaseRecord;

/// <summary>The victim context as submitted: the trafficking status (required by the dictionary) and who decided it.</summary>
public sealed class VictimContextInput
{
    public string? TraffickingStatus { get; set; }
    public string? TraffickingStatusDecidedBy { get; set; }

    public static VictimContextInput FromJson(JsonInput json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var input = new VictimContextInput
        {
            TraffickingStatus = json.ReadString("traffickingStatus"),
            TraffickingStatusDecidedBy = json.ReadString("traffickingStatusDecidedBy"),
        };
        json.RejectUnknownFields();
        return input;
    }
}

/// <summary>
/// Records a case's victim context (dictionary section "victim", stored on the case since migration 0017, filled by the
/// Kobo/ODK import until now): codes only, neither identifying nor PDPA-sensitive, so every case reader sees it and
/// every case writer may change it while the case is open. One transaction with its audit entry.
/// </summary>
public sealed class SaveVictimContext(SaphanDbContext db, TimeProvider clock)
{
    public async Task<VictimContextView> HandleAsync(Actor actor, Guid caseId, VictimContextInput input, CancellationToken cancellationToken, ValidationErrors? readErrors = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        await CaseRecordAccess.WriteAsync(db, actor, caseId, cancellationToken);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var errors = readErrors ?? new ValidationErrors();
        var status = CaseRecordAccess.One("victim.traffickingStatus", "traffickingStatus", input.TraffickingStatus, today, errors);
        var decidedBy = CaseRecordAccess.One("victim.traffickingStatusDecidedBy", "traffickingStatusDecidedBy", input.TraffickingStatusDecidedBy, today, errors);
        errors.ThrowIfAny();

        var @case = await db.Cases.SingleAsync(c => c.Id == caseId, cancellationToken);
        if (@case.TraffickingStatus != status || @case.TraffickingStatusDecidedBy != decidedBy)
        {
            @case.TraffickingStatus = status;
            @case.TraffickingStatusDecidedBy = decidedBy;
            @case.UpdatedAt = now;
            @case.ConcurrencyStamp = Guid.NewGuid();
            // Same action as any other change to the case's own columns (UpdateCase); the detail names the columns, never values.
            db.Audit(actor, "case.updated", "case", caseId, "cases.trafficking_status,cases.trafficking_status_decided_by");
            await db.SaveChangesAsync(cancellationToken);
        }

        return VictimContextView.From(@case);
    }
}

/// <summary>The case's victim context for a case reader (the case page, GET /api/v1/cases/{id}/victim-context).</summary>
public sealed class GetVictimContext(SaphanDbContext db)
{
    public async Task<VictimContextView> HandleAsync(Actor actor, Guid caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return VictimContextView.From(await CaseRecordAccess.ReadAsync(db, actor, caseId, cancellationToken));
    }
}
