using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;

namespace Saphan.Core.Features.Tips;

/// <summary>Triage: set a tip's status and who works on it. Only the fields sent change.</summary>
public sealed class UpdateTip(SaphanDbContext db, TimeProvider clock)
{
    /// <summary>The sent fields; <see cref="AssignedOperatorId"/> empty clears the assignment.</summary>
    public sealed record Input(string? Status = null, bool StatusSent = false, string? AssignedOperatorId = null, bool AssigneeSent = false);

    public async Task<TipView> HandleAsync(Actor actor, Guid id, Input input, CancellationToken cancellationToken, ValidationErrors? readErrors = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var tip = await TipAccess.FindAsync(db, actor, id, cancellationToken, withNotes: true);
        var errors = readErrors ?? new ValidationErrors();
        var now = clock.GetUtcNow();
        if (input.StatusSent)
        {
            if (TipStatuses.IsKnown(input.Status))
            {
                tip.ChangeStatus(input.Status!, now);
            }
            else
            {
                errors.Add("status", $"Unknown tip status. Use one of: {string.Join(", ", TipStatuses.All)}.");
            }
        }

        if (input.AssigneeSent)
        {
            var raw = TipInput.Clean(input.AssignedOperatorId);
            if (raw is null)
            {
                tip.AssignedOperatorId = null;
            }
            else if (Guid.TryParse(raw, out var person)
                && await db.Users.AnyAsync(u => u.Id == person && u.OrganisationId == actor.OrganisationId, cancellationToken))
            {
                tip.AssignedOperatorId = person;
            }
            else
            {
                errors.Add("assignedOperatorId", "Not the id of a member of your organisation.");
            }
        }

        errors.ThrowIfAny();
        var changed = db.Entry(tip).Properties.Where(p => p.IsModified).Select(p => "tips." + p.Metadata.GetColumnName()).ToList();
        if (changed.Count > 0)
        {
            tip.MarkFirstAction(now);
            tip.UpdatedAt = now;
            tip.ConcurrencyStamp = Guid.NewGuid();
            db.Audit(actor, "tip.updated", "tip", tip.Id, string.Join(',', changed));
            await db.SaveChangesAsync(cancellationToken);
        }

        return await GetTip.ViewAsync(db, tip, cancellationToken);
    }
}
