using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.Organisations;
using Saphan.Testing;

namespace Saphan.Core.Tests.Data;

[Trait("Category", "Database")]
public sealed class SchemaMigratorTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _services = _database.BuildServices();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_database_made_by_the_first_version_is_upgraded_without_losing_its_data()
    {
        var organisationId = Guid.CreateVersion7();
        using (var scope = _services.CreateScope())
        {
            var migrator = scope.ServiceProvider.GetRequiredService<SchemaMigrator>();
            await migrator.MigrateAsync(targetVersion: 1);
            Assert.Equal(1, await migrator.CurrentVersionAsync());

            // What version 1 of Saphan wrote: an organisation, with plain SQL so the test does not depend on today's model.
            var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
            var id = db.IsPostgres ? $"'{organisationId}'::uuid" : $"'{organisationId.ToString().ToUpperInvariant()}'";
            var now = db.IsPostgres ? "now()" : "'2025-01-01 00:00:00+00:00'";
#pragma warning disable EF1002 // values are generated above, not input
            await db.Database.ExecuteSqlRawAsync(
                $"INSERT INTO organisations (id, name, type, province, created_at) VALUES ({id}, 'Legacy Shelter', 'shelter', 'TH-57', {now})");
#pragma warning restore EF1002
        }

        using (var scope = _services.CreateScope())
        {
            var migrator = scope.ServiceProvider.GetRequiredService<SchemaMigrator>();
            var applied = await migrator.MigrateAsync();
            Assert.Equal(SchemaMigrator.Scripts(scope.ServiceProvider.GetRequiredService<SaphanDbContext>().IsPostgres ? DatabaseEngine.Postgres : DatabaseEngine.Sqlite)
                .Select(s => s.Version).Where(v => v > 1), applied.Select(s => s.Version));
            Assert.Equal(migrator.LatestVersion, await migrator.CurrentVersionAsync());
            Assert.Empty(await migrator.MigrateAsync());
        }

        using (var scope = _services.CreateScope())
        {
            var organisations = await scope.ServiceProvider.GetRequiredService<OrganisationCommands>().ListAsync(default);
            var legacy = Assert.Single(organisations);
            Assert.Equal(organisationId, legacy.Id);
            Assert.Equal("Legacy Shelter", legacy.Name);
            Assert.Equal("TH-57", legacy.Province);
        }
    }

    [Fact]
    public async Task The_migrated_schema_has_every_table_and_column_the_model_maps()
    {
        using var scope = _services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var missing = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            var columns = await ColumnsAsync(connection, table, db.IsPostgres);
            if (columns.Count == 0)
            {
                missing.Add("table " + table);
                continue;
            }

            var identifier = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, entity.GetSchema());
            missing.AddRange(entity.GetProperties().Select(p => p.GetColumnName(identifier)!).Where(c => !columns.Contains(c)).Select(c => table + "." + c));
        }

        Assert.True(missing.Count == 0, "not in the migrated schema: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_engine_has_the_same_numbered_migrations()
    {
        var sqlite = SchemaMigrator.Scripts(DatabaseEngine.Sqlite).Select(s => (s.Version, s.Name)).ToList();
        var postgres = SchemaMigrator.Scripts(DatabaseEngine.Postgres).Select(s => (s.Version, s.Name)).ToList();
        Assert.NotEmpty(sqlite);
        Assert.Equal(sqlite, postgres);
    }

    [Fact]
    public async Task A_shipped_migration_edited_after_it_was_applied_is_refused()
    {
        using var scope = _services.CreateScope();
        var migrator = scope.ServiceProvider.GetRequiredService<SchemaMigrator>();
        await migrator.MigrateAsync();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        await db.Database.ExecuteSqlRawAsync("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => migrator.MigrateAsync());
        Assert.Contains("was changed after this database applied it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_SQLite_file_gets_16_KB_pages_and_an_older_file_keeps_its_own()
    {
        if (TestDatabase.UsePostgres)
        {
            return;
        }

        using (var scope = _services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
            var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
            Assert.Equal(16384L, await PageSizeAsync(db.Database.GetDbConnection()));
        }

        // A file made before the change: 4 KB pages, already in WAL mode with tables in it.
        var older = Path.Combine(_database.DataFolder, "older.db");
        var connectionString = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = older }.ToString();
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA page_size=4096; PRAGMA journal_mode=WAL; CREATE TABLE kept (id INTEGER PRIMARY KEY); INSERT INTO kept VALUES (7);";
            await command.ExecuteNonQueryAsync();
        }

        var storage = StorageOptions.Create(Path.Combine(_database.DataFolder, "older"), connectionString);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSaphanData(storage);
        await using (var provider = services.BuildServiceProvider())
        using (var scope = provider.CreateScope())
        {
            var migrator = scope.ServiceProvider.GetRequiredService<SchemaMigrator>();
            await migrator.MigrateAsync();
            Assert.Equal(migrator.LatestVersion, await migrator.CurrentVersionAsync());
            var connection = scope.ServiceProvider.GetRequiredService<SaphanDbContext>().Database.GetDbConnection();
            Assert.Equal(4096L, await PageSizeAsync(connection));
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT id FROM kept";
            Assert.Equal(7L, await command.ExecuteScalarAsync());
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private static async Task<long> PageSizeAsync(DbConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_size";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<HashSet<string>> ColumnsAsync(DbConnection connection, string table, bool postgres)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = postgres
            ? "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = @t"
            : "SELECT name FROM pragma_table_info(@t)";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@t";
        parameter.Value = table;
        command.Parameters.Add(parameter);
        var columns = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }
}
