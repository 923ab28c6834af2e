using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.Indicators;
using Saphan.Testing;

namespace Saphan.Core.Tests.Features.Indicators;

/// <summary>
/// The fast path (indicator facts and sums, migration 0016) against the catalogue's direct SQL: every indicator,
/// every breakdown cell, network and organisation scope, several quarters, on varied synthetic data; then again after
/// writes of every kind, without any rebuild, so the triggers and the refresh are what keep it exact.
/// </summary>
[Trait("Category", "Database")]
public sealed class IndicatorFactsTests : IAsyncLifetime
{
    private static readonly Quarter[] Quarters = [new(2025, 1), new(2025, 2), new(2025, 3), new(2025, 4), new(2026, 1), new(2026, 2)];
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;
    private IReadOnlyList<DatasetOrganisation> _organisations = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _services = _database.BuildServices();
        _organisations = IndicatorDataset.Organisations(8);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task MigrateAsync(int? target = null)
    {
        using var scope = _services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(target);
    }

    private async Task WithConnectionAsync(Func<SaphanDbContext, DbConnection, Task> work)
    {
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            await work(db, db.Database.GetDbConnection());
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private Task WriteAsync(int cases, int seed) => WithConnectionAsync((_, connection) =>
        new IndicatorDataset(connection, TestDatabase.UsePostgres).WriteAsync(_organisations, cases, varied: true, seed: seed,
            from: new DateOnly(2024, 10, 1), to: new DateOnly(2026, 6, 30)));

    [Fact]
    public async Task Fast_path_equals_the_direct_sql_for_every_indicator_and_breakdown_and_stays_equal_after_writes()
    {
        await MigrateAsync();
        await WriteAsync(2500, seed: 7);
        await AssertSameAsync("after the bulk insert");

        await WithConnectionAsync(async (db, connection) =>
        {
            var set = new IndicatorDataset(connection, TestDatabase.UsePostgres);
            var org0 = set.Id(_organisations[0].Id);
            var org1 = set.Id(_organisations[1].Id);
            // Persons: sex and citizenship change on every case of the person.
            await ExecAsync(connection, "UPDATE persons SET gender = 'transgender_nonconforming', citizenships = 'LA,MM' WHERE id IN (SELECT person_id FROM cases WHERE province = 'TH-10')");
            // Cases: moved to another quarter, province, age band, organisation.
            await ExecAsync(connection, "UPDATE cases SET identified_on = @p0, age_broad = NULL WHERE province = 'TH-50'", set.Day(new DateOnly(2025, 12, 31)));
            await ExecAsync(connection, "UPDATE cases SET province = 'TH-90' WHERE province = 'TH-57'");
            await ExecAsync(connection, "UPDATE cases SET organisation_id = @p0 WHERE organisation_id = @p1 AND province = 'TH-63'", org0, org1);
            // Events: the first exploitation event removed or preceded by an earlier one.
            await ExecAsync(connection, "DELETE FROM trafficking_events WHERE case_id IN (SELECT id FROM cases WHERE province = 'TH-74')");
            await ExecAsync(connection, "UPDATE trafficking_events SET exploitation_types = 'sexual,forced_labour' WHERE case_id IN (SELECT id FROM cases WHERE province = 'TH-85')");
            // Screenings: care flag cleared, recorded later.
            await ExecAsync(connection, "UPDATE screenings SET flags = '' WHERE case_id IN (SELECT id FROM cases WHERE province = 'TH-20')");
            await ExecAsync(connection, "UPDATE screenings SET recorded_at = @p0 WHERE case_id IN (SELECT id FROM cases WHERE province = 'TH-83')", set.Instant(new DateTime(2026, 3, 31, 23, 59, 59)));
            // Referrals: completed, expired, re-routed, answered on a boundary.
            await ExecAsync(connection, "UPDATE referrals SET status = 'completed', ended_at = @p0 WHERE status = 'in_progress' AND service_type = 'medical'", set.Instant(new DateTime(2026, 2, 2, 8, 0, 0)));
            await ExecAsync(connection, "UPDATE referrals SET status = 'expired', ended_at = @p0, answered_at = NULL WHERE status = 'sent'", set.Instant(new DateTime(2026, 4, 1, 0, 0, 0)));
            await ExecAsync(connection, "UPDATE referrals SET to_organisation_id = @p0 WHERE service_type = 'legal_aid'", org1);
            // Follow-ups: outcomes and dates.
            await ExecAsync(connection, "UPDATE follow_ups SET outcomes = 're_trafficked' WHERE month = 12 AND case_id IN (SELECT id FROM cases WHERE province = 'TH-40')");
            await ExecAsync(connection, "UPDATE follow_ups SET done_on = @p0 WHERE done_on IS NULL", set.Day(new DateOnly(2026, 1, 1)));
            // Justice: stages move both ways, a legal case is deleted (witnesses and awards go with it), awards paid.
            await ExecAsync(connection, "UPDATE legal_cases SET stage = CASE WHEN stage = 'investigation' THEN 'prosecution' ELSE 'investigation' END");
            await ExecAsync(connection, "DELETE FROM legal_cases WHERE id IN (SELECT legal_case_id FROM compensations WHERE paid_satang < 2000000)");
            await ExecAsync(connection, "UPDATE compensations SET paid_satang = awarded_satang, updated_at = @p0", set.Instant(new DateTime(2025, 8, 8, 8, 0, 0)));
            // Tips: acted on later, organisation removed.
            await ExecAsync(connection, "UPDATE tips SET first_action_at = @p0 WHERE province = 'TH-11'", set.Instant(new DateTime(2026, 1, 1, 0, 0, 0)));
            await ExecAsync(connection, "UPDATE tips SET organisation_id = NULL WHERE province = 'TH-70'");
            // A whole case erased.
            await ExecAsync(connection, "DELETE FROM witnesses WHERE case_id IN (SELECT id FROM cases WHERE province = 'TH-11')");
            await ExecAsync(connection, "DELETE FROM compensations WHERE case_id IN (SELECT id FROM cases WHERE province = 'TH-11')");
            foreach (var table in new[] { "trafficking_events", "screenings", "referrals", "follow_ups" })
            {
                await ExecAsync(connection, $"DELETE FROM {table} WHERE case_id IN (SELECT id FROM cases WHERE province = 'TH-11')");
            }

            await ExecAsync(connection, "DELETE FROM cases WHERE province = 'TH-11'");
            // Organisation type changes count at once (types are read, not copied).
            await ExecAsync(connection, "UPDATE organisations SET type = 'police' WHERE id = @p0", org0);
        });
        await AssertSameAsync("after updates and deletes");

        // More records, written as an import would (a second batch), and read again without a rebuild.
        _organisations = [.. _organisations.Select(o => o with { Id = Guid.NewGuid() })];
        await WriteAsync(700, seed: 8);
        await AssertSameAsync("after a second batch");
    }

    [Fact]
    public async Task A_database_with_records_before_migration_0016_counts_directly_until_the_backfill_builds_the_facts()
    {
        await MigrateAsync(15);
        await WriteAsync(600, seed: 9);
        await MigrateAsync();
        await WithConnectionAsync(async (db, _) =>
        {
            Assert.False(await IndicatorFacts.PrepareAsync(db, default));
            var before = await IndicatorEngine.ComputeAsync(db, Quarters[4], null, network: true, breakdowns: true, includeHealth: true, default);
            Assert.True(before.First(v => v.Definition.Code == "P1").Total!.Units > 0);
            Assert.True(await IndicatorFacts.RebuildAsync(db, default) > 600);
            Assert.True(await IndicatorFacts.PrepareAsync(db, default));
            Assert.True(await IndicatorFacts.RebuildAsync(db, default) > 600); // idempotent
        });
        await AssertSameAsync("after the backfill");
    }

    private static async Task ExecAsync(DbConnection connection, string sql, params object[] values)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            parameter.Value = values[i];
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }

    private async Task AssertSameAsync(string when)
    {
        var compared = 0;
        await WithConnectionAsync(async (db, _) =>
        {
            Assert.True(await IndicatorFacts.PrepareAsync(db, default), "the facts are built, so the fast path answers");
            var organisations = await db.Organisations.AsNoTracking().Select(o => o.Id).ToListAsync();
            var scopes = new List<Guid?> { null };
            scopes.AddRange(organisations.Take(4).Select(o => (Guid?)o));
            foreach (var quarter in Quarters)
            {
                foreach (var organisation in scopes)
                {
                    foreach (var breakdowns in new[] { true, false })
                    {
                        var direct = await IndicatorEngine.ComputeAsync(db, quarter, organisation, organisation is null, breakdowns, includeHealth: true, default, direct: true);
                        var fast = await IndicatorEngine.ComputeAsync(db, quarter, organisation, organisation is null, breakdowns, includeHealth: true, default);
                        var expected = Describe(direct);
                        var actual = Describe(fast);
                        Assert.True(expected == actual, $"{when}, {quarter} {(organisation is null ? "network" : "org")} breakdowns={breakdowns}:\n{FirstDifference(expected, actual)}");
                        compared++;
                    }
                }
            }

            // The data is not trivially empty: every summed indicator has counted something (unsuppressed, all organisations).
            // P6 (training sessions) is not summed: the fast path runs its query, and TrainingIndicatorTests counts it.
            var network = await IndicatorEngine.ComputeAsync(db, Quarters[4], null, network: false, breakdowns: true, includeHealth: true, default);
            Assert.All(network.Where(v => v.Definition.NotComputable is null && v.Definition.Summed), v => Assert.True(v.Total!.Units > 0, v.Definition.Code));
        });
        Assert.Equal(Quarters.Length * 5 * 2, compared);
    }

    internal static string Describe(IReadOnlyList<IndicatorValue> values)
    {
        var text = new StringBuilder();
        foreach (var value in values)
        {
            text.Append(value.Definition.Code).Append(value.Hidden ? " hidden" : "").Append(" total ").Append(Cell(value.Total)).Append('\n');
            foreach (var (dimension, cells) in value.Breakdowns.OrderBy(b => b.Key, StringComparer.Ordinal))
            {
                text.Append("  ").Append(dimension).Append(':');
                foreach (var cell in cells)
                {
                    text.Append(' ').Append(Cell(cell));
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Cell(IndicatorCell? cell) => cell is null ? "-" : string.Create(CultureInfo.InvariantCulture,
        $"{cell.Code}={cell.Value}/{cell.Numerator}/{cell.Denominator}/{cell.Units}{(cell.Suppressed ? "s" : "")}");

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var left = i < e.Length ? e[i] : "(none)";
            var right = i < a.Length ? a[i] : "(none)";
            if (left != right)
            {
                return "direct: " + left + "\nfast:   " + right;
            }
        }

        return "(equal)";
    }
}
