using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Organisations;

namespace Saphan.Core.Features.Demo;

/// <summary>A demo account to print: every demo account has the password given to <see cref="DemoSeeder.SeedAsync"/>.</summary>
public sealed record DemoLogin(string OrganisationName, string OrganisationType, string Email, string DisplayName, IReadOnlyList<string> Roles);

/// <summary>What <see cref="DemoSeeder.SeedAsync"/> wrote.</summary>
public sealed record DemoSeedResult(IReadOnlyList<DemoLogin> Logins, int Organisations, int Cases, TimeSpan Elapsed)
{
    /// <summary>True when the database already held this demo network and nothing was written.</summary>
    public bool AlreadySeeded { get; init; }

    /// <summary>The network's work written by <see cref="DemoSeeder.SeedAsync"/> with <c>activity</c> (empty without).</summary>
    public DemoActivityResult? Activity { get; init; }

    /// <summary>Cases of people met again by a second organisation, added before the activity (with <c>activity</c> only).</summary>
    public int MetAgain { get; init; }
}

/// <summary>
/// Fills an empty database with the invented network of <see cref="SyntheticNetwork"/>, through the product's own use
/// cases (so every case is validated, encrypted, indexed and audited exactly as if a worker had entered it).
/// </summary>
/// <remarks>
/// <paramref name="clock"/> should be the clock <see cref="CreateCase"/> uses (dependency injection passes the same
/// one): the plan's dates are relative to its day, and a case identified "in the future" of that clock is refused.
/// </remarks>
public sealed class DemoSeeder(
    SaphanDbContext db, OrganisationCommands organisations, UserAccounts accounts, CreateCase createCase, TimeProvider? clock = null,
    Protection.BlindIndex? index = null, Tips.TipReceipts? receipts = null, Referrals.ReferralRules? rules = null, Repository.RepositoryDemo? overlaps = null)
{
    /// <summary>How many cases are written between two clears of the change tracker.</summary>
    private const int ClearEvery = 100;

    /// <param name="activity">
    /// Also write two years of the network's work (consents, screenings, referrals, follow-ups, tips, legal cases …,
    /// see <see cref="DemoActivity"/>) instead of only putting two cases in three on the standard pathway.
    /// </param>
    public async Task<DemoSeedResult> SeedAsync(int seed, int persons, string password, CancellationToken ct, bool activity = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(persons);
        ArgumentException.ThrowIfNullOrWhiteSpace(password);
        var stopwatch = Stopwatch.StartNew();
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var plan = SyntheticNetwork.Generate(seed, persons, today);
        if (await db.Organisations.AnyAsync(ct))
        {
            // Seeding the same demo again changes nothing; any other data is never mixed with demo data.
            var names = plan.Organisations.Select(o => o.Name).ToList();
            if (await db.Organisations.CountAsync(o => names.Contains(o.Name), ct) == names.Count)
            {
                return new DemoSeedResult(Logins(plan), plan.Organisations.Count, 0, stopwatch.Elapsed) { AlreadySeeded = true };
            }

            throw new InvalidOperationException(
                "The database already has data (at least one organisation): demo data is only seeded into an empty database.");
        }

        var organisationIds = new List<Guid>(plan.Organisations.Count);
        foreach (var organisation in plan.Organisations)
        {
            organisationIds.Add((await organisations.AddAsync(organisation.Name, organisation.Type, organisation.Province, ct)).Id);
        }

        await SeedServicesAsync(plan, organisationIds, ct);

        var userIds = new List<Guid>(plan.Staff.Count);
        var logins = new List<DemoLogin>(plan.Staff.Count);
        foreach (var member in plan.Staff)
        {
            var user = await accounts.AddAsync(
                Actor.System, organisationIds[member.OrganisationIndex], member.Roles, member.Email, password, member.DisplayName, ct);
            userIds.Add(user.Id);
            var organisation = plan.Organisations[member.OrganisationIndex];
            logins.Add(new DemoLogin(organisation.Name, organisation.Type, member.Email, member.DisplayName, member.Roles));
        }

        db.ChangeTracker.Clear();
        var written = 0;
        var created = new List<(Guid CaseId, SyntheticCase Item)>(plan.Cases.Count);
        foreach (var item in plan.Cases)
        {
            var member = plan.Staff[item.AssignedStaffIndex];
            var userId = userIds[item.AssignedStaffIndex];
            var actor = new Actor(userId, organisationIds[item.OrganisationIndex], new HashSet<string>(member.Roles, StringComparer.Ordinal));
            item.Input.AssignedWorkerId = userId.ToString("D", CultureInfo.InvariantCulture);
            item.Input.Present.Add("assignedWorkerId");
            created.Add(((await createCase.HandleAsync(actor, item.Input, ct)).Id, item));
            if (++written % ClearEvery == 0)
            {
                db.ChangeTracker.Clear();
            }
        }

        db.ChangeTracker.Clear();
        if (!activity)
        {
            await SeedPathwaysAsync(ct);
            return new DemoSeedResult(logins, plan.Organisations.Count, written, stopwatch.Elapsed);
        }

        // People met again by a second organisation (the repository's linkage finds them) get their work too.
        var known = created.Select(c => c.CaseId).ToHashSet();
        var met = overlaps is null ? 0 : await overlaps.AddOverlapsAsync(6, ct);
        if (met > 0)
        {
            var again = await db.Cases.AsNoTracking().Where(c => !known.Contains(c.Id))
                .Select(c => new { c.Id, c.OrganisationId, c.AssignedWorkerId, c.IdentifiedOn }).ToListAsync(ct);
            foreach (var c in again.OrderBy(c => c.IdentifiedOn).ThenBy(c => c.Id))
            {
                var staff = c.AssignedWorkerId is { } worker ? userIds.IndexOf(worker) : -1;
                if (staff >= 0)
                {
                    var input = new CaseInput { IdentifiedOn = c.IdentifiedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
                    created.Add((c.Id, new SyntheticCase(organisationIds.IndexOf(c.OrganisationId), staff, "", "", input)));
                }
            }
        }

        var work = await new DemoActivity(db, index!, receipts!, rules ?? new Referrals.ReferralRules(), now).RunAsync(plan, organisationIds, userIds, created, ct);
        return new DemoSeedResult(logins, plan.Organisations.Count, written, stopwatch.Elapsed) { Activity = work, MetAgain = met };
    }

    private static List<DemoLogin> Logins(SyntheticNetworkPlan plan) =>
        [.. plan.Staff.Select(m => new DemoLogin(plan.Organisations[m.OrganisationIndex].Name, plan.Organisations[m.OrganisationIndex].Type, m.Email, m.DisplayName, m.Roles))];

    /// <summary>Two cases in three follow the standard survivor pathway, so the case pages and the gaps view have something to show.</summary>
    private async Task SeedPathwaysAsync(CancellationToken ct)
    {
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        var cases = await db.Cases.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.OrganisationId, c.AssignedWorkerId, c.CreatedBy }).ToListAsync(ct);
        for (var i = 0; i < cases.Count; i++)
        {
            if (i % 3 == 2)
            {
                continue;
            }

            var c = cases[i];
            db.CasePathways.Add(new Pathways.CasePathway
            {
                CaseId = c.Id, OrganisationId = c.OrganisationId, PathwayId = Pathways.CarePathway.StandardId, AssignedBy = c.AssignedWorkerId ?? c.CreatedBy, AssignedAt = now,
            });
            db.Audit(Actor.System, "pathway.assigned", "case", c.Id, Pathways.CarePathway.StandardCode + " v1 (demo)");
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>A few services per organisation for the referral directory: shelters shelter, NGOs interpret and follow up, and so on.</summary>
    private async Task SeedServicesAsync(SyntheticNetworkPlan plan, List<Guid> organisationIds, CancellationToken ct)
    {
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        for (var i = 0; i < plan.Organisations.Count; i++)
        {
            var organisation = plan.Organisations[i];
            (string Type, string Name, int Capacity, string[] Genders, int? MaxAge)[] offers = organisation.Type switch
            {
                OrganisationTypes.Shelter => [("shelter", "Safe shelter", 24, ["female", "transgender_nonconforming"], null), ("mental_health", "Counselling", 12, [], null), ("vocational_training", "Sewing and cooking course", 15, [], null)],
                OrganisationTypes.Ngo => [("interpretation", "Interpreters on call", 8, [], null), ("legal_aid", "Legal aid clinic", 20, [], null), ("reintegration_follow_up", "Follow-up at home", 40, [], null), ("job_placement", "Job placement desk", 10, [], null)],
                OrganisationTypes.Government => [("shelter", "Welfare protection centre", 60, [], null), ("repatriation", "Repatriation and travel home", 30, [], null), ("financial_support", "Victim compensation fund", 50, [], null)],
                OrganisationTypes.Police => [("victim_witness_support", "Victim-witness protection", 10, [], null)],
                OrganisationTypes.LabourInspection => [("legal_aid", "Wage claims support", 25, [], null)],
                OrganisationTypes.TradeUnion => [("job_placement", "Decent work placement", 6, [], null)],
                _ => [],
            };
            var provinces = new[] { organisation.Province, "TH-10", "TH-50", "TH-57", "TH-63", "TH-20", "TH-90", "TH-74" }.Distinct(StringComparer.Ordinal).Take(organisation.Province == "TH-10" ? 8 : 3).ToList();
            var n = 0;
            foreach (var (type, name, capacity, genders, maxAge) in offers)
            {
                db.Services.Add(new Services.Service
                {
                    OrganisationId = organisationIds[i], Type = type, Name = name, Provinces = provinces, Languages = ["th", "my", "km", "lo", "en"],
                    Genders = [.. genders], MaxAge = maxAge, Capacity = capacity, Available = capacity - (n++ * 3 % Math.Max(1, capacity)),
                    ContactRoute = "Intake desk, " + organisation.EmailDomain, CreatedAt = now, UpdatedAt = now,
                });
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
