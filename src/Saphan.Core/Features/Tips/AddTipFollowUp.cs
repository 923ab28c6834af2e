using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;

namespace Saphan.Core.Features.Tips;

/// <summary>The sender adds information to their tip with the receipt code, still without identifying themselves.</summary>
public sealed class AddTipFollowUp(SaphanDbContext db, TipReceipts receipts, TimeProvider clock)
{
    public const int MaxText = 2000;

    public async Task<TipStatusView> HandleAsync(string? receipt, string? text, CancellationToken cancellationToken, ValidationErrors? readErrors = null)
    {
        if (TipReceipts.Normalise(receipt) is not { } code)
        {
            throw new NotFoundException("Tip");
        }

        var hash = receipts.Hash(code);
        var tip = await db.Tips.SingleOrDefaultAsync(t => t.ReceiptHash == hash, cancellationToken) ?? throw new NotFoundException("Tip");
        var errors = readErrors ?? new ValidationErrors();
        var clean = TipInput.Limited(text, "text", MaxText, errors);
        if (clean is null && !errors.Any)
        {
            errors.Add("text", "Required: the information to add.");
        }

        errors.ThrowIfAny();
        var now = clock.GetUtcNow();
        var note = new TipNote { Id = Guid.CreateVersion7(now), TipId = tip.Id, Kind = TipNote.FromSender, Text = clean!, CreatedAt = now };
        db.TipNotes.Add(note);
        tip.UpdatedAt = now;
        tip.ConcurrencyStamp = Guid.NewGuid();
        db.Audit(TipAccess.Sender(tip.OrganisationId), "tip.sender_note_added", "tip", tip.Id);
        await db.SaveChangesAsync(cancellationToken);
        return new TipStatusView(TipStatuses.PublicOf(tip.Status));
    }
}
