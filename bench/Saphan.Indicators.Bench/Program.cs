using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core;
using Saphan.Core.Data;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Indicators;
using Saphan.Testing;

// Usage: dotnet run -c Release --project bench/Saphan.Indicators.Bench -- 1000000 [--plan] [--no-direct]
// On PostgreSQL: SAPHAN_TEST_DB=postgres SAPHAN_TEST_PG="Host=...;Username=...;Database=postgres" dotnet run ...
// Generates N cases (with persons, events, screenings, referrals, follow-ups, tips, legal cases) in a fresh database
// with prepared bulk inserts (IndicatorDataset), builds the indicator facts (as `./saphan report backfill` does), then
// times, in network scope and for the largest organisation: one quarter and a year of quarters with every breakdown,
// and the dashboard's eight-quarter trend, on the fast path (facts) and, unless --no-direct, on the direct SQL.
// Finally it writes 1,000 changes (as users would between two looks) and times the next read, which brings the
// facts up to date first. Identifying columns hold a placeholder: the indicators never read them.
var cases = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) ? n : 1_000_000;
var runDirect = !args.Contains("--no-direct");
// --hold: wait for a line on standard input before dropping the database (to run EXPLAIN on it meanwhile).
// --reuse FOLDER: time a SQLite data folder generated (and built) by an earlier run, kept with --keep.
var reuse = args.SkipWhile(a => a != "--reuse").Skip(1).FirstOrDefault();
await using var database = await TestDatabase.CreateAsync();
await using var services = reuse is null ? database.BuildServices() : ReuseServices(reuse);
using (var scope = services.CreateScope())
{
    await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
}

var engine = TestDatabase.UsePostgres ? "PostgreSQL" : "SQLite";
var organisations = IndicatorDataset.Organisations();
var clock = Stopwatch.StartNew();
if (reuse is null)
{
using (var scope = services.CreateScope())
{
    var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
    await db.Database.OpenConnectionAsync();
    var connection = db.Database.GetDbConnection();
    if (!TestDatabase.UsePostgres)
    {
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF;";
        await pragma.ExecuteNonQueryAsync();
    }

    await new IndicatorDataset(connection, TestDatabase.UsePostgres).WriteAsync(organisations, cases);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{engine}: generated {cases:N0} cases in {clock.Elapsed.TotalSeconds:F1} s"));
    clock.Restart();
    var facts = await IndicatorFacts.RebuildAsync(db, default);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"built {facts:N0} indicator facts in {clock.Elapsed.TotalSeconds:F1} s"));
    await db.Database.ExecuteSqlRawAsync("ANALYZE;");
}

if (!TestDatabase.UsePostgres)
{
    var file = new FileInfo(Path.Combine(database.DataFolder, "saphan.db"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"database {(file.Exists ? file.Length / 1048576.0 : 0):F0} MB"));
    if (args.Contains("--keep"))
    {
        var kept = Path.Combine(Path.GetTempPath(), "saphan-indicators-bench");
        Directory.CreateDirectory(kept);
        foreach (var path in Directory.GetFiles(database.DataFolder, "saphan.db*"))
        {
            File.Copy(path, Path.Combine(kept, Path.GetFileName(path)), overwrite: true);
        }

        Console.WriteLine("kept a copy in " + kept + " (use --reuse " + kept + ")");
    }
}
}
else
{
    using var scope = services.CreateScope();
    var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
    organisations = [.. (await db.Cases.AsNoTracking().GroupBy(c => c.OrganisationId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
        .OrderByDescending(g => g.Count).Select(g => new DatasetOrganisation(g.Key, "", ""))];
    var count = await db.Cases.CountAsync();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{engine}: reusing {reuse} ({count:N0} cases)"));
}

var quarter = new Quarter(2026, 1);
var year = quarter.Trailing(4);
var largest = organisations[0].Id;
if (args.Contains("--plan"))
{
    using var scope = services.CreateScope();
    var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
    await db.Database.OpenConnectionAsync();
    foreach (var definition in IndicatorCatalogue.All.Where(d => d.Query is not null))
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + IndicatorEngine.Sql(definition, postgres: false, organisationScope: false, breakdowns: true);
        foreach (var name in new[] { "@d0", "@d1", "@t0", "@t1" })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = name.EndsWith('0') ? "2026-01-01" : "2026-04-01";
            command.Parameters.Add(parameter);
        }

        await using var reader = await command.ExecuteReaderAsync();
        Console.WriteLine(definition.Code);
        while (await reader.ReadAsync())
        {
            Console.WriteLine("   " + reader.GetString(3));
        }
    }

    // The refresh's statements, restricted to the cases in the temporary table.
    await db.Database.ExecuteSqlRawAsync("CREATE TEMP TABLE IF NOT EXISTS indicator_refresh (subject_id TEXT PRIMARY KEY)");
    foreach (var statement in IndicatorFacts.RefreshStatements(postgres: false))
    {
        if (statement.StartsWith("CREATE", StringComparison.Ordinal))
        {
            await db.Database.ExecuteSqlRawAsync(statement);
            continue;
        }

        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + statement;
        await using var reader = await command.ExecuteReaderAsync();
        Console.WriteLine(statement[..Math.Min(120, statement.Length)]);
        while (await reader.ReadAsync())
        {
            Console.WriteLine("   " + reader.GetString(3));
        }
    }
}

async Task<(double Wall, double Cpu, long Identified)> TimeAsync(IReadOnlyList<Quarter> quarters, Guid? org, bool breakdowns, bool direct, bool onePass = false)
{
    using var scope = services.CreateScope();
    var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var stopwatch = Stopwatch.StartNew();
    long identified = 0;
    if (onePass)
    {
        // The dashboards' and the report's trend: every quarter's totals in one pass (IndicatorEngine.TrendAsync).
        foreach (var (_, values) in await IndicatorEngine.TrendAsync(db, quarters, org, org is null, includeHealth: true, default, direct))
        {
            identified += values.First(v => v.Definition.Code == "P1").Total?.Numerator ?? 0;
        }

        return (stopwatch.Elapsed.TotalMilliseconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds, identified);
    }

    foreach (var q in quarters)
    {
        var values = await IndicatorEngine.ComputeAsync(db, q, org, org is null, breakdowns, includeHealth: true, default, direct: direct);
        identified += values.First(v => v.Definition.Code == "P1").Total?.Numerator ?? 0;
    }

    return (stopwatch.Elapsed.TotalMilliseconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds, identified);
}

var runs = new List<(string Label, IReadOnlyList<Quarter> Quarters, Guid? Org, bool Breakdowns, bool OnePass)>
{
    ("network, one quarter, breakdowns", [quarter], null, true, false),
    ("network, a year (4 quarters), breakdowns", year, null, true, false),
    ("network, 8-quarter trend, quarter by quarter", quarter.Trailing(8), null, false, false),
    ("network, 8-quarter trend, one pass", quarter.Trailing(8), null, false, true),
    ("largest org, one quarter, breakdowns", [quarter], largest, true, false),
    ("largest org, a year (4 quarters), breakdowns", year, largest, true, false),
    ("largest org, 8-quarter trend, quarter by quarter", quarter.Trailing(8), largest, false, false),
    ("largest org, 8-quarter trend, one pass", quarter.Trailing(8), largest, false, true),
};
foreach (var direct in runDirect ? new[] { false, true } : [false])
{
    foreach (var (label, quarters, org, breakdowns, onePass) in runs)
    {
        var warm = await TimeAsync(quarters, org, breakdowns, direct, onePass);
        var timed = await TimeAsync(quarters, org, breakdowns, direct, onePass);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(direct ? "direct" : "fast  ")} {label,-46} {timed.Wall,8:F0} ms wall, {timed.Cpu,7:F0} ms cpu (cold {warm.Wall,7:F0} ms; P1 = {timed.Identified})"));
    }
}

// Between two looks at the dashboard, users change 1,000 records: the next look first brings the facts up to date.
using (var scope = services.CreateScope())
{
    var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
    var ids = await db.Referrals.AsNoTracking().OrderBy(r => r.Id).Select(r => r.Id).Take(1000).ToListAsync();
    clock.Restart();
    foreach (var chunk in ids.Chunk(100))
    {
        await db.Referrals.Where(r => chunk.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, r => r.Status == "completed" ? "declined" : "completed"));
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote 1,000 referral changes in {clock.Elapsed.TotalMilliseconds:F0} ms"));
}

var after = await TimeAsync([quarter], null, breakdowns: true, direct: false);
var again = await TimeAsync([quarter], null, breakdowns: true, direct: false);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"fast   network, one quarter, first read after the writes (refresh + read): {after.Wall:F0} ms wall, {after.Cpu:F0} ms cpu; next read {again.Wall:F0} ms"));

// The same 1,000 changes again, this time drained as the web app's background refresh does (batches of 500) before the read.
using (var scope = services.CreateScope())
{
    var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
    var ids = await db.Referrals.AsNoTracking().OrderBy(r => r.Id).Select(r => r.Id).Take(1000).ToListAsync();
    foreach (var chunk in ids.Chunk(100))
    {
        await db.Referrals.Where(r => chunk.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, r => r.Status == "completed" ? "declined" : "completed"));
    }

    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    clock.Restart();
    int taken, batches = 0;
    while ((taken = await IndicatorFacts.DrainAsync(db, 500, default)) > 0)
    {
        batches++;
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"background drain of the 1,000 changes: {batches} batches, {clock.Elapsed.TotalMilliseconds:F0} ms wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:F0} ms cpu"));
}

var drained = await TimeAsync([quarter], null, breakdowns: true, direct: false);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"fast   network, one quarter, first read after the background drain: {drained.Wall:F0} ms wall, {drained.Cpu:F0} ms cpu"));

// --hold: keep the database (PostgreSQL's is dropped on exit) until a line arrives on standard input, to inspect plans.
if (args.Contains("--hold"))
{
    Console.WriteLine("holding the database; send a line on standard input to finish");
    await Console.In.ReadLineAsync();
}

static ServiceProvider ReuseServices(string folder)
{
    var services = new ServiceCollection();
    services.AddLogging();
    services.AddSaphanData(StorageOptions.Create(folder));
    services.AddSaphanIdentityCore();
    services.AddSaphanUseCases();
    return services.BuildServiceProvider();
}
