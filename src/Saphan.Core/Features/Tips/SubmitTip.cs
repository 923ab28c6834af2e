using Saphan.Core.Data;

namespace Saphan.Core.Features.Tips;

/// <summary>
/// Takes a tip from the public, without an account. It stores what the sender wrote and nothing about
/// how they sent it (no address, no browser, no device), routes it to the receiving hotline and
/// returns the receipt code, which exists only in the answer.
/// </summary>
public sealed class SubmitTip(SaphanDbContext db, TipReceipts receipts, TimeProvider clock, Protection.BlindIndex index)
{
    public async Task<TipReceipt> HandleAsync(TipInput input, string channel, CancellationToken cancellationToken, ValidationErrors? readErrors = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = readErrors ?? new ValidationErrors();
        var now = clock.GetUtcNow();
        var receipt = receipts.Create();
        var tip = new Tip
        {
            // Time-ordered ids: the queue sorts by id for "oldest first" on both engines.
            Id = Guid.CreateVersion7(now),
            Channel = channel,
            ReceiptHash = receipts.Hash(receipt),
            CreatedAt = now,
            UpdatedAt = now,
        };
        input.ApplyTo(tip, errors);
        errors.ThrowIfAny();

        tip.PlaceHash = TipTriage.PlaceHash(index, tip.Province, tip.Place);
        tip.SpamScore = SpamScoring.Score(tip.Description, tip.Place, tip.Contact);
        tip.Reprioritise();
        tip.OrganisationId = await TipAccess.ReceivingHotlineAsync(db, tip.Province, cancellationToken);
        db.Tips.Add(tip);
        db.Audit(TipAccess.Sender(tip.OrganisationId), "tip.received", "tip", tip.Id, channel);
        await db.SaveChangesAsync(cancellationToken);
        return new TipReceipt(tip.Id, receipt);
    }
}
