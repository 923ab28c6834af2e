using System.Net;
using System.Net.Http.Json;
using Saphan.Core.Features.Identity;
using Saphan.Web.Tests.Features.Services;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.Referrals;

/// <summary>The referral and directory pages follow the same rules as the API: their two organisations only, roles that work with cases only.</summary>
[Trait("Category", "Database")]
public sealed class ReferralPagesTests(SaphanAppFactory app) : IClassFixture<SaphanAppFactory>
{
    [Fact]
    public async Task The_pages_show_a_referral_to_its_organisations_only_and_refuse_weaker_roles()
    {
        var workerA = app.Api(app.OrgA, Roles.CaseWorker);
        var caseId = await Json.CreateCaseAsync(workerA, Json.NewCase("Mali"));
        await workerA.PostAsJsonAsync($"/api/v1/cases/{caseId}/consents", new { purpose = "referral", status = "given", method = "written", recordedOn = "2026-03-02" });
        // Organisation A refers to its own service: organisation B is a stranger to it.
        var serviceId = await ServicesApiTests.CreateAsync(app.Api(app.OrgA, Roles.Supervisor), ServicesApiTests.NewService("medical", "Own clinic", ["TH-57"]));

        var worker = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.CaseWorker)]);
        Assert.Contains("id=\"refer\"", await worker.GetStringAsync($"/Cases/Details/{caseId}"), StringComparison.Ordinal);
        Assert.Contains("Own clinic", await worker.GetStringAsync($"/Referrals/New/{caseId}"), StringComparison.Ordinal);
        var created = await PageSession.PostFormAsync(worker, $"/Referrals/New/{caseId}", new() { ["ServiceId"] = serviceId.ToString(), ["Urgency"] = "normal", ["Reason"] = "Check-up" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var detailsPath = created.Headers.Location!.OriginalString;
        var sent = await PageSession.PostFormAsync(worker, detailsPath + "?handler=Transition", new() { ["to"] = "sent" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("pill-referral-sent", await worker.GetStringAsync(detailsPath), StringComparison.Ordinal);
        Assert.Contains("Own clinic", await worker.GetStringAsync("/Referrals?box=sent"), StringComparison.Ordinal);

        var stale = await PageSession.PostFormAsync(worker, detailsPath + "?handler=Transition", new() { ["to"] = "accepted", ["version"] = Guid.NewGuid().ToString() });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("referral-problem", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        foreach (var role in new[] { Roles.CaseWorker, Roles.Supervisor })
        {
            var stranger = await PageSession.SignInAsync(app, app.Emails[(app.OrgB, role)]);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(detailsPath)).StatusCode);
            Assert.DoesNotContain(detailsPath, await stranger.GetStringAsync("/Referrals?box=received"), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Referrals/New/{caseId}")).StatusCode);
        }

        foreach (var role in new[] { Roles.Analyst, Roles.HotlineOperator })
        {
            var weak = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, role)]);
            Assert.Equal(HttpStatusCode.Redirect, (await weak.GetAsync("/Referrals")).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await weak.GetAsync(detailsPath)).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await weak.GetAsync($"/Referrals/New/{caseId}")).StatusCode);
            // The directory itself holds no personal data: every member reads it.
            Assert.Equal(HttpStatusCode.OK, (await weak.GetAsync("/Services")).StatusCode);
        }

        var admin = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.OrgAdmin)]);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.GetAsync($"/Referrals/New/{caseId}")).StatusCode);
        Assert.DoesNotContain("id=\"to-", await admin.GetStringAsync(detailsPath), StringComparison.Ordinal);

        var csv = await worker.GetStringAsync("/Services?handler=Csv&type=medical");
        Assert.Contains("#org,#org+id,#sector+code", csv, StringComparison.Ordinal);
        Assert.Contains("Own clinic", csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().GetAsync("/Services")).StatusCode);
    }
}
