using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Referrals;
using Saphan.Core.Features.Tasks;

namespace Saphan.Core.Features.Caseloads;

/// <summary>When a worker's load counts as heavy. Configurable ("Caseloads" section).</summary>
public sealed class CaseloadRules
{
    /// <summary>More open cases than this is heavy.</summary>
    public int OpenCasesHigh { get; set; } = 25;
    /// <summary>More overdue tasks and referrals together than this is heavy.</summary>
    public int OverdueHigh { get; set; } = 5;
    /// <summary>Weeks in the trend.</summary>
    public int Weeks { get; set; } = 8;
    /// <summary>Heavy at the end of this many weeks in a row is sustained overload.</summary>
    public int SustainedWeeks { get; set; } = 3;
}

/// <summary>One worker's load now and their open cases (by identification day and closure) at the end of each of the last weeks, oldest first.</summary>
public sealed record WorkerLoad(
    Guid UserId, string Name, int OpenCases, int OverdueTasks, int OverdueReferrals, int UrgentFlags,
    IReadOnlyList<int> OpenCasesByWeek, bool Overloaded, bool SustainedOverload);

public sealed record CaseloadView(IReadOnlyList<WorkerLoad> Workers, int OpenCasesHigh, int OverdueHigh, int SustainedWeeks);

/// <summary>
/// Caseloads (seed 004: responders' stress). A supervisor or org admin sees every worker of their organisation; a
/// worker sees their own row. No personal data of survivors: counts only.
/// </summary>
public sealed class GetCaseloads(SaphanDbContext db, TimeProvider clock, CaseloadRules rules, ReferralRules referralRules)
{
    public static readonly IReadOnlyList<string> OverseerRoles = [Roles.Supervisor, Roles.OrgAdmin];

    public async Task<CaseloadView> HandleAsync(Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var overseer = actor.HasAnyRole(OverseerRoles);
        if (!overseer && !actor.HasAnyRole(Roles.CaseWriters))
        {
            throw new ForbiddenException();
        }

        var org = actor.OrganisationId;
        var now = clock.GetUtcNow();
        var writerRoleIds = await db.Roles.Where(r => Roles.CaseWriters.Contains(r.Name!)).Select(r => r.Id).ToListAsync(cancellationToken);
        var writers = await db.UserRoles.Where(ur => writerRoleIds.Contains(ur.RoleId)).Select(ur => ur.UserId).Distinct().ToListAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => u.OrganisationId == org && writers.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
        if (!overseer)
        {
            users = users.Where(u => u.Id == actor.UserId).ToList();
        }

        var cases = await db.Cases.AsNoTracking().Where(c => c.OrganisationId == org && c.AssignedWorkerId != null)
            .Select(c => new { c.Id, c.AssignedWorkerId, c.Status, c.IdentifiedOn, c.ClosedAt }).ToListAsync(cancellationToken);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.OrganisationId == org && t.Status == Saphan.Core.Features.Tasks.TaskStatus.Open).ToListAsync(cancellationToken);
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.FromOrganisationId == org && r.Status == ReferralStates.Sent).ToListAsync(cancellationToken);

        var weekEnds = Enumerable.Range(0, rules.Weeks).Select(k => now.AddDays(-7 * (rules.Weeks - 1 - k))).ToList();
        var workers = users.OrderBy(u => u.DisplayName, StringComparer.Ordinal).Select(u =>
        {
            var mine = cases.Where(c => c.AssignedWorkerId == u.Id).ToList();
            var open = mine.Where(c => !Case.IsClosedStatus(c.Status)).Select(c => c.Id).ToHashSet();
            var myTasks = tasks.Where(t => t.AssigneeUserId == u.Id || (t.CaseId is { } c && open.Contains(c))).ToList();
            var overdueTasks = myTasks.Count(t => t.DueAt < now);
            var overdueReferrals = referrals.Count(r => (r.CreatedBy == u.Id || open.Contains(r.CaseId)) && referralRules.IsOverdue(r, now));
            var urgent = myTasks.Count(t => t.Urgency == TaskUrgency.Urgent);
            var trend = weekEnds.Select(end => mine.Count(c => c.IdentifiedOn <= DateOnly.FromDateTime(end.UtcDateTime) && (c.ClosedAt is null || c.ClosedAt > end))).ToList();
            var overloaded = open.Count > rules.OpenCasesHigh || overdueTasks + overdueReferrals > rules.OverdueHigh;
            var sustained = rules.SustainedWeeks > 0 && trend.Count >= rules.SustainedWeeks && trend.TakeLast(rules.SustainedWeeks).All(n => n > rules.OpenCasesHigh);
            return new WorkerLoad(u.Id, u.DisplayName, open.Count, overdueTasks, overdueReferrals, urgent, trend, overloaded, sustained);
        }).ToList();
        return new CaseloadView(workers, rules.OpenCasesHigh, rules.OverdueHigh, rules.SustainedWeeks);
    }
}
