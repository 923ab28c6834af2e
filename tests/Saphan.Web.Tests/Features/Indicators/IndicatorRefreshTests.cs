using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.Indicators;
using Saphan.Testing;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.Indicators;

/// <summary>
/// The web app's background refresh: after a burst of writes it drains the indicator queue by itself, so the next
/// dashboard finds nothing to recompute, and the fast path still equals the direct SQL.
/// </summary>
[Trait("Category", "Database")]
public sealed class IndicatorRefreshTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _app = RealServer.Build(_database, new Dictionary<string, string?> { ["Indicators:RefreshSeconds"] = "0.2", ["Indicators:RefreshBatch"] = "100" });
        using (var scope = _app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
        }

        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<long> QueuedAsync()
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM indicator_dirty";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task After_writes_the_background_refresh_empties_the_queue_and_the_fast_path_equals_the_direct_sql()
    {
        var organisations = IndicatorDataset.Organisations(5);
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
            await db.Database.OpenConnectionAsync();
            await new IndicatorDataset(db.Database.GetDbConnection(), TestDatabase.UsePostgres).WriteAsync(organisations, 500, varied: true, seed: 5,
                from: new DateOnly(2025, 1, 1), to: new DateOnly(2026, 3, 31));
        }

        // Nobody reads the indicators: only the hosted service can empty the queue (waiting for the condition, not sleeping a fixed time).
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (await QueuedAsync() > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the background refresh did not drain the queue within two minutes");
            await Task.Delay(100);
        }

        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
            foreach (var quarter in new[] { new Quarter(2025, 2), new Quarter(2026, 1) })
            {
                var direct = await IndicatorEngine.ComputeAsync(db, quarter, null, network: true, breakdowns: true, includeHealth: true, default, direct: true);
                var fast = await IndicatorEngine.ComputeAsync(db, quarter, null, network: true, breakdowns: true, includeHealth: true, default);
                Assert.Equal(Describe(direct), Describe(fast));
                Assert.True(fast.Single(v => v.Definition.Code == "P1").Total!.Units > 0);
            }
        }

        Assert.Equal(0, await QueuedAsync());
    }

    private static string Describe(IReadOnlyList<IndicatorValue> values)
    {
        var text = new StringBuilder();
        foreach (var value in values)
        {
            text.Append(value.Definition.Code).Append(' ').Append(Cell(value.Total)).Append('\n');
            foreach (var (dimension, cells) in value.Breakdowns.OrderBy(b => b.Key, StringComparer.Ordinal))
            {
                text.Append("  ").Append(dimension).Append(':').AppendJoin(' ', cells.Select(Cell)).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Cell(IndicatorCell? cell) => cell is null ? "-" : string.Create(CultureInfo.InvariantCulture,
        $"{cell.Code}={cell.Value}/{cell.Numerator}/{cell.Denominator}/{cell.Units}{(cell.Suppressed ? "s" : "")}");
}
