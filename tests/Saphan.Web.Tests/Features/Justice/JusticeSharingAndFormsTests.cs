using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Justice;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.Justice;

/// <summary>Sharing a legal case with another organisation's law enforcement, and the legal-case and operation forms.</summary>
[Trait("Category", "Database")]
public sealed class JusticeSharingAndFormsTests(SaphanAppFactory app) : IClassFixture<SaphanAppFactory>
{
    private HttpClient Police => app.Api(app.OrgA, Roles.LawEnforcement);

    private static async Task<Guid> CreatedIdAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await Json.ReadAsync(response))["id"]!.GetValue<Guid>();
    }

    private async Task<T> InDbAsync<T>(Func<SaphanDbContext, Task<T>> query)
    {
        using var scope = app.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<SaphanDbContext>());
    }

    [Fact]
    public async Task A_share_lets_the_other_organisations_police_read_the_legal_case_and_its_suspects_and_revocation_ends_it_at_once()
    {
        var police = Police;
        var victimCase = await Json.CreateCaseAsync(police, Json.NewCase("Sharedvictim"));
        var legal = await CreatedIdAsync(await police.PostAsJsonAsync("/api/v1/legal-cases", new { reference = "SHARE-REF-1", charges = new[] { "s6" } }));
        var suspect = await CreatedIdAsync(await police.PostAsJsonAsync("/api/v1/suspects", new { kind = "person", name = "Sharedsuspect Broker", roles = new[] { "broker" } }));
        Assert.Equal(HttpStatusCode.Created, (await police.PostAsJsonAsync($"/api/v1/suspects/{suspect}/links", new { legalCaseId = legal })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await police.PostAsJsonAsync($"/api/v1/suspects/{suspect}/links", new { caseId = victimCase })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await police.PostAsJsonAsync($"/api/v1/legal-cases/{legal}/witnesses",
            new { caseId = victimCase, coordinator = "Sharedcoordinator", protectionMeasures = "Sharedsafehouse until trial" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await police.PutAsJsonAsync($"/api/v1/legal-cases/{legal}/compensation",
            new { caseId = victimCase, claimedSatang = 30_000_000L, awardedSatang = 20_000_000L, paidSatang = 5_000_000L })).StatusCode);
        var owned = await Json.ReadAsync(await police.GetAsync($"/api/v1/legal-cases/{legal}"));
        Assert.Single(owned["witnesses"]!.AsArray());
        Assert.Single(owned["compensation"]!.AsArray());
        var other = app.Api(app.OrgB, Roles.LawEnforcement);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/legal-cases/{legal}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/suspects/{suspect}")).StatusCode);

        // Bad shares name the field and store nothing.
        foreach (var body in new object[] { new { organisationId = app.OrgA }, new { organisationId = Guid.NewGuid() }, new { } })
        {
            var refused = await police.PostAsync($"/api/v1/legal-cases/{legal}/shares", Json.Body(body));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("organisationId", (await Json.ReadAsync(refused))["errors"]!.AsObject().Select(e => e.Key));
        }

        var share = await CreatedIdAsync(await police.PostAsJsonAsync($"/api/v1/legal-cases/{legal}/shares", new { organisationId = app.OrgB }));
        var shared = await other.GetAsync($"/api/v1/legal-cases/{legal}");
        Assert.Equal(HttpStatusCode.OK, shared.StatusCode);
        var view = await Json.ReadAsync(shared);
        Assert.True(view["shared"]!.GetValue<bool>());
        Assert.Equal(suspect, view["suspects"]![0]!["id"]!.GetValue<Guid>());
        // Not the owner's victims: no witnesses (who testifies, their protection), no per-victim compensation rows; the totals stay.
        Assert.Empty(view["witnesses"]!.AsArray());
        Assert.Empty(view["compensation"]!.AsArray());
        Assert.DoesNotContain(victimCase.ToString(), view.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Sharedsafehouse", view.ToJsonString(), StringComparison.Ordinal);
        var suspectView = await other.GetAsync($"/api/v1/suspects/{suspect}");
        Assert.Equal(HttpStatusCode.OK, suspectView.StatusCode);
        var suspectBody = await suspectView.Content.ReadAsStringAsync();
        Assert.Contains("Sharedsuspect", suspectBody, StringComparison.Ordinal);
        Assert.DoesNotContain(victimCase.ToString(), suspectBody, StringComparison.Ordinal);
        Assert.Contains(legal.ToString(), await (await other.GetAsync("/api/v1/legal-cases")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Read only: the recipient changes nothing and cannot see or change the shares; other roles there get nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await other.PatchAsync($"/api/v1/legal-cases/{legal}", Json.Body(new { stage = "closed" }))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/legal-cases/{legal}/hearings", new { heldOn = "2026-01-02" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/legal-cases/{legal}/shares")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/v1/legal-cases/{legal}/shares/{share}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/suspects/{suspect}/identifiers", new { type = "phone", value = "0812223344" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(app.OrgB, Roles.Supervisor).GetAsync($"/api/v1/legal-cases/{legal}")).StatusCode);
        Assert.Equal("investigation", await InDbAsync(db => db.Set<LegalCase>().Where(l => l.Id == legal).Select(l => l.Stage).SingleAsync()));

        // The shared page is read only.
        var page = await PageSession.SignInAsync(app, app.Emails[(app.OrgB, Roles.LawEnforcement)]);
        var html = await page.GetStringAsync($"/Justice/LegalCase/{legal}");
        Assert.Contains("shared-pill", html, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Hearing", html, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Share", html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await police.DeleteAsync($"/api/v1/legal-cases/{legal}/shares/{share}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/legal-cases/{legal}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/suspects/{suspect}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/Justice/LegalCase/{legal}")).StatusCode);
        Assert.DoesNotContain(legal.ToString(), await (await other.GetAsync("/api/v1/legal-cases")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var shares = await Json.ReadAsync(await police.GetAsync($"/api/v1/legal-cases/{legal}/shares"));
        Assert.NotNull(shares[0]!["revokedAt"]);

        Assert.True(await InDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "legal_case.shared" && e.EntityId == legal.ToString())));
        Assert.True(await InDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "legal_case.share_revoked" && e.EntityId == legal.ToString())));
        Assert.True(await InDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "legal_case.viewed" && e.EntityId == legal.ToString() && e.Detail == "shared")));
    }

    [Fact]
    public async Task The_legal_case_forms_record_judgment_hearings_witnesses_assets_in_baht_and_compensation()
    {
        var police = Police;
        var victimCase = await Json.CreateCaseAsync(police, Json.NewCase("Formvictim"));
        var legal = await CreatedIdAsync(await police.PostAsJsonAsync("/api/v1/legal-cases", new { reference = "FORM-REF-1", charges = new[] { "s6", "s52" } }));
        var page = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.LawEnforcement)]);
        var path = $"/Justice/LegalCase/{legal}";

        // A verdict at the investigation stage is refused and named on the page; nothing changes.
        var early = await PageSession.PostFormAsync(page, path + "?handler=Judgment", new() { ["Verdict"] = "convicted" });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("verdict stage", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await PageSession.PostFormAsync(page, path + "?handler=Stage", new() { ["Stage"] = "verdict" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PageSession.PostFormAsync(page, path + "?handler=Judgment",
            new() { ["Verdict"] = "convicted", ["SentenceMonths"] = "48", ["FineBaht"] = "฿400,000.50", ["AppealLodgedOn"] = "2026-11-02" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PageSession.PostFormAsync(page, path + "?handler=Hearing", new() { ["HeldOn"] = "2026-09-15", ["HearingNote"] = "Criminal Court, witness hearing" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PageSession.PostFormAsync(page, path + "?handler=Witness",
            new() { ["WitnessCaseId"] = victimCase.ToString(), ["Coordinator"] = "Khun Coordinator", ["InterpreterLanguage"] = "Burmese", ["ProtectionMeasures"] = "Testimony by video link" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PageSession.PostFormAsync(page, path + "?handler=Asset",
            new() { ["AssetDescription"] = "Pickup truck", ["AssetStatus"] = "seized", ["AssetValueBaht"] = "1,250,000.75", ["AssetRecordedOn"] = "2026-08-01" })).StatusCode);

        // A typo in an amount, and paid above awarded: named, nothing stored.
        var typo = await PageSession.PostFormAsync(page, path + "?handler=Asset",
            new() { ["AssetDescription"] = "Boat", ["AssetStatus"] = "frozen", ["AssetValueBaht"] = "12abc", ["AssetRecordedOn"] = "2026-08-01" });
        Assert.Equal(HttpStatusCode.BadRequest, typo.StatusCode);
        Assert.Contains("amount in baht", await typo.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var overpaid = await PageSession.PostFormAsync(page, path + "?handler=Compensation",
            new() { ["CompensationCaseId"] = victimCase.ToString(), ["ClaimedBaht"] = "500,000", ["AwardedBaht"] = "300,000", ["PaidBaht"] = "400,000" });
        Assert.Equal(HttpStatusCode.BadRequest, overpaid.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PageSession.PostFormAsync(page, path + "?handler=Compensation",
            new() { ["CompensationCaseId"] = victimCase.ToString(), ["ClaimedBaht"] = "500,000", ["AwardedBaht"] = "300,000", ["PaidBaht"] = "100,000" })).StatusCode);

        var view = await Json.ReadAsync(await police.GetAsync($"/api/v1/legal-cases/{legal}"));
        Assert.Equal("convicted", view["verdict"]!.GetValue<string>());
        Assert.Equal(48, view["sentenceMonths"]!.GetValue<int>());
        Assert.Equal(40_000_050L, view["fineSatang"]!.GetValue<long>());
        Assert.Equal("2026-11-02", view["appealLodgedOn"]!.GetValue<string>());
        Assert.Equal("2026-09-15", view["hearings"]![0]!["heldOn"]!.GetValue<string>());
        Assert.Equal("Testimony by video link", view["witnesses"]![0]!["protectionMeasures"]!.GetValue<string>());
        Assert.Single(view["assets"]!.AsArray());
        Assert.Equal(125_000_075L, view["totals"]!["seizedSatang"]!.GetValue<long>());
        Assert.Equal(30_000_000L, view["totals"]!["awardedSatang"]!.GetValue<long>());
        Assert.Equal(10_000_000L, view["totals"]!["paidSatang"]!.GetValue<long>());

        var html = await page.GetStringAsync(path);
        Assert.Contains("1,250,000.75", html, StringComparison.Ordinal);
        Assert.Contains("300,000.00 / 100,000.00", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Formvictim", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_approved_operation_is_marked_executed_or_cancelled_and_nothing_else_moves_it()
    {
        var police = Police;
        var operation = await CreatedIdAsync(await police.PostAsJsonAsync("/api/v1/operations", new { type = "rescue", name = "Op Dawn", province = "TH-20", plannedOn = "2026-12-01" }));
        var early = await police.PostAsync($"/api/v1/operations/{operation}/execute", null);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("status", (await Json.ReadAsync(early))["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(HttpStatusCode.OK, (await police.PutAsJsonAsync($"/api/v1/operations/{operation}/plan",
            new { shelterPlaces = 12, interpreters = 2, childSpecialists = 1, medicalArrangements = "Mobile clinic", prosecutionLead = "Pol. Col. Lead" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await police.PostAsync($"/api/v1/operations/{operation}/approve", null)).StatusCode);

        var page = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.LawEnforcement)]);
        Assert.Equal(HttpStatusCode.Redirect, (await PageSession.PostFormAsync(page, $"/Justice/Operation/{operation}?handler=Execute", [])).StatusCode);
        Assert.Contains("data-status=\"executed\"", await page.GetStringAsync($"/Justice/Operation/{operation}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await police.PostAsync($"/api/v1/operations/{operation}/cancel", null)).StatusCode);

        var other = await CreatedIdAsync(await police.PostAsJsonAsync("/api/v1/operations", new { type = "raid", name = "Op Dusk", province = "TH-20", plannedOn = "2026-12-02" }));
        var cancelled = await Json.ReadAsync(await police.PostAsync($"/api/v1/operations/{other}/cancel", null));
        Assert.Equal("cancelled", cancelled["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, (await police.PostAsync($"/api/v1/operations/{other}/approve", null)).StatusCode);
        Assert.True(await InDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "operation.executed" && e.EntityId == operation.ToString())));
        Assert.True(await InDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "operation.cancelled" && e.EntityId == other.ToString())));
    }
}
