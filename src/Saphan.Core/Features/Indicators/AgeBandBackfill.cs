using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;

namespace Saphan.Core.Features.Indicators;

/// <summary>
/// Fills <c>cases.age_broad</c> for cases saved before it existed whose person has a birth date: birth dates are
/// encrypted, so SQL (migration 0013) could only fill those known by an estimated age. Loading a case with its
/// person recomputes the band; saving writes it. Batches of 500, each its own transaction.
/// </summary>
public sealed class AgeBandBackfill(SaphanDbContext db)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var ids = await db.Cases.AsNoTracking()
            .Where(c => c.AgeBroad == null && (c.Person.BirthDate != null || c.Person.EstimatedAge != null))
            .Select(c => c.Id).ToListAsync(cancellationToken);
        var filled = 0;
        foreach (var chunk in ids.Chunk(500))
        {
            var batch = await db.Cases.Include(c => c.Person).Where(c => chunk.Contains(c.Id)).ToListAsync(cancellationToken);
            db.ChangeTracker.DetectChanges();
            filled += db.ChangeTracker.Entries<Cases.Case>().Count(e => e.State == EntityState.Modified);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return filled;
    }
}
