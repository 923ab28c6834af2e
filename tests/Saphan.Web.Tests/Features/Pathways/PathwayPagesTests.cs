using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Pathways;
using Saphan.Web.Tests.Features.Services;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.Pathways;

/// <summary>The pathway, gaps, follow-up and service pages follow the API's rules: their organisation only, the right roles only.</summary>
[Trait("Category", "Database")]
public sealed partial class PathwayPagesTests(SaphanAppFactory app) : IClassFixture<SaphanAppFactory>
{
    /// <summary>Posts a form with the session's antiforgery token, read from another page (the token is per session, not per form).</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields, string tokenPage = "/Pathways")
    {
        var page = await client.GetStringAsync(tokenPage);
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [Fact]
    public async Task A_worker_puts_a_case_on_the_pathway_and_marks_a_step_from_the_case_page_and_strangers_cannot()
    {
        var caseId = await PathwaysApiTests.CaseIdentifiedAsync(app.Api(app.OrgA, Roles.CaseWorker), "Panel", 10);
        var worker = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.CaseWorker)]);
        var details = await worker.GetStringAsync($"/Cases/Details/{caseId}");
        Assert.Contains("id=\"no-pathway\"", details, StringComparison.Ordinal);
        var assign = $"/Pathways/Case/{caseId}?handler=Assign";
        var assigned = await PostAsync(worker, assign, new() { ["pathwayId"] = CarePathway.StandardId.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        details = await worker.GetStringAsync($"/Cases/Details/{caseId}");
        Assert.Contains("id=\"step-safe_shelter\" data-status=\"overdue\"", details, StringComparison.Ordinal);
        Assert.Contains("id=\"step-mental_health\" data-status=\"pending\"", details, StringComparison.Ordinal);
        var marked = await PostAsync(worker, $"/Pathways/Case/{caseId}?handler=Mark", new() { ["step"] = "safe_shelter", ["mark"] = "done" });
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.Contains("id=\"step-safe_shelter\" data-status=\"done\"", await worker.GetStringAsync($"/Cases/Details/{caseId}"), StringComparison.Ordinal);
        var bad = await PostAsync(worker, $"/Pathways/Case/{caseId}?handler=Mark", new() { ["step"] = "safe_shelter", ["mark"] = "perhaps" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        foreach (var role in new[] { Roles.CaseWorker, Roles.Supervisor })
        {
            var stranger = await PageSession.SignInAsync(app, app.Emails[(app.OrgB, role)]);
            Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(stranger, assign, new() { ["pathwayId"] = CarePathway.StandardId.ToString() })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(stranger, $"/Pathways/Case/{caseId}?handler=Mark", new() { ["step"] = "safe_shelter", ["mark"] = "skipped" })).StatusCode);
        }

        foreach (var role in new[] { Roles.OrgAdmin, Roles.Analyst, Roles.HotlineOperator, Roles.NetworkAdmin })
        {
            var weak = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, role)]);
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(weak, $"/Pathways/Case/{caseId}?handler=Mark", new() { ["step"] = "safe_shelter", ["mark"] = "skipped" })).StatusCode);
        }

        // Nothing the strangers and weaker roles sent was stored.
        Assert.Contains("id=\"step-safe_shelter\" data-status=\"done\"", await worker.GetStringAsync($"/Cases/Details/{caseId}"), StringComparison.Ordinal);
        var admin = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.OrgAdmin)]);
        var adminView = await admin.GetStringAsync($"/Cases/Details/{caseId}");
        Assert.Contains("id=\"step-safe_shelter\"", adminView, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"mark-safe_shelter\"", adminView, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_gaps_page_shows_own_cases_by_reference_to_supervisors_counts_to_the_network_and_nothing_to_weaker_roles()
    {
        var api = app.Api(app.OrgA, Roles.CaseWorker);
        var caseId = await PathwaysApiTests.CaseIdentifiedAsync(api, "Gappage", 20);
        await api.PutAsJsonAsync($"/api/v1/cases/{caseId}/pathway", new { pathwayId = CarePathway.StandardId });

        var supervisor = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.Supervisor)]);
        var page = await supervisor.GetStringAsync("/Gaps");
        Assert.Matches($"<tr data-case=\"{caseId}\">(?:(?!</tr>)[\\s\\S])*data-step=\"safe_shelter\" data-status=\"overdue\"", page);
        Assert.DoesNotContain("Gappage", page, StringComparison.Ordinal);
        Assert.Contains("id=\"missing-services\"", page, StringComparison.Ordinal);

        var other = await PageSession.SignInAsync(app, app.Emails[(app.OrgB, Roles.Supervisor)]);
        Assert.DoesNotContain(caseId.ToString(), await other.GetStringAsync("/Gaps"), StringComparison.Ordinal);
        var network = await PageSession.SignInAsync(app, app.Emails[(app.OrgB, Roles.NetworkAdmin)]);
        var networkPage = await network.GetStringAsync("/Gaps");
        Assert.Contains("id=\"step-counts\"", networkPage, StringComparison.Ordinal);
        Assert.DoesNotContain(caseId.ToString(), networkPage, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"late-steps\"", networkPage, StringComparison.Ordinal);

        foreach (var role in new[] { Roles.CaseWorker, Roles.HotlineOperator, Roles.LawEnforcement })
        {
            var weak = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, role)]);
            Assert.Equal(HttpStatusCode.Redirect, (await weak.GetAsync("/Gaps")).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await weak.GetAsync("/FollowUps/Figures")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().GetAsync("/Gaps")).StatusCode);
    }

    [Fact]
    public async Task Only_a_network_admin_edits_a_template_on_its_page_and_the_edit_is_a_new_version()
    {
        var admin = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.NetworkAdmin)]);
        var created = await app.Api(app.OrgA, Roles.NetworkAdmin).PostAsJsonAsync("/api/v1/pathways",
            new { code = "page_edit", name = "Page edit", steps = new object[] { new { code = "safe_shelter", serviceTypes = new[] { "shelter" }, expectedDays = 1 } } });
        var id = (await Json.ReadAsync(created))["id"]!.GetValue<Guid>();
        Assert.Contains("id=\"edit-page_edit\"", await admin.GetStringAsync("/Pathways"), StringComparison.Ordinal);
        var saved = await PageSession.PostFormAsync(admin, $"/Pathways/Edit/{id}", new()
        {
            ["Name"] = "Page edit", ["Steps[0].Code"] = "safe_shelter", ["Steps[0].ExpectedDays"] = "3", ["Steps[0].From"] = "identification", ["Steps[0].ServiceTypes"] = "shelter",
            ["Steps[1].Code"] = "health_check", ["Steps[1].ExpectedDays"] = "7", ["Steps[1].From"] = "previous_step", ["Steps[1].ServiceTypes"] = "medical",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var versions = (await Json.ReadAsync(await app.Api(app.OrgA, Roles.CaseWorker).GetAsync("/api/v1/pathways?all=true"))).AsArray()
            .Where(p => p!["code"]!.GetValue<string>() == "page_edit").ToList();
        Assert.Equal(2, versions.Count);
        Assert.Equal(2, versions.Single(v => v!["isCurrent"]!.GetValue<bool>())!["steps"]!.AsArray().Count);

        foreach (var role in new[] { Roles.OrgAdmin, Roles.Supervisor, Roles.CaseWorker })
        {
            var weak = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, role)]);
            Assert.Equal(HttpStatusCode.OK, (await weak.GetAsync("/Pathways")).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await weak.GetAsync($"/Pathways/Edit/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(weak, $"/Pathways/Edit/{id}", new() { ["Name"] = "Hijack", ["Steps[0].Code"] = "safe_shelter", ["Steps[0].ExpectedDays"] = "1" })).StatusCode);
        }

        Assert.Equal(2, (await Json.ReadAsync(await app.Api(app.OrgA, Roles.CaseWorker).GetAsync("/api/v1/pathways?all=true"))).AsArray().Count(p => p!["code"]!.GetValue<string>() == "page_edit"));
    }

    [Fact]
    public async Task Follow_ups_are_scheduled_and_recorded_from_the_case_page_by_its_organisation_only()
    {
        var caseId = await PathwaysApiTests.CaseIdentifiedAsync(app.Api(app.OrgA, Roles.CaseWorker), "Followed", 400);
        var worker = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.CaseWorker)]);
        Assert.Contains("id=\"schedule-follow-ups\"", await worker.GetStringAsync($"/Cases/Details/{caseId}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(worker, $"/FollowUps/Schedule/{caseId}", [])).StatusCode);
        var details = await worker.GetStringAsync($"/Cases/Details/{caseId}");
        var id = Regex.Match(details, "href=\"/FollowUps/Record/([0-9a-f-]{36})\"").Groups[1].Value;
        Assert.NotEmpty(id);
        Assert.DoesNotContain("id=\"schedule-follow-ups\"", details, StringComparison.Ordinal);

        foreach (var role in new[] { Roles.CaseWorker, Roles.Supervisor })
        {
            var stranger = await PageSession.SignInAsync(app, app.Emails[(app.OrgB, role)]);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/FollowUps/Record/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(stranger, $"/FollowUps/Record/{id}", new() { ["DoneOn"] = "2026-01-01", ["Outcomes"] = "in_contact" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(stranger, $"/FollowUps/Schedule/{caseId}", [])).StatusCode);
        }

        foreach (var role in new[] { Roles.OrgAdmin, Roles.Analyst, Roles.HotlineOperator })
        {
            var weak = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, role)]);
            Assert.Equal(HttpStatusCode.Redirect, (await weak.GetAsync($"/FollowUps/Record/{id}")).StatusCode);
        }

        var invalid = await PageSession.PostFormAsync(worker, $"/FollowUps/Record/{id}", new() { ["DoneOn"] = "2026-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("field-error", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var recorded = await PageSession.PostFormAsync(worker, $"/FollowUps/Record/{id}", new() { ["DoneOn"] = "2026-01-01", ["Outcomes"] = "safe_stable" });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Contains("pill-outcome-safe_stable", await worker.GetStringAsync($"/Cases/Details/{caseId}"), StringComparison.Ordinal);

        var supervisor = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.Supervisor)]);
        var figures = await supervisor.GetStringAsync("/FollowUps/Figures");
        Assert.Contains("id=\"outcome-figures\"", figures, StringComparison.Ordinal);
        Assert.Contains($"data-organisation=\"{app.OrgA}\"", figures, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_org_admin_publishes_and_edits_a_service_on_its_page_and_nobody_else_changes_it()
    {
        var admin = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.OrgAdmin)]);
        Assert.Contains("id=\"new-service\"", await admin.GetStringAsync("/Services"), StringComparison.Ordinal);
        var name = "Page shelter " + Guid.NewGuid().ToString("N")[..6];
        var created = await PageSession.PostFormAsync(admin, "/Services/Edit", new()
        {
            ["Form.Type"] = "shelter", ["Form.Name"] = name, ["Form.Provinces"] = "TH-50", ["Form.Languages"] = "th", ["Form.Capacity"] = "12", ["Form.Available"] = "4",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var found = (await Json.ReadAsync(await app.Api(app.OrgB, Roles.CaseWorker).GetAsync("/api/v1/services?type=shelter&province=TH-50"))).AsArray()
            .Single(s => s!["name"]!.GetValue<string>() == name)!;
        var id = found["id"]!.GetValue<Guid>();
        Assert.Equal(4, found["available"]!.GetValue<int>());

        var invalid = await PageSession.PostFormAsync(admin, $"/Services/Edit/{id}", new() { ["Form.Type"] = "shelter", ["Form.Name"] = name, ["Form.Capacity"] = "2", ["Form.Available"] = "5" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var page = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("field-error", page, StringComparison.Ordinal);
        var edited = await PageSession.PostFormAsync(admin, $"/Services/Edit/{id}", new() { ["Form.Type"] = "shelter", ["Form.Name"] = name, ["Form.Provinces"] = "TH-50", ["Form.Capacity"] = "12", ["Form.Available"] = "0" });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal(0, (await Json.ReadAsync(await app.Api(app.OrgA, Roles.CaseWorker).GetAsync($"/api/v1/services/{id}")))["available"]!.GetValue<int>());

        foreach (var role in new[] { Roles.OrgAdmin, Roles.Supervisor })
        {
            var stranger = await PageSession.SignInAsync(app, app.Emails[(app.OrgB, role)]);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Services/Edit/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(stranger, $"/Services/Edit/{id}", new() { ["Form.Type"] = "shelter", ["Form.Name"] = "Taken", ["Form.Provinces"] = "TH-50", ["Form.Capacity"] = "1" })).StatusCode);
        }

        foreach (var role in new[] { Roles.CaseWorker, Roles.Analyst, Roles.NetworkAdmin })
        {
            var weak = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, role)]);
            Assert.DoesNotContain("id=\"new-service\"", await weak.GetStringAsync("/Services"), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Redirect, (await weak.GetAsync("/Services/Edit")).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(weak, $"/Services/Edit/{id}", new() { ["Form.Type"] = "shelter", ["Form.Name"] = "Taken", ["Form.Provinces"] = "TH-50", ["Form.Capacity"] = "1" })).StatusCode);
        }

        Assert.Equal(name, (await Json.ReadAsync(await app.Api(app.OrgA, Roles.CaseWorker).GetAsync($"/api/v1/services/{id}")))["name"]!.GetValue<string>());
    }
}
