using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Persons;
using Saphan.Core.Features.Standard;

namespace Saphan.Core.Features.FollowUps;

/// <summary>A follow-up contact of a case, scheduled and then recorded with its outcomes (dictionary section "followUp").</summary>
public sealed class FollowUp
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; init; }
    public Guid CaseId { get; init; }
    public DateOnly DueOn { get; set; }
    /// <summary>How many months after identification it was scheduled, when from the standard schedule.</summary>
    public int? Month { get; init; }
    public DateOnly? DoneOn { get; set; }
    public List<string> Outcomes { get; set; } = [];
    /// <summary>Free text: identifying, encrypted.</summary>
    public string? Note { get; set; }
    public Guid CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public Guid? RecordedBy { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

public sealed record FollowUpView(Guid Id, Guid CaseId, DateOnly DueOn, int? Month, DateOnly? DoneOn, IReadOnlyList<string> Outcomes, string? Note, bool Overdue);

/// <summary>An organisation's aftercare figures: of the people followed for 12 months, the share who stayed free of exploitation.</summary>
public sealed record OutcomeFigures(Guid OrganisationId, string Organisation, int CasesFollowed, int Followed12Months, int StayedFree12Months,
    double? ShareStayedFree12Months, IReadOnlyDictionary<string, int> LatestOutcomes);

/// <summary>Follow-ups: case data, so the case's rules apply (its organisation only, readers read, writers write); every change audited.</summary>
public sealed class FollowUpCommands(SaphanDbContext db, TimeProvider clock)
{
    public static readonly int[] StandardMonths = [3, 6, 12];

    /// <summary>Schedules the standard follow-ups (3, 6 and 12 months after identification) that the case does not have yet.</summary>
    public async Task<IReadOnlyList<FollowUpView>> ScheduleStandardAsync(Actor actor, Guid caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        CaseAccess.EnsureCanWrite(actor);
        var @case = await CaseAccess.Readable(db, actor).AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken) ?? throw new NotFoundException("Case");
        var existing = await db.FollowUps.Where(f => f.CaseId == caseId && f.Month != null).Select(f => f.Month!.Value).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var month in StandardMonths.Except(existing))
        {
            var followUp = new FollowUp { OrganisationId = @case.OrganisationId, CaseId = caseId, DueOn = @case.IdentifiedOn.AddMonths(month), Month = month, CreatedBy = actor.UserId, CreatedAt = now };
            db.FollowUps.Add(followUp);
            db.Audit(actor, "follow_up.scheduled", "follow_up", followUp.Id, "case " + caseId.ToString());
        }

        await db.SaveChangesAsync(cancellationToken);
        return await ListAsync(actor, caseId, cancellationToken);
    }

    public async Task<IReadOnlyList<FollowUpView>> ListAsync(Actor actor, Guid caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!await CaseAccess.Readable(db, actor).AnyAsync(c => c.Id == caseId, cancellationToken))
        {
            throw new NotFoundException("Case");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return (await db.FollowUps.AsNoTracking().Where(f => f.CaseId == caseId).ToListAsync(cancellationToken))
            .OrderBy(f => f.DueOn).Select(f => View(f, today)).ToList();
    }

    /// <summary>One follow-up of a case the actor reads (404 otherwise).</summary>
    public async Task<FollowUpView> GetAsync(Actor actor, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var followUp = await db.FollowUps.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id && f.OrganisationId == actor.OrganisationId, cancellationToken);
        if (followUp is null || !await CaseAccess.Readable(db, actor).AnyAsync(c => c.Id == followUp.CaseId, cancellationToken))
        {
            throw new NotFoundException("Follow-up");
        }

        return View(followUp, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>Records what a follow-up found.</summary>
    public async Task<FollowUpView> RecordAsync(Actor actor, Guid id, string? doneOn, IReadOnlyList<string>? outcomes, string? note, CancellationToken cancellationToken, ValidationErrors? readErrors = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        CaseAccess.EnsureCanWrite(actor);
        var followUp = await db.FollowUps.SingleOrDefaultAsync(f => f.Id == id && f.OrganisationId == actor.OrganisationId, cancellationToken) ?? throw new NotFoundException("Follow-up");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var errors = readErrors ?? new ValidationErrors();
        var day = StandardValidator.Check(DataStandard.Get("followUp.doneOn"), [doneOn], today);
        if (!day.Ok || day.Values.Count == 0)
        {
            errors.Add("doneOn", day.Problem ?? "Required.");
        }

        var codes = StandardValidator.Check(DataStandard.Get("followUp.outcomes"), [.. outcomes ?? []], today);
        if (!codes.Ok || codes.Values.Count == 0)
        {
            errors.Add("outcomes", codes.Problem ?? "Required: at least one outcome.");
        }

        var text = PersonInput.Text(note, "note", 2000, errors);
        errors.ThrowIfAny();
        followUp.DoneOn = DateOnly.ParseExact(day.Values[0], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        followUp.Outcomes = [.. codes.Values];
        followUp.Note = text;
        followUp.RecordedBy = actor.UserId;
        followUp.Version = Guid.NewGuid();
        db.Audit(actor, "follow_up.recorded", "follow_up", followUp.Id, "case " + followUp.CaseId.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return View(followUp, today);
    }

    /// <summary>
    /// Aftercare figures per organisation. Supervisors and org admins get their own organisation's; network admins and
    /// analysts every organisation's (counts only). Followed 12 months: a follow-up done at least 12 months after
    /// identification. Stayed free: none of the case's recorded follow-ups says re-trafficked.
    /// </summary>
    public async Task<IReadOnlyList<OutcomeFigures>> FiguresAsync(Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var network = actor.HasAnyRole([Roles.NetworkAdmin, Roles.Analyst]);
        if (!network && !actor.HasAnyRole([Roles.Supervisor, Roles.OrgAdmin]))
        {
            throw new ForbiddenException();
        }

        var done = await db.FollowUps.AsNoTracking().Where(f => f.DoneOn != null && (network || f.OrganisationId == actor.OrganisationId)).ToListAsync(cancellationToken);
        var caseIds = done.Select(f => f.CaseId).Distinct().ToList();
        var identified = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.IdentifiedOn, cancellationToken);
        var names = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var organisations = network ? names.Keys.ToList() : [actor.OrganisationId];
        return organisations.Select(org =>
        {
            var byCase = done.Where(f => f.OrganisationId == org).GroupBy(f => f.CaseId).ToList();
            var followed12 = byCase.Where(g => g.Any(f => f.DoneOn >= identified[g.Key].AddMonths(12))).ToList();
            var free = followed12.Count(g => g.All(f => !f.Outcomes.Contains("re_trafficked")));
            var latest = byCase.SelectMany(g => g.OrderByDescending(f => f.DoneOn).First().Outcomes).GroupBy(o => o).ToDictionary(o => o.Key, o => o.Count(), StringComparer.Ordinal);
            return new OutcomeFigures(org, names.GetValueOrDefault(org, ""), byCase.Count, followed12.Count, free,
                followed12.Count == 0 ? null : Math.Round((double)free / followed12.Count, 3), latest);
        }).ToList();
    }

    private static FollowUpView View(FollowUp f, DateOnly today) =>
        new(f.Id, f.CaseId, f.DueOn, f.Month, f.DoneOn, f.Outcomes, f.Note, f.DoneOn is null && f.DueOn < today);
}
