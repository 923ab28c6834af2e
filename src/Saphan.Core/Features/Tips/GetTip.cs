using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;

namespace Saphan.Core.Features.Tips;

/// <summary>Opens one tip with its free text and notes. Every opening is audited as a view.</summary>
public sealed class GetTip(SaphanDbContext db)
{
    public async Task<TipView> HandleAsync(Actor actor, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var tip = await TipAccess.FindAsync(db, actor, id, cancellationToken, withNotes: true);
        db.Audit(actor, "tip.viewed", "tip", tip.Id);
        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(db, tip, cancellationToken);
    }

    internal static async Task<TipView> ViewAsync(SaphanDbContext db, Tip tip, CancellationToken cancellationToken)
    {
        var people = tip.Notes.Select(n => n.AuthorId).Append(tip.AssignedOperatorId).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        string? NameOf(Guid? id) => id is { } known && names.TryGetValue(known, out var name) ? name : null;
        var notes = tip.Notes.OrderBy(n => n.Id).Select(n => new TipNoteView(n.Kind, n.Text, NameOf(n.AuthorId), n.CreatedAt)).ToList();
        return new TipView(tip.Id, tip.OrganisationId, tip.Channel, tip.Description, tip.Province, tip.Place, tip.OccurredWhen, tip.ChildrenAtRisk,
            tip.ChildrenCount, tip.ImminentDanger, tip.Contact, tip.Language, tip.SpamScore, SpamScoring.IsLikelySpam(tip.SpamScore), tip.Priority,
            tip.Status, tip.AssignedOperatorId, NameOf(tip.AssignedOperatorId), tip.CreatedAt, tip.UpdatedAt, notes,
            await TipRouting.RoutesOfAsync(db, tip.Id, cancellationToken));
    }
}
