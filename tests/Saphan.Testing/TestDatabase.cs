using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Saphan.Core;
using Saphan.Core.Data;
using Saphan.Core.Features.Identity;

namespace Saphan.Testing;

/// <summary>
/// A fresh, real database for one test fixture: a SQLite file in a temporary data folder, or — when
/// SAPHAN_TEST_DB=postgres — a new database on the server named by SAPHAN_TEST_PG. A missing server
/// is a failure, never a skip.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _postgresName;
    private readonly string? _adminConnection;

    private TestDatabase(StorageOptions storage, string? postgresName, string? adminConnection)
    {
        Storage = storage;
        _postgresName = postgresName;
        _adminConnection = adminConnection;
    }

    public static bool UsePostgres => Environment.GetEnvironmentVariable("SAPHAN_TEST_DB") == "postgres";

    public StorageOptions Storage { get; }

    public string DataFolder => Storage.DataFolder;

    public static async Task<TestDatabase> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "saphan-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        if (!UsePostgres)
        {
            return new TestDatabase(StorageOptions.Create(folder), null, null);
        }

        var admin = Environment.GetEnvironmentVariable("SAPHAN_TEST_PG");
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException("SAPHAN_TEST_DB=postgres needs SAPHAN_TEST_PG, a connection string to a server the tests may create databases on.");
        }

        var name = "saphan_t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(StorageOptions.Create(folder, builder.ConnectionString), name, admin);
    }

    /// <summary>A new database with the schema migrated, and the core services on it: how a database test starts.</summary>
    public static async Task<(TestDatabase Database, ServiceProvider Services)> CreateMigratedAsync()
    {
        var database = await CreateAsync();
        var services = database.BuildServices();
        using (var scope = services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
        }

        return (database, services);
    }

    /// <summary>The core services (no web host) on this database.</summary>
    public ServiceProvider BuildServices(Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSaphanData(Storage);
        services.AddSaphanIdentityCore();
        services.AddSaphanUseCases();
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_adminConnection);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }

        try
        {
            Directory.Delete(Storage.DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a background thread; the temp folder is cleaned by the OS.
        }
    }
}
