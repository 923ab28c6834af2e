using Saphan.Core.Data;
using Saphan.Core.Features.Persons;

namespace Saphan.Core.Features.Cases;

/// <summary>Registers a person and opens a case for them in the actor's organisation.</summary>
public sealed class CreateCase(SaphanDbContext db, PersonIndexer indexer, TimeProvider clock)
{
    public async Task<CaseView> HandleAsync(Actor actor, CaseInput input, CancellationToken cancellationToken, ValidationErrors? readErrors = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        CaseAccess.EnsureCanWrite(actor);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        // Problems found while reading the request (wrong types, unknown fields) are reported with the rest.
        var errors = readErrors ?? new ValidationErrors();

        var person = new Person { OrganisationId = actor.OrganisationId, CreatedAt = now, UpdatedAt = now };
        if (!input.Present.Contains("person"))
        {
            errors.Add("person", "Required: the person this case is about (at least person.givenName).");
        }
        else
        {
            input.Person.ApplyTo(person, errors, "person.", today, isNew: true);
        }

        var @case = new Case
        {
            OrganisationId = actor.OrganisationId,
            PersonId = person.Id,
            Person = person,
            Province = "",
            CreatedBy = actor.UserId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var members = await CaseAccess.MembersAsync(db, actor.OrganisationId, cancellationToken);
        input.ApplyTo(@case, errors, today, isNew: true, members, now);
        if (person.BirthDate is { } born && @case.IdentifiedOn != default && @case.IdentifiedOn < born)
        {
            errors.Add("identifiedOn", "Before the person's birth date: a person is identified on or after the day they were born.");
        }

        errors.ThrowIfAny();

        db.Persons.Add(person);
        db.Cases.Add(@case);
        await indexer.ReindexAsync(person, cancellationToken);
        db.Audit(actor, "person.created", "person", person.Id);
        db.Audit(actor, "case.created", "case", @case.Id);
        await db.SaveChangesAsync(cancellationToken);
        return CaseView.From(@case, await CaseAccess.WorkerNameAsync(db, @case.AssignedWorkerId, cancellationToken), Saphan.Core.Features.CaseRecord.CaseRecordAccess.MaySeeSensitive(actor));
    }
}
