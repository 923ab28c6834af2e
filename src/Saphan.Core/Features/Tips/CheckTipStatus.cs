using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;

namespace Saphan.Core.Features.Tips;

/// <summary>The sender's view of their tip, by receipt code: the coarse status only.</summary>
public sealed class CheckTipStatus(SaphanDbContext db, TipReceipts receipts)
{
    public async Task<TipStatusView> HandleAsync(string? receipt, CancellationToken cancellationToken)
    {
        if (TipReceipts.Normalise(receipt) is not { } code)
        {
            throw new NotFoundException("Tip");
        }

        var hash = receipts.Hash(code);
        var status = await db.Tips.AsNoTracking().Where(t => t.ReceiptHash == hash).Select(t => t.Status).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Tip");
        return new TipStatusView(TipStatuses.PublicOf(status));
    }
}
