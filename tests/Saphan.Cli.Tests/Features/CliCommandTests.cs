using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Testing;

namespace Saphan.Cli.Tests.Features;

[Trait("Category", "Database")]
public sealed class CliCommandTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Commands_refuse_an_unmigrated_database_and_migrate_is_idempotent()
    {
        var refused = await CliRunner.RunAsync(_database, "org", "list");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("./saphan db migrate", refused.Error, StringComparison.Ordinal);

        var first = await CliRunner.RunAsync(_database, "db", "migrate");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("applied 0001_identity_and_organisations, 0002_persons_cases_audit", first.Output, StringComparison.Ordinal);
        var second = await CliRunner.RunAsync(_database, "db", "migrate");
        Assert.Contains("up to date", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organisation_its_users_and_a_token_are_created_from_the_command_line()
    {
        Assert.Equal(0, (await CliRunner.RunAsync(_database, "db", "migrate")).ExitCode);
        var added = await CliRunner.RunAsync(_database, "org", "add", "--name", "Mae Sot Migrant Clinic", "--type", "ngo");
        Assert.Equal(0, added.ExitCode);
        var id = Guid.Parse(added.Output.Trim());

        var list = await CliRunner.RunAsync(_database, "org", "list");
        Assert.Equal($"{id}\tngo\tMae Sot Migrant Clinic", list.Output.Trim());

        var user = await CliRunner.RunAsync(_database, "user", "add", "--org", id.ToString(), "--role", "case_worker", "--role", "supervisor",
            "--email", "nan@clinic.example", "--password", "Strong-Password-2026");
        Assert.Equal(0, user.ExitCode);

        var token = await CliRunner.RunAsync(_database, "token", "create", "--email", "nan@clinic.example");
        Assert.Equal(0, token.ExitCode);
        var printed = token.Output.Trim();
        Assert.StartsWith("sph_", printed, StringComparison.Ordinal);

        await using var services = _database.BuildServices();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        var stored = await db.ApiTokens.SingleAsync();
        Assert.NotEqual(printed, stored.TokenHash);
        Assert.DoesNotContain(printed[4..], stored.TokenHash, StringComparison.Ordinal);
        Assert.Equal(2, await db.UserRoles.CountAsync());
    }

    [Fact]
    public async Task Ending_an_accounts_sessions_changes_its_security_stamp_and_is_audited()
    {
        Assert.Equal(0, (await CliRunner.RunAsync(_database, "db", "migrate")).ExitCode);
        var id = Guid.Parse((await CliRunner.RunAsync(_database, "org", "add", "--name", "Field Team", "--type", "ngo")).Output.Trim());
        Assert.Equal(0, (await CliRunner.RunAsync(_database, "user", "add", "--org", id.ToString(), "--role", "case_worker",
            "--email", "field@team.example", "--password", "Strong-Password-2026")).ExitCode);
        string Stamp(SaphanDbContext db) => db.Users.AsNoTracking().Single().SecurityStamp!;
        string before;
        await using (var services = _database.BuildServices())
        {
            using var scope = services.CreateScope();
            before = Stamp(scope.ServiceProvider.GetRequiredService<SaphanDbContext>());
        }

        var ended = await CliRunner.RunAsync(_database, "user", "end-sessions", "--email", "field@team.example");
        Assert.Equal(0, ended.ExitCode);
        Assert.Contains("sessions ended", ended.Output, StringComparison.Ordinal);
        await using (var services = _database.BuildServices())
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
            Assert.NotEqual(before, Stamp(db));
            Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "user.sessions_ended"));
        }

        var unknown = await CliRunner.RunAsync(_database, "user", "end-sessions", "--email", "nobody@team.example");
        Assert.Equal(1, unknown.ExitCode);
        Assert.DoesNotContain("nobody@team.example", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_arguments_name_the_problem()
    {
        Assert.Equal(0, (await CliRunner.RunAsync(_database, "db", "migrate")).ExitCode);
        var badType = await CliRunner.RunAsync(_database, "org", "add", "--name", "X", "--type", "charity");
        Assert.Equal(1, badType.ExitCode);
        Assert.Contains("type: Unknown organisation type", badType.Error, StringComparison.Ordinal);

        var weak = await CliRunner.RunAsync(_database, "user", "add", "--org", Guid.NewGuid().ToString(), "--role", "case_worker", "--email", "a@b.example", "--password", "short");
        Assert.Equal(1, weak.ExitCode);
        Assert.Contains("org: No organisation has this id.", weak.Error, StringComparison.Ordinal);

        var missing = await CliRunner.RunAsync(_database, "org", "add", "--type", "ngo");
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("--name", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_seeds_a_small_network_and_audit_verify_finds_it_intact_then_detects_a_forged_entry()
    {
        var demo = await CliRunner.RunAsync(_database, "demo", "--persons", "30", "--no-serve");
        Assert.True(demo.ExitCode == 0, demo.Error);
        Assert.Contains("Demo logins (password for all: Saphan-Demo-2026)", demo.Output, StringComparison.Ordinal);
        Assert.Contains("[police]", demo.Output, StringComparison.Ordinal);

        var intact = await CliRunner.RunAsync(_database, "audit", "verify");
        Assert.Equal(0, intact.ExitCode);
        Assert.Contains("audit log intact", intact.Output, StringComparison.Ordinal);

        await using (var services = _database.BuildServices())
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
            // 30 persons, and every sixth met again by a second organisation (the repository's demo, issue 6); the
            // demo's hotline tips that partners turned into cases come on top.
            var fromTips = await db.Set<Saphan.Core.Features.Tips.TipRoute>().CountAsync(r => r.CaseId != null);
            Assert.Equal(30 + 5 + fromTips, await db.Cases.CountAsync());
            Assert.True(await db.Referrals.AnyAsync() && await db.Tips.AnyAsync(), "the demo's two years of work are missing");
            // The public bodies chose to be named in the repository's counts; the NGOs did not.
            var named = await db.RepositorySettings.Where(s => s.NamedInCounts).Join(db.Organisations, s => s.OrganisationId, o => o.Id, (s, o) => o.Type).Distinct().ToListAsync();
            Assert.Equal(["government", "labour_inspection", "police"], named.Order(StringComparer.Ordinal));
            // The indicator facts were brought up to date before serving: nothing waits in the queue.
            Assert.Equal(0, await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM indicator_dirty").SingleAsync());
            Assert.True(await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM indicator_facts").SingleAsync() > 0);
            await db.Database.ExecuteSqlRawAsync(db.IsPostgres
                ? "ALTER TABLE audit_entries DISABLE TRIGGER USER; DELETE FROM audit_entries WHERE sequence = 3; ALTER TABLE audit_entries ENABLE TRIGGER USER;"
                : "DROP TRIGGER audit_entries_no_delete; DELETE FROM audit_entries WHERE sequence = 3;");
        }

        var broken = await CliRunner.RunAsync(_database, "audit", "verify");
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("entries 3–3 are missing", broken.Error, StringComparison.Ordinal);
    }
}
