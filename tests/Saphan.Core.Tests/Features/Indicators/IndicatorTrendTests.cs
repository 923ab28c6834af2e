using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.Indicators;
using Saphan.Core.Features.Trainings;
using Saphan.Testing;

namespace Saphan.Core.Tests.Features.Indicators;

/// <summary>
/// The trend of the dashboards and the report (eight quarters of totals): computed in one pass — one read of the sums for
/// all the quarters, P6's query once, no organisation read — and equal, quarter by quarter, to the indicators computed
/// one quarter at a time, on the fast path and the direct one, in both scopes.
/// </summary>
[Trait("Category", "Database")]
public sealed class IndicatorTrendTests : IAsyncLifetime
{
    private static readonly Quarter Last = new(2026, 2);
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;
    private IReadOnlyList<DatasetOrganisation> _organisations = null!;

    public async Task InitializeAsync()
    {
        (_database, _services) = await TestDatabase.CreateMigratedAsync();
        _organisations = IndicatorDataset.Organisations(8);
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        await db.Database.OpenConnectionAsync();
        await new IndicatorDataset(db.Database.GetDbConnection(), TestDatabase.UsePostgres).WriteAsync(_organisations, 1500, varied: true, seed: 11,
            from: new DateOnly(2024, 7, 1), to: new DateOnly(2026, 6, 30));
        await db.Database.CloseConnectionAsync();
        // Training sessions in several quarters of the trend (P6 is counted by its own query, not from the sums).
        for (var i = 0; i < 8; i++)
        {
            db.Add(new TrainingSession
            {
                OrganisationId = _organisations[i % 3].Id, HeldOn = new DateOnly(2024, 8, 1).AddMonths(i * 3), Topic = "t", Province = "TH-57",
                Audience = "police", ParticipantsFemale = 5 + i, ParticipantsMale = 7, ParticipantsUnknown = i % 2, CreatedAt = DateTimeOffset.UnixEpoch,
            });
        }

        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Eight_quarters_in_one_pass_equal_each_quarter_computed_alone()
    {
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        var quarters = Last.Trailing(8);
        var scopes = new List<Guid?> { null, _organisations[0].Id, _organisations[1].Id };
        foreach (var organisation in scopes)
        {
            foreach (var direct in new[] { false, true })
            {
                var trend = await IndicatorEngine.TrendAsync(db, quarters, organisation, organisation is null, includeHealth: true, default, direct);
                Assert.Equal(quarters, trend.Select(p => p.Quarter).ToList());
                for (var i = 0; i < quarters.Count; i++)
                {
                    var alone = await IndicatorEngine.ComputeAsync(db, quarters[i], organisation, organisation is null, breakdowns: false, includeHealth: true, default, direct: direct);
                    Assert.Equal(Describe(alone), Describe(trend[i].Values));
                }
            }

            // Health-derived indicators stay hidden when not allowed.
            var withoutHealth = await IndicatorEngine.TrendAsync(db, quarters, organisation, organisation is null, includeHealth: false, default);
            Assert.All(withoutHealth, p => Assert.True(p.Values.Single(v => v.Definition.Code == "E2").Hidden));
        }

        // Not trivially empty: P1, P6 and E7 (cumulative) have values in most quarters.
        var network = await IndicatorEngine.TrendAsync(db, quarters, null, network: false, includeHealth: true, default);
        foreach (var code in new[] { "P1", "P6", "E7" })
        {
            Assert.True(network.Count(p => p.Values.Single(v => v.Definition.Code == code).Total?.Units > 0) >= 4, code);
        }
    }

    [Fact]
    public async Task The_trend_reads_the_sums_once_and_the_training_sessions_once_and_no_organisations()
    {
        if (TestDatabase.UsePostgres)
        {
            return; // Statements are counted with SQLite's trace hook; the equality test covers PostgreSQL.
        }

        using var scope = _services.CreateScope();
        var indicators = scope.ServiceProvider.GetRequiredService<GetIndicators>();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        Assert.True(await IndicatorFacts.PrepareAsync(db, default)); // the queue drained before counting
        await db.Database.OpenConnectionAsync();
        var statements = new List<string>();
        var handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
        SQLitePCL.raw.sqlite3_trace(handle, (_, sql) => statements.Add(sql), null);
        try
        {
            var trend = await indicators.TrendForAsync(Last, 8, null, includeHealth: true, default);
            Assert.Equal(8, trend.Count);
        }
        finally
        {
            SQLitePCL.raw.sqlite3_trace(handle, (SQLitePCL.strdelegate_trace?)null, null);
            await db.Database.CloseConnectionAsync();
        }

        var text = string.Join("\n", statements);
        Assert.Equal(1, statements.Count(s => s.Contains("FROM indicator_sums", StringComparison.Ordinal)));
        Assert.Equal(1, statements.Count(s => s.Contains("training_sessions", StringComparison.Ordinal)));
        Assert.DoesNotContain(statements, s => s.Contains("\"organisations\"", StringComparison.Ordinal) || s.Contains("FROM organisations", StringComparison.Ordinal));
        Assert.True(statements.Count <= 4, text);
    }

    private static string Describe(IReadOnlyList<IndicatorValue> values)
    {
        var text = new StringBuilder();
        foreach (var value in values)
        {
            var cell = value.Total;
            text.Append(value.Definition.Code).Append(value.Hidden ? " hidden " : " ")
                .Append(cell is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{cell.Value}/{cell.Numerator}/{cell.Denominator}/{cell.Units}{(cell.Suppressed ? "s" : "")}"))
                .Append(value.Breakdowns.Count).Append('\n');
        }

        return text.ToString();
    }
}
