using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Tasks;

namespace Saphan.Core.Features.Screenings;

/// <summary>
/// A case's screenings, newest first. Health results only for <see cref="ScreeningAccess.HealthRoles"/>;
/// every screening shown is audited (screening.viewed).
/// </summary>
public sealed class ListScreenings(SaphanDbContext db)
{
    public async Task<CaseScreeningsView> HandleAsync(Actor actor, Guid caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!await CaseAccess.Readable(db, actor).AnyAsync(c => c.Id == caseId, cancellationToken))
        {
            throw new NotFoundException("Case");
        }

        var health = actor.HasAnyRole(ScreeningAccess.HealthRoles);
        var all = await db.Screenings.AsNoTracking().Where(s => s.CaseId == caseId).ToListAsync(cancellationToken);
        var visible = all.Where(s => ScreeningAccess.MaySee(actor, s.Category))
            .OrderByDescending(s => s.RecordedAt).ThenByDescending(s => s.Id).ToList();
        var sources = visible.Select(s => (Guid?)s.Id).ToList();
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.SourceType == "screening" && sources.Contains(t.SourceId))
            .Select(t => new { t.Id, t.SourceId }).ToListAsync(cancellationToken);
        var authors = visible.Select(s => s.RecordedBy).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => authors.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

        foreach (var screening in visible)
        {
            db.Audit(actor, "screening.viewed", "screening", screening.Id, "case " + caseId);
        }

        if (visible.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        // The urgent flag: an open urgent task on the case. A suicide-risk task is health data, so only health roles see that one.
        string[] kinds = health ? [] : [.. TaskValueSets.Kind.Values.Select(v => v.Code).Where(k => k != TaskValueSets.SuicideRisk)];
        var urgent = await ListTasks.CaseHasOpenUrgentAsync(db, caseId, cancellationToken, kinds);
        return new CaseScreeningsView(caseId, urgent, visible.Count < all.Count,
            [.. visible.Select(s => View(s, names.GetValueOrDefault(s.RecordedBy), [.. tasks.Where(t => t.SourceId == s.Id).Select(t => t.Id)]))]);
    }

    internal static ScreeningView View(Screening s, string? recordedByName, IReadOnlyList<Guid> taskIds)
    {
        var answers = s.Answers.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
        var instrument = ScreeningInstruments.Find(s.Instrument);
        // Reasons are recomputed by the same (pure) rules; a retired instrument keeps its stored score and band.
        var reasons = instrument is not null && instrument.Version == s.InstrumentVersion && answers.Length == instrument.Items.Count
            ? instrument.Score(answers).Reasons : [];
        return new ScreeningView(s.Id, s.CaseId, s.Instrument, s.InstrumentVersion, s.Category, answers, s.Score, instrument?.MaximumScore ?? 0,
            s.Band, s.Flags, reasons, s.RecordedBy, recordedByName, s.RecordedAt, taskIds);
    }
}
