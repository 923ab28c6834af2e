using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.Identity;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.Indicators;

[Trait("Category", "Database")]
public sealed class IndicatorsApiTests(SaphanAppFactory app) : IClassFixture<SaphanAppFactory>
{
    private static object NewCase(string identifiedOn, string gender = "female", string citizenship = "MM") => new
    {
        person = new { givenName = "Nilar", birthDate = "2001-05-05", gender, citizenship = new[] { citizenship } },
        identifiedOn,
        province = "TH-74",
        status = "active",
    };

    private static JsonNode Indicator(JsonNode set, string code) =>
        set["indicators"]!.AsArray().Single(i => i!["definition"]!["code"]!.GetValue<string>() == code)!;

    private static double? TotalOf(JsonNode set, string code) => Indicator(set, code)["total"]!["value"]?.GetValue<double>();

    [Fact]
    public async Task Org_scope_counts_the_callers_own_organisation_with_definitions_and_breakdowns()
    {
        var writerA = app.Api(app.OrgA, Roles.CaseWorker);
        for (var i = 0; i < 3; i++)
        {
            await Json.CreateCaseAsync(writerA, NewCase("2025-05-1" + i));
        }

        await Json.CreateCaseAsync(app.Api(app.OrgB, Roles.CaseWorker), NewCase("2025-05-20", "male", "KH"));

        var response = await app.Api(app.OrgA, Roles.Supervisor).GetAsync("/api/v1/indicators?period=2025Q2&scope=org");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var set = await Json.ReadAsync(response);
        Assert.Equal("2025Q2", set["period"]!.GetValue<string>());
        Assert.Equal("2025-04-01", set["from"]!.GetValue<string>());
        Assert.Equal(3, TotalOf(set, "P1"));
        var identified = Indicator(set, "P1");
        Assert.Equal("People identified", identified["definition"]!["english"]!.GetValue<string>());
        Assert.Contains("identified_on", identified["definition"]!["query"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(3, identified["breakdowns"]!["sex"]!.AsArray().Single(c => c!["code"]!.GetValue<string>() == "female")!["value"]!.GetValue<double>());
        Assert.Equal(3, identified["breakdowns"]!["age_band"]!.AsArray().Single(c => c!["code"]!.GetValue<string>() == "24-26")!["value"]!.GetValue<double>());
        Assert.Equal(3, identified["breakdowns"]!["province"]!.AsArray().Single(c => c!["code"]!.GetValue<string>() == "TH-74")!["value"]!.GetValue<double>());

        // The other organisation's supervisor sees only its own case.
        var other = await Json.ReadAsync(await app.Api(app.OrgB, Roles.Supervisor).GetAsync("/api/v1/indicators?period=2025Q2&scope=org"));
        Assert.Equal(1, TotalOf(other, "P1"));
        Assert.DoesNotContain("Mekong", other.ToJsonString(), StringComparison.Ordinal);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "indicators.viewed" && e.EntityId == app.OrgA.ToString() && e.Detail == "2025Q2 org"));
    }

    [Fact]
    public async Task Network_scope_suppresses_cells_under_11_and_names_no_organisation()
    {
        var writer = app.Api(app.OrgA, Roles.CaseWorker);
        for (var i = 0; i < 12; i++)
        {
            await Json.CreateCaseAsync(writer, NewCase($"2025-08-{10 + i}", "male", "LA"));
        }

        await Json.CreateCaseAsync(writer, NewCase("2025-08-30", "female", "LA"));

        var response = await app.Api(app.OrgA, Roles.NetworkAdmin).GetAsync("/api/v1/indicators?period=2025Q3&scope=network");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Mekong Support Foundation", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Andaman Shelter", text, StringComparison.Ordinal);
        var set = JsonNode.Parse(text)!;
        Assert.Equal("network", set["scope"]!.GetValue<string>());
        Assert.Null(set["organisationId"]);
        Assert.Equal(13, TotalOf(set, "P1"));
        var sex = Indicator(set, "P1")["breakdowns"]!["sex"]!.AsArray();
        Assert.NotEmpty(sex);
        // 1 woman is a small cell; the 12 men would give her away (13 - 12): both are suppressed.
        Assert.All(sex, c => Assert.True(c!["suppressed"]!.GetValue<bool>()));
        Assert.All(sex, c => Assert.Null(c!["value"]));
        // One NGO in the network: its type alone would name it.
        var types = Indicator(set, "P1")["breakdowns"]!["organisation_type"]!.AsArray();
        Assert.NotEmpty(types);
        Assert.All(types, c => Assert.True(c!["suppressed"]!.GetValue<bool>()));

        // The analyst has the same view; a quarter with a handful of people shows no count at all (2025Q1: only this
        // test's two people, so the total is always suppressed).
        await Json.CreateCaseAsync(writer, NewCase("2025-02-02"));
        await Json.CreateCaseAsync(writer, NewCase("2025-02-03", "male"));
        var small = await Json.ReadAsync(await app.Api(app.OrgB, Roles.Analyst).GetAsync("/api/v1/indicators?period=2025Q1&scope=network"));
        Assert.All(small["indicators"]!.AsArray().Where(i => i!["total"] is JsonObject), i =>
        {
            var total = i!["total"]!;
            Assert.True(total["suppressed"]!.GetValue<bool>() || (total["units"]?.GetValue<long>() ?? 0) is 0 or >= 11, i.ToJsonString());
        });
        Assert.True(Indicator(small, "P1")["total"]!["suppressed"]!.GetValue<bool>(), "P1 counts 2 people in 2025Q1: suppressed");
    }

    [Fact]
    public async Task Bad_input_answers_400_naming_period_and_scope()
    {
        var client = app.Api(app.OrgA, Roles.Supervisor);
        foreach (var (query, fields) in new[]
        {
            ("period=2026Q5&scope=org", new[] { "period" }),
            ("period=2569Q1&scope=org", new[] { "period" }),
            ("period=2026Q1&scope=world", new[] { "scope" }),
            ("", new[] { "period", "scope" }),
        })
        {
            var response = await client.GetAsync("/api/v1/indicators?" + query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await Json.ReadAsync(response))["errors"]!.AsObject();
            Assert.Equal(fields.OrderBy(f => f), errors.Select(e => e.Key).OrderBy(k => k));
            Assert.DoesNotContain("world", errors.ToJsonString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Weaker_roles_and_the_wrong_scope_are_refused()
    {
        foreach (var role in new[] { Roles.CaseWorker, Roles.LawEnforcement, Roles.LabourInspector, Roles.HotlineOperator })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(app.OrgA, role).GetAsync("/api/v1/indicators?period=2026Q1&scope=org")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(app.OrgA, role).GetAsync("/api/v1/indicators?period=2026Q1&scope=network")).StatusCode);
        }

        // An organisation's supervisor cannot see the network; an analyst has no organisation view.
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(app.OrgA, Roles.Supervisor).GetAsync("/api/v1/indicators?period=2026Q1&scope=network")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(app.OrgA, Roles.OrgAdmin).GetAsync("/api/v1/indicators?period=2026Q1&scope=network")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(app.OrgB, Roles.Analyst).GetAsync("/api/v1/indicators?period=2026Q1&scope=org")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/v1/indicators?period=2026Q1&scope=network")).StatusCode);
    }

    [Fact]
    public async Task Health_derived_indicators_are_hidden_from_org_admins()
    {
        var admin = await Json.ReadAsync(await app.Api(app.OrgA, Roles.OrgAdmin).GetAsync("/api/v1/indicators?period=2026Q1&scope=org"));
        Assert.True(Indicator(admin, "E2")["hidden"]!.GetValue<bool>());
        Assert.Null(Indicator(admin, "E2")["total"]);
        var supervisor = await Json.ReadAsync(await app.Api(app.OrgA, Roles.Supervisor).GetAsync("/api/v1/indicators?period=2026Q1&scope=org"));
        Assert.False(Indicator(supervisor, "E2")["hidden"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_pages_follow_the_same_rules()
    {
        using var supervisor = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.Supervisor)]);
        var page = await supervisor.GetAsync("/Indicators?period=2025Q2&scope=org");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("Mekong Support Foundation", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync("/Indicators?period=2025Q2&scope=network")).StatusCode);

        using var worker = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.CaseWorker)]);
        var refused = await worker.GetAsync("/Indicators");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);

        using var analyst = await PageSession.SignInAsync(app, app.Emails[(app.OrgB, Roles.Analyst)]);
        var network = await (await analyst.GetAsync("/Indicators?period=2025Q3&scope=network")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Mekong Support Foundation", network, StringComparison.Ordinal);
        Assert.DoesNotContain("Andaman Shelter", network, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_and_the_dashboard_read_the_pre_summed_facts()
    {
        // A marker sum in a quarter without records: only the fast path (indicator_sums, migration 0016) can show it.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
            var org = db.IsPostgres ? app.OrgA.ToString() : app.OrgA.ToString().ToUpperInvariant();
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO indicator_sums (indicator, quarter, organisation_id, dimension, value, k, units, num, den) VALUES ('P1', 20191, {0}, 'total', '', '', 4242, 4242, 4242)", org);
        }

        try
        {
            var set = await Json.ReadAsync(await app.Api(app.OrgA, Roles.Supervisor).GetAsync("/api/v1/indicators?period=2019Q1&scope=org"));
            Assert.Equal(4242, TotalOf(set, "P1"));
            using var supervisor = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.Supervisor)]);
            var html = await (await supervisor.GetAsync("/Indicators?period=2019Q1&scope=org")).Content.ReadAsStringAsync();
            Assert.Matches("4,?242", html);
        }
        finally
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<SaphanDbContext>().Database.ExecuteSqlRawAsync("DELETE FROM indicator_sums WHERE quarter = 20191");
        }
    }
}
