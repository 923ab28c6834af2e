using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Standard;

namespace Saphan.Core.Features.Consents;

/// <summary>
/// The consent that counts now, per purpose: the latest record (by the day of the decision, then by when it
/// was recorded) wins, so a withdrawal takes effect as soon as it is recorded. No record means "none".
/// Other features call <see cref="CurrentAsync"/> before they share or use data for a purpose.
/// </summary>
public static class ConsentStatus
{
    /// <summary>The status of a purpose with no record yet.</summary>
    public const string None = "none";

    public static IReadOnlyList<string> Purposes { get; } = [.. DataStandard.Get("consent.purpose").Values!.Values.Select(v => v.Code)];

    /// <summary>given, refused, withdrawn or <see cref="None"/>. The caller has already checked the actor may read the case.</summary>
    public static async Task<string> CurrentAsync(SaphanDbContext db, Guid caseId, string purpose, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        // A case holds few decisions; they are ordered here because SQLite cannot order by a DateTimeOffset.
        var records = await db.ConsentRecords.AsNoTracking().Where(r => r.CaseId == caseId && r.Purpose == purpose).ToListAsync(cancellationToken);
        return Ordered(records).FirstOrDefault()?.Status ?? None;
    }

    /// <summary>True only when the latest decision for the purpose is "given".</summary>
    public static async Task<bool> IsGivenAsync(SaphanDbContext db, Guid caseId, string purpose, CancellationToken cancellationToken = default) =>
        await CurrentAsync(db, caseId, purpose, cancellationToken) == "given";

    /// <summary>Newest first: the decision's day, then the moment it was recorded.</summary>
    internal static IEnumerable<ConsentRecord> Ordered(IEnumerable<ConsentRecord> records) =>
        records.OrderByDescending(r => r.RecordedOn).ThenByDescending(r => r.RecordedAt).ThenByDescending(r => r.Id);
}
