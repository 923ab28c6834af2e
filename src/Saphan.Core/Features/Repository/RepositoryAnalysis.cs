using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;

namespace Saphan.Core.Features.Repository;

/// <summary>A published record as the analysis sees it: no encoding, no identifier; the organisation's name only if it opted in.</summary>
public sealed record AnalysisRecord(
    string RecordKey, int ClusterNo, string OrganisationType, string? Organisation, string Sex, string AgeBand, string Nationality,
    IReadOnlyList<string> ExploitationTypes, string? Province, string? IdentifiedQuarter, IReadOnlyList<string> Journey)
{
    internal Guid OrganisationId { get; init; }
}

public sealed record CountRow(string Key, int Count);

public sealed record RepositorySummary(
    int Organisations, int Records, int DistinctPeople, int PeopleSeenByMoreThanOneOrganisation,
    IReadOnlyList<CountRow> RecordsByOrganisationType,
    IReadOnlyList<CountRow> PeopleByNumberOfOrganisations,
    IReadOnlyList<CountRow> OverlapByOrganisationTypes,
    IReadOnlyList<CountRow> OverlapByNamedOrganisations,
    IReadOnlyList<CountRow> Journeys,
    MatchRunView? LastMatch);

public sealed record RecordPage(int Page, int PageSize, int Total, IReadOnlyList<AnalysisRecord> Items);

/// <summary>The analyst's page: the summary and one page of records, from one read of the repository.</summary>
public sealed record RepositoryView(RepositorySummary Summary, RecordPage Records);

/// <summary>
/// The repository's de-identified analysis for analysts and network admins: distinct people (clusters), records per
/// organisation type, overlap between organisations (counts, never who) and journeys across services. Organisations
/// are named only if they opted in. Every view is audited.
/// </summary>
public sealed class RepositoryAnalysis(SaphanDbContext db)
{
    public const int PageSize = 50;

    public async Task<RepositorySummary> SummaryAsync(Actor actor, CancellationToken cancellationToken)
    {
        RepositoryAccess.EnsureAnalyst(actor);
        var records = await LoadAsync(db, cancellationToken);
        db.Audit(actor, "repository.summary_viewed", "repository", Guid.Empty, null);
        await db.SaveChangesAsync(cancellationToken);
        var run = await db.RepositoryMatchRuns.AsNoTracking().OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        return Summarise(records, run is null ? null : RepositoryMatching.View(run));
    }

    public async Task<RecordPage> RecordsAsync(Actor actor, int page, CancellationToken cancellationToken)
    {
        RepositoryAccess.EnsureAnalyst(actor);
        page = Math.Max(1, page);
        var records = await LoadAsync(db, cancellationToken);
        db.Audit(actor, "repository.records_viewed", "repository", Guid.Empty, "page " + page.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(cancellationToken);
        return Page(records, page);
    }

    /// <summary>The analyst's page (summary and records) from one read of the repository; audited as both views.</summary>
    public async Task<RepositoryView> ViewAsync(Actor actor, int page, CancellationToken cancellationToken)
    {
        RepositoryAccess.EnsureAnalyst(actor);
        page = Math.Max(1, page);
        var records = await LoadAsync(db, cancellationToken);
        db.Audit(actor, "repository.summary_viewed", "repository", Guid.Empty, null);
        db.Audit(actor, "repository.records_viewed", "repository", Guid.Empty, "page " + page.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(cancellationToken);
        var run = await db.RepositoryMatchRuns.AsNoTracking().OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        return new RepositoryView(Summarise(records, run is null ? null : RepositoryMatching.View(run)), Page(records, page));
    }

    private static RecordPage Page(List<AnalysisRecord> records, int page) =>
        new(page, PageSize, records.Count,
            [.. records.OrderBy(r => r.ClusterNo).ThenBy(r => r.RecordKey, StringComparer.Ordinal).Skip((page - 1) * PageSize).Take(PageSize)]);

    internal static RepositorySummary Summarise(IReadOnlyList<AnalysisRecord> records, MatchRunView? run)
    {
        var people = records.GroupBy(r => r.ClusterNo).ToList();
        var shared = people.Where(p => p.Select(r => r.OrganisationId).Distinct().Count() > 1).ToList();
        return new RepositorySummary(
            records.Select(r => r.OrganisationId).Distinct().Count(),
            records.Count,
            people.Count,
            shared.Count,
            Count(records.Select(r => r.OrganisationType)),
            Count(people.Select(p => p.Select(r => r.OrganisationId).Distinct().Count().ToString(CultureInfo.InvariantCulture))),
            Count(shared.Select(p => string.Join(" + ", p.Select(r => r.OrganisationType).Distinct().Order(StringComparer.Ordinal)))),
            // A set of organisations is named only when every one of them opted in.
            Count(shared.Where(p => p.All(r => r.Organisation is not null))
                .Select(p => string.Join(" + ", p.Select(r => r.Organisation!).Distinct().Order(StringComparer.Ordinal)))),
            Count(people.Select(Journey).Where(j => j.Length > 0)).Take(20).ToList(),
            run);
    }

    /// <summary>
    /// A person's path across services, in order of identification: each organisation that met them (by type) and the
    /// service types it referred them to, e.g. "police → shelter [legal_aid]". Empty for people met once and never referred.
    /// </summary>
    internal static string Journey(IEnumerable<AnalysisRecord> person)
    {
        var steps = person.OrderBy(r => r.IdentifiedQuarter, StringComparer.Ordinal).ThenBy(r => r.OrganisationType, StringComparer.Ordinal).ToList();
        return steps.Count < 2 && steps.All(r => r.Journey.Count == 0)
            ? ""
            : string.Join(" → ", steps.Select(r => r.Journey.Count == 0 ? r.OrganisationType : r.OrganisationType + " [" + string.Join(", ", r.Journey) + "]"));
    }

    internal static List<CountRow> Count(IEnumerable<string> keys) =>
        [.. keys.GroupBy(k => k, StringComparer.Ordinal).Select(g => new CountRow(g.Key, g.Count())).OrderByDescending(r => r.Count).ThenBy(r => r.Key, StringComparer.Ordinal)];

    /// <summary>Every published record with its cluster; names only of organisations that opted in.</summary>
    internal static async Task<List<AnalysisRecord>> LoadAsync(SaphanDbContext db, CancellationToken cancellationToken)
    {
        var named = await db.RepositorySettings.AsNoTracking().Where(s => s.NamedInCounts)
            .Join(db.Organisations.AsNoTracking(), s => s.OrganisationId, o => o.Id, (s, o) => new { o.Id, o.Name })
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var rows = await db.RepositoryRecords.AsNoTracking()
            .Join(db.RepositoryClusters.AsNoTracking(), r => r.Id, c => c.RecordId, (r, c) => new
            {
                r.OrganisationId, r.RecordKey, c.ClusterNo, r.OrganisationType, r.Sex, r.AgeBand, r.Nationality, r.ExploitationTypes,
                r.Province, r.IdentifiedQuarter, r.Journey,
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new AnalysisRecord(r.RecordKey, r.ClusterNo, r.OrganisationType, named.GetValueOrDefault(r.OrganisationId),
            r.Sex, r.AgeBand, r.Nationality, r.ExploitationTypes, r.Province, r.IdentifiedQuarter, r.Journey) { OrganisationId = r.OrganisationId })];
    }
}
