using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Persons;

namespace Saphan.Core.Features.Consents;

/// <summary>A case's consent history and the decision that counts now for every purpose.</summary>
public sealed class GetConsents(SaphanDbContext db)
{
    public async Task<CaseConsentsView> HandleAsync(Actor actor, Guid caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var @case = await CaseAccess.Readable(db, actor).Include(c => c.Person).AsNoTracking()
            .SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken) ?? throw new NotFoundException("Case");
        var records = ConsentStatus.Ordered(await db.ConsentRecords.AsNoTracking().Where(r => r.CaseId == caseId).ToListAsync(cancellationToken)).ToList();
        var authors = records.Select(r => r.RecordedBy).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => authors.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

        var current = ConsentStatus.Purposes.Select(purpose =>
            records.FirstOrDefault(r => r.Purpose == purpose) is { } latest
                ? new CurrentConsentView(purpose, latest.Status, latest.RecordedOn, latest.Method, latest.Id)
                : new CurrentConsentView(purpose, ConsentStatus.None, null, null, null)).ToList();
        var history = records.Select(r => View(r, names.GetValueOrDefault(r.RecordedBy), @case.Person)).ToList();
        return new CaseConsentsView(caseId, current, history);
    }

    internal static ConsentView View(ConsentRecord record, string? recordedByName, Person person)
    {
        var warnings = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (record.Method == "guardian" && person.AgeOn(record.RecordedOn) is >= 18)
        {
            warnings["method"] = ["Consent through a guardian for a person who was an adult on that day: note why the person could not decide themself."];
        }

        return new ConsentView(record.Id, record.CaseId, record.Purpose, record.Status, record.Method, record.RecordedOn, record.Note,
            record.RecordedBy, recordedByName, record.RecordedAt, warnings);
    }
}
