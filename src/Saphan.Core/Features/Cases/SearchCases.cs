using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Persons;

namespace Saphan.Core.Features.Cases;

/// <summary>The case list: filters by status and province, and finds people by exact name, document or phone.</summary>
public sealed class SearchCases(SaphanDbContext db, PersonIndexer indexer)
{
    public const int MaxPageSize = 100;

    public sealed record Query(string? Text = null, string? Status = null, string? Province = null, Guid? AssignedTo = null, int Page = 1, int PageSize = 25);

    public async Task<CasePage> HandleAsync(Actor actor, Query query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(query);
        var cases = CaseAccess.Readable(db, actor).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var persons = indexer.Find(actor.OrganisationId, query.Text);
            cases = cases.Where(c => persons.Contains(c.PersonId));
        }

        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            cases = cases.Where(c => c.Status == query.Status);
        }

        if (!string.IsNullOrWhiteSpace(query.Province))
        {
            cases = cases.Where(c => c.Province == query.Province);
        }

        if (query.AssignedTo is { } worker)
        {
            cases = cases.Where(c => c.AssignedWorkerId == worker);
        }

        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Max(query.Page, 1);
        var total = await cases.CountAsync(cancellationToken);
        var rows = await cases
            .OrderByDescending(c => c.IdentifiedOn).ThenByDescending(c => c.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new
            {
                Case = c,
                c.Person,
                Worker = db.Users.Where(u => u.Id == c.AssignedWorkerId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var items = rows.Select(r => new CaseSummary(
            r.Case.Id, Persons.PersonNames.Display(r.Person.GivenName), r.Person.FamilyName, r.Person.Gender, r.Person.AgeOn(r.Case.IdentifiedOn), r.Person.Citizenships,
            r.Case.Province, r.Case.Status, r.Case.IdentifiedOn, r.Worker)).ToList();
        if (items.Count > 0)
        {
            // The list shows names: that is a view of identifying data, audited with the persons shown.
            db.Audit(actor, "person.listed", "person_list", Guid.CreateVersion7(), string.Join(',', rows.Select(r => r.Person.Id.ToString("N"))));
            await db.SaveChangesAsync(cancellationToken);
        }

        return new CasePage(items, page, pageSize, total);
    }
}
