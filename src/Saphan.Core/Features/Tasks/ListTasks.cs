using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;

namespace Saphan.Core.Features.Tasks;

/// <summary>
/// The caller's tasks: those of their organisation assigned to them or to one of their roles. Urgent first,
/// then by due time. Anyone signed in may ask; each sees only their own.
/// </summary>
public sealed class ListTasks(SaphanDbContext db, TimeProvider clock, Pathways.PathwayStepTasks? pathwaySteps = null)
{
    /// <summary>The tasks the actor may see and close: their organisation's, assigned to them or to a role they hold.</summary>
    internal static IQueryable<WorkTask> Visible(SaphanDbContext db, Actor actor)
    {
        var roles = actor.Roles.ToList();
        var user = actor.UserId;
        return db.Tasks.Where(t => t.OrganisationId == actor.OrganisationId
            && ((t.AssigneeUserId != null && t.AssigneeUserId == user) || (t.AssigneeRole != null && roles.Contains(t.AssigneeRole))));
    }

    public async Task<IReadOnlyList<TaskView>> HandleAsync(Actor actor, CancellationToken cancellationToken, bool includeDone = false, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (pathwaySteps is not null && actor.OrganisationId != Guid.Empty)
        {
            // Like overdue referrals, late pathway steps raise their tasks when tasks are read.
            await pathwaySteps.RaiseOverdueAsync(actor.OrganisationId, cancellationToken);
        }

        var query = Visible(db, actor).AsNoTracking();
        if (!includeDone)
        {
            query = query.Where(t => t.Status == TaskStatus.Open);
        }

        var tasks = await query.ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return [.. Order(tasks).Select(t => View(t, now, culture))];
    }

    /// <summary>Open tasks about one case that the actor may see, urgent first.</summary>
    public async Task<IReadOnlyList<TaskView>> ForCaseAsync(Actor actor, Guid caseId, CancellationToken cancellationToken, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var tasks = await Visible(db, actor).AsNoTracking().Where(t => t.CaseId == caseId && t.Status == TaskStatus.Open).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return [.. Order(tasks).Select(t => View(t, now, culture))];
    }

    /// <summary>How many open urgent tasks wait for the actor (the navigation badge).</summary>
    public Task<int> CountOpenUrgentAsync(Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return Visible(db, actor).CountAsync(t => t.Status == TaskStatus.Open && t.Urgency == TaskUrgency.Urgent, cancellationToken);
    }

    /// <summary>Whether a case has an open urgent task of any assignee (the case's urgent flag), optionally of given kinds.</summary>
    public static Task<bool> CaseHasOpenUrgentAsync(SaphanDbContext db, Guid caseId, CancellationToken cancellationToken, params string[] kinds) =>
        db.Tasks.AnyAsync(t => t.CaseId == caseId && t.Status == TaskStatus.Open && t.Urgency == TaskUrgency.Urgent
            && (kinds.Length == 0 || kinds.Contains(t.Kind)), cancellationToken);

    // Ordered here: SQLite cannot order by a DateTimeOffset, and one person's list is short.
    internal static IEnumerable<WorkTask> Order(IEnumerable<WorkTask> tasks) =>
        tasks.OrderBy(t => t.IsOpen ? 0 : 1).ThenBy(t => t.IsUrgent ? 0 : 1).ThenBy(t => t.DueAt ?? DateTimeOffset.MaxValue).ThenBy(t => t.CreatedAt);

    internal static TaskView View(WorkTask t, DateTimeOffset now, CultureInfo? culture = null) =>
        new(t.Id, t.CaseId, t.Kind, t.Urgency, t.TitleCode, TaskValueSets.Title.Label(t.TitleCode, culture ?? CultureInfo.InvariantCulture), t.Detail,
            t.AssigneeRole, t.AssigneeUserId, t.DueAt, t.IsOpen && t.DueAt < now, t.Status, t.CreatedAt, t.ClosedAt, t.ClosedBy, t.ClosureNote);
}
