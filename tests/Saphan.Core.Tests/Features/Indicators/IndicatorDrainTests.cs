using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.Indicators;
using Saphan.Testing;

namespace Saphan.Core.Tests.Features.Indicators;

/// <summary>
/// The background refresh's unit of work: the queue drained in small batches (each its own transaction), with readers
/// running at the same time, leaves the queue empty and the fast path equal to the direct SQL.
/// </summary>
[Trait("Category", "Database")]
public sealed class IndicatorDrainTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        (_database, _services) = await TestDatabase.CreateMigratedAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<long> QueuedAsync()
    {
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM indicator_dirty";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Draining_in_small_batches_beside_readers_empties_the_queue_and_the_fast_path_equals_the_direct_sql()
    {
        var organisations = IndicatorDataset.Organisations(6);
        using (var scope = _services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
            await db.Database.OpenConnectionAsync();
            await new IndicatorDataset(db.Database.GetDbConnection(), TestDatabase.UsePostgres).WriteAsync(organisations, 400, varied: true, seed: 21,
                from: new DateOnly(2025, 1, 1), to: new DateOnly(2026, 3, 31));
        }

        var queued = await QueuedAsync();
        Assert.True(queued >= 400, $"the writes queued {queued} entries");
        // One batch takes exactly its size, the oldest entries, and leaves the rest queued.
        using (var scope = _services.CreateScope())
        {
            Assert.Equal(37, await IndicatorFacts.DrainAsync(scope.ServiceProvider.GetRequiredService<SaphanDbContext>(), 37, default));
        }

        Assert.Equal(queued - 37, await QueuedAsync());

        // A reader computing the network's quarter again and again while the queue is drained 37 entries at a time.
        using var stop = new CancellationTokenSource();
        var reads = 0;
        var reading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reader = Task.Run(async () =>
        {
            // At least one read, and the drain starts only once the reader is under way (a fast drain could otherwise finish first).
            do
            {
                reading.TrySetResult();
                using var scope = _services.CreateScope();
                var values = await IndicatorEngine.ComputeAsync(scope.ServiceProvider.GetRequiredService<SaphanDbContext>(), new Quarter(2025, 3), null,
                    network: true, breakdowns: true, includeHealth: true, default);
                Assert.NotEmpty(values);
                reads++;
            }
            while (!stop.IsCancellationRequested);
        });
        await reading.Task;

        var batches = 0;
        long drained = 0;
        while (true)
        {
            using var scope = _services.CreateScope();
            var taken = await IndicatorFacts.DrainAsync(scope.ServiceProvider.GetRequiredService<SaphanDbContext>(), 37, default);
            Assert.InRange(taken, 0, 37);
            if (taken == 0)
            {
                break;
            }

            drained += taken;
            batches++;
        }

        await stop.CancelAsync();
        await reader;
        Assert.True(reads > 0);
        // The reader may have drained part of the queue itself (or all of it, on a busy machine); together nothing is left.
        Assert.Equal(0, await QueuedAsync());
        Assert.True(drained <= queued - 37, $"{drained} entries in {batches} batches");

        using (var scope = _services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
            Assert.Equal(0, await IndicatorFacts.DrainAsync(db, 37, default));
            foreach (var quarter in new[] { new Quarter(2025, 2), new Quarter(2025, 4), new Quarter(2026, 1) })
            {
                foreach (Guid? organisation in new Guid?[] { null, organisations[0].Id })
                {
                    var direct = await IndicatorEngine.ComputeAsync(db, quarter, organisation, organisation is null, breakdowns: true, includeHealth: true, default, direct: true);
                    var fast = await IndicatorEngine.ComputeAsync(db, quarter, organisation, organisation is null, breakdowns: true, includeHealth: true, default);
                    Assert.Equal(IndicatorFactsTests.Describe(direct), IndicatorFactsTests.Describe(fast));
                }
            }

            var p1 = (await IndicatorEngine.ComputeAsync(db, new Quarter(2025, 3), null, network: false, breakdowns: false, includeHealth: true, default)).Single(v => v.Definition.Code == "P1");
            Assert.True(p1.Total!.Units > 0);
        }
    }

    [Fact]
    public async Task Nothing_is_drained_before_the_facts_are_built()
    {
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        await db.Database.ExecuteSqlRawAsync(TestDatabase.UsePostgres ? "UPDATE indicator_state SET built = false" : "UPDATE indicator_state SET built = 0");
        object subject = TestDatabase.UsePostgres ? Guid.NewGuid() : Guid.NewGuid().ToString().ToUpperInvariant();
        await db.Database.ExecuteSqlAsync($"INSERT INTO indicator_dirty (subject_id) VALUES ({subject})");
        Assert.Equal(0, await IndicatorFacts.DrainAsync(db, 10, default));
        Assert.Equal(1, await QueuedAsync());
    }
}
