using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Screenings;
using Saphan.Core.Features.Standard;

namespace Saphan.Core.Features.CaseRecord;

/// <summary>A write to a closed case: refused until a supervisor reopens it (the API answers 409).</summary>
public sealed class CaseClosedException() : Exception("The case is closed: a supervisor reopens it before anything is changed.");

/// <summary>
/// The case record's access rules, on top of <see cref="CaseAccess"/>: the case's organisation only (404 otherwise), case
/// readers read, case writers write, and nobody writes to a closed case (<see cref="CaseClosedException"/>).
/// </summary>
public static class CaseRecordAccess
{
    /// <summary>Who reopens a closed case.</summary>
    public static readonly IReadOnlyList<string> ReopenRoles = [Saphan.Core.Features.Identity.Roles.Supervisor];

    /// <summary>Health data (individual vulnerabilities) is for the same roles as health screenings.</summary>
    public static bool MaySeeHealth(Actor actor) => actor.HasAnyRole(ScreeningAccess.HealthRoles);

    /// <summary>
    /// The victim context's PDPA s.26 fields (health needs: health; arrested or charged: criminal record) are for the same
    /// roles as health data; no other criminal-record field is stored, so there is no separate rule to follow.
    /// </summary>
    public static bool MaySeeSensitive(Actor actor) => MaySeeHealth(actor);

    internal static async Task<Case> ReadAsync(SaphanDbContext db, Actor actor, Guid caseId, CancellationToken cancellationToken) =>
        await CaseAccess.Readable(db, actor).AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken)
        ?? throw new NotFoundException("Case");

    /// <summary>
    /// The case for a change: a writer's role (403), the actor's organisation (404), and open (409), unless
    /// <paramref name="evenIfClosed"/> (a consent withdrawal takes effect on a closed case too); with its person when asked.
    /// </summary>
    internal static async Task<Case> WriteAsync(SaphanDbContext db, Actor actor, Guid caseId, CancellationToken cancellationToken,
        bool withPerson = false, bool evenIfClosed = false)
    {
        CaseAccess.EnsureCanWrite(actor);
        var cases = CaseAccess.Readable(db, actor).AsNoTracking();
        var @case = await (withPerson ? cases.Include(c => c.Person) : cases).SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken)
            ?? throw new NotFoundException("Case");
        if (!evenIfClosed)
        {
            EnsureOpen(@case);
        }

        return @case;
    }

    /// <summary>Other features call this before they change a case.</summary>
    public static void EnsureOpen(Case @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        if (Case.IsClosedStatus(@case.Status))
        {
            throw new CaseClosedException();
        }
    }

    /// <summary>Checks values against a dictionary field, reporting a problem under <paramref name="path"/>; the normal form, or empty.</summary>
    internal static IReadOnlyList<string> Check(string fieldCode, string path, IReadOnlyList<string?> values, DateOnly today, ValidationErrors errors)
    {
        var check = StandardValidator.Check(DataStandard.Get(fieldCode), values, today);
        if (!check.Ok)
        {
            errors.Add(path, check.Problem!);
            return [];
        }

        return check.Values;
    }

    internal static string? One(string fieldCode, string path, string? value, DateOnly today, ValidationErrors errors) =>
        Check(fieldCode, path, [value], today, errors) is [var single, ..] ? single : null;

    internal static DateOnly? Date(string fieldCode, string path, string? value, DateOnly today, ValidationErrors errors) =>
        One(fieldCode, path, value, today, errors) is { } day
            ? DateOnly.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : null;

    internal static async Task<Dictionary<Guid, string>> NamesAsync(SaphanDbContext db, IEnumerable<Guid> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
    }
}
