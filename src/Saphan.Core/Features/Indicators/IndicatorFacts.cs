using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Saphan.Core.Data;

namespace Saphan.Core.Features.Indicators;

/// <summary>
/// The fast path of the indicators (migration 0016). Every counted unit of the catalogue — a case in a quarter, a
/// referral, an award, a tip — is kept as one narrow, de-identified row of <c>indicator_facts</c> with its quarter, the
/// organisation counted and its breakdown codes already resolved, and those rows are kept summed in
/// <c>indicator_sums</c> per indicator, quarter, organisation and breakdown value. A quarter's dashboard then reads a
/// few thousand sums instead of joining 55,000 cases per indicator.
/// <para>
/// Staying exact: triggers on every table an indicator reads append the case (or tip) they touch to
/// <c>indicator_dirty</c>, in the same transaction as the write, whoever writes. Before counting, <see cref="PrepareAsync"/>
/// takes those cases, subtracts their old facts from the sums, recomputes their facts with the same definitions as
/// the catalogue (per case, every quarter) and adds them back. The facts are a rewrite of the catalogue's queries, so a
/// test computes every indicator both ways on varied data, on both engines, and requires equality.
/// </para>
/// </summary>
public static class IndicatorFacts
{
    private const string Refresh = "indicator_refresh";

    /// <summary>The breakdowns summed per fact (the organisation type and the service type come from the "total" rows).</summary>
    internal static readonly IReadOnlyList<(string Dimension, string Column)> SummedDimensions =
    [
        ("total", "''"),
        (IndicatorCatalogue.Sex, "g"),
        (IndicatorCatalogue.AgeBand, "a"),
        (IndicatorCatalogue.Nationality, "n"),
        (IndicatorCatalogue.ExploitationType, "x"),
        (IndicatorCatalogue.Province, "pr"),
    ];

    /// <summary>A quarter as stored in the facts: 20261 for 2026Q1.</summary>
    public static int Key(Quarter quarter) => quarter.Year * 10 + quarter.Number;

    /// <summary>
    /// Whether the facts can answer, after bringing them up to date with every write committed so far. False until
    /// <see cref="RebuildAsync"/> has run once on a database that held records before migration 0016.
    /// </summary>
    public static async Task<bool> PrepareAsync(SaphanDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await PrepareOpenAsync(db, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<bool> PrepareOpenAsync(SaphanDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        bool built, dirty;
        await using (var state = connection.CreateCommand())
        {
            state.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            state.CommandText = "SELECT built, EXISTS (SELECT 1 FROM indicator_dirty) FROM indicator_state";
            await using var reader = await state.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return false;
            }

            built = Convert.ToBoolean(reader.GetValue(0), CultureInfo.InvariantCulture);
            dirty = Convert.ToBoolean(reader.GetValue(1), CultureInfo.InvariantCulture);
        }

        if (!built)
        {
            return false;
        }

        if (dirty)
        {
            await InTransactionAsync(db, async transaction =>
            {
                var postgres = db.IsPostgres;
                var sql = new StringBuilder();
                if (postgres)
                {
                    // One refresher at a time; rows appended by writers still open stay queued for the next one.
                    sql.Append("SELECT pg_advisory_xact_lock(7365706862); ")
                        .Append("CREATE TEMP TABLE IF NOT EXISTS ").Append(Refresh).Append(" (subject_id uuid PRIMARY KEY) ON COMMIT DELETE ROWS; ")
                        .Append("DELETE FROM ").Append(Refresh).Append("; ")
                        .Append("WITH d AS (DELETE FROM indicator_dirty RETURNING subject_id) INSERT INTO ").Append(Refresh)
                        .Append(" SELECT DISTINCT subject_id FROM d; ANALYZE ").Append(Refresh).Append("; ");
                }
                else
                {
                    sql.Append("CREATE TEMP TABLE IF NOT EXISTS ").Append(Refresh).Append(" (subject_id TEXT PRIMARY KEY); ")
                        .Append("DELETE FROM temp.").Append(Refresh).Append("; ")
                        .Append("INSERT OR IGNORE INTO temp.").Append(Refresh).Append(" SELECT subject_id FROM indicator_dirty; ")
                        .Append("DELETE FROM indicator_dirty; ");
                }

                foreach (var statement in RefreshStatements(postgres))
                {
                    sql.Append(statement).Append("; ");
                }

                await ExecuteAsync(connection, transaction, sql.ToString(), cancellationToken);
            }, cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// Brings the facts up to date for at most <paramref name="batch"/> queued entries (the oldest), in one short
    /// transaction, so that a reader rarely has a queue to drain (the web app's background refresh calls it every few
    /// seconds). Safe beside readers and writers: on PostgreSQL it takes the same advisory lock as a reader's refresh,
    /// and writes still open stay queued; on SQLite the transaction is the database's one writer. Returns how many queue
    /// entries it took: 0 when the queue is empty or the facts are not built yet.
    /// </summary>
    public static async Task<int> DrainAsync(SaphanDbContext db, int batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        var postgres = db.IsPostgres;
        var taken = 0;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            await using (var state = connection.CreateCommand())
            {
                state.CommandText = postgres
                    ? "SELECT built AND EXISTS (SELECT 1 FROM indicator_dirty) FROM indicator_state"
                    : "SELECT built = 1 AND EXISTS (SELECT 1 FROM indicator_dirty) FROM indicator_state";
                if (!Convert.ToBoolean(await state.ExecuteScalarAsync(cancellationToken) ?? false, CultureInfo.InvariantCulture))
                {
                    return 0;
                }
            }

            await InTransactionAsync(db, async transaction =>
            {
                await using var take = connection.CreateCommand();
                take.Transaction = transaction;
                var limit = take.CreateParameter();
                limit.ParameterName = "@batch";
                limit.Value = batch;
                take.Parameters.Add(limit);
                if (postgres)
                {
                    await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(7365706862); CREATE TEMP TABLE IF NOT EXISTS " + Refresh
                        + " (subject_id uuid PRIMARY KEY) ON COMMIT DELETE ROWS; DELETE FROM " + Refresh, cancellationToken);
                    take.CommandText = "WITH d AS (DELETE FROM indicator_dirty WHERE ctid IN (SELECT ctid FROM indicator_dirty LIMIT @batch) RETURNING subject_id), "
                        + "i AS (INSERT INTO " + Refresh + " SELECT DISTINCT subject_id FROM d) SELECT COUNT(*) FROM d";
                    taken = Convert.ToInt32(await take.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
                    await ExecuteAsync(connection, transaction, "ANALYZE " + Refresh, cancellationToken);
                }
                else
                {
                    // The oldest entries by rowid: a range of the table's own B-tree, however long the queue.
                    await ExecuteAsync(connection, transaction, "CREATE TEMP TABLE IF NOT EXISTS " + Refresh + " (subject_id TEXT PRIMARY KEY); DELETE FROM temp." + Refresh, cancellationToken);
                    const string last = "(SELECT MAX(rowid) FROM (SELECT rowid FROM indicator_dirty ORDER BY rowid LIMIT @batch))";
                    take.CommandText = "INSERT OR IGNORE INTO temp." + Refresh + " SELECT subject_id FROM indicator_dirty WHERE rowid <= " + last;
                    await take.ExecuteNonQueryAsync(cancellationToken);
                    take.CommandText = "DELETE FROM indicator_dirty WHERE rowid <= " + last;
                    taken = await take.ExecuteNonQueryAsync(cancellationToken);
                }

                if (taken > 0)
                {
                    await ExecuteAsync(connection, transaction, string.Join("; ", RefreshStatements(postgres)), cancellationToken);
                }
            }, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return taken;
    }

    /// <summary>Builds the facts and their sums from the records (after migration 0016 on an existing database). Idempotent.</summary>
    public static async Task<long> RebuildAsync(SaphanDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var postgres = db.IsPostgres;
        long facts = 0;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            await InTransactionAsync(db, async transaction =>
            {
                var sql = new StringBuilder();
                if (postgres)
                {
                    sql.Append("SELECT pg_advisory_xact_lock(7365706862); ");
                }

                // Bulk: drop the subject index while millions of rows go in, and build it once afterwards.
                sql.Append("DELETE FROM indicator_dirty; DELETE FROM indicator_sums; DELETE FROM indicator_facts; ")
                    .Append("DROP INDEX \"IX_indicator_facts_subject_id\"; ");
                foreach (var insert in FactInserts(postgres, restricted: false))
                {
                    sql.Append(insert).Append("; ");
                }

                sql.Append("CREATE INDEX \"IX_indicator_facts_subject_id\" ON indicator_facts (subject_id); ")
                    .Append(SumsSql(postgres, +1, "")).Append("; ")
                    .Append(postgres ? "UPDATE indicator_state SET built = true;" : "UPDATE indicator_state SET built = 1;");
                await ExecuteAsync(connection, transaction, sql.ToString(), cancellationToken);
                await using var count = connection.CreateCommand();
                count.Transaction = transaction;
                count.CommandText = "SELECT COUNT(*) FROM indicator_facts";
                facts = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            }, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        if (postgres)
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE indicator_facts", cancellationToken);
            // VACUUM (its own statement: not in a transaction) marks the new sums' pages all-visible, so the reads of totals
            // are index-only scans of IX_indicator_sums_totals (migration 0021) from the start; autovacuum keeps it so later.
            await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE) indicator_sums", cancellationToken);
        }

        return facts;
    }

    /// <summary>One summed row read back: the organisation is set on "total" rows only (for the organisation type).</summary>
    internal readonly record struct Sum(string Indicator, string? Organisation, string Dimension, string Value, string K, long Units, long Num, long Den);

    /// <summary>The sums of a quarter (E7's cumulative ones up to its end), for one organisation or the network.</summary>
    internal static async Task<List<Sum>> ReadAsync(
        SaphanDbContext db, Quarter quarter, Guid? organisationId, bool breakdowns, IReadOnlyCollection<IndicatorDefinition> definitions, CancellationToken cancellationToken)
    {
        var postgres = db.IsPostgres;
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        // One index range per part (a UNION, not an OR, which would widen every indicator's range to all past quarters).
        var organisation = breakdowns ? "CASE WHEN dimension = 'total' THEN organisation_id END" : "NULL";
        var filter = (organisationId is null ? "" : " AND organisation_id = @org") + (breakdowns ? "" : " AND dimension = 'total'") + " AND units <> 0";
        var parts = new List<string>();
        foreach (var (cumulative, range) in new[] { (false, "quarter = @q"), (true, "quarter <= @q") })
        {
            var codes = string.Join(", ", definitions.Where(d => d.Cumulative == cumulative).Select(d => "'" + d.Code + "'"));
            if (codes.Length > 0)
            {
                parts.Add("SELECT indicator, " + organisation + " AS o, dimension, value, k, units, num, den FROM indicator_sums WHERE indicator IN ("
                    + codes + ") AND " + range + filter);
            }
        }

        command.CommandText = "SELECT indicator, " + (breakdowns ? "o" : "NULL") + ", dimension, value, k, SUM(units), SUM(num), SUM(den) FROM ("
            + (parts.Count == 0 ? "SELECT indicator, NULL AS o, dimension, value, k, units, num, den FROM indicator_sums WHERE 1 = 0" : string.Join(" UNION ALL ", parts))
            + ") s GROUP BY indicator, " + (breakdowns ? "o, " : "") + "dimension, value, k";
        AddParameter(command, "@q", Key(quarter));
        AddOrganisation(command, organisationId, postgres);

        var sums = new List<Sum>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            sums.Add(new Sum(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                Convert.ToInt64(reader.GetValue(5), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(6), CultureInfo.InvariantCulture),
                Convert.ToInt64(reader.GetValue(7), CultureInfo.InvariantCulture)));
        }

        return sums;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>The <c>@org</c> filter's value, as each engine stores a GUID (SQLite: upper-case text).</summary>
    private static void AddOrganisation(DbCommand command, Guid? organisationId, bool postgres)
    {
        if (organisationId is { } org)
        {
            AddParameter(command, "@org", postgres ? org.ToString() : org.ToString().ToUpperInvariant());
        }
    }

    /// <summary>One quarter's summed total of an indicator, per extra key k (service type, days).</summary>
    internal readonly record struct QuarterSum(string Indicator, int Quarter, string K, long Units, long Num, long Den);

    /// <summary>
    /// The totals of several quarters in one read, grouped by quarter: the quarters' own sums, and for the cumulative
    /// indicators (E7) every earlier quarter's too, which the caller adds up to each quarter shown.
    /// </summary>
    internal static async Task<List<QuarterSum>> ReadTotalsAsync(
        SaphanDbContext db, IReadOnlyList<Quarter> quarters, Guid? organisationId, IReadOnlyCollection<IndicatorDefinition> definitions, CancellationToken cancellationToken)
    {
        var postgres = db.IsPostgres;
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var filter = (organisationId is null ? "" : " AND organisation_id = @org") + " AND dimension = 'total' AND units <> 0";
        var parts = new List<string>();
        // One part per quarter, each the same index range as a single quarter's read (a range or an IN list over the
        // quarters made PostgreSQL scan far more of the sums), and one for the cumulative indicators up to the last quarter.
        var distinct = quarters.Distinct().ToList();
        var ranges = distinct.Select((_, i) => (false, "quarter = @q" + i.ToString(CultureInfo.InvariantCulture))).Append((true, "quarter <= @last"));
        foreach (var (cumulative, range) in ranges)
        {
            var codes = string.Join(", ", definitions.Where(d => d.Cumulative == cumulative).Select(d => "'" + d.Code + "'"));
            if (codes.Length > 0)
            {
                parts.Add("SELECT indicator, quarter, k, units, num, den FROM indicator_sums WHERE indicator IN (" + codes + ") AND " + range + filter);
            }
        }

        command.CommandText = "SELECT indicator, quarter, k, SUM(units), SUM(num), SUM(den) FROM ("
            + (parts.Count == 0 ? "SELECT indicator, quarter, k, units, num, den FROM indicator_sums WHERE 1 = 0" : string.Join(" UNION ALL ", parts))
            + ") s GROUP BY indicator, quarter, k";
        foreach (var (name, value) in distinct.Select((q, i) => ("@q" + i.ToString(CultureInfo.InvariantCulture), Key(q))).Append(("@last", quarters.Max(Key))))
        {
            AddParameter(command, name, value);
        }

        AddOrganisation(command, organisationId, postgres);

        var sums = new List<QuarterSum>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            sums.Add(new QuarterSum(reader.GetString(0), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture), reader.GetString(2),
                Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture),
                Convert.ToInt64(reader.GetValue(5), CultureInfo.InvariantCulture)));
        }

        return sums;
    }

    private static async Task InTransactionAsync(SaphanDbContext db, Func<DbTransaction, Task> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is { } current)
        {
            await work(current.GetDbTransaction());
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await work(transaction.GetDbTransaction());
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandTimeout = 0;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// What a refresh runs once the cases and tips to recompute are in the temporary table indicator_refresh: their old
    /// facts out of the sums, their facts recomputed, the new facts into the sums.
    /// </summary>
    public static IReadOnlyList<string> RefreshStatements(bool postgres)
    {
        // The old facts' contributions (negative) and the new ones go to a scratch table first, so only the sums that
        // really change are written: recomputing a case usually changes one or two of its facts, not all of them.
        var restrict = " AND subject_id IN (SELECT subject_id FROM " + Refresh + ")";
        var delta = postgres
            ? "CREATE TEMP TABLE IF NOT EXISTS indicator_delta (indicator text, quarter integer, o text, dimension text, value text, k text, units bigint, num bigint, den bigint) ON COMMIT DELETE ROWS"
            : "CREATE TEMP TABLE IF NOT EXISTS indicator_delta (indicator TEXT, quarter INTEGER, o TEXT, dimension TEXT, value TEXT, k TEXT, units INTEGER, num INTEGER, den INTEGER)";
        return
        [
            delta,
            "DELETE FROM indicator_delta",
            "INSERT INTO indicator_delta (indicator, quarter, o, dimension, value, k, units, num, den) " + SumsSelect(postgres, -1, restrict),
            "DELETE FROM indicator_facts WHERE 1 = 1" + restrict,
            .. FactInserts(postgres, restricted: true),
            "INSERT INTO indicator_delta (indicator, quarter, o, dimension, value, k, units, num, den) " + SumsSelect(postgres, +1, restrict),
            "INSERT INTO indicator_sums (indicator, quarter, organisation_id, dimension, value, k, units, num, den) "
                + "SELECT indicator, quarter, o, dimension, value, k, SUM(units), SUM(num), SUM(den) FROM indicator_delta WHERE 1 = 1 "
                + "GROUP BY indicator, quarter, o, dimension, value, k HAVING SUM(units) <> 0 OR SUM(num) <> 0 OR SUM(den) <> 0 " + Upsert,
        ];
    }

    private const string Upsert = "ON CONFLICT (indicator, quarter, organisation_id, dimension, value, k) DO UPDATE SET units = indicator_sums.units + excluded.units, "
        + "num = indicator_sums.num + excluded.num, den = indicator_sums.den + excluded.den";

    /// <summary>The facts of the subjects matched by <paramref name="restrict"/>, summed per sum row, times <paramref name="sign"/>.</summary>
    private static string SumsSelect(bool postgres, int sign, string restrict)
    {
        var organisation = postgres ? "COALESCE(CAST(organisation_id AS text), '')" : "COALESCE(organisation_id, '')";
        var projections = string.Join(" UNION ALL ", SummedDimensions.Select(d =>
            "SELECT indicator, quarter, " + organisation + " AS o, '" + d.Dimension + "' AS dimension, " + d.Column + " AS value, k, num, den FROM indicator_facts WHERE 1 = 1" + restrict));
        var s = sign.ToString(CultureInfo.InvariantCulture);
        return "SELECT indicator, quarter, o, dimension, value, k, " + s + " * COUNT(*), " + s + " * COALESCE(SUM(num), 0), " + s + " * COALESCE(SUM(den), 0) "
            + "FROM (" + projections + ") f WHERE 1 = 1 GROUP BY indicator, quarter, o, dimension, value, k";
    }

    /// <summary>Adds the facts of the subjects matched by <paramref name="restrict"/> to the sums.</summary>
    internal static string SumsSql(bool postgres, int sign, string restrict) =>
        "INSERT INTO indicator_sums (indicator, quarter, organisation_id, dimension, value, k, units, num, den) " + SumsSelect(postgres, sign, restrict) + " " + Upsert;

    /// <summary>
    /// The facts of every computable indicator, one INSERT each: the catalogue's query per case over all quarters
    /// (the quarter becomes a column), for the subjects in the refresh table when <paramref name="restricted"/>.
    /// </summary>
    internal static IReadOnlyList<string> FactInserts(bool postgres, bool restricted)
    {
        string Only(string column) => restricted ? " AND " + column + " IN (SELECT subject_id FROM " + Refresh + ")" : "";
        string Day(string column) => postgres
            ? "(CAST(EXTRACT(YEAR FROM " + column + ") AS integer) * 10 + CAST(EXTRACT(QUARTER FROM " + column + ") AS integer))"
            : "(CAST(substr(" + column + ", 1, 4) AS INTEGER) * 10 + (CAST(substr(" + column + ", 6, 2) AS INTEGER) + 2) / 3)";
        // Instants count by their UTC day (PostgreSQL compares timestamptz; SQLite compares the stored text's day).
        string Instant(string column) => postgres ? Day("(" + column + " AT TIME ZONE 'UTC')") : Day(column);
        string First(string column, string fallback)
        {
            var position = postgres ? "strpos(" + column + ", ',')" : "instr(" + column + ", ',')";
            return "CASE WHEN " + column + " IS NULL OR " + column + " = '' THEN '" + fallback + "' WHEN " + position + " > 0 THEN substr(" + column
                + ", 1, " + position + " - 1) ELSE " + column + " END";
        }

        var text = postgres ? "text" : "TEXT";
        string Insert(string inner) =>
            // Materialised, so each case's first exploitation event is looked up once, not once per use of x.
            "INSERT INTO indicator_facts (subject_id, indicator, quarter, organisation_id, g, a, n, x, pr, k, num, den) "
            + "WITH t AS MATERIALIZED (" + inner + ") SELECT s, i, q, o, COALESCE(g, 'unknown'), COALESCE(a, 'unknown'), " + First("n", "unknown") + ", " + First("x", "not_specified") + ", "
            + "COALESCE(pr, 'unknown'), COALESCE(CAST(k AS " + text + "), ''), num, den FROM t";

        // The same breakdowns as IndicatorCatalogue.CaseDims, without the organisation type (read from the organisation counted).
        const string dims = "p.gender AS g, c.age_broad AS a, p.citizenships AS n, "
            + "(SELECT e.exploitation_types FROM trafficking_events e WHERE e.case_id = c.id AND e.type = 'exploitation' ORDER BY e.created_at, e.id LIMIT 1) AS x, "
            + "c.province AS pr";
        const string casePerson = "JOIN cases c ON c.id = {0} JOIN persons p ON p.id = c.person_id ";
        const string answered = "('accepted', 'in_progress', 'completed')";
        var days = postgres
            ? "(CAST(r.answered_at AS date) - c.identified_on)"
            : "CAST(julianday(substr(r.answered_at, 1, 10)) - julianday(c.identified_on) AS INTEGER)";
        string Of(string column) => string.Format(CultureInfo.InvariantCulture, casePerson, column);

        return
        [
            Insert("SELECT c.id AS s, 'P1' AS i, " + Day("c.identified_on") + " AS q, c.organisation_id AS o, " + dims + ", NULL AS k, 1 AS num, 1 AS den "
                + "FROM cases c JOIN persons p ON p.id = c.person_id WHERE 1 = 1" + Only("c.id")),
            Insert("SELECT c.id AS s, 'P2' AS i, d.q AS q, c.organisation_id AS o, " + dims + ", NULL AS k, 1 AS num, 1 AS den "
                + "FROM (SELECT DISTINCT case_id, " + Instant("recorded_at") + " AS q FROM screenings WHERE 1 = 1" + Only("case_id") + ") d " + Of("d.case_id")),
            Insert("SELECT c.id AS s, 'P3' AS i, d.q AS q, c.organisation_id AS o, " + dims + ", NULL AS k, 1 AS num, 1 AS den "
                + "FROM (SELECT DISTINCT case_id, " + Instant("sent_at") + " AS q FROM referrals WHERE sent_at IS NOT NULL" + Only("case_id") + ") d " + Of("d.case_id")),
            Insert("SELECT c.id AS s, 'P4' AS i, d.q AS q, d.to_organisation_id AS o, " + dims + ", d.service_type AS k, 1 AS num, 1 AS den "
                + "FROM (SELECT DISTINCT case_id, service_type, to_organisation_id, " + Instant("answered_at") + " AS q FROM referrals "
                + "WHERE answered_at IS NOT NULL AND status IN " + answered + Only("case_id") + ") d " + Of("d.case_id")),
            Insert("SELECT t.id AS s, 'P5' AS i, " + Instant("t.first_action_at") + " AS q, t.organisation_id AS o, NULL AS g, NULL AS a, NULL AS n, NULL AS x, "
                + "t.province AS pr, NULL AS k, 1 AS num, 1 AS den FROM tips t WHERE t.first_action_at IS NOT NULL" + Only("t.id")),
            Insert("SELECT c.id AS s, 'E1' AS i, " + Instant("r.ended_at") + " AS q, r.from_organisation_id AS o, " + dims + ", r.service_type AS k, "
                + "CASE WHEN r.status = 'completed' THEN 1 ELSE 0 END AS num, 1 AS den FROM referrals r " + Of("r.case_id")
                + "WHERE r.ended_at IS NOT NULL AND r.status IN ('completed', 'declined', 'revoked', 'expired')" + Only("r.case_id")),
            Insert("SELECT c.id AS s, 'E2' AS i, d.q AS q, c.organisation_id AS o, " + dims + ", NULL AS k, "
                + "CASE WHEN EXISTS (SELECT 1 FROM referrals r WHERE r.case_id = c.id AND r.service_type = 'mental_health' AND r.sent_at >= d.first_at "
                + "AND r.status IN " + answered + ") THEN 1 ELSE 0 END AS num, 1 AS den "
                + "FROM (SELECT s.case_id, " + Instant("s.recorded_at") + " AS q, MIN(s.recorded_at) AS first_at FROM screenings s WHERE "
                + IndicatorCatalogue.PositiveMentalHealth + Only("s.case_id") + " GROUP BY s.case_id, " + Instant("s.recorded_at") + ") d " + Of("d.case_id")),
            Insert("SELECT c.id AS s, 'E3' AS i, d.q AS q, c.organisation_id AS o, " + dims + ", NULL AS k, d.ok AS num, 1 AS den "
                + "FROM (SELECT case_id, " + Day("done_on") + " AS q, MAX(CASE WHEN outcomes LIKE '%safe_stable%' AND outcomes NOT LIKE '%re_trafficked%' "
                + "AND outcomes NOT LIKE '%lost_to_contact%' THEN 1 ELSE 0 END) AS ok FROM follow_ups WHERE month = 12 AND done_on IS NOT NULL" + Only("case_id")
                + " GROUP BY case_id, " + Day("done_on") + ") d " + Of("d.case_id")),
            Insert("SELECT c.id AS s, 'E4' AS i, d.q AS q, c.organisation_id AS o, " + dims + ", NULL AS k, d.bad AS num, 1 AS den "
                + "FROM (SELECT case_id, " + Day("done_on") + " AS q, MAX(CASE WHEN outcomes LIKE '%re_trafficked%' THEN 1 ELSE 0 END) AS bad FROM follow_ups "
                + "WHERE done_on IS NOT NULL" + Only("case_id") + " GROUP BY case_id, " + Day("done_on") + ") d " + Of("d.case_id")),
            Insert("SELECT c.id AS s, 'E5' AS i, " + Instant("r.answered_at") + " AS q, c.organisation_id AS o, " + dims + ", " + days + " AS k, 1 AS num, 1 AS den "
                + "FROM referrals r " + Of("r.case_id")
                + "WHERE r.answered_at IS NOT NULL AND r.service_type = 'shelter' AND r.status IN " + answered
                + " AND NOT EXISTS (SELECT 1 FROM referrals q WHERE q.case_id = r.case_id AND q.service_type = 'shelter' AND q.status IN " + answered
                + " AND (q.answered_at < r.answered_at OR (q.answered_at = r.answered_at AND q.id < r.id)))" + Only("r.case_id")),
            Insert("SELECT c.id AS s, 'E6' AS i, " + Day("c.identified_on") + " AS q, c.organisation_id AS o, " + dims + ", NULL AS k, CASE WHEN "
                + "EXISTS (SELECT 1 FROM witnesses w JOIN legal_cases l ON l.id = w.legal_case_id WHERE w.case_id = c.id AND l.stage <> 'investigation') "
                + "OR EXISTS (SELECT 1 FROM compensations m JOIN legal_cases l ON l.id = m.legal_case_id WHERE m.case_id = c.id AND l.stage <> 'investigation') "
                + "THEN 1 ELSE 0 END AS num, 1 AS den FROM cases c JOIN persons p ON p.id = c.person_id WHERE 1 = 1" + Only("c.id")),
            Insert("SELECT c.id AS s, 'E7' AS i, " + Instant("m.updated_at") + " AS q, c.organisation_id AS o, " + dims + ", NULL AS k, "
                + "m.paid_satang AS num, m.awarded_satang AS den FROM compensations m " + Of("m.case_id") + "WHERE m.awarded_satang > 0" + Only("m.case_id")),
        ];
    }
}
