using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core;
using Saphan.Core.Data;
using Saphan.Core.Features.Demo;
using Saphan.Core.Features.Repository;
using Saphan.Linkage.Clks;
using Saphan.Testing;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.Repository;

/// <summary>
/// The open data of a seeded network large enough to publish something (600 people, a sixth met again by a second
/// organisation): every row of the CTDC dataset shares its quasi-identifiers with at least 10 others, and no published
/// table cell is below 11, read over real HTTP without signing in.
/// </summary>
[Trait("Category", "Database")]
public sealed class OpenDataKAnonymityTests : IAsyncLifetime, IDisposable
{
    private TestDatabase _database = null!;
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _app = RealServer.Build(_database);
        using (var scope = _app.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            await services.GetRequiredService<SchemaMigrator>().MigrateAsync();
            await ActivatorUtilities.CreateInstance<DemoSeeder>(services).SeedAsync(11, 600, "Open-Data-Test-2026", default);
            LinkageKey.Generate(services.GetRequiredService<RepositoryOptions>().NetworkKeyFile);
            await services.GetRequiredService<RepositoryDemo>().AddOverlapsAsync(6, default);
            var organisations = await services.GetRequiredService<SaphanDbContext>().Cases.Select(c => c.OrganisationId).Distinct().ToListAsync();
            for (var i = 0; i < organisations.Count; i++)
            {
                using var inner = _app.Services.CreateScope();
                await inner.ServiceProvider.GetRequiredService<PublishToRepository>().HandleAsync(Actor.System, organisations[i], default, relink: i == organisations.Count - 1);
            }
        }

        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
    }

    [Fact]
    public async Task Every_published_row_is_k_anonymous_and_no_published_cell_is_below_eleven()
    {
        var csv = await _http.GetStringAsync("/api/v1/open-data/ctdc.csv");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        Assert.Equal(OpenData.Columns, header);
        var rows = lines.Skip(1).ToList();
        Assert.True(rows.Count >= 100, $"only {rows.Count} rows published of the seeded network");
        // Every column is a quasi-identifier or a function of one, so whole rows form the equivalence classes.
        var classes = rows.GroupBy(r => r, StringComparer.Ordinal).ToList();
        Assert.All(classes, c => Assert.True(c.Count() >= OpenData.K, $"an equivalence class of {c.Count()} rows: {c.Key}"));
        var qi = OpenData.QuasiIdentifiers.Select(q => Array.IndexOf(header, q)).ToArray();
        Assert.All(rows.GroupBy(r => string.Join('|', qi.Select(i => r.Split(',')[i]))), c => Assert.True(c.Count() >= OpenData.K));

        var figures = JsonNode.Parse(await _http.GetStringAsync("/api/v1/open-data/figures"))!;
        Assert.True(figures["distinctPeople"]!.GetValue<int>() >= 600);
        var cells = figures["tables"]!.AsArray().SelectMany(t => t!["cells"]!.AsArray()).ToList();
        Assert.Contains(cells, c => c!["count"] is not null);
        Assert.All(cells, c => Assert.True(c!["count"] is null || c["count"]!.GetValue<int>() >= OpenData.K, c!.ToJsonString()));
        // No table shows exactly one suppressed cell (it could be worked out from the others and the total).
        Assert.All(figures["tables"]!.AsArray(), t => Assert.NotEqual(1, t!["cells"]!.AsArray().Count(c => c!["count"] is null)));

        var figuresCsv = (await _http.GetStringAsync("/api/v1/open-data/figures.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1);
        Assert.All(figuresCsv, line =>
        {
            var count = line[(line.LastIndexOf(',') + 1)..];
            Assert.True(count == "suppressed" || int.Parse(count, System.Globalization.CultureInfo.InvariantCulture) >= OpenData.K, line);
        });
    }

    public void Dispose() => _http?.Dispose();

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }
}
