using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.Consents;
using Saphan.Core.Features.Identity;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.Consents;

[Trait("Category", "Database")]
public sealed class ConsentsApiTests(SaphanAppFactory app) : IClassFixture<SaphanAppFactory>
{
    private static object Consent(string purpose = "care", string status = "given", string method = "written", string recordedOn = "2026-03-02", string? note = null) =>
        new { purpose, status, method, recordedOn, note };

    private static string CurrentOf(JsonNode consents, string purpose) =>
        consents["current"]!.AsArray().Single(c => c!["purpose"]!.GetValue<string>() == purpose)!["status"]!.GetValue<string>();

    [Fact]
    public async Task Recording_a_consent_returns_it_and_the_current_status_follows_per_purpose()
    {
        var client = app.Api(app.OrgA, Roles.CaseWorker);
        var caseId = await Json.CreateCaseAsync(client, Json.NewCase("Malai"));

        var empty = await Json.ReadAsync(await client.GetAsync($"/api/v1/cases/{caseId}/consents"));
        Assert.All(empty["current"]!.AsArray(), c => Assert.Equal("none", c!["status"]!.GetValue<string>()));
        Assert.Equal(4, empty["current"]!.AsArray().Count);
        Assert.Empty(empty["history"]!.AsArray());

        var response = await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/consents", Consent(note: "Signed the form in Burmese."));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await Json.ReadAsync(response);
        Assert.Equal("care", created["purpose"]!.GetValue<string>());
        Assert.Equal("given", created["status"]!.GetValue<string>());
        Assert.Equal("written", created["method"]!.GetValue<string>());
        Assert.Equal("2026-03-02", created["recordedOn"]!.GetValue<string>());
        Assert.Equal("Signed the form in Burmese.", created["note"]!.GetValue<string>());
        var worker = await UserIdAsync(app.Emails[(app.OrgA, Roles.CaseWorker)]);
        Assert.Equal(worker, created["recordedBy"]!.GetValue<Guid>());

        var consents = await Json.ReadAsync(await client.GetAsync($"/api/v1/cases/{caseId}/consents"));
        Assert.Equal("given", CurrentOf(consents, "care"));
        Assert.Equal("none", CurrentOf(consents, "referral"));
        Assert.Equal("none", CurrentOf(consents, "law_enforcement"));
        Assert.Single(consents["history"]!.AsArray());

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        Assert.Equal("given", await ConsentStatus.CurrentAsync(db, caseId, "care"));
        Assert.Equal(ConsentStatus.None, await ConsentStatus.CurrentAsync(db, caseId, "reporting"));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "consent.recorded" && e.EntityId == created["id"]!.GetValue<Guid>().ToString()));
    }

    [Fact]
    public async Task A_withdrawal_flips_the_current_status_at_once_and_the_history_keeps_both()
    {
        var client = app.Api(app.OrgA, Roles.Supervisor);
        var caseId = await Json.CreateCaseAsync(client, Json.NewCase("Wan"));
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/consents", Consent("referral", "given", recordedOn: "2026-03-05"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/consents", Consent("care", "given", recordedOn: "2026-03-05"))).StatusCode);
        Assert.Equal("given", CurrentOf(await Json.ReadAsync(await client.GetAsync($"/api/v1/cases/{caseId}/consents")), "referral"));

        // Withdrawn on the same day: the later record wins.
        var withdrawn = await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/consents", Consent("referral", "withdrawn", "verbal_witnessed", "2026-03-05"));
        Assert.Equal(HttpStatusCode.Created, withdrawn.StatusCode);

        var consents = await Json.ReadAsync(await client.GetAsync($"/api/v1/cases/{caseId}/consents"));
        Assert.Equal("withdrawn", CurrentOf(consents, "referral"));
        Assert.Equal("given", CurrentOf(consents, "care"));
        Assert.Equal(3, consents["history"]!.AsArray().Count);
        Assert.Equal("withdrawn", consents["history"]![0]!["status"]!.GetValue<string>());

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        Assert.Equal("withdrawn", await ConsentStatus.CurrentAsync(db, caseId, "referral"));
        Assert.False(await ConsentStatus.IsGivenAsync(db, caseId, "referral"));
    }

    [Fact]
    public async Task Bad_input_names_every_field_and_stores_nothing()
    {
        var client = app.Api(app.OrgA, Roles.CaseWorker);
        var caseId = await Json.CreateCaseAsync(client, Json.NewCase("Dao"));
        var response = await client.PostAsync($"/api/v1/cases/{caseId}/consents", Json.Body("""
            {"purpose": "marketing", "status": "maybe", "method": "telepathy", "recordedOn": "2300-01-01", "note": 5, "colour": "blue"}
            """));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Json.ReadAsync(response))["errors"]!.AsObject();
        foreach (var field in new[] { "purpose", "status", "method", "recordedOn", "note", "colour" })
        {
            Assert.True(errors.ContainsKey(field), $"no error for {field}: {errors.ToJsonString()}");
        }

        Assert.Contains("future", errors["recordedOn"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("marketing", errors.ToJsonString(), StringComparison.Ordinal);

        var missing = await Json.ReadAsync(await client.PostAsync($"/api/v1/cases/{caseId}/consents", Json.Body("{}")));
        foreach (var field in new[] { "purpose", "status", "method", "recordedOn" })
        {
            Assert.True(missing["errors"]!.AsObject().ContainsKey(field), $"no error for missing {field}");
        }

        // The case was identified on 2026-03-01: a decision before that day is refused.
        var early = await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/consents", Consent(recordedOn: "2026-02-27"));
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("identification", (await Json.ReadAsync(early))["errors"]!["recordedOn"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        var consents = await Json.ReadAsync(await client.GetAsync($"/api/v1/cases/{caseId}/consents"));
        Assert.Empty(consents["history"]!.AsArray());
    }

    [Fact]
    public async Task A_guardian_consent_for_an_adult_is_stored_with_a_warning_and_for_a_child_without()
    {
        var client = app.Api(app.OrgA, Roles.CaseWorker);
        var adult = await Json.CreateCaseAsync(client, Json.NewCase("Pim"));
        var response = await client.PostAsJsonAsync($"/api/v1/cases/{adult}/consents", Consent(method: "guardian"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True((await Json.ReadAsync(response))["warnings"]!.AsObject().ContainsKey("method"));

        var child = await Json.CreateCaseAsync(client, new
        {
            person = new { givenName = "Nok", estimatedAge = 14 },
            identifiedOn = "2026-03-01",
            province = "TH-57",
        });
        var forChild = await client.PostAsJsonAsync($"/api/v1/cases/{child}/consents", Consent(method: "guardian"));
        Assert.Equal(HttpStatusCode.Created, forChild.StatusCode);
        Assert.Empty((await Json.ReadAsync(forChild))["warnings"]!.AsObject());
    }

    [Fact]
    public async Task There_is_no_way_to_change_or_delete_a_consent_record()
    {
        var client = app.Api(app.OrgA, Roles.CaseWorker);
        var caseId = await Json.CreateCaseAsync(client, Json.NewCase("Lek"));
        var created = await Json.ReadAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/consents", Consent()));
        var id = created["id"]!.GetValue<Guid>();
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.PatchAsync($"/api/v1/cases/{caseId}/consents", Json.Body(new { status = "refused" }))).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.DeleteAsync($"/api/v1/cases/{caseId}/consents")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/v1/cases/{caseId}/consents/{id}")).StatusCode);

        // Not even the database lets a record change.
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        await Assert.ThrowsAnyAsync<Exception>(() => db.ConsentRecords.Where(r => r.Id == id).ExecuteDeleteAsync());
        Assert.Equal("given", await ConsentStatus.CurrentAsync(db, caseId, "care"));
    }

    [Fact]
    public async Task Another_organisation_gets_404_and_roles_follow_the_case_rules()
    {
        var caseId = await Json.CreateCaseAsync(app.Api(app.OrgA, Roles.CaseWorker), Json.NewCase("Fon"));
        var url = $"/api/v1/cases/{caseId}/consents";
        foreach (var role in Roles.CaseWriters)
        {
            var other = app.Api(app.OrgB, role);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync(url, Consent())).StatusCode);
        }

        foreach (var role in new[] { Roles.Analyst, Roles.HotlineOperator, Roles.NetworkAdmin })
        {
            var client = app.Api(app.OrgA, role);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync(url, Consent())).StatusCode);
        }

        var admin = app.Api(app.OrgA, Roles.OrgAdmin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync(url, Consent())).StatusCode);

        foreach (var role in Roles.CaseWriters)
        {
            Assert.Equal(HttpStatusCode.Created, (await app.Api(app.OrgA, role).PostAsJsonAsync(url, Consent())).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync(url)).StatusCode);
        var history = await Json.ReadAsync(await admin.GetAsync(url));
        Assert.Equal(Roles.CaseWriters.Count, history["history"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_consent_pages_follow_the_case_rules_and_record_from_the_form()
    {
        var caseId = await Json.CreateCaseAsync(app.Api(app.OrgA, Roles.CaseWorker), Json.NewCase("Ploy"));
        var worker = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.CaseWorker)]);
        var details = await worker.GetStringAsync($"/Cases/Details/{caseId}");
        Assert.Contains("id=\"consents\"", details, StringComparison.Ordinal);
        Assert.Contains("record-consent", details, StringComparison.Ordinal);

        var refused = await PageSession.PostFormAsync(worker, $"/Consents/Record/{caseId}", new()
        {
            ["Form.Purpose"] = "", ["Form.Status"] = "given", ["Form.Method"] = "written", ["Form.RecordedOn"] = "2026-02-01",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("field-error", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var saved = await PageSession.PostFormAsync(worker, $"/Consents/Record/{caseId}", new()
        {
            ["Form.Purpose"] = "law_enforcement", ["Form.Status"] = "refused", ["Form.Method"] = "verbal_witnessed", ["Form.RecordedOn"] = "2026-03-03",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await worker.GetStringAsync($"/Cases/Details/{caseId}");
        Assert.Contains("pill-consent-refused", after, StringComparison.Ordinal);

        var admin = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.OrgAdmin)]);
        var adminDetails = await admin.GetStringAsync($"/Cases/Details/{caseId}");
        Assert.Contains("pill-consent-refused", adminDetails, StringComparison.Ordinal);
        Assert.DoesNotContain("record-consent", adminDetails, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.GetAsync($"/Consents/Record/{caseId}")).StatusCode);

        var analyst = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.Analyst)]);
        Assert.Equal(HttpStatusCode.Redirect, (await analyst.GetAsync($"/Consents/Record/{caseId}")).StatusCode);

        var otherOrg = await PageSession.SignInAsync(app, app.Emails[(app.OrgB, Roles.CaseWorker)]);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOrg.GetAsync($"/Consents/Record/{caseId}")).StatusCode);
    }

    private async Task<Guid> UserIdAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }
}
