using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Persons;

namespace Saphan.Core.Features.Repository;

/// <summary>
/// Makes the demo network's repository worth looking at: one person in <c>every</c> is met again by another organisation,
/// a few weeks later, recorded the way a second organisation would (a romanisation variant of the given name, the family
/// name sometimes missing, the same birth date or age estimate), so that the matcher has people to link without names.
/// </summary>
public sealed class RepositoryDemo(SaphanDbContext db, CreateCase createCase, TimeProvider clock)
{
    /// <summary>
    /// The demo's public bodies (government offices, police, labour inspection) choose to be named in the counts, as public
    /// agencies reporting on their work would; the NGOs, shelters and the union stay unnamed. Returns how many were named.
    /// </summary>
    public async Task<int> NamePublicBodiesAsync(CancellationToken cancellationToken)
    {
        string[] publicTypes = [Organisations.OrganisationTypes.Government, Organisations.OrganisationTypes.Police, Organisations.OrganisationTypes.LabourInspection];
        var bodies = await db.Organisations.AsNoTracking().Where(o => publicTypes.Contains(o.Type)).Select(o => o.Id).ToListAsync(cancellationToken);
        var settled = await db.RepositorySettings.Select(s => s.OrganisationId).ToListAsync(cancellationToken);
        foreach (var id in bodies.Where(id => !settled.Contains(id)))
        {
            db.RepositorySettings.Add(new RepositorySetting { OrganisationId = id, NamedInCounts = true, UpdatedBy = Actor.System.UserId, UpdatedAt = clock.GetUtcNow() });
            db.Audit(Actor.System, "repository.naming_changed", "organisation", id, "named (demo)");
        }

        await db.SaveChangesAsync(cancellationToken);
        return bodies.Count;
    }

    public async Task<int> AddOverlapsAsync(int every, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(every, 2);
        var writerRoles = await db.Roles.Where(r => Roles.CaseWriters.Contains(r.Name!)).ToDictionaryAsync(r => r.Id, r => r.Name!, cancellationToken);
        var writerLinks = await db.UserRoles.Where(ur => writerRoles.Keys.Contains(ur.RoleId)).ToListAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.OrganisationId }).ToListAsync(cancellationToken);
        var writers = users.Where(u => writerLinks.Any(l => l.UserId == u.Id))
            .GroupBy(u => u.OrganisationId).ToDictionary(g => g.Key, g => g.Select(u => u.Id).Order().ToList());
        var organisations = await db.Cases.Select(c => c.OrganisationId).Distinct().ToListAsync(cancellationToken);
        organisations = [.. organisations.Where(writers.ContainsKey).Order()];
        if (organisations.Count < 2)
        {
            return 0;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var cases = await db.Cases.AsNoTracking().Include(c => c.Person).ThenInclude(p => p.Documents).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var added = 0;
        for (var i = 0; i < cases.Count; i += every)
        {
            var original = cases[i];
            var others = organisations.Where(o => o != original.OrganisationId).ToList();
            var target = others[i / every % others.Count];
            var writer = writers[target][i % writers[target].Count];
            var roles = writerLinks.Where(l => l.UserId == writer).Select(l => writerRoles[l.RoleId]).ToHashSet(StringComparer.Ordinal);
            var person = original.Person;
            var identified = original.IdentifiedOn.AddDays(14 + i % 60);
            var input = new CaseInput
            {
                Person = new PersonInput
                {
                    GivenName = Variant(person.GivenName, i),
                    FamilyName = i % 3 == 0 ? null : person.FamilyName,
                    BirthDate = person.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    EstimatedAge = person.BirthDate is null ? person.AgeOn(today) : null,
                    Gender = person.Gender,
                    Citizenship = [.. person.Citizenships],
                    Languages = [.. person.Languages],
                    Phone = i % 2 == 0 ? person.Phone : null,
                },
                IdentifiedOn = (identified > today ? today : identified).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                IdentificationRoute = "ngo_referral",
                Province = original.Province,
                Status = "active",
                AssignedWorkerId = writer.ToString("D", CultureInfo.InvariantCulture),
            }.AllPresent();
            await createCase.HandleAsync(new Actor(writer, target, roles), input, cancellationToken);
            added++;
            if (added % 100 == 0)
            {
                db.ChangeTracker.Clear();
            }
        }

        db.ChangeTracker.Clear();
        return added;
    }

    /// <summary>A spelling another organisation might write: y/i, doubled letters, ph/p, w/o; Thai script left as it is.</summary>
    internal static string Variant(string name, int seed)
    {
        if (name.Length == 0 || name[0] > 'z')
        {
            return name;
        }

        string[][] swaps = [["y", "i"], ["ai", "ay"], ["ph", "p"], ["aw", "ao"], ["ee", "i"], ["oo", "u"], ["ng", "ngg"]];
        for (var k = 0; k < swaps.Length; k++)
        {
            var (from, to) = (swaps[(seed + k) % swaps.Length][0], swaps[(seed + k) % swaps.Length][1]);
            if (name.Contains(from, StringComparison.Ordinal))
            {
                return name.Replace(from, to, StringComparison.Ordinal);
            }
        }

        return name.Length > 3 ? name[..^1] + name[^1] + name[^1] : name;
    }
}
