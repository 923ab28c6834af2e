using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;

namespace Saphan.Core.Features.Repository;

/// <summary>An organisation's repository page: its latest publication and whether it is named in counts.</summary>
public sealed record OrganisationRepositoryView(Guid OrganisationId, bool NamedInCounts, DateTimeOffset? PublishedAt, int? Records, string? KeyId, bool NetworkKeyConfigured);

/// <summary>The org admin's opt-in for being named in the repository's and the open data's counts (default: not named).</summary>
public sealed class RepositorySettings(SaphanDbContext db, RepositoryOptions options, TimeProvider clock)
{
    /// <param name="networkKeyConfigured">Known already (just published with the key): the key file is not read again.</param>
    public async Task<OrganisationRepositoryView> GetAsync(Actor actor, CancellationToken cancellationToken, bool? networkKeyConfigured = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RepositoryAccess.EnsureCanPublish(actor, actor.OrganisationId);
        var setting = await db.RepositorySettings.AsNoTracking().SingleOrDefaultAsync(s => s.OrganisationId == actor.OrganisationId, cancellationToken);
        var publication = await db.RepositoryPublications.AsNoTracking().SingleOrDefaultAsync(p => p.OrganisationId == actor.OrganisationId, cancellationToken);
        return new OrganisationRepositoryView(actor.OrganisationId, setting?.NamedInCounts ?? false, publication?.PublishedAt, publication?.Records,
            publication?.KeyId, networkKeyConfigured ?? options.Fingerprint() is not null);
    }

    public async Task<OrganisationRepositoryView> SetNamedAsync(Actor actor, bool named, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RepositoryAccess.EnsureCanPublish(actor, actor.OrganisationId);
        var setting = await db.RepositorySettings.SingleOrDefaultAsync(s => s.OrganisationId == actor.OrganisationId, cancellationToken);
        if (setting is null)
        {
            setting = new RepositorySetting { OrganisationId = actor.OrganisationId };
            db.RepositorySettings.Add(setting);
        }

        setting.NamedInCounts = named;
        setting.UpdatedBy = actor.UserId;
        setting.UpdatedAt = clock.GetUtcNow();
        db.Audit(actor, "repository.naming_changed", "organisation", actor.OrganisationId, named ? "named" : "not named");
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(actor, cancellationToken);
    }
}
