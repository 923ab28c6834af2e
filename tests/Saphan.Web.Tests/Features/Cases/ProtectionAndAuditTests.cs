using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.Audit;
using Saphan.Core.Features.Identity;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.Cases;

[Trait("Category", "Database")]
public sealed class ProtectionAndAuditTests(SaphanAppFactory app) : IClassFixture<SaphanAppFactory>
{
    [Fact]
    public async Task A_persons_name_is_nowhere_in_the_database_nor_in_any_log_line()
    {
        const string given = "Zawminhtetkyaw";
        const string family = "Thuzarnwemyint";
        const string phone = "0891234567";
        var client = app.Api(app.OrgA, Roles.CaseWorker);
        var id = await Json.CreateCaseAsync(client, Json.NewCase(given, family, citizenship: ["MM"], phone: phone,
            documents: new[] { new { type = "pink_card", number = "PK77731119", issuingCountry = "TH" } }));
        await client.GetAsync($"/api/v1/cases/{id}");
        await client.GetAsync("/api/v1/cases?q=" + given);
        await client.PatchAsync($"/api/v1/cases/{id}", Json.Body(new { summary = "Met " + given + " at the port", person = new { address = "12 Soi " + family } }));

        var secrets = new[] { given, family, phone, "PK77731119" };
        foreach (var dump in await DatabaseContentsAsync())
        {
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret.ToUpperInvariant(), dump.ToUpperInvariant(), StringComparison.Ordinal);
            }
        }

        Assert.NotEmpty(app.Logs.Lines);
        foreach (var line in app.Logs.Lines)
        {
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, line, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public async Task Creating_changing_and_viewing_are_audited_and_the_chain_verifies()
    {
        var client = app.Api(app.OrgA, Roles.CaseWorker);
        var id = await Json.CreateCaseAsync(client, Json.NewCase("Malee"));
        await client.GetAsync($"/api/v1/cases/{id}");
        await client.PatchAsync($"/api/v1/cases/{id}", Json.Body(new { status = "follow_up" }));

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        var entries = await db.AuditEntries.Where(e => e.EntityId == id.ToString()).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(["case.created", "case.updated"], entries.Select(e => e.Action));
        Assert.Contains("cases.status", entries[1].Detail, StringComparison.Ordinal);
        var personId = await db.Cases.Where(c => c.Id == id).Select(c => c.PersonId).SingleAsync();
        var personEntries = await db.AuditEntries.Where(e => e.EntityId == personId.ToString()).Select(e => e.Action).ToListAsync();
        Assert.Contains("person.created", personEntries);
        Assert.Contains("person.viewed", personEntries);
        Assert.All(entries, e => Assert.Equal(app.OrgA, e.OrganisationId));

        var verification = await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync(db, default);
        Assert.True(verification.Intact, string.Join("; ", verification.Problems));
    }

    private async Task<IReadOnlyList<string>> DatabaseContentsAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        var storage = scope.ServiceProvider.GetRequiredService<StorageOptions>();
        if (!db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(storage.ConnectionString).DataSource;
            var bytes = Directory.GetFiles(Path.GetDirectoryName(file)!, Path.GetFileName(file) + "*").SelectMany(File.ReadAllBytes).ToArray();
            return [Encoding.UTF8.GetString(bytes), Encoding.Unicode.GetString(bytes), Encoding.Latin1.GetString(bytes)];
        }

        // PostgreSQL: every row of every table as text.
        var tables = await db.Database.SqlQueryRaw<string>(
            "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'").ToListAsync();
        var dumps = new List<string>();
        foreach (var table in tables)
        {
            // Table names come from the catalogue above, not from input.
#pragma warning disable EF1002
            dumps.AddRange(await db.Database.SqlQueryRaw<string>($"SELECT t::text AS \"Value\" FROM \"{table}\" t").ToListAsync());
#pragma warning restore EF1002
        }

        return [string.Join('\n', dumps)];
    }
}

/// <summary>Tampering gets its own database: it breaks the chain on purpose.</summary>
[Trait("Category", "Database")]
public sealed class AuditTamperTests(SaphanAppFactory app) : IClassFixture<SaphanAppFactory>
{
    [Fact]
    public async Task The_database_refuses_to_change_an_audit_entry_and_verify_detects_a_forced_edit()
    {
        await Json.CreateCaseAsync(app.Api(app.OrgA, Roles.CaseWorker), Json.NewCase("Boonmee"));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET detail = 'x' WHERE sequence = 1"));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries WHERE sequence = 1"));

        // Someone with the database's own keys disables the guard and edits history: verify must notice.
        if (db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit_entries DISABLE TRIGGER USER; UPDATE audit_entries SET entity_id = 'forged' WHERE sequence = 2; ALTER TABLE audit_entries ENABLE TRIGGER USER;");
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_entries_no_update; UPDATE audit_entries SET entity_id = 'forged' WHERE sequence = 2;");
        }

        var verification = await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync(db, default);
        Assert.False(verification.Intact);
        Assert.Contains(verification.Problems, p => p.Contains("entry 2 was altered", StringComparison.Ordinal));
    }
}
