using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;

namespace Saphan.Core.Features.Cases;

/// <summary>Opens one case with its person's identity. Every opening is audited as a view of identifying data.</summary>
public sealed class GetCase(SaphanDbContext db)
{
    public async Task<CaseView> HandleAsync(Actor actor, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var @case = await CaseAccess.Readable(db, actor)
            .Include(c => c.Person).ThenInclude(p => p.Documents)
            .AsNoTracking()
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("Case");
        db.Audit(actor, "person.viewed", "person", @case.PersonId, "case " + @case.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return CaseView.From(@case, await CaseAccess.WorkerNameAsync(db, @case.AssignedWorkerId, cancellationToken), Saphan.Core.Features.CaseRecord.CaseRecordAccess.MaySeeSensitive(actor));
    }
}
