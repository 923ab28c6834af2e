using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Persons;

namespace Saphan.Core.Features.CaseRecord;

/// <summary>A closure as submitted: a reason from the dictionary, the day, optional details.</summary>
public sealed class ClosureInput
{
    public string? Reason { get; set; }
    public string? ClosedOn { get; set; }
    public string? Details { get; set; }

    public static ClosureInput FromJson(JsonInput json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var input = new ClosureInput { Reason = json.ReadString("reason"), ClosedOn = json.ReadString("closedOn"), Details = json.ReadString("details") };
        json.RejectUnknownFields();
        return input;
    }
}

/// <summary>Whether a case is closed, why and since when; <see cref="Reason"/> is null for a case closed without one (imports, older records).</summary>
public sealed record ClosureView(Guid CaseId, string Status, bool Closed, string? Reason, DateOnly? ClosedOn, string? Details, bool CanReopen);

/// <summary>
/// Closes a case with a reason and a day (not before identification, not in the future), and reopens it: a supervisor only,
/// with a reason that is kept as a case comment. Both audited. A closed case takes no other change (<see cref="CaseClosedException"/>).
/// </summary>
public sealed class CaseClosure(SaphanDbContext db, TimeProvider clock)
{
    public const int ReopenReasonMinLength = 10;

    public async Task<ClosureView> GetAsync(Actor actor, Guid caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var @case = await CaseRecordAccess.ReadAsync(db, actor, caseId, cancellationToken);
        if (@case.ClosureDetails is not null)
        {
            db.Audit(actor, "case_closure.viewed", "case", caseId);
            await db.SaveChangesAsync(cancellationToken);
        }

        return View(@case, actor);
    }

    public async Task<ClosureView> CloseAsync(Actor actor, Guid caseId, ClosureInput input, CancellationToken cancellationToken, ValidationErrors? readErrors = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var @case = await CaseAccess.Readable(db, actor).SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken) ?? throw new NotFoundException("Case");
        CaseAccess.EnsureCanWrite(actor);
        CaseRecordAccess.EnsureOpen(@case);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var errors = readErrors ?? new ValidationErrors();
        var reason = CaseRecordAccess.One("case.closureReason", "reason", input.Reason, today, errors);
        if (reason is null && PersonInput.Clean(input.Reason) is null)
        {
            errors.Add("reason", "Required: why the case is closed. Use one of: " + Saphan.Core.Features.Standard.StandardValueSets.ClosureReason.Describe() + ".");
        }

        var closedOn = CaseRecordAccess.Date("case.closedOn", "closedOn", input.ClosedOn, today, errors);
        if (closedOn is null && PersonInput.Clean(input.ClosedOn) is null)
        {
            errors.Add("closedOn", "Required: the day the case was closed, as YYYY-MM-DD.");
        }
        else if (closedOn < @case.IdentifiedOn)
        {
            errors.Add("closedOn", "Before the case's identification date: a case closes on or after the day the person was identified.");
        }

        var details = PersonInput.Text(input.Details, "details", 4000, errors);
        errors.ThrowIfAny();

        @case.Close(reason!, closedOn!.Value, details, now);
        @case.UpdatedAt = now;
        @case.ConcurrencyStamp = Guid.NewGuid();
        db.Audit(actor, "case.closed", "case", caseId, reason);
        await db.SaveChangesAsync(cancellationToken);
        return View(@case, actor);
    }

    public async Task<ClosureView> ReopenAsync(Actor actor, Guid caseId, string? reason, CancellationToken cancellationToken, ValidationErrors? readErrors = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var @case = await CaseAccess.Readable(db, actor).SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken) ?? throw new NotFoundException("Case");
        if (!actor.HasAnyRole(CaseRecordAccess.ReopenRoles))
        {
            throw new ForbiddenException();
        }

        var errors = readErrors ?? new ValidationErrors();
        if (!Case.IsClosedStatus(@case.Status))
        {
            errors.Add("status", "The case is not closed.");
        }

        var text = PersonInput.Text(reason, "reason", CaseComments.TextMaxLength, errors);
        if (text is null || text.Length < ReopenReasonMinLength)
        {
            errors.Add("reason", $"Required: why the case is reopened, at least {ReopenReasonMinLength} characters.");
        }

        errors.ThrowIfAny();
        var now = clock.GetUtcNow();
        var closedReason = @case.ClosureReason;
        @case.Reopen(now);
        @case.UpdatedAt = now;
        @case.ConcurrencyStamp = Guid.NewGuid();
        CaseComments.Append(db, actor, caseId, "reopened", text!, now);
        db.Audit(actor, "case.reopened", "case", caseId, "was " + (closedReason ?? "closed"));
        await db.SaveChangesAsync(cancellationToken);
        return View(@case, actor);
    }

    private static ClosureView View(Case c, Actor actor) =>
        new(c.Id, c.Status, Case.IsClosedStatus(c.Status), c.ClosureReason, c.ClosedOn, c.ClosureDetails,
            Case.IsClosedStatus(c.Status) && actor.HasAnyRole(CaseRecordAccess.ReopenRoles));
}
