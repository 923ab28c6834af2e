using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Persons;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.Tips;

/// <summary>The partner replies (accepted / declined with a reason), the sender withdraws a route (access ends at once), org admins declare coverage.</summary>
[Trait("Category", "Database")]
public sealed class TipRouteRepliesTests(TipsFixture tips) : IClassFixture<TipsFixture>
{
    private HttpClient Operator => tips.Api(tips.Hotline, Roles.HotlineOperator);
    private HttpClient Police => tips.Api(tips.Police, Roles.LawEnforcement);

    private async Task<(Guid Tip, Guid Route)> RoutedTipAsync(Guid partner, bool danger = true, bool children = false)
    {
        var receipt = await tips.SubmitAsync(new { description = "Men kept on a boat at Sattahip pier.", province = "TH-20", imminentDanger = danger, childrenAtRisk = children });
        var tip = await tips.TipIdAsync(receipt);
        var routed = await Operator.PostAsync($"/api/v1/tips/{tip}/routes", Json.Body(new { organisationId = partner }));
        Assert.Equal(HttpStatusCode.Created, routed.StatusCode);
        return (tip, (await Json.ReadAsync(routed))["id"]!.GetValue<Guid>());
    }

    private async Task<bool> AuditedAsync(string action, Guid tip)
    {
        using var scope = tips.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SaphanDbContext>().AuditEntries.AnyAsync(e => e.Action == action && e.EntityId == tip.ToString());
    }

    private async Task<System.Text.Json.Nodes.JsonNode> HotlineRouteAsync(Guid tip, Guid route) =>
        (await Json.ReadAsync(await Operator.GetAsync($"/api/v1/tips/{tip}")))["routes"]!.AsArray().Single(r => r!["id"]!.GetValue<Guid>() == route)!;

    [Fact]
    public async Task The_partner_accepts_or_declines_with_a_reason_and_the_hotline_sees_it()
    {
        var (tip, route) = await RoutedTipAsync(tips.Police);
        var accepted = await Police.PostAsync($"/api/v1/routed-tips/{tip}/reply", Json.Body(new { decision = "accepted", note = "Unit 3 goes tonight" }));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("accepted", (await Json.ReadAsync(accepted))["state"]!.GetValue<string>());
        var seen = await HotlineRouteAsync(tip, route);
        Assert.Equal("accepted", seen["state"]!.GetValue<string>());
        Assert.Equal("Unit 3 goes tonight", seen["replyNote"]!.GetValue<string>());
        Assert.NotNull(seen["acknowledgedAt"]);

        var noReason = await Police.PostAsync($"/api/v1/routed-tips/{tip}/reply", Json.Body(new { decision = "declined" }));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await Json.ReadAsync(noReason))["errors"]!.AsObject().ContainsKey("reason"));
        var badDecision = await Police.PostAsync($"/api/v1/routed-tips/{tip}/reply", Json.Body(new { decision = "maybe", colour = "red" }));
        var errors = (await Json.ReadAsync(badDecision))["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("decision") && errors.ContainsKey("colour"));

        var declined = await Police.PostAsync($"/api/v1/routed-tips/{tip}/reply", Json.Body(new { decision = "declined", reason = "Pier is outside our district" }));
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        seen = await HotlineRouteAsync(tip, route);
        Assert.Equal("declined", seen["state"]!.GetValue<string>());
        Assert.Equal("Pier is outside our district", seen["replyReason"]!.GetValue<string>());
        // A declined tip is not turned into a case.
        Assert.Equal(HttpStatusCode.BadRequest, (await Police.PostAsync($"/api/v1/routed-tips/{tip}/case", null)).StatusCode);
        Assert.True(await AuditedAsync("tip.route_accepted", tip));
        Assert.True(await AuditedAsync("tip.route_declined", tip));

        // Reasons and notes are ciphertext at rest.
        foreach (var dump in await tips.DatabaseContentsAsync())
        {
            Assert.DoesNotContain("Pier is outside our district", dump, StringComparison.Ordinal);
            Assert.DoesNotContain("Unit 3 goes tonight", dump, StringComparison.Ordinal);
        }

        // Another organisation and a role that is not a case writer cannot reply.
        Assert.Equal(HttpStatusCode.NotFound, (await tips.Api(tips.Labour, Roles.LabourInspector).PostAsync($"/api/v1/routed-tips/{tip}/reply",
            Json.Body(new { decision = "accepted" }))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tips.Api(tips.Police, Roles.Analyst).PostAsync($"/api/v1/routed-tips/{tip}/reply",
            Json.Body(new { decision = "accepted" }))).StatusCode);
    }

    [Fact]
    public async Task A_withdrawn_route_ends_the_partners_access_at_once()
    {
        var (tip, route) = await RoutedTipAsync(tips.Police);
        Assert.Equal(HttpStatusCode.OK, (await Police.GetAsync($"/api/v1/routed-tips/{tip}")).StatusCode);

        var noReason = await Operator.PostAsync($"/api/v1/tip-routes/{route}/withdraw", Json.Body(new { }));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await Json.ReadAsync(noReason))["errors"]!.AsObject().ContainsKey("reason"));
        // Only the sending hotline's triage roles.
        Assert.Equal(HttpStatusCode.Forbidden, (await Police.PostAsync($"/api/v1/tip-routes/{route}/withdraw", Json.Body(new { reason = "x" }))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tips.Api(tips.ChiangMaiHotline, Roles.HotlineOperator)
            .PostAsync($"/api/v1/tip-routes/{route}/withdraw", Json.Body(new { reason = "x" }))).StatusCode);

        var withdrawn = await Operator.PostAsync($"/api/v1/tip-routes/{route}/withdraw", Json.Body(new { reason = "Sent to the wrong unit" }));
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal("withdrawn", (await Json.ReadAsync(withdrawn))["state"]!.GetValue<string>());
        Assert.Equal("withdrawn", (await HotlineRouteAsync(tip, route))["state"]!.GetValue<string>());
        Assert.True(await AuditedAsync("tip.route_withdrawn", tip));

        Assert.Equal(HttpStatusCode.NotFound, (await Police.GetAsync($"/api/v1/routed-tips/{tip}")).StatusCode);
        Assert.DoesNotContain(tip.ToString(), await (await Police.GetAsync("/api/v1/routed-tips")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Police.PostAsync($"/api/v1/routed-tips/{tip}/acknowledge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Police.PostAsync($"/api/v1/routed-tips/{tip}/case", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Police.PostAsync($"/api/v1/routed-tips/{tip}/reply", Json.Body(new { decision = "accepted" }))).StatusCode);
        var page = await tips.SignInAsync(tips.Police, Roles.LawEnforcement);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/RoutedTips/Details/{tip}")).StatusCode);

        var again = await Operator.PostAsync($"/api/v1/tip-routes/{route}/withdraw", Json.Body(new { reason = "Twice" }));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task The_pages_reply_and_withdraw()
    {
        var (tip, route) = await RoutedTipAsync(tips.Police);
        var police = await tips.SignInAsync(tips.Police, Roles.LawEnforcement);
        var replied = await PageSession.PostFormAsync(police, $"/RoutedTips/Details/{tip}?handler=Reply",
            new() { ["decision"] = "declined", ["replyReason"] = "Not our province" });
        Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);
        Assert.Contains("Not our province", await police.GetStringAsync($"/RoutedTips/Details/{tip}"), StringComparison.Ordinal);

        var hotline = await tips.SignInAsync(tips.Hotline, Roles.HotlineOperator);
        var details = await hotline.GetStringAsync($"/Tips/Details/{tip}");
        Assert.Contains("Not our province", details, StringComparison.Ordinal);
        var withdrawn = await PageSession.PostFormAsync(hotline, $"/Tips/Details/{tip}?handler=Withdraw",
            new() { ["routeId"] = route.ToString(), ["withdrawReason"] = "Rerouting to labour" });
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Contains("data-state=\"withdrawn\"", await hotline.GetStringAsync($"/Tips/Details/{tip}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_org_admin_declares_provinces_and_tip_types_which_steer_suggestions()
    {
        var admin = tips.Api(tips.Labour, Roles.OrgAdmin);
        var current = await Json.ReadAsync(await admin.GetAsync("/api/v1/coverage"));
        Assert.True(current["isPartner"]!.GetValue<bool>());

        var bad = await admin.PutAsync("/api/v1/coverage", Json.Body(new { provinces = new[] { "TH-99" }, tipTypes = new[] { "aliens" } }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await Json.ReadAsync(bad))["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("provinces") && errors.ContainsKey("tipTypes"));

        // Labour (based in TH-20) takes only tips about children: an adults-only danger tip no longer suggests it.
        var saved = await admin.PutAsync("/api/v1/coverage", Json.Body(new { provinces = new[] { "TH-20", "TH-24" }, tipTypes = new[] { "children_at_risk" } }));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(["TH-20", "TH-24"], (await Json.ReadAsync(saved))["provinces"]!.AsArray().Select(p => p!.GetValue<string>()).ToArray());
        Assert.True(await AuditedAsync("organisation.coverage_changed", tips.Labour));
        var adults = await tips.TipIdAsync(await tips.SubmitAsync(new { description = "Adults held at a farm.", province = "TH-20", imminentDanger = true }));
        var children = await tips.TipIdAsync(await tips.SubmitAsync(new { description = "Children selling at night.", province = "TH-20", childrenAtRisk = true }));
        Assert.DoesNotContain(tips.Labour.ToString(), await (await Operator.GetAsync($"/api/v1/tips/{adults}/partners")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(tips.Labour.ToString(), await (await Operator.GetAsync($"/api/v1/tips/{children}/partners")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Other roles: 403; a hotline is not a partner.
        foreach (var role in new[] { Roles.Supervisor, Roles.CaseWorker, Roles.LabourInspector, Roles.NetworkAdmin })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await tips.Api(tips.Labour, role).GetAsync("/api/v1/coverage")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await tips.Api(tips.Labour, role).PutAsync("/api/v1/coverage", Json.Body(new { provinces = new[] { "TH-10" } }))).StatusCode);
        }

        var hotline = await tips.Api(tips.Hotline, Roles.OrgAdmin).PutAsync("/api/v1/coverage", Json.Body(new { provinces = new[] { "TH-10" } }));
        Assert.Equal(HttpStatusCode.BadRequest, hotline.StatusCode);
        Assert.True((await Json.ReadAsync(hotline))["errors"]!.AsObject().ContainsKey("organisation"));

        // The page, for the org admin only; the police admin's page shows the police's own coverage.
        var page = await tips.SignInAsync(tips.Labour, Roles.OrgAdmin);
        var posted = await PageSession.PostFormAsync(page, "/RoutedTips/Coverage", new() { ["Provinces"] = "TH-24", ["TipTypes"] = "imminent_danger" });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var after = await Json.ReadAsync(await admin.GetAsync("/api/v1/coverage"));
        Assert.Equal("TH-24", Assert.Single(after["provinces"]!.AsArray())!.GetValue<string>());
        Assert.Equal("imminent_danger", Assert.Single(after["tipTypes"]!.AsArray())!.GetValue<string>());
        var supervisor = await tips.SignInAsync(tips.Labour, Roles.Supervisor);
        var denied = await supervisor.GetAsync("/RoutedTips/Coverage");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var policeAdmin = await tips.SignInAsync(tips.Police, Roles.OrgAdmin);
        Assert.DoesNotContain("value=\"TH-24\" selected", await policeAdmin.GetStringAsync("/RoutedTips/Coverage"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_from_a_tip_names_the_person_in_the_readers_language_and_keeps_the_marker_on_edit()
    {
        var (tip, _) = await RoutedTipAsync(tips.Police, danger: false);
        var worker = tips.Api(tips.Police, Roles.CaseWorker);
        var converted = await worker.PostAsync($"/api/v1/routed-tips/{tip}/case", null);
        Assert.Equal(HttpStatusCode.Created, converted.StatusCode);
        var caseId = (await Json.ReadAsync(converted))["caseId"]!.GetValue<Guid>();

        var english = await Json.ReadAsync(await worker.GetAsync($"/api/v1/cases/{caseId}"));
        Assert.Equal(PersonNames.FromTipEnglish, english["person"]!["givenName"]!.GetValue<string>());
        using (var thai = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/cases/{caseId}"))
        {
            thai.Headers.AcceptLanguage.ParseAdd("th-TH");
            var body = await Json.ReadAsync(await worker.SendAsync(thai));
            Assert.Equal(PersonNames.FromTipThai, body["person"]!["givenName"]!.GetValue<string>());
        }

        // Stored as the neutral marker (encrypted), not as English words; not a search term.
        using (var scope = tips.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
            var stored = await db.Cases.Where(c => c.Id == caseId).Select(c => c.Person.GivenName).SingleAsync();
            Assert.Equal(PersonNames.FromTipMarker, stored);
        }

        var found = await worker.GetAsync("/api/v1/cases?q=Unknown");
        Assert.DoesNotContain(caseId.ToString(), await found.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A Thai-speaking worker's edit page shows the Thai words.
        var page = await tips.SignInAsync(tips.Police, Roles.CaseWorker);
        page.DefaultRequestHeaders.AcceptLanguage.ParseAdd("th-TH");
        var edit = await page.GetStringAsync($"/Cases/Edit/{caseId}");
        Assert.Contains(PersonNames.FromTipThai, edit, StringComparison.Ordinal);
        // Saving the name as shown (here in Thai) stores the marker again, not the Thai words.
        var kept = await worker.PatchAsync($"/api/v1/cases/{caseId}", Json.Body(new { person = new { givenName = PersonNames.FromTipThai } }));
        Assert.True(kept.IsSuccessStatusCode, await kept.Content.ReadAsStringAsync());
        using (var scope = tips.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
            Assert.Equal(PersonNames.FromTipMarker, await db.Cases.Where(c => c.Id == caseId).Select(c => c.Person.GivenName).SingleAsync());
        }

        // A real name replaces it.
        var renamed = await worker.PatchAsync($"/api/v1/cases/{caseId}", Json.Body(new { person = new { givenName = "Aung" } }));
        Assert.True(renamed.IsSuccessStatusCode, await renamed.Content.ReadAsStringAsync());
        Assert.Equal("Aung", (await Json.ReadAsync(await worker.GetAsync($"/api/v1/cases/{caseId}")))["person"]!["givenName"]!.GetValue<string>());
    }
}
