using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Cases;

namespace Saphan.Core.Features.Events;

/// <summary>
/// A case's events in the order they happened (undated ones last). The descriptions identify the person,
/// so every listing is audited as a view.
/// </summary>
public sealed class ListEvents(SaphanDbContext db)
{
    public async Task<IReadOnlyList<EventView>> HandleAsync(Actor actor, Guid caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!await CaseAccess.Readable(db, actor).AnyAsync(c => c.Id == caseId, cancellationToken))
        {
            throw new NotFoundException("Case");
        }

        var events = await db.TraffickingEvents.AsNoTracking().Where(e => e.CaseId == caseId).ToListAsync(cancellationToken);
        if (events.Count > 0)
        {
            db.Audit(actor, "event.viewed", "case", caseId, events.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " events");
            await db.SaveChangesAsync(cancellationToken);
        }

        var authors = events.Select(e => e.CreatedBy).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => authors.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return events
            .OrderBy(e => e.StartDate is null ? 1 : 0)
            .ThenBy(e => e.StartDate is null ? DateOnly.MaxValue : PartialDates.Earliest(e.StartDate))
            .ThenBy(e => Array.IndexOf(["recruitment", "transit", "exploitation"], e.Type))
            .ThenBy(e => e.Id)
            .Select(e => EventView.From(e, names.GetValueOrDefault(e.CreatedBy)))
            .ToList();
    }
}
