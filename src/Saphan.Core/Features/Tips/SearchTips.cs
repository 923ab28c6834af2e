using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;

namespace Saphan.Core.Features.Tips;

/// <summary>The triage queue: most urgent first (imminent danger, then children at risk), then the longest waiting.</summary>
public sealed class SearchTips(SaphanDbContext db)
{
    public const int MaxPageSize = 100;
    /// <summary>The status filter that means "everything not closed" (the queue's default).</summary>
    public const string Open = "open";
    public const string Any = "all";

    public sealed record Query(string? Status = Open, string? Province = null, int Page = 1, int PageSize = 25);

    public async Task<TipPage> HandleAsync(Actor actor, Query query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(query);
        var tips = (await TipAccess.ReadableAsync(db, actor, cancellationToken)).AsNoTracking();
        var status = string.IsNullOrWhiteSpace(query.Status) ? Open : query.Status;
        if (status == Open)
        {
            tips = tips.Where(t => t.Status != TipStatuses.Closed);
        }
        else if (status != Any)
        {
            tips = tips.Where(t => t.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(query.Province))
        {
            tips = tips.Where(t => t.Province == query.Province);
        }

        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Max(query.Page, 1);
        var total = await tips.CountAsync(cancellationToken);
        // Ids are UUIDv7 from the time received: ordering by id is oldest first on both engines
        // (SQLite cannot order by a DateTimeOffset column).
        var rows = await tips
            .OrderByDescending(t => t.Priority).ThenBy(t => t.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(t => new
            {
                t.Id, t.Channel, t.Province, t.OccurredWhen, t.ChildrenAtRisk, t.ChildrenCount, t.ImminentDanger, t.SpamScore, t.Priority,
                t.Status, t.CreatedAt,
                Operator = db.Users.Where(u => u.Id == t.AssignedOperatorId).Select(u => u.DisplayName).FirstOrDefault(),
                SenderNotes = db.TipNotes.Count(n => n.TipId == t.Id && n.Kind == TipNote.FromSender),
            })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new TipSummary(r.Id, r.Channel, r.Province, r.OccurredWhen, r.ChildrenAtRisk, r.ChildrenCount, r.ImminentDanger,
            r.SpamScore, SpamScoring.IsLikelySpam(r.SpamScore), r.Priority, r.Status, r.Operator, r.CreatedAt, r.SenderNotes)).ToList();
        return new TipPage(items, page, pageSize, total);
    }
}
