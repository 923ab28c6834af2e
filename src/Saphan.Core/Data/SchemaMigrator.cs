using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Saphan.Core.Data;

/// <summary>
/// Versioned schema changes as plain SQL scripts, one folder per engine, embedded in this assembly
/// (Data/Migrations/{Sqlite,Postgres}/NNNN_name.sql). Each script runs once, in its own transaction,
/// and is recorded with its checksum in <c>schema_migrations</c>; an applied script that was later
/// edited is refused, because the databases already upgraded with it would differ from new ones.
/// </summary>
/// <remarks>
/// EF Core's migrations need its design-time package to be written, which is not available to this
/// project; scripts keep every change reviewable and identical on every machine. A test checks that
/// the migrated schema has every table and column the EF model maps.
/// </remarks>
public sealed partial class SchemaMigrator(SaphanDbContext db, ILogger<SchemaMigrator> logger)
{
    public sealed record Script(int Version, string Name, string Sql, string Checksum);

    public static IReadOnlyList<Script> Scripts(DatabaseEngine engine)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var prefix = "Saphan.Core.Data.Migrations." + engine + ".";
        var scripts = new List<Script>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var fileName = resource[prefix.Length..];
            var version = int.Parse(fileName.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var sql = reader.ReadToEnd();
            var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n"))));
            scripts.Add(new Script(version, Path.GetFileNameWithoutExtension(fileName)[5..], sql, checksum));
        }

        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < scripts.Count; i++)
        {
            if (scripts[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Migration scripts for {engine} are not numbered 1..n without gaps.");
            }
        }

        return scripts;
    }

    /// <summary>Applies every script not yet applied, up to <paramref name="targetVersion"/> (default: all).</summary>
    public async Task<IReadOnlyList<Script>> MigrateAsync(int? targetVersion = null, CancellationToken cancellationToken = default)
    {
        var engine = db.IsPostgres ? DatabaseEngine.Postgres : DatabaseEngine.Sqlite;
        var scripts = Scripts(engine);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (engine == DatabaseEngine.Sqlite)
            {
                // 16 KB pages instead of 4 KB, for a new file only (a file's page size is fixed once it holds a table, and in
                // WAL mode for good): a quarter of the page reads, writes and splits per row stored; the import's inserts
                // measured ~25 % faster (docs/benchmarks.md). An existing file keeps its pages.
                await ExecuteAsync(connection, null, "PRAGMA page_size=16384;", cancellationToken);
                // WAL lets readers work while a writer writes; it is a property of the file, set once.
                await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken);
            }

            await ExecuteAsync(connection, null, engine == DatabaseEngine.Postgres
                ? "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());"
                : "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP);",
                cancellationToken);

            var applied = new List<Script>();
            foreach (var script in scripts.Where(s => targetVersion is null || s.Version <= targetVersion))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                if (engine == DatabaseEngine.Postgres)
                {
                    await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(7365706861);", cancellationToken);
                }

                var existing = await ScalarAsync(connection, transaction,
                    "SELECT checksum FROM schema_migrations WHERE version = " + script.Version.ToString(CultureInfo.InvariantCulture), cancellationToken);
                if (existing is string checksum)
                {
                    if (checksum != script.Checksum)
                    {
                        throw new InvalidOperationException(
                            $"Migration {script.Version:D4}_{script.Name} was changed after this database applied it. Add a new migration instead.");
                    }

                    await transaction.RollbackAsync(cancellationToken);
                    continue;
                }

                await ExecuteAsync(connection, transaction, script.Sql, cancellationToken);
                await using (var record = connection.CreateCommand())
                {
                    record.Transaction = transaction;
                    record.CommandText = "INSERT INTO schema_migrations (version, name, checksum) VALUES (@v, @n, @c)";
                    AddParameter(record, "@v", script.Version);
                    AddParameter(record, "@n", script.Name);
                    AddParameter(record, "@c", script.Checksum);
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                LogApplied(logger, script.Version, script.Name);
                applied.Add(script);
            }

            return applied;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The highest applied version, or 0 for an empty database.</summary>
    public async Task<int> CurrentVersionAsync(CancellationToken cancellationToken = default)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var exists = await ScalarAsync(connection, null, db.IsPostgres
                ? "SELECT to_regclass('schema_migrations') IS NOT NULL"
                : "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'", cancellationToken);
            if (!Convert.ToBoolean(exists, CultureInfo.InvariantCulture))
            {
                return 0;
            }

            var max = await ScalarAsync(connection, null, "SELECT max(version) FROM schema_migrations", cancellationToken);
            return max is null or DBNull ? 0 : Convert.ToInt32(max, CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public int LatestVersion => Scripts(db.IsPostgres ? DatabaseEngine.Postgres : DatabaseEngine.Sqlite).Count;

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied schema migration {Version} ({Name})")]
    private static partial void LogApplied(ILogger logger, int version, string name);
}
