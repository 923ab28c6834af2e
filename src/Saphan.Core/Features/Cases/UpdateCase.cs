using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Persons;

namespace Saphan.Core.Features.Cases;

/// <summary>Changes the sent fields of a case and its person; everything else stays as it was.</summary>
public sealed class UpdateCase(SaphanDbContext db, PersonIndexer indexer, TimeProvider clock)
{
    public async Task<CaseView> HandleAsync(Actor actor, Guid id, CaseInput input, CancellationToken cancellationToken, ValidationErrors? readErrors = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var @case = await CaseAccess.Readable(db, actor)
            .Include(c => c.Person).ThenInclude(p => p.Documents)
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("Case");
        CaseAccess.EnsureCanWrite(actor);
        Saphan.Core.Features.CaseRecord.CaseRecordAccess.EnsureOpen(@case);

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        // Problems found while reading the request (wrong types, unknown fields) are reported with the rest.
        var errors = readErrors ?? new ValidationErrors();
        if (input.Present.Contains("person"))
        {
            input.Person.ApplyTo(@case.Person, errors, "person.", today, isNew: false);
        }

        var members = await CaseAccess.MembersAsync(db, actor.OrganisationId, cancellationToken);
        input.ApplyTo(@case, errors, today, isNew: false, members, now);
        if (@case.Person.BirthDate is { } born && @case.IdentifiedOn != default && @case.IdentifiedOn < born)
        {
            errors.Add("identifiedOn", "Before the person's birth date: a person is identified on or after the day they were born.");
        }

        errors.ThrowIfAny();

        // Documents replaced by the input are new rows; EF would take a row with its key already set
        // for an existing one, so say so.
        foreach (var document in @case.Person.Documents)
        {
            if (db.Entry(document).State == EntityState.Detached)
            {
                db.IdentityDocuments.Add(document);
            }
        }

        var changed = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Modified or EntityState.Added or EntityState.Deleted)
            .SelectMany(e => e.State == EntityState.Modified
                ? e.Properties.Where(p => p.IsModified).Select(p => e.Metadata.GetTableName() + "." + p.Metadata.GetColumnName())
                : [e.Metadata.GetTableName() + "." + e.State.ToString().ToLowerInvariant()])
            .Distinct()
            .ToList();
        if (changed.Count > 0)
        {
            @case.UpdatedAt = now;
            @case.Person.UpdatedAt = now;
            @case.ConcurrencyStamp = Guid.NewGuid();
            await indexer.ReindexAsync(@case.Person, cancellationToken);
            db.Audit(actor, "case.updated", "case", @case.Id, string.Join(',', changed));
            if (Case.IsClosedStatus(@case.Status))
            {
                // The case was open (checked above): this change closed it, audited as the closure form's is.
                db.Audit(actor, "case.closed", "case", @case.Id, @case.ClosureReason);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return CaseView.From(@case, await CaseAccess.WorkerNameAsync(db, @case.AssignedWorkerId, cancellationToken), Saphan.Core.Features.CaseRecord.CaseRecordAccess.MaySeeSensitive(actor));
    }
}
