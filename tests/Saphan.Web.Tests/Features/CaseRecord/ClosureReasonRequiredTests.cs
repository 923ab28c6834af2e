using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.Identity;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.CaseRecord;

/// <summary>Closing a case needs a reason whichever route closes it: the status on PATCH or create, the edit page, the closure form.</summary>
[Trait("Category", "Database")]
public sealed class ClosureReasonRequiredTests(SaphanAppFactory app) : IClassFixture<SaphanAppFactory>
{
    [Fact]
    public async Task Patching_the_status_to_closed_needs_a_known_matching_reason()
    {
        var worker = app.Api(app.OrgA, Roles.CaseWorker);
        var caseId = await Json.CreateCaseAsync(worker, Json.NewCase("Closing"));
        var url = $"/api/v1/cases/{caseId}";

        var missing = await worker.PatchAsync(url, Json.Body(new { status = "closed" }));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var errors = (await Json.ReadAsync(missing))["errors"]!.AsObject();
        Assert.StartsWith("Required when closing a case", errors["closureReason"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("active", (await Json.ReadAsync(await worker.GetAsync(url)))["status"]!.GetValue<string>());

        var unknown = await worker.PatchAsync(url, Json.Body(new { status = "closed", closureReason = "bored" }));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await Json.ReadAsync(unknown))["errors"]!.AsObject().ContainsKey("closureReason"));
        var mismatch = await worker.PatchAsync(url, Json.Body(new { status = "closed", closureReason = "referred" }));
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);

        var closed = await worker.PatchAsync(url, Json.Body(new { status = "closed", closureReason = "lost_contact" }));
        Assert.True(closed.IsSuccessStatusCode, await closed.Content.ReadAsStringAsync());
        var closure = await Json.ReadAsync(await worker.GetAsync(url + "/closure"));
        Assert.Equal("lost_contact", closure["reason"]!.GetValue<string>());
        Assert.NotNull(closure["closedOn"]);
        // Audited as a closure, with its reason, like the closure form.
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        var id = caseId.ToString();
        Assert.Equal("lost_contact", await db.AuditEntries.Where(e => e.EntityId == id && e.Action == "case.closed").Select(e => e.Detail).SingleAsync());
    }

    [Fact]
    public async Task Closed_referred_implies_the_reason_referred_and_a_new_case_cannot_be_created_closed_without_one()
    {
        var worker = app.Api(app.OrgA, Roles.CaseWorker);
        var caseId = await Json.CreateCaseAsync(worker, Json.NewCase("Referred"));
        var referred = await worker.PatchAsync($"/api/v1/cases/{caseId}", Json.Body(new { status = "closed_referred" }));
        Assert.True(referred.IsSuccessStatusCode, await referred.Content.ReadAsStringAsync());
        Assert.Equal("referred", (await Json.ReadAsync(await worker.GetAsync($"/api/v1/cases/{caseId}/closure")))["reason"]!.GetValue<string>());

        var body = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Json.NewCase("Born closed")))!.AsObject();
        body["status"] = "closed";
        var created = await worker.PostAsync("/api/v1/cases", Json.Body(body.ToJsonString()));
        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.True((await Json.ReadAsync(created))["errors"]!.AsObject().ContainsKey("closureReason"));
    }

    [Fact]
    public async Task The_edit_page_asks_for_the_reason_when_the_status_closes_the_case()
    {
        var worker = app.Api(app.OrgA, Roles.CaseWorker);
        var caseId = await Json.CreateCaseAsync(worker, Json.NewCase("Page close"));
        var page = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.CaseWorker)]);
        var form = await page.GetStringAsync($"/Cases/Edit/{caseId}");
        Assert.Contains("name=\"Form.ClosureReason\"", form, StringComparison.Ordinal);
        var fields = PageFields(form);
        fields["Form.Status"] = "closed";
        fields["Form.ClosureReason"] = "";
        var refused = await PageSession.PostFormAsync(page, $"/Cases/Edit/{caseId}", fields);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Required when closing a case", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        fields = PageFields(await page.GetStringAsync($"/Cases/Edit/{caseId}"));
        fields["Form.Status"] = "closed";
        fields["Form.ClosureReason"] = "goals_met";
        var saved = await PageSession.PostFormAsync(page, $"/Cases/Edit/{caseId}", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("goals_met", (await Json.ReadAsync(await worker.GetAsync($"/api/v1/cases/{caseId}/closure")))["reason"]!.GetValue<string>());
    }

    /// <summary>The values a browser would post back unchanged: inputs with a value and selected options.</summary>
    private static Dictionary<string, string> PageFields(string html)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html, "<input[^>]*name=\"(Form\\.[^\"]+)\"[^>]*value=\"([^\"]*)\""))
        {
            fields[m.Groups[1].Value] = WebUtility.HtmlDecode(m.Groups[2].Value);
        }

        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html, "<select[^>]*name=\"(Form\\.[^\"]+)\"[^>]*>(.*?)</select>", System.Text.RegularExpressions.RegexOptions.Singleline))
        {
            var selected = System.Text.RegularExpressions.Regex.Match(m.Groups[2].Value, "<option value=\"([^\"]*)\" selected");
            if (selected.Success)
            {
                fields[m.Groups[1].Value] = WebUtility.HtmlDecode(selected.Groups[1].Value);
            }
        }

        return fields;
    }
}
