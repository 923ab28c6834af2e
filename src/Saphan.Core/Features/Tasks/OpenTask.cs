using Saphan.Core.Data;
using Saphan.Core.Features.Identity;

namespace Saphan.Core.Features.Tasks;

/// <summary>
/// Opens tasks for other features. <see cref="Add"/> puts the task and its audit entry into the caller's unit
/// of work, so the task is stored in the same transaction as the change that caused it (or not at all).
/// </summary>
public sealed class OpenTask(SaphanDbContext db, TimeProvider clock)
{
    /// <summary>Adds the task to <paramref name="db"/> without saving; the caller's SaveChangesAsync stores it.</summary>
    public static WorkTask Add(SaphanDbContext db, Actor actor, NewTask task, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(task);
        Check(task);
        var entity = new WorkTask
        {
            OrganisationId = task.OrganisationId,
            CaseId = task.CaseId,
            Kind = task.Kind,
            Urgency = task.Urgency,
            TitleCode = task.TitleCode,
            Detail = task.Detail,
            AssigneeRole = task.AssigneeRole,
            AssigneeUserId = task.AssigneeUserId,
            DueAt = task.DueAt,
            SourceType = task.SourceType,
            SourceId = task.SourceId,
            CreatedBy = actor.UserId == Guid.Empty ? null : actor.UserId,
            CreatedAt = now,
        };
        db.Tasks.Add(entity);
        db.Audit(actor, "task.opened", "task", entity.Id,
            $"{task.Kind} {task.Urgency} for {task.AssigneeRole ?? "user"}" + (task.CaseId is { } c ? " case " + c : ""));
        return entity;
    }

    /// <summary>Opens one task and saves it at once.</summary>
    public async Task<Guid> HandleAsync(Actor actor, NewTask task, CancellationToken cancellationToken)
    {
        var entity = Add(db, actor, task, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return entity.Id;
    }

    private static void Check(NewTask task)
    {
        // Programming errors, not user input: the codes come from the features that open tasks.
        if (!TaskValueSets.Kind.Contains(task.Kind) || !TaskValueSets.Title.Contains(task.TitleCode) || !TaskValueSets.Urgency.Contains(task.Urgency))
        {
            throw new ArgumentException("Unknown task kind, title or urgency code.", nameof(task));
        }

        if (task.AssigneeRole is null && task.AssigneeUserId is null)
        {
            throw new ArgumentException("A task needs a role or a user to do it.", nameof(task));
        }

        if (task.AssigneeRole is not null && !Roles.IsKnown(task.AssigneeRole))
        {
            throw new ArgumentException("Unknown role.", nameof(task));
        }

        if (task.Detail is { Length: > TaskRules.DetailMaxLength })
        {
            throw new ArgumentException("Detail too long.", nameof(task));
        }
    }
}
