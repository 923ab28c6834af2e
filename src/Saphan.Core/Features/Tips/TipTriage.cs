using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Protection;

namespace Saphan.Core.Features.Tips;

public sealed record DuplicateTips(Guid TipId, IReadOnlyList<Guid> SamePlace);
/// <summary>Time from a tip's arrival to the first staff action, over the organisation's tips; minutes.</summary>
public sealed record FirstActionFigures(int Tips, int Acted, int Waiting, double? MedianMinutes, double? MaxMinutes, IReadOnlyDictionary<string, int> ByStatus,
    int Routed = 0, int Acknowledged = 0, double? MedianMinutesToAcknowledge = null, int ConvertedToCases = 0, int ConvertedToInvestigations = 0);

/// <summary>
/// Triage additions: tips about the same place (same province and the same place once case, spacing and
/// punctuation are ignored) are grouped by a keyed hash, never by decrypting places; time-to-first-action.
/// </summary>
public sealed class TipTriage(SaphanDbContext db)
{
    public const string PlaceKind = "tip-place";

    public static string? PlaceHash(BlindIndex index, string province, string? place)
    {
        ArgumentNullException.ThrowIfNull(index);
        var key = BlindIndex.Compact(place);
        return key.Length == 0 ? null : index.Hash(PlaceKind, province + ":" + key);
    }

    /// <summary>The other tips of the organisation about the same place as this one, oldest first.</summary>
    public async Task<DuplicateTips> DuplicatesAsync(Actor actor, Guid tipId, CancellationToken cancellationToken)
    {
        var tips = await TipAccess.ReadableAsync(db, actor, cancellationToken);
        var tip = await tips.AsNoTracking().Where(t => t.Id == tipId).Select(t => new { t.Id, t.PlaceHash }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Tip");
        var same = tip.PlaceHash is null ? [] : await tips.AsNoTracking().Where(t => t.PlaceHash == tip.PlaceHash && t.Id != tipId)
            .OrderBy(t => t.Id).Select(t => t.Id).Take(100).ToListAsync(cancellationToken);
        db.Audit(actor, "tip.duplicates_viewed", "tip", tipId, same.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(cancellationToken);
        return new DuplicateTips(tipId, same);
    }

    /// <summary>Counts only (no tip text is read): tips by status (outcome) and time-to-first-action.</summary>
    public async Task<FirstActionFigures> FiguresAsync(Actor actor, CancellationToken cancellationToken)
    {
        var tips = await TipAccess.ReadableAsync(db, actor, cancellationToken);
        var rows = await tips.AsNoTracking().Select(t => new { t.Status, t.CreatedAt, t.FirstActionAt }).ToListAsync(cancellationToken);
        var minutes = rows.Where(r => r.FirstActionAt is not null).Select(r => (r.FirstActionAt!.Value - r.CreatedAt).TotalMinutes).Order().ToList();
        // Routing counts as a first action (it sets first_action_at); the partner's acknowledgement is timed from the routing.
        var routes = await db.Set<TipRoute>().AsNoTracking().Where(r => r.FromOrganisationId == actor.OrganisationId)
            .Select(r => new { r.RoutedAt, r.AcknowledgedAt, r.CaseId, r.LegalCaseId }).ToListAsync(cancellationToken);
        var toAcknowledge = routes.Where(r => r.AcknowledgedAt is not null).Select(r => (r.AcknowledgedAt!.Value - r.RoutedAt).TotalMinutes).Order().ToList();
        return new FirstActionFigures(rows.Count, minutes.Count, rows.Count - minutes.Count, Median(minutes), minutes.Count == 0 ? null : minutes[^1],
            rows.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            routes.Count, toAcknowledge.Count, Median(toAcknowledge), routes.Count(r => r.CaseId is not null), routes.Count(r => r.LegalCaseId is not null));
    }

    private static double? Median(List<double> sorted) => sorted.Count == 0 ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
