using Saphan.Core.Data;

namespace Saphan.Core.Features.Tips;

/// <summary>An internal note by hotline staff: never shown to the sender.</summary>
public sealed class AddTipNote(SaphanDbContext db, TimeProvider clock)
{
    public const int MaxText = 2000;

    public async Task<TipView> HandleAsync(Actor actor, Guid id, string? text, CancellationToken cancellationToken, ValidationErrors? readErrors = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var tip = await TipAccess.FindAsync(db, actor, id, cancellationToken, withNotes: true);
        var errors = readErrors ?? new ValidationErrors();
        var clean = TipInput.Limited(text, "text", MaxText, errors);
        if (clean is null && !errors.Any)
        {
            errors.Add("text", "Required: the note.");
        }

        errors.ThrowIfAny();
        var now = clock.GetUtcNow();
        var note = new TipNote { Id = Guid.CreateVersion7(now), TipId = tip.Id, Kind = TipNote.Internal, Text = clean!, AuthorId = actor.UserId, CreatedAt = now };
        tip.Notes.Add(note);
        db.TipNotes.Add(note);
        tip.MarkFirstAction(now);
        tip.UpdatedAt = now;
        tip.ConcurrencyStamp = Guid.NewGuid();
        db.Audit(actor, "tip.note_added", "tip", tip.Id);
        await db.SaveChangesAsync(cancellationToken);
        return await GetTip.ViewAsync(db, tip, cancellationToken);
    }
}
