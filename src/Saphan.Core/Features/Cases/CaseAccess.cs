using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Identity;

namespace Saphan.Core.Features.Cases;

/// <summary>The one place that decides which cases an actor may see: their own organisation's, if their role reads cases.</summary>
internal static class CaseAccess
{
    public static IQueryable<Case> Readable(SaphanDbContext db, Actor actor)
    {
        if (!actor.HasAnyRole(Roles.CaseReaders))
        {
            throw new ForbiddenException();
        }

        return db.Cases.Where(c => c.OrganisationId == actor.OrganisationId);
    }

    public static void EnsureCanWrite(Actor actor)
    {
        if (!actor.HasAnyRole(Roles.CaseWriters))
        {
            throw new ForbiddenException();
        }
    }

    public static async Task<HashSet<Guid>> MembersAsync(SaphanDbContext db, Guid organisationId, CancellationToken cancellationToken) =>
        (await db.Users.Where(u => u.OrganisationId == organisationId).Select(u => u.Id).ToListAsync(cancellationToken)).ToHashSet();

    public static async Task<string?> WorkerNameAsync(SaphanDbContext db, Guid? workerId, CancellationToken cancellationToken) =>
        workerId is null ? null : await db.Users.Where(u => u.Id == workerId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
}
