using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Referrals;

namespace Saphan.Core.Features.Pathways;

/// <summary>What the record says about one case, loaded once for every step (codes and dates only).</summary>
public sealed record CaseFacts(
    Guid CaseId, DateOnly IdentifiedOn, bool Closed, IReadOnlyList<(string ServiceType, string Status, DateOnly? EndedOn)> Referrals,
    IReadOnlyList<(int Month, DateOnly DoneOn)> FollowUpsDone, DateOnly? FirstHealthScreening, IReadOnlyDictionary<string, (string Mark, DateOnly On)> Marks);

/// <summary>
/// Derives each step's status. Evidence from the record first: a referral of one of the step's service types that
/// is completed makes it done, accepted or in progress makes it under way; a health screening recorded makes the
/// mental-health step done; a follow-up done at 3, 6 or 12 months makes that follow-up step done. A mark by hand
/// overrides (done, under way, skipped). Then the clock: past its expected date and not done is overdue; skipped, not
/// done when the case closed, or more than <see cref="MissedAfterDays"/> days overdue without anything under way is missed.
/// </summary>
public static class PathwayProgress
{
    public const int MissedAfterDays = 90;


    public static IReadOnlyList<CaseStepView> Derive(CaseFacts facts, IReadOnlyList<PathwayStep> steps, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(steps);
        var result = new List<CaseStepView>(steps.Count);
        DateOnly? previousBase = null;
        foreach (var step in steps)
        {
            var from = step.From == "previous_step" && previousBase is { } p ? p : facts.IdentifiedOn;
            var due = from.AddDays(step.ExpectedDays);
            string? evidence = null;
            DateOnly? doneOn = null;
            var underWay = false;

            var referrals = facts.Referrals.Where(r => step.ServiceTypes.Contains(r.ServiceType)).ToList();
            if (referrals.FirstOrDefault(r => r.Status == ReferralStates.Completed) is { ServiceType: not null } completed)
            {
                evidence = "referral_completed";
                doneOn = completed.EndedOn ?? today;
            }
            else if (referrals.Any(r => r.Status is ReferralStates.Accepted or ReferralStates.InProgress))
            {
                evidence = "referral_active";
                underWay = true;
            }

            if (doneOn is null && step.Code == "mental_health" && facts.FirstHealthScreening is { } screened)
            {
                evidence = "screening_recorded";
                doneOn = screened;
            }

            if (doneOn is null && PathwayCommands.FollowUpMonth(step.Code) is { } month && facts.FollowUpsDone.FirstOrDefault(f => f.Month == month) is { Month: > 0 } followUp)
            {
                evidence = "follow_up_done";
                doneOn = followUp.DoneOn;
            }

            string? mark = null;
            var skipped = false;
            if (facts.Marks.TryGetValue(step.Code, out var m) && m.Mark != "pending")
            {
                mark = m.Mark;
                switch (m.Mark)
                {
                    case "done":
                        doneOn ??= m.On;
                        evidence ??= "marked";
                        break;
                    case "under_way":
                        underWay = true;
                        evidence ??= "marked";
                        break;
                    case "skipped":
                        skipped = doneOn is null;
                        break;
                }
            }

            var late = doneOn is null ? Math.Max(0, today.DayNumber - due.DayNumber) : 0;
            var status = doneOn is not null ? StepStatus.Done
                : skipped || facts.Closed || (late > MissedAfterDays && !underWay) ? StepStatus.Missed
                : late > 0 ? StepStatus.Overdue
                : underWay ? StepStatus.UnderWay
                : StepStatus.Pending;
            result.Add(new CaseStepView(step.Code, step.ServiceTypes, due, status, underWay && doneOn is null, doneOn, evidence, mark, late));
            previousBase = doneOn ?? due;
        }

        return result;
    }

    /// <summary>Loads the facts of the given cases in a few queries (no identifying field is read).</summary>
    public static Task<Dictionary<Guid, CaseFacts>> LoadAsync(SaphanDbContext db, IReadOnlyCollection<Guid> caseIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caseIds);
        var list = caseIds.ToList();
        return LoadAsync(db, db.Cases.Where(c => list.Contains(c.Id)).Select(c => c.Id), cancellationToken);
    }

    /// <summary>The same for the cases a query selects: the database filters by a sub-query, not by a long list of ids.</summary>
    public static async Task<Dictionary<Guid, CaseFacts>> LoadAsync(SaphanDbContext db, IQueryable<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(ids);
        var cases = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.IdentifiedOn, c.Status }).ToListAsync(cancellationToken);
        var referrals = (await db.Referrals.AsNoTracking().Where(r => ids.Contains(r.CaseId))
            .Select(r => new { r.CaseId, r.ServiceType, r.Status, r.EndedAt }).ToListAsync(cancellationToken)).ToLookup(r => r.CaseId);
        var followUps = (await db.FollowUps.AsNoTracking().Where(f => ids.Contains(f.CaseId) && f.DoneOn != null && f.Month != null)
            .Select(f => new { f.CaseId, f.Month, f.DoneOn }).ToListAsync(cancellationToken)).ToLookup(f => f.CaseId);
        var screenings = (await db.Screenings.AsNoTracking().Where(s => ids.Contains(s.CaseId) && s.Category == Screenings.ScreeningCategories.Health)
            .Select(s => new { s.CaseId, s.RecordedAt }).ToListAsync(cancellationToken)).ToLookup(s => s.CaseId);
        var marks = (await db.PathwayStepMarks.AsNoTracking().Where(m => ids.Contains(m.CaseId)).ToListAsync(cancellationToken)).ToLookup(m => m.CaseId);
        return cases.ToDictionary(c => c.Id, c => new CaseFacts(
            c.Id, c.IdentifiedOn, Case.IsClosedStatus(c.Status),
            referrals[c.Id].Select(r => (r.ServiceType, r.Status, r.EndedAt is { } e ? (DateOnly?)DateOnly.FromDateTime(e.UtcDateTime) : null)).ToList(),
            followUps[c.Id].Select(f => (f.Month!.Value, f.DoneOn!.Value)).ToList(),
            screenings[c.Id].Select(s => (DateOnly?)DateOnly.FromDateTime(s.RecordedAt.UtcDateTime)).Min(),
            marks[c.Id].GroupBy(m => m.StepCode, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.OrderBy(m => m.MarkedAt.UtcTicks).ThenBy(m => m.Id).Select(m => (m.Mark, DateOnly.FromDateTime(m.MarkedAt.UtcDateTime))).Last(), StringComparer.Ordinal)));
    }
}
