using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Consents;
using Saphan.Core.Features.Standard;

namespace Saphan.Core.Features.Completeness;

/// <summary>
/// What the standard record still lacks for a case: the dictionary fields Saphan stores that are empty, and
/// the sections with nothing recorded yet (consent per purpose, recruitment and exploitation events). A form
/// may be saved part-done; this is how the case page shows what is missing. Codes only, never values.
/// </summary>
public static class CaseCompleteness
{
    /// <summary>Dictionary field codes (or section codes) not yet filled, in dictionary order.</summary>
    public static IReadOnlyList<string> Missing(CaseView view, ISet<string> consentPurposesRecorded, ISet<string> eventTypesRecorded)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(consentPurposesRecorded);
        ArgumentNullException.ThrowIfNull(eventTypesRecorded);
        var p = view.Person;
        var missing = new List<string>();
        void Check(string code, bool empty)
        {
            if (empty)
            {
                missing.Add(code);
            }
        }

        Check("person.birthDate", p.BirthDate is null && p.EstimatedAge is null);
        Check("person.gender", p.Gender is "unknown" or "");
        Check("person.citizenship", p.Citizenship.Count == 0);
        Check("person.languages", p.Languages.Count == 0);
        Check("person.phone", string.IsNullOrWhiteSpace(p.Phone));
        Check("person.identityDocuments.type", p.IdentityDocuments.Count == 0);
        Check("event.recruitment", !eventTypesRecorded.Contains("recruitment"));
        Check("event.exploitation", !eventTypesRecorded.Contains("exploitation"));
        foreach (var purpose in ConsentStatus.Purposes)
        {
            Check("consent.purpose." + purpose, !consentPurposesRecorded.Contains(purpose));
        }

        Check("case.assignedWorker", view.AssignedWorkerId is null);
        Check("case.summary", string.IsNullOrWhiteSpace(view.Summary));
        return missing;
    }

    /// <summary>Loads what <see cref="Missing(CaseView, ISet{string}, ISet{string})"/> needs; the caller has read the case.</summary>
    public static async Task<IReadOnlyList<string>> MissingAsync(SaphanDbContext db, CaseView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(view);
        var purposes = (await db.ConsentRecords.AsNoTracking().Where(r => r.CaseId == view.Id).Select(r => r.Purpose).Distinct().ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var events = (await db.TraffickingEvents.AsNoTracking().Where(e => e.CaseId == view.Id).Select(e => e.Type).Distinct().ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var missing = Missing(view, purposes, events).ToList();
        missing.AddRange(await CaseRecord.CaseRecordCompleteness.MissingAsync(db, view, cancellationToken));
        return missing;
    }

    /// <summary>The label of a missing item in the reader's language: the field's, the section's, or the consent purpose's.</summary>
    public static string Label(string code, System.Globalization.CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.StartsWith("consent.purpose.", StringComparison.Ordinal))
        {
            var purpose = code["consent.purpose.".Length..];
            return DataStandard.Sections.Single(s => s.Code == "consent").Label(culture) + ": " + DataStandard.Get("consent.purpose").Values!.Label(purpose, culture);
        }

        if (code.StartsWith("plan.", StringComparison.Ordinal))
        {
            var th = culture.TwoLetterISOLanguageName == "th";
            var part = code == "plan.action.type" ? (th ? "การดำเนินการ" : "Actions") : DataStandard.Get(code).Label(culture);
            return DataStandard.Sections.Single(s => s.Code == "plan").Label(culture) + ": " + part;
        }

        if (code == "person.identityDocuments.type")
        {
            return culture.TwoLetterISOLanguageName == "th" ? "เอกสารประจำตัว" : "Identity documents";
        }

        return DataStandard.Find(code)?.Label(culture)
            ?? DataStandard.Sections.SingleOrDefault(s => s.Code == code)?.Label(culture)
            ?? code;
    }
}
