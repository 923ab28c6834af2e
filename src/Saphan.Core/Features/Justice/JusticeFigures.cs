using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;

namespace Saphan.Core.Features.Justice;

public sealed record JusticeFiguresView(
    IReadOnlyDictionary<string, int> TipsByOutcome,
    int Operations, int OperationsWithProtectionPlan, int Prosecutions, int Convictions,
    long SeizedSatang, long FrozenSatang, long ForfeitedSatang, long CompensationAwardedSatang, long CompensationPaidSatang);

/// <summary>
/// The indicator-catalogue figures of the justice side for the actor's organisation: tips by outcome (status),
/// operations and how many had a protection plan, prosecutions (legal cases past investigation), convictions,
/// THB seized/frozen/forfeited and compensation awarded vs paid. Counts only: no identifying field is read.
/// </summary>
public sealed class JusticeFigures(SaphanDbContext db)
{
    private static readonly string[] Prosecuted = ["prosecution", "trial", "verdict", "sentence", "appeal", "closed"];

    public async Task<JusticeFiguresView> HandleAsync(Actor actor, CancellationToken cancellationToken)
    {
        JusticeAccess.Ensure(actor);
        var org = actor.OrganisationId;
        var tips = await db.Tips.Where(t => t.OrganisationId == org).GroupBy(t => t.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var operations = await db.Set<Operation>().Where(o => o.OrganisationId == org)
            .Select(o => new { o.ShelterPlaces, o.Interpreters, o.ChildSpecialists, HasMedical = o.MedicalArrangements != null }).ToListAsync(cancellationToken);
        var legal = db.Set<LegalCase>().Where(l => l.OrganisationId == org);
        var prosecutions = await legal.CountAsync(l => Prosecuted.Contains(l.Stage), cancellationToken);
        var convictions = await legal.CountAsync(l => l.Verdict == "convicted", cancellationToken);
        var assets = await db.Set<SeizedAsset>().Where(a => a.OrganisationId == org).Select(a => new { a.Status, a.ValueSatang }).ToListAsync(cancellationToken);
        var compensation = await db.Set<Compensation>().Where(c => c.OrganisationId == org).Select(c => new { c.AwardedSatang, c.PaidSatang }).ToListAsync(cancellationToken);
        db.Audit(actor, "justice.figures_viewed", "organisation", org);
        await db.SaveChangesAsync(cancellationToken);
        return new JusticeFiguresView(
            tips.ToDictionary(t => t.Key, t => t.Count, StringComparer.Ordinal),
            operations.Count,
            operations.Count(o => o.ShelterPlaces != null && o.Interpreters != null && o.ChildSpecialists != null && o.HasMedical),
            prosecutions, convictions,
            assets.Where(a => a.Status == "seized").Sum(a => a.ValueSatang),
            assets.Where(a => a.Status == "frozen").Sum(a => a.ValueSatang),
            assets.Where(a => a.Status == "forfeited").Sum(a => a.ValueSatang),
            compensation.Sum(c => c.AwardedSatang), compensation.Sum(c => c.PaidSatang));
    }
}
