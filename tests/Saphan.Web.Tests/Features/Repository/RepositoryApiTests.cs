using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Repository;
using Saphan.Testing;
using Saphan.Linkage.Clks;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.Repository;

[Trait("Category", "Database")]
public sealed class RepositoryApiTests(SaphanAppFactory app) : IClassFixture<SaphanAppFactory>
{
    // Identifying values of the seeded persons: none may ever appear in an analyst's or the public's answer.
    private static readonly string[] Identifying = ["Thidarat", "Thidarad", "Wongsakul", "0812345678", "081-234-5678", "3100600123450", "Aungkyaw", "Mahmoud", "0899990001"];

    private async Task SeedAsync()
    {
        var keyFile = Path.Combine(app.Database.Storage.DataFolder, "keys", "network.key");
        if (File.Exists(keyFile))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(keyFile)!);
        LinkageKey.Generate(keyFile);
        var a = app.Api(app.OrgA, Roles.CaseWorker);
        var b = app.Api(app.OrgB, Roles.CaseWorker);
        // The same woman met by both organisations, spelt two ways; two people met by one organisation only.
        await Json.CreateCaseAsync(a, Json.NewCase("Thidarat", "Wongsakul", "TH-57", ["TH"], new[] { new { type = "thai_id", number = "3100600123450" } }, "0812345678"));
        await Json.CreateCaseAsync(b, Json.NewCase("Thidarad", "Wongsakul", "TH-57", ["TH"], null, "081-234-5678"));
        await Json.CreateCaseAsync(a, Json.NewCase("Aungkyaw", null, "TH-63", ["MM"], null, "0899990001"));
        await Json.CreateCaseAsync(b, Json.NewCase("Mahmoud", "Karim", "TH-85", ["MM"]));
        Assert.Equal(HttpStatusCode.OK, (await app.Api(app.OrgA, Roles.OrgAdmin).PostAsync("/api/v1/repository/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Api(app.OrgB, Roles.OrgAdmin).PostAsync("/api/v1/repository/publish", null)).StatusCode);
    }

    [Fact]
    public async Task Publications_are_linked_into_distinct_people_and_analysts_see_counts_without_any_identifying_field()
    {
        await SeedAsync();
        var analyst = app.Api(app.OrgA, Roles.Analyst);
        var response = await analyst.GetAsync("/api/v1/repository/summary");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = JsonNode.Parse(text)!;
        Assert.True(summary["records"]!.GetValue<int>() >= 4, text);
        Assert.Equal(summary["records"]!.GetValue<int>() - 1, summary["distinctPeople"]!.GetValue<int>());
        Assert.Equal(1, summary["peopleSeenByMoreThanOneOrganisation"]!.GetValue<int>());
        Assert.Contains(summary["overlapByOrganisationTypes"]!.AsArray(), r => r!["key"]!.GetValue<string>() == "ngo + shelter" && r["count"]!.GetValue<int>() == 1);
        // Nobody opted in: no organisation is named.
        Assert.DoesNotContain("Mekong", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Andaman", text, StringComparison.Ordinal);

        var answers = new List<string> { text };
        answers.Add(await (await analyst.GetAsync("/api/v1/repository/records")).Content.ReadAsStringAsync());
        answers.Add(await (await app.Api(app.OrgB, Roles.NetworkAdmin).GetAsync("/api/v1/repository/summary")).Content.ReadAsStringAsync());
        var session = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.Analyst)]);
        var page = await session.GetAsync("/Repository");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        answers.Add(await page.Content.ReadAsStringAsync());
        var anonymous = app.Anonymous();
        foreach (var path in new[] { "/OpenData", "/api/v1/open-data/figures", "/api/v1/open-data/figures.csv", "/api/v1/open-data/ctdc.csv" })
        {
            var open = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, open.StatusCode);
            answers.Add(await open.Content.ReadAsStringAsync());
        }

        var records = JsonNode.Parse(answers[1])!;
        Assert.Equal(summary["records"]!.GetValue<int>(), records["total"]!.GetValue<int>());
        Assert.All(records["items"]!.AsArray(), item => Assert.Null(item!["clk"]));
        foreach (var answer in answers)
        {
            foreach (var value in Identifying)
            {
                Assert.DoesNotContain(value, answer, StringComparison.OrdinalIgnoreCase);
            }
        }

        // The repository's tables hold no clear identifier either (only encodings and attributes).
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        var stored = await db.RepositoryRecords.AsNoTracking().ToListAsync();
        Assert.All(stored, r => Assert.Equal(64, r.RecordKey.Length));
        Assert.DoesNotContain(stored, r => Guid.TryParse(r.RecordKey, out _));
        Assert.All(stored, r => Assert.Equal(128, r.Clk.Length));
    }

    [Fact]
    public async Task Publishing_again_replaces_only_the_own_organisations_publication()
    {
        await SeedAsync();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        var before = await db.RepositoryRecords.AsNoTracking().Where(r => r.OrganisationId == app.OrgB).Select(r => new { r.Id, r.RecordKey }).ToListAsync();
        var ownBefore = await db.RepositoryRecords.AsNoTracking().Where(r => r.OrganisationId == app.OrgA).Select(r => r.RecordKey).ToListAsync();

        var again = await app.Api(app.OrgA, Roles.OrgAdmin).PostAsync("/api/v1/repository/publish", null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(ownBefore.Count, (await Json.ReadAsync(again))["records"]!.GetValue<int>());

        var after = await db.RepositoryRecords.AsNoTracking().Where(r => r.OrganisationId == app.OrgB).Select(r => new { r.Id, r.RecordKey }).ToListAsync();
        Assert.Equal(before.OrderBy(r => r.Id), after.OrderBy(r => r.Id));
        // Idempotent: the same persons give the same pseudonymous keys, and nothing is duplicated.
        var ownAfter = await db.RepositoryRecords.AsNoTracking().Where(r => r.OrganisationId == app.OrgA).Select(r => r.RecordKey).ToListAsync();
        Assert.Equal(ownBefore.Order(), ownAfter.Order());
        Assert.Equal(await db.RepositoryRecords.CountAsync(), await db.RepositoryClusters.CountAsync());
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "repository.published" && e.EntityId == app.OrgA.ToString()));
    }

    [Fact]
    public async Task Only_analysts_and_network_admins_read_the_repository_and_only_org_admins_publish()
    {
        await SeedAsync();
        foreach (var role in Roles.All.Except([Roles.Analyst, Roles.NetworkAdmin]))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(app.OrgA, role).GetAsync("/api/v1/repository/summary")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(app.OrgB, role).GetAsync("/api/v1/repository/records")).StatusCode);
        }

        foreach (var role in Roles.All.Except([Roles.OrgAdmin]))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(app.OrgA, role).PostAsync("/api/v1/repository/publish", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(app.OrgA, role).PutAsJsonAsync("/api/v1/repository/settings", new { namedInCounts = true })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/v1/repository/summary")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsync("/api/v1/repository/publish", null)).StatusCode);

        var worker = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.CaseWorker)]);
        var denied = await worker.GetAsync("/Repository");
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
        var analyst = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.Analyst)]);
        Assert.NotEqual(HttpStatusCode.OK, (await analyst.GetAsync("/Repository/Publish")).StatusCode);
        var admin = await PageSession.SignInAsync(app, app.Emails[(app.OrgB, Roles.OrgAdmin)]);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Repository/Publish")).StatusCode);
    }

    [Fact]
    public async Task Organisations_are_named_only_once_they_opt_in_and_bad_settings_are_refused()
    {
        await SeedAsync();
        var adminA = app.Api(app.OrgA, Roles.OrgAdmin);
        var bad = await adminA.PutAsJsonAsync("/api/v1/repository/settings", new { namedInCounts = "yes", colour = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await Json.ReadAsync(bad))["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("namedInCounts") && errors.ContainsKey("colour"), errors.ToJsonString());

        var set = await adminA.PutAsJsonAsync("/api/v1/repository/settings", new { namedInCounts = true });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.True((await Json.ReadAsync(set))["namedInCounts"]!.GetValue<bool>());
        // One side opted in: a pair is named only when both are.
        var summary = await app.Api(app.OrgA, Roles.Analyst).GetStringAsync("/api/v1/repository/summary");
        Assert.Empty(JsonNode.Parse(summary)!["overlapByNamedOrganisations"]!.AsArray());
        Assert.DoesNotContain("Andaman", summary, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await app.Api(app.OrgB, Roles.OrgAdmin).PutAsJsonAsync("/api/v1/repository/settings", new { namedInCounts = true })).StatusCode);
        summary = await app.Api(app.OrgA, Roles.Analyst).GetStringAsync("/api/v1/repository/summary");
        var pair = Assert.Single(JsonNode.Parse(summary)!["overlapByNamedOrganisations"]!.AsArray())!;
        Assert.Equal("Andaman Shelter + Mekong Support Foundation", pair["key"]!.GetValue<string>());

        // Back to the default so the other tests see no names.
        await adminA.PutAsJsonAsync("/api/v1/repository/settings", new { namedInCounts = false });
        await app.Api(app.OrgB, Roles.OrgAdmin).PutAsJsonAsync("/api/v1/repository/settings", new { namedInCounts = false });
    }

    [Fact]
    public async Task The_analysts_page_reads_the_repository_once_per_view()
    {
        await SeedAsync();
        var session = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.Analyst)]);
        using var counter = new SqlCommandCounter(app.Database.Storage.ConnectionString);
        var page = await session.GetAsync("/Repository");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("id=\"distinct-people\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, counter.Reading("repository_records"));
        // Both views are still audited.
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "repository.summary_viewed"));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "repository.records_viewed"));
    }

    [Fact]
    public async Task Open_data_is_computed_once_per_version_of_the_repository_and_a_new_run_or_opt_in_changes_it()
    {
        await SeedAsync();
        var cache = app.Services.GetRequiredService<OpenDataCache>();
        var anonymous = app.Anonymous();
        var first = await anonymous.GetStringAsync("/api/v1/open-data/figures");
        var computations = cache.Computations;
        using (var counter = new SqlCommandCounter(app.Database.Storage.ConnectionString))
        {
            Assert.Equal(first, await anonymous.GetStringAsync("/api/v1/open-data/figures"));
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/OpenData")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/v1/open-data/ctdc.csv")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/v1/open-data/figures.csv")).StatusCode);
            Assert.Equal(computations, cache.Computations);
            Assert.Equal(0, counter.Reading("repository_records"));
        }

        // A new match run: computed again, and the figures say when it linked.
        using (var scope = app.Services.CreateScope())
        {
            await RepositoryMatching.RunAsync(scope.ServiceProvider.GetRequiredService<SaphanDbContext>(),
                scope.ServiceProvider.GetRequiredService<RepositoryOptions>(), TimeProvider.System, default);
        }

        var second = await anonymous.GetStringAsync("/api/v1/open-data/figures");
        Assert.Equal(computations + 1, cache.Computations);
        Assert.NotEqual(JsonNode.Parse(first)!["linkedAt"]!.GetValue<DateTimeOffset>(), JsonNode.Parse(second)!["linkedAt"]!.GetValue<DateTimeOffset>());

        // The opt-in is respected at once: named after opting in, not after opting out.
        var adminA = app.Api(app.OrgA, Roles.OrgAdmin);
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await adminA.PutAsJsonAsync("/api/v1/repository/settings", new { namedInCounts = true })).StatusCode);
            Assert.Contains("Mekong Support Foundation", await anonymous.GetStringAsync("/api/v1/open-data/figures"), StringComparison.Ordinal);
            Assert.Equal(computations + 2, cache.Computations);
        }
        finally
        {
            await adminA.PutAsJsonAsync("/api/v1/repository/settings", new { namedInCounts = false });
        }

        Assert.DoesNotContain("Mekong", await anonymous.GetStringAsync("/api/v1/open-data/figures"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_publication_reads_the_network_key_file_once()
    {
        await SeedAsync();
        var options = app.Services.GetRequiredService<RepositoryOptions>();
        var reads = options.KeyReads;
        var session = await PageSession.SignInAsync(app, app.Emails[(app.OrgB, Roles.OrgAdmin)]);
        // The form is read first (its page says whether a key is configured: one read), then posted (one read, was three).
        var published = await PageSession.PostFormAsync(session, "/Repository/Publish?handler=Publish", []);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Contains("records", await published.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(reads + 2, options.KeyReads);

        reads = options.KeyReads;
        Assert.Equal(HttpStatusCode.OK, (await app.Api(app.OrgB, Roles.OrgAdmin).PostAsync("/api/v1/repository/publish", null)).StatusCode);
        Assert.Equal(reads + 1, options.KeyReads);
    }
}
