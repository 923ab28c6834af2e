using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core;
using Saphan.Core.Data;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Import;
using Saphan.Core.Features.Organisations;
using Saphan.Core.Tests.Features.Import;
using Microsoft.EntityFrameworkCore;
using Saphan.Testing;

// Usage: dotnet run -c Release --project bench/Saphan.Import.Bench -- 10000 100000
// For each size: a fresh SQLite database, a generated CSV, a dry run (read, normalise, validate, hash)
// and then the real import (plus EF inserts with AES-GCM encryption, batched in one transaction).
// With --xlsx the generated rows are written as an .xlsx workbook (inline strings) and imported from that.
// With --export the imported organisation is then exported by a supervisor (identifying) in each HTCDS format.
using var sampler = Environment.GetEnvironmentVariable("SAPHAN_BENCH_ALLOCATIONS") == "1" ? new AllocationSampler() : null;
var xlsx = args.Contains("--xlsx");
var export = args.Contains("--export");
// --import-only skips the dry run: the import then runs in a fresh process, as `./saphan import` does.
// SAPHAN_BENCH_WINDOW=1 prints each run's window on the monotonic clock (to cut a `perf record` to it);
// SAPHAN_BENCH_KEEP=FILE keeps a checkpointed copy of the imported database there (for sqlite3's dbstat).
var importOnly = args.Contains("--import-only");
var sizes = args.Where(a => a is not ("--xlsx" or "--export" or "--import-only")).ToArray();
foreach (var arg in sizes.Length == 0 ? ["10000"] : sizes)
{
    var rows = int.Parse(arg, CultureInfo.InvariantCulture);
    await using var database = await TestDatabase.CreateAsync();
    await using var services = database.BuildServices();
    Actor actor;
    using (var scope = services.CreateScope())
    {
        await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
        var organisation = await scope.ServiceProvider.GetRequiredService<OrganisationCommands>().AddAsync("Bench", "ngo", null, default);
        actor = new Actor(Guid.Empty, organisation.Id, new HashSet<string>([Roles.Supervisor], StringComparer.Ordinal));
    }

    var path = Path.Combine(database.DataFolder, "bench.csv");
    ImportFixtures.WriteGenerated(path, rows);
    if (xlsx)
    {
        var workbook = Path.ChangeExtension(path, ".xlsx");
        using (var text = new StreamReader(path))
        await using (var file = File.Create(workbook))
        using (var writer = new Saphan.Core.Features.Export.XlsxWriter(file))
        {
            writer.BeginSheet("data");
            var reader = new CsvRecordReader(text);
            while (reader.Read() is { } record)
            {
                writer.WriteRow(record.Fields);
            }
        }

        path = workbook;
    }
    foreach (var dryRun in importOnly ? new[] { false } : new[] { true, false })
    {
        using var scope = services.CreateScope();
        var import = scope.ServiceProvider.GetRequiredService<ImportCsv>();
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var result = await import.HandleAsync(actor, () => File.OpenRead(path), new ImportOptions { DryRun = dryRun }, default);
        stopwatch.Stop();
        if (Environment.GetEnvironmentVariable("SAPHAN_BENCH_WINDOW") == "1")
        {
            // The run's window on the monotonic clock (Stopwatch's on Linux), to cut a perf recording to it.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  window {(Stopwatch.GetTimestamp() - stopwatch.ElapsedTicks) / (double)Stopwatch.Frequency:F6} {Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency:F6}"));
        }

        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rows,7} rows {(dryRun ? "dry run" : "import "),-8} {stopwatch.Elapsed.TotalSeconds,7:F2} s  {result.Rows / stopwatch.Elapsed.TotalSeconds,8:F0} rows/s  cpu {cpuSeconds,6:F2} s ({result.Rows / cpuSeconds,7:F0} rows per cpu-second)  {result.Summary}  peak working set {Environment.WorkingSet / 1048576} MB  allocated {(GC.GetTotalAllocatedBytes() - before) / rows} B/row  file {new FileInfo(path).Length / 1048576.0:F1} MB"));
        sampler?.Print(15);
        if (!dryRun && Environment.GetEnvironmentVariable("SAPHAN_BENCH_KEEP") is { Length: > 0 } keep)
        {
            var connection = scope.ServiceProvider.GetRequiredService<SaphanDbContext>().Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            var wal = new FileInfo(connection.DataSource + "-wal");
            command.CommandText = "PRAGMA page_size";
            var pageSize = await command.ExecuteScalarAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  database {new FileInfo(connection.DataSource).Length / 1048576.0:F1} MB, WAL {(wal.Exists ? wal.Length / 1048576.0 : 0):F1} MB, pages of {pageSize} bytes; copy in {keep}"));
            File.Delete(keep);
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); VACUUM INTO $file";
            command.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("$file", keep));
            await command.ExecuteNonQueryAsync();
        }
    }

    if (export)
    {
        var supervisor = actor with { Roles = new HashSet<string>([Roles.Supervisor], StringComparer.Ordinal) };
        foreach (var format in new[] { Saphan.Core.Features.Export.ExportFormat.HtcdsCsv, Saphan.Core.Features.Export.ExportFormat.Xlsx, Saphan.Core.Features.Export.ExportFormat.Json })
        {
            using var scope = services.CreateScope();
            var exporter = scope.ServiceProvider.GetRequiredService<Saphan.Core.Features.Export.ExportRecords>();
            var target = Path.Combine(database.DataFolder, "export." + Saphan.Core.Features.Export.ExportFormats.FileExtension(format));
            GC.Collect();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            Saphan.Core.Features.Export.ExportResult result;
            await using (var output = File.Create(target))
            {
                result = await exporter.WriteAsync(supervisor, format, deidentified: false, output, default);
            }

            stopwatch.Stop();
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{rows,7} rows export {Saphan.Core.Features.Export.ExportFormats.Code(format),-9} {stopwatch.Elapsed.TotalSeconds,7:F2} s  {result.Rows / stopwatch.Elapsed.TotalSeconds,8:F0} cases/s  cpu {cpuSeconds,6:F2} s  file {new FileInfo(target).Length / 1048576.0:F1} MB  peak working set {Environment.WorkingSet / 1048576} MB"));
        }
    }
}
