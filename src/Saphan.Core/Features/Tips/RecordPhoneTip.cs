using Saphan.Core.Data;

namespace Saphan.Core.Features.Tips;

/// <summary>A hotline operator enters a tip taken on the phone; it belongs to their organisation and gets a receipt to read out.</summary>
public sealed class RecordPhoneTip(SaphanDbContext db, TipReceipts receipts, TimeProvider clock, Protection.BlindIndex index)
{
    public async Task<TipReceipt> HandleAsync(Actor actor, TipInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        _ = await TipAccess.ReadableAsync(db, actor, cancellationToken);
        var errors = new ValidationErrors();
        var now = clock.GetUtcNow();
        var receipt = receipts.Create();
        var tip = new Tip
        {
            Id = Guid.CreateVersion7(now),
            Channel = TipChannels.Phone,
            ReceiptHash = receipts.Hash(receipt),
            OrganisationId = actor.OrganisationId,
            CreatedBy = actor.UserId,
            AssignedOperatorId = actor.UserId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        input.ApplyTo(tip, errors);
        errors.ThrowIfAny();

        // An operator heard the caller: the spam score still shows, but is not a reason to sink the tip.
        tip.SpamScore = 0;
        tip.PlaceHash = TipTriage.PlaceHash(index, tip.Province, tip.Place);
        tip.Reprioritise();
        db.Tips.Add(tip);
        db.Audit(actor, "tip.created", "tip", tip.Id, TipChannels.Phone);
        await db.SaveChangesAsync(cancellationToken);
        return new TipReceipt(tip.Id, receipt);
    }
}
