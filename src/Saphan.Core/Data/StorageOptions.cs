using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Saphan.Core.Data;

/// <summary>
/// Where Saphan keeps its data: <c>SAPHAN_DATA</c> (the data folder, default ./data), <c>SAPHAN_DB</c>
/// (default: a SQLite file in the data folder; a connection string with <c>Host=</c> selects PostgreSQL)
/// and <c>SAPHAN_KEY_FILE</c> (the master key, default keys/saphan.key in the data folder).
/// </summary>
public sealed record StorageOptions(string DataFolder, string ConnectionString, DatabaseEngine Engine, string KeyFile)
{
    public static StorageOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var folder = Path.GetFullPath(NonEmpty(configuration["SAPHAN_DATA"]) ?? "data");
        var database = NonEmpty(configuration["SAPHAN_DB"]);
        var keyFile = NonEmpty(configuration["SAPHAN_KEY_FILE"]) ?? Path.Combine(folder, "keys", "saphan.key");
        return Create(folder, database, keyFile);
    }

    public static StorageOptions Create(string dataFolder, string? database = null, string? keyFile = null)
    {
        keyFile ??= Path.Combine(dataFolder, "keys", "saphan.key");
        if (database is null)
        {
            var file = Path.Combine(dataFolder, "saphan.db");
            return new StorageOptions(dataFolder, SqliteConnectionString(file), DatabaseEngine.Sqlite, keyFile);
        }

        return database.Contains("Host=", StringComparison.OrdinalIgnoreCase)
            ? new StorageOptions(dataFolder, database, DatabaseEngine.Postgres, keyFile)
            : new StorageOptions(dataFolder, new SqliteConnectionStringBuilder(database) { ForeignKeys = true }.ToString(), DatabaseEngine.Sqlite, keyFile);
    }

    /// <summary>
    /// Foreign keys on at every open, pooled or not: a pooled connection keeps its pragmas, and the import turns foreign
    /// keys off on its own connection while it writes (ImportCsv.SqliteWriteSettings) — whatever happens there, the next
    /// user of that connection has them on again.
    /// </summary>
    private static string SqliteConnectionString(string file) =>
        new SqliteConnectionStringBuilder { DataSource = file, Pooling = true, DefaultTimeout = 30, ForeignKeys = true }.ToString();

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The connection string with any password removed, for messages and logs.</summary>
    public string Describe() => Engine switch
    {
        DatabaseEngine.Sqlite => "SQLite " + new SqliteConnectionStringBuilder(ConnectionString).DataSource,
        _ => "PostgreSQL " + string.Join(';', ConnectionString.Split(';')
            .Where(part => !part.TrimStart().StartsWith("Password", StringComparison.OrdinalIgnoreCase))),
    };
}

public enum DatabaseEngine
{
    Sqlite,
    Postgres,
}
