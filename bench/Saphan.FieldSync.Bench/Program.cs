using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core;
using Saphan.Core.Data;
using Saphan.Core.Features.FieldSync;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Organisations;
using Saphan.Testing;

// Usage: dotnet run -c Release --project bench/Saphan.FieldSync.Bench -- [entries=2000]
// Times the offline field form's sync handler on a fresh SQLite database (SAPHAN_TEST_DB=postgres for PostgreSQL):
// N new intake entries (person + case, field encryption, blind index, audit, the field_entries row — one transaction
// each), the same N again as resends (found by device id, nothing written), then N screenings naming their intake by
// device id. One entry at a time, as a phone sends them; the HTTP layer is not included.
var count = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) ? n : 2000;
await using var database = await TestDatabase.CreateAsync();
await using var services = database.BuildServices();
Guid organisationId;
using (var scope = services.CreateScope())
{
    await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
    organisationId = (await scope.ServiceProvider.GetRequiredService<OrganisationCommands>().AddAsync("Field Bench", OrganisationTypes.Ngo, "TH-50", default)).Id;
}

var actor = new Actor(Guid.NewGuid(), organisationId, new HashSet<string> { Roles.CaseWorker });
var intakes = Enumerable.Range(0, count).Select(i => JsonSerializer.SerializeToElement(new
{
    clientId = Guid.NewGuid(),
    kind = "intake",
    @case = new
    {
        person = new { givenName = "Bench" + i.ToString(CultureInfo.InvariantCulture), familyName = "Field", estimatedAge = 20 + (i % 40), gender = i % 2 == 0 ? "female" : "male", citizenship = new[] { "MM" }, phone = "08" + (10000000 + i).ToString(CultureInfo.InvariantCulture) },
        identifiedOn = "2026-03-02",
        identificationRoute = "outreach",
        province = "TH-50",
        status = "active",
    },
})).ToList();
var screenings = intakes.Select(e => JsonSerializer.SerializeToElement(new
{
    clientId = Guid.NewGuid(),
    kind = "screening",
    caseClientId = e.GetProperty("clientId").GetGuid(),
    screening = new { instrument = "GAD-7", answers = new[] { 1, 0, 2, 1, 0, 1, 1 } },
})).ToList();

async Task<double> RunAsync(string what, IReadOnlyList<JsonElement> entries, bool expectAgain)
{
    var clock = Stopwatch.StartNew();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    foreach (var entry in entries)
    {
        using var scope = services.CreateScope();
        var handler = ActivatorUtilities.CreateInstance<SyncFieldEntry>(scope.ServiceProvider);
        var result = await handler.HandleAsync(actor, entry, default);
        if (result.AlreadyReceived != expectAgain)
        {
            throw new InvalidOperationException("unexpected answer");
        }
    }

    clock.Stop();
    var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    var rate = entries.Count / clock.Elapsed.TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{what,-22} {entries.Count,6:N0} entries  {clock.Elapsed.TotalMilliseconds / entries.Count,7:F2} ms each  {rate,8:N0} /s  (CPU {used.TotalMilliseconds / entries.Count:F2} ms each)"));
    return rate;
}

Console.WriteLine($"engine: {database.Storage.Engine}; load average: {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?")}");
await RunAsync("new intakes", intakes, expectAgain: false);
await RunAsync("resent intakes", intakes, expectAgain: true);
await RunAsync("new screenings", screenings, expectAgain: false);
await RunAsync("resent screenings", screenings, expectAgain: true);
