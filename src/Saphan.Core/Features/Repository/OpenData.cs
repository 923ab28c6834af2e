using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;

namespace Saphan.Core.Features.Repository;

/// <summary>One cell of a published table; <see cref="Count"/> is null when suppressed.</summary>
public sealed record OpenCell(string Key, int? Count);

public sealed record OpenTable(string Code, string Title, string Unit, IReadOnlyList<OpenCell> Cells);

public sealed record OpenFigures(int K, int? DistinctPeople, int? Records, IReadOnlyList<OpenTable> Tables, DateTimeOffset? LinkedAt);

/// <summary>The CTDC-compatible dataset: one row per person (cluster), k-anonymous over its quasi-identifiers.</summary>
public sealed record OpenDataset(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, int People, int Suppressed, int GeneralisationLevel);

/// <summary>
/// The repository's public output. Every table cell below <see cref="K"/> is suppressed (and, when a table would have a
/// single suppressed cell, the next smallest too, so that it cannot be recovered from the total). The dataset is
/// generalised step by step (rare citizenships and exploitation combinations to "Other", age bands to minor/adult,
/// year left out) until at most 5 % of people fall in an equivalence class smaller than <see cref="K"/>; those rows are
/// left out, so every published combination of quasi-identifiers is shared by at least K people. Organisations are
/// named only if they opted in, and an organisation type is shown only when enough organisations share it.
/// </summary>
public sealed class OpenData(SaphanDbContext db, OpenDataCache cache)
{
    /// <summary>CTDC's threshold.</summary>
    public const int K = 11;

    /// <summary>Share of people that may be left out at a generalisation level before a coarser one is tried.</summary>
    public const double MaxSuppressedShare = 0.05;

    public static readonly IReadOnlyList<string> QuasiIdentifiers = ["yearOfRegistration", "gender", "ageBroad", "majorityStatus", "citizenship", "typeOfExploitConcatenated"];

    public static readonly IReadOnlyList<string> Columns =
        ["yearOfRegistration", "Datasource", "gender", "ageBroad", "majorityStatus", "citizenship", "CountryOfExploitation",
         "isForcedLabour", "isSexualExploit", "isOtherExploit", "typeOfExploitConcatenated"];

    public async Task<OpenFigures> FiguresAsync(CancellationToken cancellationToken) => (await CurrentAsync(cancellationToken)).Figures;

    public async Task<OpenDataset> DatasetAsync(CancellationToken cancellationToken) => (await CurrentAsync(cancellationToken)).Dataset;

    /// <summary>
    /// The cached figures and dataset if the repository has not changed since they were computed, else computed afresh
    /// (figures and dataset together, from one read). The version is read again inside the gate, and always before the
    /// records, so a snapshot is never stored under a version older than the data it was computed from.
    /// </summary>
    private async Task<OpenDataSnapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var version = await VersionAsync(cancellationToken);
        if (cache.Current is { } current && current.Version == version)
        {
            return current;
        }

        await cache.Gate.WaitAsync(cancellationToken);
        try
        {
            version = await VersionAsync(cancellationToken);
            if (cache.Current is { } computed && computed.Version == version)
            {
                return computed;
            }

            var records = await RepositoryAnalysis.LoadAsync(db, cancellationToken);
            var run = await db.RepositoryMatchRuns.AsNoTracking().OrderByDescending(r => r.Id).Select(r => (DateTimeOffset?)r.RanAt).FirstOrDefaultAsync(cancellationToken);
            var snapshot = new OpenDataSnapshot(version, Figures(records, run), Dataset(People(records)));
            cache.Store(snapshot);
            return snapshot;
        }
        finally
        {
            cache.Gate.Release();
        }
    }

    /// <summary>
    /// What the open data depends on, read cheaply: the latest match run (clusters), every organisation's latest
    /// publication (records) and the organisations named by opt-in with their names (the named table). A new run, a new
    /// publication or a change of opt-in gives a new version.
    /// </summary>
    private async Task<string> VersionAsync(CancellationToken cancellationToken)
    {
        var run = await db.RepositoryMatchRuns.AsNoTracking().OrderByDescending(r => r.Id).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
        var publications = await db.RepositoryPublications.AsNoTracking().Select(p => new { p.OrganisationId, p.PublishedAt, p.Records, p.KeyId }).ToListAsync(cancellationToken);
        var named = await db.RepositorySettings.AsNoTracking().Where(s => s.NamedInCounts)
            .Join(db.Organisations.AsNoTracking(), s => s.OrganisationId, o => o.Id, (s, o) => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        var version = new StringBuilder().Append(run?.ToString("N") ?? "none");
        foreach (var p in publications.OrderBy(p => p.OrganisationId))
        {
            version.Append('|').Append(p.OrganisationId.ToString("N")).Append(' ').Append(p.PublishedAt.UtcTicks.ToString(CultureInfo.InvariantCulture))
                .Append(' ').Append(p.Records.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(p.KeyId);
        }

        foreach (var o in named.OrderBy(o => o.Id))
        {
            version.Append("|named ").Append(o.Id.ToString("N")).Append(' ').Append(o.Name);
        }

        return version.ToString();
    }

    /// <summary>
    /// An organisation type is published only when at least this many organisations of it contributed, or every one of
    /// them chose to be named: a type with a single member (often the one police unit of a network) would otherwise
    /// attribute counts to that organisation.
    /// </summary>
    public const int MinOrganisationsPerType = 3;

    /// <summary>The label of the types that are too few to publish, together.</summary>
    public const string OtherTypes = "other";

    /// <summary>The label when even the rare types together are fewer than <see cref="MinOrganisationsPerType"/>: always suppressed.</summary>
    public const string WithheldTypes = "withheld";

    internal static IReadOnlyList<AnalysisRecord> MaskRareTypes(IReadOnlyList<AnalysisRecord> records)
    {
        var safe = records.GroupBy(r => r.OrganisationType, StringComparer.Ordinal)
            .Where(g => g.Select(r => r.OrganisationId).Distinct().Count() >= MinOrganisationsPerType || g.All(r => r.Organisation is not null))
            .Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var rare = records.Where(r => !safe.Contains(r.OrganisationType)).Select(r => r.OrganisationId).Distinct().Count();
        if (rare == 0)
        {
            return records;
        }

        var label = rare >= MinOrganisationsPerType ? OtherTypes : WithheldTypes;
        return [.. records.Select(r => safe.Contains(r.OrganisationType) ? r : r with { OrganisationType = label })];
    }

    internal static OpenFigures Figures(IReadOnlyList<AnalysisRecord> records, DateTimeOffset? linkedAt)
    {
        records = MaskRareTypes(records);
        var people = People(records);
        var clusters = records.GroupBy(r => r.ClusterNo).ToList();
        var tables = new List<OpenTable>
        {
            Table("people_by_sex", "People by sex", "people", people.Select(p => p.Sex)),
            Table("people_by_age_band", "People by age band at identification", "people", people.Select(p => p.AgeBand)),
            Table("people_by_nationality", "People by nationality", "people", people.Select(p => p.Nationality)),
            Table("people_by_exploitation_type", "People by exploitation type", "people",
                people.SelectMany(p => p.ExploitationTypes.Count == 0 ? ["not_recorded"] : p.ExploitationTypes)),
            Table("people_by_year", "People by year of identification", "people", people.Select(p => p.Year ?? "unknown")),
            Table("people_by_number_of_organisations", "People by number of organisations that met them", "people",
                clusters.Select(c => c.Select(r => r.OrganisationId).Distinct().Count().ToString(CultureInfo.InvariantCulture))),
            Table("records_by_organisation_type", "Records by type of organisation", "records", records.Select(r => r.OrganisationType), WithheldTypes),
            Table("records_by_named_organisation", "Records of organisations that chose to be named", "records",
                records.Where(r => r.Organisation is not null).Select(r => r.Organisation!)),
            Table("people_by_journey", "People by journey across services", "people",
                clusters.Where(c => c.All(r => r.OrganisationType != WithheldTypes)).Select(RepositoryAnalysis.Journey).Where(j => j.Length > 0)),
        };
        return new OpenFigures(K, Suppress(clusters.Count), Suppress(records.Count), tables, linkedAt);
    }

    private static int? Suppress(int count) => count < K ? null : count;

    internal static OpenTable Table(string code, string title, string unit, IEnumerable<string> keys, string? alwaysSuppressed = null)
    {
        var counts = RepositoryAnalysis.Count(keys);
        var suppressed = counts.Where(c => c.Count < K || c.Key == alwaysSuppressed).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        if (suppressed.Count == 1 && counts.Count > 1)
        {
            // One suppressed cell could be recovered from the total: hide the next smallest as well.
            suppressed.Add(counts.Where(c => !suppressed.Contains(c.Key)).OrderBy(c => c.Count).First().Key);
        }

        return new OpenTable(code, title, unit, [.. counts.Select(c => new OpenCell(c.Key, suppressed.Contains(c.Key) ? null : c.Count))]);
    }

    /// <summary>A person as the open data sees them: the first record of their cluster gives the attributes.</summary>
    internal sealed record PersonRow(string Sex, string AgeBand, string Nationality, IReadOnlyList<string> ExploitationTypes, string? Year);

    internal static List<PersonRow> People(IReadOnlyList<AnalysisRecord> records) =>
        [.. records.GroupBy(r => r.ClusterNo).OrderBy(g => g.Key).Select(g =>
        {
            var first = g.OrderBy(r => r.IdentifiedQuarter ?? "9999", StringComparer.Ordinal).First();
            return new PersonRow(first.Sex, first.AgeBand, first.Nationality,
                [.. g.SelectMany(r => r.ExploitationTypes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                first.IdentifiedQuarter?[..4]);
        })];

    internal static OpenDataset Dataset(IReadOnlyList<PersonRow> people)
    {
        var rows = people.Select(Row).ToList();
        var citizenships = rows.GroupBy(r => r[5], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var exploitation = rows.GroupBy(r => r[10], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var level = 0;
        while (true)
        {
            var generalised = rows.Select(r => Generalise(r, level, citizenships, exploitation)).ToList();
            var small = generalised.GroupBy(Key, StringComparer.Ordinal).Where(g => g.Count() < K).Sum(g => g.Count());
            if (small <= MaxSuppressedShare * generalised.Count || level == 3)
            {
                var classes = generalised.GroupBy(Key, StringComparer.Ordinal).Where(g => g.Count() >= K).SelectMany(g => g)
                    .Select(r => (IReadOnlyList<string>)r).ToList();
                // A stable, non-revealing order: by the columns themselves.
                classes.Sort((a, b) => string.CompareOrdinal(string.Join('|', a), string.Join('|', b)));
                return new OpenDataset(Columns, classes, people.Count, people.Count - classes.Count, level);
            }

            level++;
        }
    }

    private static string Key(string[] row) => string.Join('\u001f', row);

    private static string[] Row(PersonRow p)
    {
        var exploitation = string.Join(";", p.ExploitationTypes);
        return
        [
            p.Year ?? "",
            "Case Management",
            p.Sex switch { "female" => "Female", "male" => "Male", "transgender_nonconforming" => "Transgender/NonConforming", _ => "" },
            p.AgeBand == AgeBands.Unknown ? "" : p.AgeBand.Replace("-", "--", StringComparison.Ordinal),
            AgeBands.Majority(p.AgeBand),
            p.Nationality == "unknown" ? "" : p.Nationality,
            "TH",
            "", "", "",
            exploitation,
        ];
    }

    /// <summary>Level 1: rare citizenships and exploitation combinations become "Other"; 2: age band only as minor/adult; 3: no year.</summary>
    private static string[] Generalise(string[] row, int level, Dictionary<string, int> citizenships, Dictionary<string, int> exploitation)
    {
        var copy = (string[])row.Clone();
        if (level >= 1)
        {
            if (copy[5].Length > 0 && citizenships[copy[5]] < K)
            {
                copy[5] = "Other";
            }

            if (copy[10].Length > 0 && exploitation[copy[10]] < K)
            {
                copy[10] = "Other";
            }
        }

        if (level >= 2)
        {
            copy[3] = "";
        }

        if (level >= 3)
        {
            copy[0] = "";
        }

        var types = copy[10] == "Other" || copy[10].Length == 0 ? null : copy[10].Split(';');
        copy[7] = types is null ? "" : types.Contains("forced_labour") ? "1" : "0";
        copy[8] = types is null ? "" : types.Contains("sexual_exploitation") ? "1" : "0";
        copy[9] = types is null ? "" : types.Any(t => t is not "forced_labour" and not "sexual_exploitation") ? "1" : "0";
        return copy;
    }

    /// <summary>RFC 4180 CSV; a cell starting with = + - @ gets a leading quote (spreadsheet formula injection).</summary>
    public static string Csv(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', header.Select(Export.CellSafety.Csv)).Append("\r\n");
        foreach (var row in rows)
        {
            text.AppendJoin(',', row.Select(Export.CellSafety.Csv)).Append("\r\n");
        }

        return text.ToString();
    }

    public static string FiguresCsv(OpenFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "distinct_people", "total", Number(figures.DistinctPeople) },
            new[] { "records", "total", Number(figures.Records) },
        };
        rows.AddRange(figures.Tables.SelectMany(t => t.Cells.Select(c => (IReadOnlyList<string>)[t.Code, c.Key, Number(c.Count)])));
        return Csv(["table", "key", "count"], rows);
    }

    private static string Number(int? count) => count?.ToString(CultureInfo.InvariantCulture) ?? "suppressed";
}
