using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.Identity;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.Events;

[Trait("Category", "Database")]
public sealed class EventsApiTests(SaphanAppFactory app) : IClassFixture<SaphanAppFactory>
{
    // Json.NewCase: born 1999-04-12, identified 2026-03-01.
    private static object Exploitation(string description = "Held on a boat off Songkhla; passport kept by the captain.") => new
    {
        type = "exploitation",
        country = "th",
        province = "TH-90",
        district = "Mueang Songkhla",
        startDate = "2025-06",
        endDate = "2026-02-14",
        types = new[] { "forced_labour" },
        industry = new[] { "A" },
        labourTypes = new[] { "fishing" },
        meansOfControl = new[] { "debt_bondage", "withholds_documents", "threats" },
        durationMonths = 8,
        unpaidWagesThb = 45000.5,
        description,
    };

    [Fact]
    public async Task Events_of_every_type_are_stored_listed_in_order_and_audited()
    {
        var client = app.Api(app.OrgA, Roles.CaseWorker);
        var caseId = await Json.CreateCaseAsync(client, Json.NewCase("Zaw"));

        var exploitation = await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/events", Exploitation());
        Assert.Equal(HttpStatusCode.Created, exploitation.StatusCode);
        var created = await Json.ReadAsync(exploitation);
        Assert.Equal("exploitation", created["type"]!.GetValue<string>());
        Assert.Equal("TH", created["country"]!.GetValue<string>());
        Assert.Equal(3, created["meansOfControl"]!.AsArray().Count);
        Assert.Equal(45000.5m, created["unpaidWagesThb"]!.GetValue<decimal>());

        var recruitment = await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/events", new
        {
            type = "recruitment", country = "MM", date = "2025", recruiterRelation = new[] { "friend" },
            methods = new[] { "job_offer", "internet" }, abduction = false, websitesAndApps = new[] { "facebook", "line" },
        });
        Assert.Equal(HttpStatusCode.Created, recruitment.StatusCode);
        var transit = await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/events", new
        {
            type = "transit", country = "TH", province = "TH-63", startDate = "2025-05", endDate = "2025-05", borderCrossing = "irregular",
        });
        Assert.Equal(HttpStatusCode.Created, transit.StatusCode);

        var list = (await Json.ReadAsync(await client.GetAsync($"/api/v1/cases/{caseId}/events"))).AsArray();
        Assert.Equal(["recruitment", "transit", "exploitation"], list.Select(e => e!["type"]!.GetValue<string>()));
        Assert.Equal("2025", list[0]!["date"]!.GetValue<string>());
        Assert.False(list[0]!["abduction"]!.GetValue<bool>());
        Assert.Equal("Held on a boat off Songkhla; passport kept by the captain.", list[2]!["description"]!.GetValue<string>());
        Assert.Equal("Mueang Songkhla", list[2]!["district"]!.GetValue<string>());

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        Assert.Equal(3, await db.AuditEntries.CountAsync(e => e.Action == "event.created" && e.Detail == "case " + caseId));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "event.viewed" && e.EntityId == caseId.ToString()));
    }

    [Fact]
    public async Task The_description_and_district_are_stored_encrypted()
    {
        var client = app.Api(app.OrgA, Roles.CaseWorker);
        var caseId = await Json.CreateCaseAsync(client, Json.NewCase("Htet"));
        const string secret = "Kept at the Kantang pier warehouse 7";
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/events", Exploitation(secret))).StatusCode);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT description, district FROM trafficking_events";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
            // Other tests of this class add events without a district or description.
            Assert.DoesNotContain("Kantang", reader.IsDBNull(0) ? "" : reader.GetString(0), StringComparison.Ordinal);
            Assert.DoesNotContain("Songkhla", reader.IsDBNull(1) ? "" : reader.GetString(1), StringComparison.Ordinal);
        }

        Assert.True(rows > 0);
    }

    [Fact]
    public async Task Bad_input_names_every_field_by_path_and_stores_nothing()
    {
        var client = app.Api(app.OrgA, Roles.CaseWorker);
        var caseId = await Json.CreateCaseAsync(client, Json.NewCase("Kyaw"));
        var response = await client.PostAsync($"/api/v1/cases/{caseId}/events", Json.Body("""
            {"type": "exploitation", "country": "Burma", "province": "Bangkok", "startDate": "2025-13", "endDate": "2300",
             "types": ["slavery", 4], "industry": ["Z"], "meansOfControl": "threats", "durationMonths": "six",
             "sexTypes": ["prostitution"], "unpaidWagesThb": "lots", "date": "2025", "colour": "blue"}
            """));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Json.ReadAsync(response))["errors"]!.AsObject();
        foreach (var field in new[]
                 {
                     "country", "province", "startDate", "endDate", "types", "types[1]", "industry", "meansOfControl",
                     "durationMonths", "unpaidWagesThb", "date", "colour",
                 })
        {
            Assert.True(errors.ContainsKey(field), $"no error for {field}: {errors.ToJsonString()}");
        }

        Assert.Contains("future", errors["endDate"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Not a field of an event of type exploitation", errors["date"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        var noType = await Json.ReadAsync(await client.PostAsync($"/api/v1/cases/{caseId}/events", Json.Body("""{"type": "rescue", "country": "TH"}""")));
        Assert.True(noType["errors"]!.AsObject().ContainsKey("type"));
        var required = await Json.ReadAsync(await client.PostAsync($"/api/v1/cases/{caseId}/events", Json.Body("""{"type": "exploitation"}""")));
        Assert.True(required["errors"]!.AsObject().ContainsKey("country"));
        Assert.True(required["errors"]!.AsObject().ContainsKey("types"));

        Assert.Empty((await Json.ReadAsync(await client.GetAsync($"/api/v1/cases/{caseId}/events"))).AsArray());
    }

    [Fact]
    public async Task Impossible_dates_are_refused()
    {
        var client = app.Api(app.OrgA, Roles.CaseWorker);
        var caseId = await Json.CreateCaseAsync(client, Json.NewCase("Min"));
        var url = $"/api/v1/cases/{caseId}/events";

        // Born 1999-04-12: a recruitment in 1998 (or in March 1999) cannot have happened.
        foreach (var date in new[] { "1998", "1999-03" })
        {
            var early = await client.PostAsJsonAsync(url, new { type = "recruitment", country = "MM", date });
            Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
            Assert.Contains("birth", (await Json.ReadAsync(early))["errors"]!["date"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        }

        // The month of birth is possible.
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync(url, new { type = "recruitment", country = "MM", date = "1999-04" })).StatusCode);

        var backwards = await client.PostAsJsonAsync(url, new { type = "transit", country = "TH", startDate = "2025-06-10", endDate = "2025-05" });
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("start", (await Json.ReadAsync(backwards))["errors"]!["endDate"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        var future = await client.PostAsJsonAsync(url, new { type = "exploitation", country = "TH", types = new[] { "forced_labour" }, startDate = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.True((await Json.ReadAsync(future))["errors"]!.AsObject().ContainsKey("startDate"));

        var abroad = await client.PostAsJsonAsync(url, new { type = "transit", country = "LA", province = "TH-43" });
        Assert.Equal(HttpStatusCode.BadRequest, abroad.StatusCode);
        Assert.True((await Json.ReadAsync(abroad))["errors"]!.AsObject().ContainsKey("province"));

        Assert.Single((await Json.ReadAsync(await client.GetAsync(url))).AsArray());
    }

    [Fact]
    public async Task Another_organisation_gets_404_and_roles_follow_the_case_rules()
    {
        var caseId = await Json.CreateCaseAsync(app.Api(app.OrgA, Roles.CaseWorker), Json.NewCase("Aye"));
        var url = $"/api/v1/cases/{caseId}/events";
        foreach (var role in Roles.CaseWriters)
        {
            var other = app.Api(app.OrgB, role);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync(url, Exploitation())).StatusCode);
        }

        foreach (var role in new[] { Roles.Analyst, Roles.HotlineOperator, Roles.NetworkAdmin })
        {
            var client = app.Api(app.OrgA, role);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync(url, Exploitation())).StatusCode);
        }

        var admin = app.Api(app.OrgA, Roles.OrgAdmin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync(url, Exploitation())).StatusCode);
        foreach (var role in Roles.CaseWriters)
        {
            Assert.Equal(HttpStatusCode.Created, (await app.Api(app.OrgA, role).PostAsJsonAsync(url, Exploitation())).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync(url)).StatusCode);
        Assert.Equal(Roles.CaseWriters.Count, (await Json.ReadAsync(await admin.GetAsync(url))).AsArray().Count);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api(app.OrgA, Roles.CaseWorker).GetAsync($"/api/v1/cases/{Guid.NewGuid()}/events")).StatusCode);
    }

    [Fact]
    public async Task The_event_page_follows_the_case_rules_and_adds_from_the_form()
    {
        var caseId = await Json.CreateCaseAsync(app.Api(app.OrgA, Roles.CaseWorker), Json.NewCase("Sai"));
        var worker = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.CaseWorker)]);
        var form = await worker.GetStringAsync($"/Events/New/{caseId}?type=exploitation");
        Assert.Contains("name=\"f.meansOfControl\"", form, StringComparison.Ordinal);

        var refused = await PageSession.PostFormAsync(worker, $"/Events/New/{caseId}?type=exploitation", new()
        {
            ["type"] = "exploitation", ["f.country"] = "", ["f.startDate"] = "2025-02", ["f.endDate"] = "2024",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("field-error", page, StringComparison.Ordinal);
        Assert.Contains("value=\"2025-02\"", page, StringComparison.Ordinal);

        var saved = await PageSession.PostFormAsync(worker, $"/Events/New/{caseId}?type=exploitation", new()
        {
            ["type"] = "exploitation", ["f.country"] = "TH", ["f.types"] = "forced_criminality", ["f.startDate"] = "2025-02",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var details = await worker.GetStringAsync($"/Cases/Details/{caseId}");
        Assert.Contains("event-exploitation", details, StringComparison.Ordinal);
        Assert.Contains("add-event", details, StringComparison.Ordinal);

        var admin = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.OrgAdmin)]);
        var adminDetails = await admin.GetStringAsync($"/Cases/Details/{caseId}");
        Assert.Contains("event-exploitation", adminDetails, StringComparison.Ordinal);
        Assert.DoesNotContain("add-event", adminDetails, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.GetAsync($"/Events/New/{caseId}")).StatusCode);

        var hotline = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.HotlineOperator)]);
        Assert.Equal(HttpStatusCode.Redirect, (await hotline.GetAsync($"/Events/New/{caseId}")).StatusCode);

        var otherOrg = await PageSession.SignInAsync(app, app.Emails[(app.OrgB, Roles.Supervisor)]);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOrg.GetAsync($"/Events/New/{caseId}")).StatusCode);
    }
}
