using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Identity;

namespace Saphan.Core.Features.Pathways;

/// <summary>A case late on or missing a step, by case reference only (no name, no other field of the person).</summary>
public sealed record LateStep(Guid CaseId, string CaseReference, string Step, string Status, DateOnly DueOn, int DaysLate);

/// <summary>How many steps of one kind are overdue or missed in one organisation.</summary>
public sealed record StepCount(Guid OrganisationId, string Organisation, string Step, int Overdue, int Missed);

/// <summary>A step due for cases in a province for which no service of a fitting type covers that province.</summary>
public sealed record ProvinceGap(string Province, string Step, IReadOnlyList<string> ServiceTypes, int Cases);

/// <summary>
/// The gaps view. Scope "organisation" (supervisor, org admin): the organisation's own cases late on or missing a
/// step, by case reference. Scope "network" (network admin, analyst): counts per organisation only. Both: steps due
/// in a province where no service of that type exists.
/// </summary>
public sealed record GapsView(string Scope, IReadOnlyList<LateStep> People, IReadOnlyList<StepCount> Counts, IReadOnlyList<ProvinceGap> MissingServices, DateOnly AsOf);

public sealed class GetGaps(SaphanDbContext db, TimeProvider clock, PathwayStepTasks? stepTasks = null)
{
    /// <summary>A step counts as needed in a province once it is due within this many days (or already late).</summary>
    public const int NeededWithinDays = 30;

    public static bool CanRead(Actor actor) => actor is not null && actor.HasAnyRole([Roles.Supervisor, Roles.OrgAdmin, Roles.NetworkAdmin, Roles.Analyst]);

    public async Task<GapsView> HandleAsync(Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var organisationScope = actor.HasAnyRole([Roles.Supervisor, Roles.OrgAdmin]);
        var network = !organisationScope && actor.HasAnyRole([Roles.NetworkAdmin, Roles.Analyst]);
        if (!organisationScope && !network)
        {
            throw new ForbiddenException();
        }

        if (organisationScope && stepTasks is not null)
        {
            await stepTasks.RaiseOverdueAsync(actor.OrganisationId, cancellationToken);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var assigned = await (from p in db.CasePathways.AsNoTracking()
                              join c in db.Cases.AsNoTracking() on p.CaseId equals c.Id
                              where network || p.OrganisationId == actor.OrganisationId
                              select new { p.CaseId, p.PathwayId, c.OrganisationId, c.Province }).ToListAsync(cancellationToken);
        var pathwayIds = assigned.Select(a => a.PathwayId).Distinct().ToList();
        var pathways = await db.CarePathways.AsNoTracking().Where(p => pathwayIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Steps, cancellationToken);
        var facts = await PathwayProgress.LoadAsync(db, db.CasePathways.Where(p => network || p.OrganisationId == actor.OrganisationId).Select(p => p.CaseId), cancellationToken);
        var derived = assigned.Select(a => (a.CaseId, a.OrganisationId, a.Province, Steps: PathwayProgress.Derive(facts[a.CaseId], pathways[a.PathwayId], today))).ToList();

        var late = derived.SelectMany(d => d.Steps.Where(s => s.Status is StepStatus.Overdue or StepStatus.Missed).Select(s => (d.CaseId, d.OrganisationId, Step: s))).ToList();
        var names = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var counts = late.GroupBy(l => (l.OrganisationId, l.Step.Code))
            .Select(g => new StepCount(g.Key.OrganisationId, names.GetValueOrDefault(g.Key.OrganisationId, ""), g.Key.Code,
                g.Count(x => x.Step.Status == StepStatus.Overdue), g.Count(x => x.Step.Status == StepStatus.Missed)))
            .OrderBy(c => c.Organisation, StringComparer.Ordinal).ThenBy(c => c.Step, StringComparer.Ordinal).ToList();
        var people = network ? [] : late
            .OrderByDescending(l => l.Step.DaysLate).ThenBy(l => l.CaseId)
            .Select(l => new LateStep(l.CaseId, Reference(l.CaseId), l.Step.Code, l.Step.Status, l.Step.DueOn, l.Step.DaysLate)).ToList();

        // Services needed: steps not done nor under way, due soon or late (missed ones included: the need was real).
        var services = await db.Services.AsNoTracking().Select(s => new { s.Type, s.Provinces }).ToListAsync(cancellationToken);
        var offered = services.SelectMany(s => s.Provinces.Select(p => (p, s.Type))).ToHashSet();
        var missing = derived
            .SelectMany(d => d.Steps
                .Where(s => s.Status != StepStatus.Done && !s.UnderWay && s.ServiceTypes.Count > 0 && s.DueOn <= today.AddDays(NeededWithinDays))
                .Where(s => !s.ServiceTypes.Any(t => offered.Contains((d.Province, t))))
                .Select(s => (d.Province, s.Code, s.ServiceTypes, d.CaseId)))
            .GroupBy(x => (x.Province, x.Code))
            .Select(g => new ProvinceGap(g.Key.Province, g.Key.Code, g.First().ServiceTypes, g.Select(x => x.CaseId).Distinct().Count()))
            .OrderBy(g => g.Province, StringComparer.Ordinal).ThenBy(g => g.Step, StringComparer.Ordinal).ToList();

        db.Audit(actor, "gaps.viewed", "organisation", actor.OrganisationId, network ? "network" : "organisation");
        await db.SaveChangesAsync(cancellationToken);
        return new GapsView(network ? "network" : "organisation", people, counts, missing, today);
    }

    /// <summary>The short case reference the case page shows (see <see cref="Cases.CaseReference"/>).</summary>
    public static string Reference(Guid caseId) => Cases.CaseReference.Of(caseId);
}
