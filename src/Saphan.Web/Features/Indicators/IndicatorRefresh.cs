using Saphan.Core.Data;
using Saphan.Core.Features.Indicators;

namespace Saphan.Web.Features.Indicators;

/// <summary>How often the background refresh looks at the indicator queue, and how many entries it takes per transaction.</summary>
public sealed record IndicatorRefreshOptions
{
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(5);
    public int BatchSize { get; init; } = 500;

    /// <summary>A pause between two batches of one round, so that on SQLite (one writer at a time) requests' writes get the lock.</summary>
    public TimeSpan PauseBetweenBatches { get; init; } = TimeSpan.FromMilliseconds(100);
}

/// <summary>
/// Keeps the indicator facts current in the background: every few seconds it drains <c>indicator_dirty</c> in small
/// batches (one short transaction each, <see cref="IndicatorFacts.DrainAsync"/>), so the first dashboard after many writes
/// rarely pays for them. Readers still drain whatever is left first, so the figures are exact either way.
/// Configuration: <c>Indicators:RefreshSeconds</c> (0 turns it off), <c>Indicators:RefreshBatch</c>.
/// </summary>
internal sealed partial class IndicatorRefresh(IServiceScopeFactory scopes, IndicatorRefreshOptions options, ILogger<IndicatorRefresh> logger) : BackgroundService
{
    public static void AddIndicatorRefresh(IServiceCollection services, IConfiguration configuration)
    {
        var seconds = configuration.GetValue("Indicators:RefreshSeconds", 5.0);
        if (seconds <= 0)
        {
            return;
        }

        services.AddSingleton(new IndicatorRefreshOptions
        {
            Interval = TimeSpan.FromSeconds(seconds),
            BatchSize = Math.Clamp(configuration.GetValue("Indicators:RefreshBatch", 500), 1, 100_000),
        });
        services.AddHostedService<IndicatorRefresh>();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await DrainAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed round (a database not migrated yet, a busy file) is retried at the next tick; readers drain anyway.
            catch (Exception failure)
#pragma warning restore CA1031
            {
                // The type only: a database message may quote values.
                LogFailed(logger, failure.GetType().Name);
            }
        }
    }

    /// <summary>Drains the queue batch by batch until it is empty (each batch its own transaction, so writers interleave).</summary>
    internal async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        int taken;
        while (true)
        {
            using (var scope = scopes.CreateScope())
            {
                taken = await IndicatorFacts.DrainAsync(scope.ServiceProvider.GetRequiredService<SaphanDbContext>(), options.BatchSize, cancellationToken);
            }

            total += taken;
            if (taken < options.BatchSize)
            {
                break;
            }

            await Task.Delay(options.PauseBetweenBatches, cancellationToken);
        }

        if (total > 0)
        {
            LogDrained(logger, total);
        }

        return total;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Indicator facts refreshed in the background: {Entries} queue entries")]
    private static partial void LogDrained(ILogger logger, int entries);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Background indicator refresh failed ({Error}); retried at the next tick")]
    private static partial void LogFailed(ILogger logger, string error);
}
