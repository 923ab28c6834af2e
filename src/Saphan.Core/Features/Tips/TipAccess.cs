using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Organisations;

namespace Saphan.Core.Features.Tips;

/// <summary>
/// The one place that decides who sees tips: hotline operators and supervisors of an organisation of
/// type hotline, for the tips their organisation received and for public tips that arrived while the
/// network had no hotline organisation. Everyone else is forbidden; another hotline's tip is "not found".
/// </summary>
public static class TipAccess
{
    public static readonly IReadOnlyList<string> TriageRoles = [Roles.HotlineOperator, Roles.Supervisor];

    internal static async Task<IQueryable<Tip>> ReadableAsync(SaphanDbContext db, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.HasAnyRole(TriageRoles))
        {
            throw new ForbiddenException();
        }

        var type = await db.Organisations.Where(o => o.Id == actor.OrganisationId).Select(o => o.Type).SingleOrDefaultAsync(cancellationToken);
        if (type != OrganisationTypes.Hotline)
        {
            throw new ForbiddenException();
        }

        return db.Tips.Where(t => t.OrganisationId == actor.OrganisationId || t.OrganisationId == null);
    }

    internal static async Task<Tip> FindAsync(SaphanDbContext db, Actor actor, Guid id, CancellationToken cancellationToken, bool withNotes = false)
    {
        var tips = await ReadableAsync(db, actor, cancellationToken);
        if (withNotes)
        {
            tips = tips.Include(t => t.Notes);
        }

        var tip = await tips.SingleOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw new NotFoundException("Tip");
        // A tip that waited without a hotline belongs to the first hotline that works on it.
        tip.OrganisationId ??= actor.OrganisationId;
        return tip;
    }

    /// <summary>
    /// Who receives a public tip: the hotline organisation based in the tip's province if there is one,
    /// otherwise the longest-standing hotline organisation (the national hotline).
    /// </summary>
    internal static async Task<Guid?> ReceivingHotlineAsync(SaphanDbContext db, string province, CancellationToken cancellationToken)
    {
        var hotlines = await db.Organisations.AsNoTracking()
            .Where(o => o.Type == OrganisationTypes.Hotline)
            .Select(o => new { o.Id, o.Province, o.CreatedAt })
            .ToListAsync(cancellationToken);
        return hotlines
            .OrderBy(o => o.Province == province ? 0 : 1)
            .ThenBy(o => o.CreatedAt)
            .ThenBy(o => o.Id)
            .Select(o => (Guid?)o.Id)
            .FirstOrDefault();
    }

    internal static Actor Sender(Guid? organisationId) =>
        new(Guid.Empty, organisationId ?? Guid.Empty, new HashSet<string>(StringComparer.Ordinal));
}
