using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;

namespace Saphan.Core.Features.Tasks;

/// <summary>Closes one of the actor's tasks with a note; an urgent task needs a note stating the action taken. Audited.</summary>
public sealed class CompleteTask(SaphanDbContext db, TimeProvider clock)
{
    public async Task<TaskView> HandleAsync(Actor actor, Guid taskId, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var task = await ListTasks.Visible(db, actor).SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken)
            ?? throw new NotFoundException("Task");
        var now = clock.GetUtcNow();
        if (task.Complete(actor.UserId, note, now) is { } problem)
        {
            var errors = new ValidationErrors();
            errors.Add(problem.Field, problem.Message);
            errors.ThrowIfAny();
        }

        db.Audit(actor, "task.completed", "task", task.Id, task.Urgency + (task.CaseId is { } c ? " case " + c : ""));
        await db.SaveChangesAsync(cancellationToken);
        return ListTasks.View(task, now);
    }
}
