using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;

namespace Saphan.Core.Features.Organisations;

/// <summary>Creating and listing organisations: the network administrator's and the CLI's use cases.</summary>
public sealed class OrganisationCommands(SaphanDbContext db)
{
    public async Task<Organisation> AddAsync(string name, string type, string? province, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            errors.Add("name", "An organisation needs a name of 1 to 200 characters.");
        }

        if (!OrganisationTypes.IsKnown(type))
        {
            errors.Add("type", $"Unknown organisation type. Use one of: {string.Join(", ", OrganisationTypes.All)}.");
        }

        if (province is not null && !Reference.Provinces.IsKnown(province))
        {
            errors.Add("province", "Not an ISO 3166-2:TH province code (e.g. TH-10 for Bangkok).");
        }

        errors.ThrowIfAny();
        var organisation = new Organisation { Name = name.Trim(), Type = type, Province = province };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(cancellationToken);
        return organisation;
    }

    public async Task<IReadOnlyList<Organisation>> ListAsync(CancellationToken cancellationToken) =>
        await db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(cancellationToken);
}
