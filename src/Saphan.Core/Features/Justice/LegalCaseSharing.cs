using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Saphan.Core.Data;
using Saphan.Core.Features.Organisations;

namespace Saphan.Core.Features.Justice;

/// <summary>
/// An explicit share of a legal case (and the suspects linked to it) by its owning organisation with another
/// organisation's law enforcement: read only, audited, revocable. A revoked share ends access at the next request.
/// </summary>
public sealed class LegalCaseShare
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid LegalCaseId { get; init; }
    public Guid OwnerOrganisationId { get; init; }
    public Guid SharedWithOrganisationId { get; init; }
    public Guid SharedBy { get; init; }
    public DateTimeOffset SharedAt { get; init; }
    public Guid? RevokedBy { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

public sealed record LegalCaseShareView(Guid Id, Guid OrganisationId, string OrganisationName, DateTimeOffset SharedAt, DateTimeOffset? RevokedAt);

/// <summary>Sharing legal cases across organisations: only the owner's law enforcement shares, lists and revokes.</summary>
public sealed class LegalCaseSharing(SaphanDbContext db, TimeProvider clock)
{
    internal static void Configure(ModelBuilder builder)
    {
        builder.Entity<LegalCaseShare>(e =>
        {
            e.ToTable("legal_case_shares");
            e.HasIndex(s => new { s.LegalCaseId, s.SharedWithOrganisationId });
            e.HasIndex(s => s.SharedWithOrganisationId);
            e.HasOne<LegalCase>().WithMany().HasForeignKey(s => s.LegalCaseId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organisation>().WithMany().HasForeignKey(s => s.SharedWithOrganisationId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    /// <summary>The legal cases shared with an organisation and not revoked: the one query every shared read goes through.</summary>
    internal static IQueryable<Guid> SharedWith(SaphanDbContext db, Guid organisationId) =>
        db.Set<LegalCaseShare>().Where(s => s.SharedWithOrganisationId == organisationId && s.RevokedAt == null).Select(s => s.LegalCaseId);

    public async Task<LegalCaseShareView> ShareAsync(Actor actor, Guid legalCaseId, Guid? organisationId, CancellationToken cancellationToken)
    {
        await OwnAsync(actor, legalCaseId, cancellationToken);
        var errors = new ValidationErrors();
        var target = organisationId is null ? null
            : await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => new { o.Id, o.Name, o.Type }).SingleOrDefaultAsync(cancellationToken);
        if (target is null || target.Id == actor.OrganisationId || target.Type is OrganisationTypes.Hotline or OrganisationTypes.Repository)
        {
            errors.Add("organisationId", "Required: another organisation of the network (not a hotline or the repository).");
        }
        else if (await db.Set<LegalCaseShare>().AnyAsync(s => s.LegalCaseId == legalCaseId && s.SharedWithOrganisationId == target.Id && s.RevokedAt == null, cancellationToken))
        {
            errors.Add("organisationId", "Already shared with this organisation.");
        }

        errors.ThrowIfAny();
        var share = new LegalCaseShare
        {
            LegalCaseId = legalCaseId, OwnerOrganisationId = actor.OrganisationId, SharedWithOrganisationId = target!.Id, SharedBy = actor.UserId, SharedAt = clock.GetUtcNow(),
        };
        db.Add(share);
        db.Audit(actor, "legal_case.shared", "legal_case", legalCaseId, "with organisation " + target.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return new LegalCaseShareView(share.Id, target.Id, target.Name, share.SharedAt, null);
    }

    public async Task<IReadOnlyList<LegalCaseShareView>> ListAsync(Actor actor, Guid legalCaseId, CancellationToken cancellationToken)
    {
        await OwnAsync(actor, legalCaseId, cancellationToken);
        var rows = await db.Set<LegalCaseShare>().AsNoTracking().Where(s => s.LegalCaseId == legalCaseId).OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.SharedWithOrganisationId, Name = db.Organisations.Where(o => o.Id == s.SharedWithOrganisationId).Select(o => o.Name).FirstOrDefault(), s.SharedAt, s.RevokedAt })
            .ToListAsync(cancellationToken);
        db.Audit(actor, "legal_case.shares_viewed", "legal_case", legalCaseId);
        await db.SaveChangesAsync(cancellationToken);
        return rows.Select(r => new LegalCaseShareView(r.Id, r.SharedWithOrganisationId, r.Name ?? "", r.SharedAt, r.RevokedAt)).ToList();
    }

    /// <summary>Organisations a legal case can be shared with: police first, then the rest; names and types only.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name, string Type)>> TargetsAsync(Actor actor, CancellationToken cancellationToken)
    {
        JusticeAccess.Ensure(actor);
        var rows = await db.Organisations.AsNoTracking().Where(o => o.Id != actor.OrganisationId && o.Type != OrganisationTypes.Repository && o.Type != OrganisationTypes.Hotline)
            .Select(o => new { o.Id, o.Name, o.Type }).ToListAsync(cancellationToken);
        return rows.OrderBy(o => o.Type == OrganisationTypes.Police ? 0 : 1).ThenBy(o => o.Name, StringComparer.Ordinal).Select(o => (o.Id, o.Name, o.Type)).ToList();
    }

    /// <summary>Ends a share at once; revoking twice changes nothing.</summary>
    public async Task RevokeAsync(Actor actor, Guid legalCaseId, Guid shareId, CancellationToken cancellationToken)
    {
        await OwnAsync(actor, legalCaseId, cancellationToken);
        var share = await db.Set<LegalCaseShare>().SingleOrDefaultAsync(s => s.Id == shareId && s.LegalCaseId == legalCaseId, cancellationToken)
            ?? throw new NotFoundException("Share");
        if (share.RevokedAt is null)
        {
            share.RevokedAt = clock.GetUtcNow();
            share.RevokedBy = actor.UserId;
            db.Audit(actor, "legal_case.share_revoked", "legal_case", legalCaseId, "with organisation " + share.SharedWithOrganisationId.ToString());
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task OwnAsync(Actor actor, Guid legalCaseId, CancellationToken cancellationToken)
    {
        JusticeAccess.Ensure(actor);
        if (!await db.Set<LegalCase>().AnyAsync(l => l.Id == legalCaseId && l.OrganisationId == actor.OrganisationId, cancellationToken))
        {
            throw new NotFoundException("Legal case");
        }
    }
}
