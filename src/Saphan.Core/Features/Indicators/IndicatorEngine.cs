using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Saphan.Core.Data;
using Saphan.Core.Features.Standard;

namespace Saphan.Core.Features.Indicators;

/// <summary>One cell of an indicator: its value, and the counts behind it unless suppressed.</summary>
public sealed record IndicatorCell(string Code, double? Value, long? Numerator, long? Denominator, long? Units, bool Suppressed);

/// <summary>An indicator's value for a period and scope, with its breakdown by every dimension it has.</summary>
public sealed record IndicatorValue(
    IndicatorDefinition Definition,
    IndicatorCell? Total,
    IReadOnlyDictionary<string, IReadOnlyList<IndicatorCell>> Breakdowns,
    bool Hidden);

/// <summary>
/// Computes the catalogue. Normally from the pre-summed indicator facts (<see cref="IndicatorFacts"/>, brought up to date
/// with every committed write first); with <c>direct</c>, or before the facts of an older database are built, by the
/// catalogue's own queries: one SQL statement per indicator over indexed date ranges, summed in the database by every
/// combination of dimensions. Either way the breakdowns are rolled up in memory by the same code.
/// In network scope every cell counting 1–10 units is suppressed (CTDC's rule), one more cell is suppressed in any
/// breakdown where a single suppressed cell could be recovered from the total, and an organisation type held by
/// fewer than <see cref="MinimumOrganisationsPerType"/> organisations is never shown on its own.
/// </summary>
public static partial class IndicatorEngine
{
    [System.Text.RegularExpressions.GeneratedRegex(@"JOIN persons p ON p\.id = c\.person_id ")]
    private static partial System.Text.RegularExpressions.Regex PersonJoin();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!LEFT )JOIN organisations o ON o\.id = [a-z]+\.[a-z_]+ ")]
    private static partial System.Text.RegularExpressions.Regex OrganisationJoin();

    public const int SmallCell = 11;
    public const int MinimumOrganisationsPerType = 3;

    private readonly record struct Row(string? G, string? A, string? N, string? X, string? Pr, string? Ot, string? K, long Units, long Num, long Den);

    public static async Task<IReadOnlyList<IndicatorValue>> ComputeAsync(
        SaphanDbContext db, Quarter quarter, Guid? organisationId, bool network, bool breakdowns, bool includeHealth, CancellationToken cancellationToken,
        Action<IndicatorDefinition, TimeSpan>? measured = null, bool direct = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Organisation types matter only to breakdowns (the organisation-type cells, and which types are too rare to show):
        // one read gives both.
        var organisationTypes = breakdowns
            ? await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.Type }).ToListAsync(cancellationToken)
            : [];
        var typesWithFewOrganisations = network
            ? organisationTypes.GroupBy(o => o.Type, StringComparer.Ordinal).Where(g => g.Count() < MinimumOrganisationsPerType).Select(g => g.Key).ToHashSet(StringComparer.Ordinal)
            : [];
        var results = new List<IndicatorValue>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (!direct && await IndicatorFacts.PrepareAsync(db, cancellationToken))
            {
                var types = organisationTypes.ToDictionary(o => db.IsPostgres ? o.Id.ToString() : o.Id.ToString().ToUpperInvariant(), o => o.Type, StringComparer.OrdinalIgnoreCase);
                return await FromSumsAsync(db, quarter, organisationId, network, breakdowns, includeHealth, typesWithFewOrganisations, types, cancellationToken);
            }

            await WidenCacheAsync(db, cancellationToken);

            foreach (var definition in IndicatorCatalogue.All)
            {
                if (definition.NotComputable is not null || definition.Query is null)
                {
                    results.Add(new IndicatorValue(definition, null, new Dictionary<string, IReadOnlyList<IndicatorCell>>(), false));
                    continue;
                }

                if (definition.Health && !includeHealth)
                {
                    results.Add(new IndicatorValue(definition, null, new Dictionary<string, IReadOnlyList<IndicatorCell>>(), true));
                    continue;
                }

                var started = Stopwatch.GetTimestamp();
                var rows = await QueryAsync(db, definition, quarter, organisationId, breakdowns, cancellationToken);
                results.Add(Summarise(definition, rows, d => rows.Select(r => (DimensionValue(d, r), r)), network, breakdowns, typesWithFewOrganisations));
                measured?.Invoke(definition, Stopwatch.GetElapsedTime(started));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return results;
    }

    /// <summary>
    /// The fast path: one read of the pre-summed facts for every indicator (IndicatorFacts). Each summed row becomes a
    /// row of the direct path's shape, so the same roll-up, suppression and ordering apply.
    /// </summary>
    private static async Task<List<IndicatorValue>> FromSumsAsync(
        SaphanDbContext db, Quarter quarter, Guid? organisationId, bool network, bool breakdowns, bool includeHealth,
        HashSet<string> typesWithFewOrganisations, Dictionary<string, string> types, CancellationToken cancellationToken)
    {
        var computed = IndicatorCatalogue.All.Where(d => d.NotComputable is null && d.Query is not null && d.Summed && (includeHealth || !d.Health)).ToList();
        var sums = await IndicatorFacts.ReadAsync(db, quarter, organisationId, breakdowns, computed, cancellationToken);
        var byIndicator = sums.ToLookup(s => s.Indicator, StringComparer.Ordinal);
        var results = new List<IndicatorValue>();
        foreach (var definition in IndicatorCatalogue.All)
        {
            if (definition.NotComputable is not null || definition.Query is null)
            {
                results.Add(new IndicatorValue(definition, null, new Dictionary<string, IReadOnlyList<IndicatorCell>>(), false));
                continue;
            }

            if (definition.Health && !includeHealth)
            {
                results.Add(new IndicatorValue(definition, null, new Dictionary<string, IReadOnlyList<IndicatorCell>>(), true));
                continue;
            }

            if (!definition.Summed)
            {
                var direct = await QueryAsync(db, definition, quarter, organisationId, breakdowns, cancellationToken);
                results.Add(Summarise(definition, direct, d => direct.Select(r => (DimensionValue(d, r), r)), network, breakdowns, typesWithFewOrganisations));
                continue;
            }

            var own = byIndicator[definition.Code].ToList();
            var totals = own.Where(s => s.Dimension == "total").ToList();
            var totalRows = totals.Select(ToRow).ToList();
            results.Add(Summarise(definition, totalRows, dimension => dimension switch
            {
                IndicatorCatalogue.OrganisationType => totals.Select(s => (
                    s.Organisation is { Length: > 0 } o && types.TryGetValue(o, out var type) ? type : "unassigned", ToRow(s))),
                IndicatorCatalogue.ServiceType => totalRows.Select(r => (r.K ?? "unknown", r)),
                _ => own.Where(s => s.Dimension == dimension).Select(s => (s.Value, ToRow(s))),
            }, network, breakdowns, typesWithFewOrganisations));
        }

        return results;

        static Row ToRow(IndicatorFacts.Sum s) => new(null, null, null, null, null, null, s.K.Length == 0 ? null : s.K, s.Units, s.Num, s.Den);
    }

    /// <summary>
    /// The totals of every indicator for several quarters at once (the dashboards' and the report's trend): the facts are
    /// brought up to date once, the sums of all the quarters are read in one statement grouped by quarter, and an
    /// indicator counted by its own query (P6, or every one on the direct path) runs once for all the quarters. The values
    /// equal <see cref="ComputeAsync"/> without breakdowns for each quarter.
    /// </summary>
    public static async Task<IReadOnlyList<(Quarter Quarter, IReadOnlyList<IndicatorValue> Values)>> TrendAsync(
        SaphanDbContext db, IReadOnlyList<Quarter> quarters, Guid? organisationId, bool network, bool includeHealth, CancellationToken cancellationToken,
        bool direct = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(quarters);
        var values = quarters.Select(_ => new List<IndicatorValue>()).ToList();
        if (quarters.Count == 0)
        {
            return [];
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var fast = !direct && await IndicatorFacts.PrepareAsync(db, cancellationToken);
            if (!fast)
            {
                await WidenCacheAsync(db, cancellationToken);
            }

            var computed = IndicatorCatalogue.All.Where(d => d.NotComputable is null && d.Query is not null && (includeHealth || !d.Health)).ToList();
            var summed = fast ? computed.Where(d => d.Summed).ToList() : [];
            var sums = summed.Count > 0
                ? (await IndicatorFacts.ReadTotalsAsync(db, quarters, organisationId, summed, cancellationToken)).ToLookup(s => s.Indicator, StringComparer.Ordinal)
                : null;
            var none = new Dictionary<string, IReadOnlyList<IndicatorCell>>();
            foreach (var definition in IndicatorCatalogue.All)
            {
                if (definition.NotComputable is not null || definition.Query is null || (definition.Health && !includeHealth))
                {
                    var hidden = definition.NotComputable is null && definition.Query is not null;
                    values.ForEach(v => v.Add(new IndicatorValue(definition, null, none, hidden)));
                    continue;
                }

                List<Row>[] rows;
                if (sums is not null && definition.Summed)
                {
                    var own = sums[definition.Code].ToList();
                    // A cumulative indicator (E7) counts every quarter up to the one shown.
                    rows = [.. quarters.Select(q => own.Where(s => definition.Cumulative ? s.Quarter <= IndicatorFacts.Key(q) : s.Quarter == IndicatorFacts.Key(q))
                        .Select(s => new Row(null, null, null, null, null, null, s.K.Length == 0 ? null : s.K, s.Units, s.Num, s.Den)).ToList())];
                }
                else
                {
                    rows = await QueryQuartersAsync(db, definition, quarters, organisationId, cancellationToken);
                }

                for (var i = 0; i < quarters.Count; i++)
                {
                    var quarterRows = rows[i];
                    values[i].Add(Summarise(definition, quarterRows, d => quarterRows.Select(r => (DimensionValue(d, r), r)), network, breakdowns: false, []));
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return [.. quarters.Select((q, i) => (q, (IReadOnlyList<IndicatorValue>)values[i]))];
    }

    private static async Task WidenCacheAsync(SaphanDbContext db, CancellationToken cancellationToken)
    {
        if (!db.IsPostgres)
        {
            // A national-size file does not fit SQLite's default 2 MB page cache: give this (pooled) connection room.
            await using var pragma = db.Database.GetDbConnection().CreateCommand();
            pragma.CommandText = "PRAGMA cache_size = -131072; PRAGMA mmap_size = 536870912;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The SQL run for an indicator on an engine (the catalogue's query with its placeholders filled).</summary>
    public static string Sql(IndicatorDefinition definition, bool postgres, bool organisationScope, bool breakdowns)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var inner = definition.Query!
            .Replace("{dims}", breakdowns ? IndicatorCatalogue.CaseDims : "NULL AS g, NULL AS a, NULL AS n, NULL AS x, NULL AS pr, NULL AS ot", StringComparison.Ordinal)
            .Replace("{org}", organisationScope ? "AND " + definition.ScopeColumn + " = @org" : "", StringComparison.Ordinal)
            .Replace("{days}", postgres
                ? "(CAST(r.answered_at AS date) - c.identified_on)"
                : "CAST(julianday(substr(r.answered_at, 1, 10)) - julianday(c.identified_on) AS INTEGER)", StringComparison.Ordinal);
        if (!breakdowns)
        {
            // Totals need no person or organisation: every case has both (foreign keys), so the inner joins only cost lookups.
            inner = PersonJoin().Replace(inner, "");
            inner = OrganisationJoin().Replace(inner, "");
        }

        // Units are rows, except where each row carries a number of people (training sessions): then the people.
        var units = definition.CountedUnit == IndicatorCatalogue.Participants ? "SUM(num)" : "COUNT(*)";
        return "SELECT g, a, n, x, pr, ot, k, " + units + ", SUM(num), SUM(den) FROM (" + inner + ") t GROUP BY g, a, n, x, pr, ot, k";
    }

    private static async Task<List<Row>> QueryAsync(
        SaphanDbContext db, IndicatorDefinition definition, Quarter quarter, Guid? organisationId, bool breakdowns, CancellationToken cancellationToken)
    {
        var postgres = db.IsPostgres;
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = Sql(definition, postgres, organisationId is not null, breakdowns);
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        AddPeriod(command, postgres, quarter, "");
        AddOrganisation(command, postgres, organisationId);
        var rows = new List<Row>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(ReadRow(reader, 0));
        }

        return rows;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"@(d0|d1|t0|t1)\b")]
    private static partial System.Text.RegularExpressions.Regex PeriodParameter();

    /// <summary>
    /// An indicator's totals for several quarters in one statement: its query once per quarter (each an indexed range
    /// of its own), tagged with the quarter's position, joined by UNION ALL.
    /// </summary>
    private static async Task<List<Row>[]> QueryQuartersAsync(
        SaphanDbContext db, IndicatorDefinition definition, IReadOnlyList<Quarter> quarters, Guid? organisationId, CancellationToken cancellationToken)
    {
        var postgres = db.IsPostgres;
        var sql = Sql(definition, postgres, organisationId is not null, breakdowns: false);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var parts = new List<string>(quarters.Count);
        for (var i = 0; i < quarters.Count; i++)
        {
            var suffix = "_" + i.ToString(CultureInfo.InvariantCulture);
            parts.Add("SELECT " + i.ToString(CultureInfo.InvariantCulture) + " AS qi, " + PeriodParameter().Replace(sql["SELECT ".Length..], "@$1" + suffix));
            AddPeriod(command, postgres, quarters[i], suffix);
        }

        AddOrganisation(command, postgres, organisationId);
        command.CommandText = string.Join(" UNION ALL ", parts);
        var rows = quarters.Select(_ => new List<Row>()).ToArray();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows[Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture)].Add(ReadRow(reader, 1));
        }

        return rows;
    }

    private static Row ReadRow(DbDataReader reader, int first) =>
        new(Text(reader, first), Text(reader, first + 1), Text(reader, first + 2), Text(reader, first + 3), Text(reader, first + 4), Text(reader, first + 5),
            Text(reader, first + 6), Number(reader, first + 7), Number(reader, first + 8), Number(reader, first + 9));

    private static void AddPeriod(DbCommand command, bool postgres, Quarter quarter, string suffix)
    {
        if (postgres)
        {
            Add(command, "d0" + suffix, quarter.Start);
            Add(command, "d1" + suffix, quarter.End);
            Add(command, "t0" + suffix, quarter.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
            Add(command, "t1" + suffix, quarter.End.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        }
        else
        {
            // SQLite keeps dates as "yyyy-MM-dd" and instants as "yyyy-MM-dd HH:mm:ss…+00:00" text: both compare as text.
            var start = quarter.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var end = quarter.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Add(command, "d0" + suffix, start);
            Add(command, "d1" + suffix, end);
            Add(command, "t0" + suffix, start);
            Add(command, "t1" + suffix, end);
        }
    }

    private static void AddOrganisation(DbCommand command, bool postgres, Guid? organisationId)
    {
        if (organisationId is { } org)
        {
            Add(command, "org", postgres ? org : org.ToString().ToUpperInvariant());
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string? Text(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Convert.ToString(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private static long Number(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? 0 : Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private sealed class Accumulator
    {
        public long Units;
        public long Num;
        public long Den;
        public SortedDictionary<long, long>? Days;

        public void Add(Row row, bool median)
        {
            Units += row.Units;
            Num += row.Num;
            Den += row.Den;
            if (median && long.TryParse(row.K, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var days))
            {
                Days ??= [];
                Days[days] = Days.GetValueOrDefault(days) + row.Units;
            }
        }
    }

    private static IndicatorValue Summarise(
        IndicatorDefinition definition, List<Row> rows, Func<string, IEnumerable<(string Code, Row Row)>> byDimension, bool network, bool breakdowns,
        HashSet<string> typesWithFewOrganisations)
    {
        var median = definition.Unit == IndicatorUnits.MedianDays;
        var total = new Accumulator();
        foreach (var row in rows)
        {
            total.Add(row, median);
        }

        var totalCell = Cell(definition, "total", total, network);
        var result = new Dictionary<string, IReadOnlyList<IndicatorCell>>(StringComparer.Ordinal);
        if (breakdowns)
        {
            foreach (var dimension in definition.Dimensions)
            {
                var cells = new Dictionary<string, Accumulator>(StringComparer.Ordinal);
                foreach (var (code, row) in byDimension(dimension))
                {
                    if (!cells.TryGetValue(code, out var cell))
                    {
                        cells[code] = cell = new Accumulator();
                    }

                    cell.Add(row, median);
                }

                var list = cells.Select(c => Cell(definition, c.Key, c.Value, network)).ToList();
                if (network)
                {
                    if (dimension == IndicatorCatalogue.OrganisationType)
                    {
                        list = list.Select(c => typesWithFewOrganisations.Contains(c.Code) && !c.Suppressed ? Suppress(c) : c).ToList();
                    }

                    list = SuppressComplement(list, totalCell);
                }

                result[dimension] = Order(dimension, list);
            }
        }

        return new IndicatorValue(definition, totalCell, result, false);
    }

    private static string DimensionValue(string dimension, in Row row) => dimension switch
    {
        IndicatorCatalogue.Sex => row.G ?? "unknown",
        IndicatorCatalogue.AgeBand => row.A ?? "unknown",
        IndicatorCatalogue.Nationality => First(row.N) ?? "unknown",
        IndicatorCatalogue.ExploitationType => First(row.X) ?? "not_specified",
        IndicatorCatalogue.Province => row.Pr ?? "unknown",
        IndicatorCatalogue.OrganisationType => row.Ot ?? "unassigned",
        IndicatorCatalogue.ServiceType => row.K ?? "unknown",
        IndicatorCatalogue.AudienceType => row.K ?? "other",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };

    private static string? First(string? codes)
    {
        if (string.IsNullOrEmpty(codes))
        {
            return null;
        }

        var comma = codes.IndexOf(',', StringComparison.Ordinal);
        return comma < 0 ? codes : codes[..comma];
    }

    private static IndicatorCell Cell(IndicatorDefinition definition, string code, Accumulator a, bool network)
    {
        double? value = definition.Unit switch
        {
            IndicatorUnits.Count => a.Num,
            IndicatorUnits.Percent => a.Den > 0 ? Math.Round(100.0 * a.Num / a.Den, 1) : null,
            IndicatorUnits.MedianDays => Median(a.Days, a.Units),
            _ => null,
        };
        var cell = new IndicatorCell(code, value, a.Num, a.Den, a.Units, false);
        var small = a.Units is > 0 and < SmallCell
            || (definition.Unit == IndicatorUnits.Percent && definition.CountedUnit != "awards" && a.Num is > 0 and < SmallCell);
        return network && small ? Suppress(cell) : cell;
    }

    private static IndicatorCell Suppress(IndicatorCell cell) => cell with { Value = null, Numerator = null, Denominator = null, Units = null, Suppressed = true };

    /// <summary>
    /// A breakdown with exactly one suppressed cell would give it away (total minus the others): suppress the smallest
    /// other non-empty cell too.
    /// </summary>
    private static List<IndicatorCell> SuppressComplement(List<IndicatorCell> cells, IndicatorCell total)
    {
        if (total.Suppressed || cells.Count(c => c.Suppressed) != 1)
        {
            return cells;
        }

        var smallest = cells.Where(c => !c.Suppressed && c.Units > 0).OrderBy(c => c.Units).ThenBy(c => c.Code, StringComparer.Ordinal).FirstOrDefault();
        return smallest is null ? cells : cells.Select(c => ReferenceEquals(c, smallest) ? Suppress(c) : c).ToList();
    }

    private static double? Median(SortedDictionary<long, long>? days, long count)
    {
        if (days is null || count == 0)
        {
            return null;
        }

        // The lower and upper middle values of the sorted list (equal when the count is odd).
        long lowerIndex = (count - 1) / 2, upperIndex = count / 2, seen = 0;
        double? lower = null, upper = null;
        foreach (var (value, n) in days)
        {
            if (lower is null && lowerIndex < seen + n)
            {
                lower = value;
            }

            if (upperIndex < seen + n)
            {
                upper = value;
                break;
            }

            seen += n;
        }

        return lower is null || upper is null ? null : (lower.Value + upper.Value) / 2;
    }

    private static List<IndicatorCell> Order(string dimension, List<IndicatorCell> cells)
    {
        if (dimension == IndicatorCatalogue.AgeBand)
        {
            var order = StandardValueSets.AgeBand.Values.Select(v => v.Code).ToList();
            return cells.OrderBy(c => order.IndexOf(c.Code) is var i && i < 0 ? int.MaxValue : i).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();
        }

        return cells.OrderByDescending(c => c.Units ?? 0).ThenBy(c => c.Suppressed).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();
    }
}
