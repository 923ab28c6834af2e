using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Saphan.Core.Features.Identity;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.CaseRecord;

[Trait("Category", "Database")]
public sealed partial class CaseRecordPagesTests(SaphanAppFactory app) : IClassFixture<SaphanAppFactory>
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>Posts a form as the signed-in browser would, with an antiforgery token from a page the user may open.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var token = TokenPattern().Match(await client.GetStringAsync("/Tasks"));
        Assert.True(token.Success, "no antiforgery token on /Tasks");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task The_case_page_shows_the_sections_and_the_forms_save_or_show_their_errors()
    {
        var api = app.Api(app.OrgA, Roles.CaseWorker);
        var caseId = await Json.CreateCaseAsync(api, Json.NewCase("Su Su"));
        var worker = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.CaseWorker)]);
        var details = await worker.GetStringAsync($"/Cases/Details/{caseId}");
        foreach (var id in new[] { "id=\"vulnerability\"", "id=\"plan\"", "id=\"comment\"", "id=\"closure\"", "save-vulnerability", "add-action", "add-comment", "close-case", "record-screening", "add-event", "data-missing=\"vulnerability\"" })
        {
            Assert.Contains(id, details, StringComparison.Ordinal);
        }

        var edit = $"/CaseRecord/Edit/{caseId}";
        var refused = await PostAsync(worker, edit + "?handler=Vulnerability", new() { ["Vulnerability.AssessedOn"] = "", ["Vulnerability.IncomeBand"] = "lots", ["Vulnerability.DebtThb"] = "abc" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("form-errors", html, StringComparison.Ordinal);
        Assert.True(Regex.Count(html, "field-error") >= 3);

        var saved = await PostAsync(worker, edit + "?handler=Vulnerability", new() { ["Vulnerability.AssessedOn"] = "2026-03-04", ["Vulnerability.Dependants"] = "2" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(worker, edit + "?handler=Plan", new() { ["Plan.Objectives"] = "Go home safely." })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(worker, edit + "?handler=Action", new() { ["Action.Type"] = "repatriation", ["Action.Description"] = "Travel papers.", ["Action.Status"] = "planned" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(worker, edit + "?handler=Action", new() { ["Action.Type"] = "", ["Action.Description"] = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(worker, edit + "?handler=Comment", new() { ["CommentText"] = "Family traced." })).StatusCode);
        var after = await worker.GetStringAsync($"/Cases/Details/{caseId}");
        Assert.Contains("Go home safely.", after, StringComparison.Ordinal);
        Assert.Contains("Travel papers.", after, StringComparison.Ordinal);
        Assert.Contains("Family traced.", after, StringComparison.Ordinal);
        Assert.DoesNotContain("data-missing=\"vulnerability\"", after, StringComparison.Ordinal);

        // Closed: the forms are gone, a page post goes back to the case, nothing is stored.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(worker, edit + "?handler=Close", new() { ["Closure.Reason"] = "repatriated", ["Closure.ClosedOn"] = "2026-06-01" })).StatusCode);
        var closed = await worker.GetStringAsync($"/Cases/Details/{caseId}");
        Assert.Contains("closed-banner", closed, StringComparison.Ordinal);
        Assert.DoesNotContain("add-comment", closed, StringComparison.Ordinal);
        Assert.DoesNotContain("reopen-case", closed, StringComparison.Ordinal);
        Assert.DoesNotContain("record-screening", closed, StringComparison.Ordinal);
        Assert.DoesNotContain("/Events/New/", closed, StringComparison.Ordinal);
        var late = await PostAsync(worker, edit + "?handler=Comment", new() { ["CommentText"] = "Too late." });
        Assert.Equal(HttpStatusCode.Redirect, late.StatusCode);
        Assert.EndsWith("#closure", late.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await PostAsync(worker, edit + "?handler=Reopen", new() { ["ReopenReason"] = "I want to reopen it." })).StatusCode);
        var comments = (await Json.ReadAsync(await api.GetAsync($"/api/v1/cases/{caseId}/comments"))).AsArray();
        Assert.Single(comments);

        var supervisor = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.Supervisor)]);
        Assert.Contains("reopen-case", await supervisor.GetStringAsync($"/Cases/Details/{caseId}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(supervisor, edit + "?handler=Reopen", new() { ["ReopenReason"] = "Came back for legal help." })).StatusCode);
        Assert.Equal("active", (await Json.ReadAsync(await api.GetAsync($"/api/v1/cases/{caseId}/closure")))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_victim_context_panel_shows_what_the_import_stored_and_a_case_writer_changes_it_on_the_case_page()
    {
        var api = app.Api(app.OrgA, Roles.CaseWorker);
        var caseId = await Json.CreateCaseAsync(api, Json.NewCase("Nilar"));
        var worker = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.CaseWorker)]);
        var details = await worker.GetStringAsync($"/Cases/Details/{caseId}");
        Assert.Contains("id=\"victim\"", details, StringComparison.Ordinal);
        Assert.Contains("save-victim", details, StringComparison.Ordinal);
        Assert.Contains("Not recorded", details, StringComparison.Ordinal);

        var edit = $"/CaseRecord/Edit/{caseId}?handler=Victim";
        var refused = await PostAsync(worker, edit, new() { ["Victim.TraffickingStatus"] = "", ["Victim.TraffickingStatusDecidedBy"] = "aliens" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("form-errors", html, StringComparison.Ordinal);
        Assert.True(Regex.Count(html, "field-error") >= 2);
        Assert.Null((await Json.ReadAsync(await api.GetAsync($"/api/v1/cases/{caseId}/victim-context")))["traffickingStatus"]);

        var saved = await PostAsync(worker, edit, new() { ["Victim.TraffickingStatus"] = "actual", ["Victim.TraffickingStatusDecidedBy"] = "central_government" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.EndsWith("#victim", saved.Headers.Location!.ToString(), StringComparison.Ordinal);
        var after = await worker.GetStringAsync($"/Cases/Details/{caseId}");
        Assert.Contains("Victim of trafficking", after, StringComparison.Ordinal);
        Assert.Contains("Central government", after, StringComparison.Ordinal);

        // The org admin reads it (no form); another organisation and roles that write no cases can't change it.
        var admin = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.OrgAdmin)]);
        var adminDetails = await admin.GetStringAsync($"/Cases/Details/{caseId}");
        Assert.Contains("Victim of trafficking", adminDetails, StringComparison.Ordinal);
        Assert.DoesNotContain("save-victim", adminDetails, StringComparison.Ordinal);
        var otherOrg = await PageSession.SignInAsync(app, app.Emails[(app.OrgB, Roles.Supervisor)]);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(otherOrg, edit, new() { ["Victim.TraffickingStatus"] = "not_trafficked" })).StatusCode);
        foreach (var role in new[] { Roles.OrgAdmin, Roles.Analyst, Roles.HotlineOperator })
        {
            var client = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, role)]);
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, edit, new() { ["Victim.TraffickingStatus"] = "not_trafficked" })).StatusCode);
        }

        Assert.Equal("actual", (await Json.ReadAsync(await api.GetAsync($"/api/v1/cases/{caseId}/victim-context")))["traffickingStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task Other_organisations_and_weaker_roles_cannot_open_or_post_the_case_record_forms()
    {
        var api = app.Api(app.OrgA, Roles.CaseWorker);
        var caseId = await Json.CreateCaseAsync(api, Json.NewCase("Win Win"));
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/cases/{caseId}/vulnerability", new { assessedOn = "2026-03-02", individual = new[] { "addiction" } })).StatusCode);
        var edit = $"/CaseRecord/Edit/{caseId}";

        var otherOrg = await PageSession.SignInAsync(app, app.Emails[(app.OrgB, Roles.CaseWorker)]);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOrg.GetAsync(edit)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(otherOrg, edit + "?handler=Comment", new() { ["CommentText"] = "Not my case." })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(otherOrg, edit + "?handler=Close", new() { ["Closure.Reason"] = "other", ["Closure.ClosedOn"] = "2026-06-01" })).StatusCode);

        foreach (var role in new[] { Roles.OrgAdmin, Roles.Analyst, Roles.HotlineOperator })
        {
            var client = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, role)]);
            Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(edit)).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, edit + "?handler=Comment", new() { ["CommentText"] = "Not allowed." })).StatusCode);
        }

        var admin = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.OrgAdmin)]);
        var adminDetails = await admin.GetStringAsync($"/Cases/Details/{caseId}");
        Assert.Contains("id=\"vulnerability\"", adminDetails, StringComparison.Ordinal);
        Assert.DoesNotContain("save-vulnerability", adminDetails, StringComparison.Ordinal);
        Assert.DoesNotContain("close-case", adminDetails, StringComparison.Ordinal);
        Assert.DoesNotContain("Addiction", adminDetails, StringComparison.Ordinal);

        var police = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.LawEnforcement)]);
        var policeDetails = await police.GetStringAsync($"/Cases/Details/{caseId}");
        Assert.Contains("save-vulnerability", policeDetails, StringComparison.Ordinal);
        Assert.DoesNotContain("Vulnerability.Individual", policeDetails, StringComparison.Ordinal);
        Assert.DoesNotContain("Addiction", policeDetails, StringComparison.Ordinal);

        Assert.Empty((await Json.ReadAsync(await api.GetAsync($"/api/v1/cases/{caseId}/comments"))).AsArray());
        Assert.False((await Json.ReadAsync(await api.GetAsync($"/api/v1/cases/{caseId}/closure")))["closed"]!.GetValue<bool>());
    }
}
