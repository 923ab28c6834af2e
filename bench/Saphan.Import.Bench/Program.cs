using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core;
using Saphan.Core.Data;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Import;
using Saphan.Core.Features.Organisations;
using Saphan.Core.Tests.Features.Import;
using Saphan.Testing;

// Usage: dotnet run -c Release --project bench/Saphan.Import.Bench -- 10000 100000
// For each size: a fresh SQLite database, a generated CSV, a dry run (read, normalise, validate, hash)
// and then the real import (plus EF inserts with AES-GCM encryption, batched in one transaction).
// With --xlsx the generated rows are written as an .xlsx workbook (inline strings) and imported from that.
// With --export the imported organisation is then exported by a supervisor (identifying) in each HTCDS format.
using var sampler = Environment.GetEnvironmentVariable("SAPHAN_BENCH_ALLOCATIONS") == "1" ? new AllocationSampler() : null;
var xlsx = args.Contains("--xlsx");
var export = args.Contains("--export");
var sizes = args.Where(a => a is not ("--xlsx" or "--export")).ToArray();
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
    foreach (var dryRun in new[] { true, false })
    {
        using var scope = services.CreateScope();
        var import = scope.ServiceProvider.GetRequiredService<ImportCsv>();
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var result = await import.HandleAsync(actor, () => File.OpenRead(path), new ImportOptions { DryRun = dryRun }, default);
        stopwatch.Stop();
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rows,7} rows {(dryRun ? "dry run" : "import "),-8} {stopwatch.Elapsed.TotalSeconds,7:F2} s  {result.Rows / stopwatch.Elapsed.TotalSeconds,8:F0} rows/s  cpu {cpuSeconds,6:F2} s ({result.Rows / cpuSeconds,7:F0} rows per cpu-second)  {result.Summary}  peak working set {Environment.WorkingSet / 1048576} MB  allocated {(GC.GetTotalAllocatedBytes() - before) / rows} B/row  file {new FileInfo(path).Length / 1048576.0:F1} MB"));
        sampler?.Print(15);
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
