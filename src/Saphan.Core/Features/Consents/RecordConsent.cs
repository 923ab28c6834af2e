using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Persons;
using Saphan.Core.Features.Standard;

namespace Saphan.Core.Features.Consents;

/// <summary>Appends a consent decision to a case, recorded by the acting user, and audits it.</summary>
public sealed class RecordConsent(SaphanDbContext db, TimeProvider clock)
{
    public async Task<ConsentView> HandleAsync(Actor actor, Guid caseId, ConsentInput input, CancellationToken cancellationToken, ValidationErrors? readErrors = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        // A withdrawal takes effect at once, even on a closed case (PDPA); other decisions wait for a reopening.
        var @case = await Saphan.Core.Features.CaseRecord.CaseRecordAccess.WriteAsync(
            db, actor, caseId, cancellationToken, withPerson: true, evenIfClosed: PersonInput.Clean(input.Status) == "withdrawn");

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var errors = readErrors ?? new ValidationErrors();
        var purpose = Code("consent.purpose", "purpose", input.Purpose, today, errors);
        var status = Code("consent.status", "status", input.Status, today, errors);
        var method = Code("consent.method", "method", input.Method, today, errors);
        var recordedOn = Code("consent.date", "recordedOn", input.RecordedOn, today, errors) is { } day
            ? DateOnly.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : (DateOnly?)null;
        if (recordedOn < @case.IdentifiedOn)
        {
            errors.Add("recordedOn", "Before the case's identification date: a decision is recorded on or after the day the person was identified.");
        }

        var note = PersonInput.Text(input.Note, "note", ConsentInput.NoteMaxLength, errors);
        errors.ThrowIfAny();

        var record = new ConsentRecord
        {
            OrganisationId = actor.OrganisationId,
            CaseId = @case.Id,
            Purpose = purpose!,
            Status = status!,
            Method = method!,
            RecordedOn = recordedOn!.Value,
            Note = note,
            RecordedBy = actor.UserId,
            RecordedAt = now,
        };
        db.ConsentRecords.Add(record);
        db.Audit(actor, "consent.recorded", "consent", record.Id, "case " + @case.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        var name = await CaseAccess.WorkerNameAsync(db, actor.UserId, cancellationToken);
        return GetConsents.View(record, name, @case.Person);
    }

    private static string? Code(string fieldCode, string path, string? value, DateOnly today, ValidationErrors errors)
    {
        var check = StandardValidator.Check(DataStandard.Get(fieldCode), [value], today);
        if (!check.Ok)
        {
            errors.Add(path, check.Problem!);
            return null;
        }

        return check.Values.Count == 0 ? null : check.Values[0];
    }
}
