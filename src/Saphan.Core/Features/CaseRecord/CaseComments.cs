using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Cases;

namespace Saphan.Core.Features.CaseRecord;

public sealed record CaseCommentView(Guid Id, Guid CaseId, string Kind, string Text, Guid WrittenBy, string? WrittenByName, DateTimeOffset WrittenAt);

/// <summary>Case comments: appended (never changed or removed), encrypted, and every read is audited.</summary>
public sealed class CaseComments(SaphanDbContext db, TimeProvider clock)
{
    public const int TextMaxLength = 4000;

    public async Task<IReadOnlyList<CaseCommentView>> ListAsync(Actor actor, Guid caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await CaseRecordAccess.ReadAsync(db, actor, caseId, cancellationToken);
        var comments = await db.Set<CaseComment>().AsNoTracking().Where(c => c.CaseId == caseId).ToListAsync(cancellationToken);
        if (comments.Count > 0)
        {
            db.Audit(actor, "case_comments.viewed", "case", caseId, comments.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " comments");
            await db.SaveChangesAsync(cancellationToken);
        }

        var names = await CaseRecordAccess.NamesAsync(db, comments.Select(c => c.WrittenBy), cancellationToken);
        // Newest first; SQLite cannot order by a DateTimeOffset, and a case holds few comments.
        return comments.OrderByDescending(c => c.WrittenAt).ThenByDescending(c => c.Id)
            .Select(c => View(c, names.GetValueOrDefault(c.WrittenBy))).ToList();
    }

    public async Task<CaseCommentView> AddAsync(Actor actor, Guid caseId, string? text, CancellationToken cancellationToken, ValidationErrors? readErrors = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await CaseRecordAccess.WriteAsync(db, actor, caseId, cancellationToken);
        var errors = readErrors ?? new ValidationErrors();
        var now = clock.GetUtcNow();
        var clean = CaseRecordAccess.One("case.comment", "text", text, DateOnly.FromDateTime(now.UtcDateTime), errors);
        if (clean is null && !errors.Any)
        {
            errors.Add("text", "Required: the comment.");
        }

        errors.ThrowIfAny();
        var comment = Append(db, actor, caseId, "note", clean!, now);
        await db.SaveChangesAsync(cancellationToken);
        return View(comment, await CaseAccess.WorkerNameAsync(db, actor.UserId, cancellationToken));
    }

    /// <summary>Adds a comment to the unit of work (saved by the caller's save, in its transaction) and audits it.</summary>
    internal static CaseComment Append(SaphanDbContext db, Actor actor, Guid caseId, string kind, string text, DateTimeOffset now)
    {
        var comment = new CaseComment { OrganisationId = actor.OrganisationId, CaseId = caseId, Kind = kind, Text = text, WrittenBy = actor.UserId, WrittenAt = now };
        db.Add(comment);
        db.Audit(actor, "case_comment.added", "case_comment", comment.Id, "case " + caseId.ToString() + "; " + kind);
        return comment;
    }

    private static CaseCommentView View(CaseComment c, string? name) => new(c.Id, c.CaseId, c.Kind, c.Text, c.WrittenBy, name, c.WrittenAt);
}
