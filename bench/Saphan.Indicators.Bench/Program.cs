using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.Indicators;
using Saphan.Testing;

// Usage: dotnet run -c Release --project bench/Saphan.Indicators.Bench -- 1000000 [--keep]
// Generates N cases (with persons, events, screenings, referrals, follow-ups, tips, legal cases) in a fresh SQLite
// database with prepared bulk inserts, then times the whole indicator set for one quarter in network and organisation
// scope (with every breakdown), and the eight-quarter trend the dashboard draws. Identifying columns hold a
// placeholder: the indicators never read them.
var cases = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) ? n : 1_000_000;
await using var database = await TestDatabase.CreateAsync();
await using var services = database.BuildServices();
using (var scope = services.CreateScope())
{
    await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
}

var organisations = Generate.Organisations();
var generated = Stopwatch.StartNew();
using (var scope = services.CreateScope())
{
    var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
    await db.Database.OpenConnectionAsync();
    var connection = db.Database.GetDbConnection();
    await using (var pragma = connection.CreateCommand())
    {
        pragma.CommandText = "PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF;";
        await pragma.ExecuteNonQueryAsync();
    }

    await Generate.AllAsync(connection, organisations, cases);
    await using (var analyse = connection.CreateCommand())
    {
        analyse.CommandText = "ANALYZE;";
        await analyse.ExecuteNonQueryAsync();
    }
}

generated.Stop();
var file = new FileInfo(Path.Combine(database.DataFolder, "saphan.db"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"generated {cases:N0} cases in {generated.Elapsed.TotalSeconds:F1} s; database {(file.Exists ? file.Length / 1048576.0 : 0):F0} MB"));

var quarter = new Quarter(2026, 1);
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
}

foreach (var (label, org) in new (string, Guid?)[] { ("network", null), ("network", null), ("org (largest)", largest), ("org (largest)", largest) })
{
    using var scope = services.CreateScope();
    var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
    var perIndicator = new List<string>();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var stopwatch = Stopwatch.StartNew();
    var values = await IndicatorEngine.ComputeAsync(db, quarter, org, org is null, breakdowns: true, includeHealth: true, default,
        (d, t) => perIndicator.Add(string.Create(CultureInfo.InvariantCulture, $"{d.Code} {t.TotalMilliseconds:F0}")));
    stopwatch.Stop();
    var identified = values.First(v => v.Definition.Code == "P1").Total;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{label,-14} {quarter} all indicators with breakdowns: {stopwatch.Elapsed.TotalMilliseconds,7:F0} ms, cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds,6:F0} ms  (P1 = {identified?.Value}; ms per indicator: {string.Join(", ", perIndicator)})"));
}

for (var run = 0; run < 2; run++)
{
    using var scope = services.CreateScope();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var stopwatch = Stopwatch.StartNew();
    var trend = await scope.ServiceProvider.GetRequiredService<GetIndicators>().TrendForAsync(quarter, 8, null, includeHealth: true, default);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"network trend, 8 quarters of totals: {stopwatch.Elapsed.TotalMilliseconds,7:F0} ms, cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds,6:F0} ms ({trend.Count} quarters)"));
}

internal sealed record Org(Guid Id, string Type, string Province);

internal static class Generate
{
    private static readonly string[] Types = ["ngo", "shelter", "government", "police", "labour_inspection", "hotline"];
    private static readonly string[] Provinces = ["TH-10", "TH-50", "TH-57", "TH-63", "TH-74", "TH-85", "TH-20", "TH-83", "TH-90", "TH-40", "TH-11", "TH-70"];
    private static readonly string[] Genders = ["female", "male", "female", "male", "transgender_nonconforming", "unknown"];
    private static readonly string[] Citizenships = ["MM", "MM", "MM", "KH", "LA", "TH", "TH", "VN", "stateless"];
    private static readonly string[] Exploitation = ["forced_labour", "forced_labour", "sexual", "forced_criminality", "forced_begging", "forced_marriage"];
    private static readonly string[] ServiceTypes = ["shelter", "medical", "mental_health", "legal_aid", "repatriation"];
    private static readonly string[] Bands = ["minimal", "mild", "moderate", "severe"];
    private static readonly string[] Ages = ["0-8", "9-17", "18-20", "21-23", "24-26", "27-29", "30-38", "39-47", "48+"];
    private static readonly DateOnly First = new(2022, 1, 1);

    public static List<Org> Organisations()
    {
        var random = new Random(6);
        return Enumerable.Range(0, 24).Select(i => new Org(Guid.NewGuid(), Types[i % Types.Length], Provinces[random.Next(Provinces.Length)])).ToList();
    }

    private static string Id(Guid id) => id.ToString().ToUpperInvariant();
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string Instant(DateOnly d, int minutes = 600) => Day(d) + " " + TimeSpan.FromMinutes(minutes).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) + "+00:00";

    private sealed class Insert(DbConnection connection, DbTransaction transaction, string table, params string[] columns) : IDisposable
    {
        private readonly DbCommand _command = Create(connection, transaction, table, columns);

        private static DbCommand Create(DbConnection connection, DbTransaction transaction, string table, string[] columns)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)))})";
            for (var i = 0; i < columns.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
                command.Parameters.Add(parameter);
            }

            return command;
        }

        public void Add(params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                _command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            _command.ExecuteNonQuery();
        }

        public void Dispose() => _command.Dispose();
    }

    public static async Task AllAsync(DbConnection connection, List<Org> organisations, int cases)
    {
        var random = new Random(2026);
        var user = Id(Guid.NewGuid());
        var now = Instant(new DateOnly(2026, 6, 1));
        await using var transaction = await connection.BeginTransactionAsync();
        using (var orgs = new Insert(connection, transaction, "organisations", "id", "name", "type", "province", "created_at"))
        {
            for (var i = 0; i < organisations.Count; i++)
            {
                orgs.Add(Id(organisations[i].Id), "Bench organisation " + i.ToString(CultureInfo.InvariantCulture), organisations[i].Type, organisations[i].Province, now);
            }
        }

        var services = new Dictionary<(Guid, string), string>();
        using (var insert = new Insert(connection, transaction, "services", "id", "organisation_id", "type", "name", "provinces", "languages", "genders", "nationalities", "capacity", "available", "created_at", "updated_at", "version"))
        {
            foreach (var org in organisations)
            {
                foreach (var type in ServiceTypes)
                {
                    var id = Id(Guid.NewGuid());
                    services[(org.Id, type)] = id;
                    insert.Add(id, Id(org.Id), type, "Bench " + type, "", "", "", "", 10, 5, now, now, Id(Guid.NewGuid()));
                }
            }
        }

        using var persons = new Insert(connection, transaction, "persons", "id", "organisation_id", "given_name", "gender", "citizenships", "languages", "created_at", "updated_at");
        using var caseRows = new Insert(connection, transaction, "cases", "id", "organisation_id", "person_id", "identified_on", "identification_route", "province", "status", "created_by", "created_at", "updated_at", "concurrency_stamp", "age_broad");
        using var events = new Insert(connection, transaction, "trafficking_events", "id", "organisation_id", "case_id", "type", "country", "recruiter_relation", "recruitment_methods", "websites_and_apps", "exploitation_types", "industry", "labour_types", "sex_types", "means_of_control", "created_by", "created_at");
        using var screenings = new Insert(connection, transaction, "screenings", "id", "organisation_id", "case_id", "instrument", "instrument_version", "category", "answers", "score", "band", "flags", "recorded_by", "recorded_at");
        using var referrals = new Insert(connection, transaction, "referrals", "id", "case_id", "from_organisation_id", "to_organisation_id", "service_id", "service_type", "urgency", "status", "created_by", "created_at", "sent_at", "answered_at", "ended_at", "updated_at", "version");
        using var followUps = new Insert(connection, transaction, "follow_ups", "id", "organisation_id", "case_id", "due_on", "month", "done_on", "outcomes", "created_by", "created_at", "version");
        using var legalCases = new Insert(connection, transaction, "legal_cases", "id", "organisation_id", "reference", "stage", "charges", "created_by", "created_at", "stage_changed_at");
        using var witnesses = new Insert(connection, transaction, "witnesses", "id", "organisation_id", "legal_case_id", "case_id", "created_at");
        using var compensations = new Insert(connection, transaction, "compensations", "id", "organisation_id", "legal_case_id", "case_id", "claimed_satang", "awarded_satang", "paid_satang", "updated_at");
        using var tips = new Insert(connection, transaction, "tips", "id", "organisation_id", "channel", "receipt_hash", "description", "province", "occurred_when", "children_at_risk", "imminent_danger", "language", "spam_score", "priority", "status", "created_at", "updated_at", "concurrency_stamp", "first_action_at");
        var span = new DateOnly(2026, 6, 30).DayNumber - First.DayNumber;
        for (var i = 0; i < cases; i++)
        {
            // Larger organisations first: a skewed share, as in a real network.
            var org = organisations[Math.Min(organisations.Count - 1, (int)(organisations.Count * Math.Pow(random.NextDouble(), 1.6)))];
            var orgId = Id(org.Id);
            var personId = Id(Guid.NewGuid());
            var caseGuid = Guid.NewGuid();
            var caseId = Id(caseGuid);
            var identified = First.AddDays(random.Next(span));
            persons.Add(personId, orgId, "x", Genders[random.Next(Genders.Length)], Citizenships[random.Next(Citizenships.Length)], "", now, now);
            caseRows.Add(caseId, orgId, personId, Day(identified), "outreach", Provinces[random.Next(Provinces.Length)], "active", user, now, now, Id(Guid.NewGuid()),
                random.Next(10) == 0 ? null : Ages[random.Next(Ages.Length)]);
            if (random.Next(10) < 6)
            {
                events.Add(Id(Guid.NewGuid()), orgId, caseId, "exploitation", "TH", "", "", "", Exploitation[random.Next(Exploitation.Length)], "", "", "", "", user, now);
            }

            if (random.Next(10) < 5)
            {
                var band = Bands[random.Next(Bands.Length)];
                screenings.Add(Id(Guid.NewGuid()), orgId, caseId, "PHQ-9", "1.0", "health", "x", 10, band, band is "moderate" or "severe" ? "care_indicated" : "", user, Instant(identified.AddDays(random.Next(1, 20))));
            }

            if (random.Next(10) < 4)
            {
                var type = ServiceTypes[random.Next(ServiceTypes.Length)];
                var to = organisations[random.Next(organisations.Count)];
                var sent = identified.AddDays(random.Next(0, 15));
                var status = random.Next(10) switch { < 5 => "completed", < 7 => "in_progress", < 8 => "declined", < 9 => "accepted", _ => "sent" };
                var answered = status == "sent" ? null : Instant(sent.AddDays(random.Next(0, 4)));
                var ended = status is "completed" or "declined" ? Instant(sent.AddDays(random.Next(4, 90))) : null;
                referrals.Add(Id(Guid.NewGuid()), caseId, orgId, Id(to.Id), services[(to.Id, type)], type, "normal", status, user, Instant(sent), Instant(sent), answered, ended, Instant(sent), Id(Guid.NewGuid()));
            }

            if (random.Next(10) < 3)
            {
                var due = identified.AddMonths(12);
                var outcome = random.Next(10) switch { < 6 => "safe_stable,in_contact", < 7 => "re_trafficked", < 8 => "lost_to_contact", _ => "employed" };
                followUps.Add(Id(Guid.NewGuid()), orgId, caseId, Day(due), 12, Day(due.AddDays(random.Next(0, 20))), outcome, user, now, Id(Guid.NewGuid()));
            }

            if (random.Next(100) < 5)
            {
                var legal = Id(Guid.NewGuid());
                legalCases.Add(legal, orgId, "x", random.Next(3) == 0 ? "investigation" : "trial", "s6", user, now, now);
                witnesses.Add(Id(Guid.NewGuid()), orgId, legal, caseId, now);
                if (random.Next(2) == 0)
                {
                    compensations.Add(Id(Guid.NewGuid()), orgId, legal, caseId, 20_000_000L, 10_000_000L, random.Next(0, 10_000_000), Instant(identified.AddDays(200)));
                }
            }

            if (i % 5 == 0)
            {
                var day = First.AddDays(random.Next(span));
                tips.Add(Id(Guid.NewGuid()), orgId, "web", Guid.NewGuid().ToString("N"), "x", Provinces[random.Next(Provinces.Length)], "recent", 0, 0, "th", 0, 1, "closed",
                    Instant(day), Instant(day), Id(Guid.NewGuid()), Instant(day, 900));
            }
        }

        await transaction.CommitAsync();
    }
}
