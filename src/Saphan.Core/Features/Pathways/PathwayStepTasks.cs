using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Tasks;

namespace Saphan.Core.Features.Pathways;

/// <summary>When a late pathway step is escalated to the supervisors (configuration section "Pathways").</summary>
public sealed class PathwayTaskRules
{
    /// <summary>Days a step may stay overdue, after the worker's task was raised, before the supervisors get one too.</summary>
    public int EscalateAfterDays { get; set; } = 7;
}

/// <summary>
/// Overdue pathway steps raise tasks, the way overdue referrals do (<see cref="Referrals.ReferralCommands.ExpireDueAsync"/>):
/// applied when the organisation's tasks, gaps or a case's pathway are read, so no background job is needed. A step of
/// an open case that is past its expected date, neither done nor skipped, and not yet missed raises one task for the case's worker (the
/// supervisors when no worker is assigned); still late <see cref="PathwayTaskRules.EscalateAfterDays"/> days after its
/// due date plus that, one task for the supervisors. Each exactly once per case and step: the task's source is a key
/// derived from the case and the step code, and the unique index UX_tasks_pathway_step_source refuses a second one
/// even when two requests race.
/// </summary>
public sealed class PathwayStepTasks(SaphanDbContext db, TimeProvider clock, PathwayTaskRules rules)
{
    public const string WorkerSource = "pathway_step";
    public const string EscalationSource = "pathway_step_escalation";

    internal static void Configure(ModelBuilder builder) =>
        builder.Entity<WorkTask>()
            .HasIndex(t => new { t.SourceType, t.SourceId, t.OrganisationId }).IsUnique()
            .HasFilter("source_type IN ('" + WorkerSource + "', '" + EscalationSource + "')").HasDatabaseName("UX_tasks_pathway_step_source");

    /// <summary>The stable key of one step of one case: the source id of its tasks.</summary>
    public static Guid StepKey(Guid caseId, string stepCode)
    {
        ArgumentNullException.ThrowIfNull(stepCode);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(caseId.ToString("N") + "/" + stepCode), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8: a name-based, application-defined UUID
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    /// <summary>Raises the tasks the organisation's late steps (or one case's) call for; returns how many were raised.</summary>
    public async Task<int> RaiseOverdueAsync(Guid organisationId, CancellationToken cancellationToken, Guid? onlyCase = null)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var assigned = await (from p in db.CasePathways.AsNoTracking()
                              join c in db.Cases.AsNoTracking() on p.CaseId equals c.Id
                              where p.OrganisationId == organisationId && c.OrganisationId == organisationId && (onlyCase == null || p.CaseId == onlyCase)
                              select new { p.CaseId, p.PathwayId, c.Status, c.AssignedWorkerId }).ToListAsync(cancellationToken);
        var open = assigned.Where(a => !Case.IsClosedStatus(a.Status)).ToList();
        if (open.Count == 0)
        {
            return 0;
        }

        var pathwayIds = open.Select(a => a.PathwayId).Distinct().ToList();
        var pathways = await db.CarePathways.AsNoTracking().Where(p => pathwayIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Steps, cancellationToken);
        var facts = await PathwayProgress.LoadAsync(db,
            db.CasePathways.Where(p => p.OrganisationId == organisationId && (onlyCase == null || p.CaseId == onlyCase)).Select(p => p.CaseId), cancellationToken);
        var late = open
            .SelectMany(a => PathwayProgress.Derive(facts[a.CaseId], pathways[a.PathwayId], today)
                // Overdue, not missed: a step more than PathwayProgress.MissedAfterDays late with nothing under way is a gap
                // (listed at /Gaps), not work to do now; so a case put on a pathway long after identification, or a
                // database adopting pathways, does not flood its workers with tasks for steps whose time has passed.
                .Where(s => s.Status == StepStatus.Overdue)
                .Select(s => (a.CaseId, a.AssignedWorkerId, Step: s)))
            .ToList();
        if (late.Count == 0)
        {
            return 0;
        }

        var existing = (await db.Tasks.AsNoTracking()
                .Where(t => t.OrganisationId == organisationId && (t.SourceType == WorkerSource || t.SourceType == EscalationSource))
                .Select(t => new { t.SourceType, t.SourceId }).ToListAsync(cancellationToken))
            .Select(t => (t.SourceType!, t.SourceId!.Value)).ToHashSet();
        var now = clock.GetUtcNow();
        var raised = 0;
        foreach (var (caseId, worker, step) in late)
        {
            var key = StepKey(caseId, step.Code);
            var detail = $"Pathway step {step.Code} was due {step.DueOn:yyyy-MM-dd} ({step.DaysLate} days late).";
            if (existing.Add((WorkerSource, key)))
            {
                OpenTask.Add(db, Actor.System, new NewTask(organisationId, TaskValueSets.PathwayStep, TaskUrgency.Normal, PathwayStepOverdueTitle,
                    AssigneeRole: worker is null ? Roles.Supervisor : null, AssigneeUserId: worker, CaseId: caseId, DueAt: now.AddDays(rules.EscalateAfterDays),
                    Detail: detail, SourceType: WorkerSource, SourceId: key), now);
                raised++;
            }

            if (step.DaysLate >= rules.EscalateAfterDays && existing.Add((EscalationSource, key)))
            {
                OpenTask.Add(db, Actor.System, new NewTask(organisationId, TaskValueSets.PathwayStep, TaskUrgency.Normal, PathwayStepEscalatedTitle,
                    AssigneeRole: Roles.Supervisor, CaseId: caseId, DueAt: now.AddDays(1), Detail: detail, SourceType: EscalationSource, SourceId: key), now);
                raised++;
            }
        }

        if (raised == 0)
        {
            return 0;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request raised the same tasks at the same moment: UX_tasks_pathway_step_source kept theirs, and
            // nothing of ours was stored (one transaction with the audit entries).
            db.ChangeTracker.Clear();
            return 0;
        }

        return raised;
    }

    public const string PathwayStepOverdueTitle = "pathway_step_overdue";
    public const string PathwayStepEscalatedTitle = "pathway_step_escalated";
}
