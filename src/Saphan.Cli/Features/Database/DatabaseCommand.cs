using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;

namespace Saphan.Cli.Features.Database;

internal static class DatabaseCommand
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "Bring the database's schema up to date, keeping its data");
        migrate.SetAction((_, cancellationToken) => CliServices.RunAsync(async services =>
        {
            var storage = services.GetRequiredService<StorageOptions>();
            var migrator = services.GetRequiredService<SchemaMigrator>();
            var applied = await migrator.MigrateAsync(cancellationToken: cancellationToken);
            Console.WriteLine(applied.Count == 0
                ? $"{storage.Describe()}: schema is up to date (version {migrator.LatestVersion})."
                : $"{storage.Describe()}: applied {string.Join(", ", applied.Select(s => $"{s.Version:D4}_{s.Name}"))}; now at version {migrator.LatestVersion}.");
            return 0;
        }));

        var status = new Command("status", "Show the schema version of the database");
        status.SetAction((_, cancellationToken) => CliServices.RunAsync(async services =>
        {
            var storage = services.GetRequiredService<StorageOptions>();
            var migrator = services.GetRequiredService<SchemaMigrator>();
            Console.WriteLine($"{storage.Describe()}: version {await migrator.CurrentVersionAsync(cancellationToken)} of {migrator.LatestVersion}.");
            return 0;
        }));

        var engine = new Option<DatabaseEngine>("--engine") { Description = "Sqlite or Postgres", DefaultValueFactory = _ => DatabaseEngine.Sqlite };
        var script = new Command("script", "Print the SQL that creates the current model from nothing (a starting point for a new migration)") { engine };
        script.SetAction((parse, _) => CliServices.RunAsync(services =>
        {
            var storage = StorageOptions.Create(Path.GetTempPath(), parse.GetValue(engine) == DatabaseEngine.Postgres ? "Host=localhost" : null);
            var options = new DbContextOptionsBuilder<SaphanDbContext>();
            DataModule.Configure(options, storage);
            using var db = new SaphanDbContext(options.Options,
                services.GetRequiredService<Core.Features.Protection.FieldProtector>(),
                services.GetRequiredService<Core.Features.Audit.AuditLog>(), TimeProvider.System);
            Console.WriteLine(db.Database.GenerateCreateScript());
            return Task.FromResult(0);
        }));

        return new Command("db", "Database schema") { migrate, status, script };
    }
}
