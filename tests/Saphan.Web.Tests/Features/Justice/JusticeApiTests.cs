using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Justice;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.Justice;

[Trait("Category", "Database")]
public sealed class JusticeApiTests(SaphanAppFactory app) : IClassFixture<SaphanAppFactory>
{
    private HttpClient Police => app.Api(app.OrgA, Roles.LawEnforcement);

    private static async Task<Guid> CreatedIdAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await Json.ReadAsync(response))["id"]!.GetValue<Guid>();
    }

    [Fact]
    public async Task Suspects_sharing_a_phone_across_cases_are_linked_in_the_network_without_decrypting_identifiers()
    {
        var police = Police;
        var caseOne = await Json.CreateCaseAsync(police, Json.NewCase("Nilar"));
        var caseTwo = await Json.CreateCaseAsync(police, Json.NewCase("Thida"));
        var recruiter = await CreatedIdAsync(await police.PostAsJsonAsync("/api/v1/suspects", new { kind = "person", name = "Ko Zaw Lin", roles = new[] { "recruiter", "broker" } }));
        var company = await CreatedIdAsync(await police.PostAsJsonAsync("/api/v1/suspects", new { kind = "company", name = "Golden Sea Fishing Co.", roles = new[] { "exploiter" } }));
        var loner = await CreatedIdAsync(await police.PostAsJsonAsync("/api/v1/suspects", new { kind = "person", name = "Lone Driver", roles = new[] { "transporter" } }));
        Assert.Equal(HttpStatusCode.Created, (await police.PostAsJsonAsync($"/api/v1/suspects/{recruiter}/links", new { caseId = caseOne })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await police.PostAsJsonAsync($"/api/v1/suspects/{company}/links", new { caseId = caseTwo })).StatusCode);
        // The same phone written two ways, and an unrelated vehicle.
        Assert.Equal(HttpStatusCode.Created, (await police.PostAsJsonAsync($"/api/v1/suspects/{recruiter}/identifiers", new { type = "phone", value = "089-555-0123" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await police.PostAsJsonAsync($"/api/v1/suspects/{company}/identifiers", new { type = "phone", value = "+66 89 555 0123" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await police.PostAsJsonAsync($"/api/v1/suspects/{loner}/identifiers", new { type = "vehicle", value = "1กข 2345" })).StatusCode);

        var network = await Json.ReadAsync(await police.GetAsync($"/api/v1/suspects/{recruiter}/network"));
        var nodes = network["nodes"]!.AsArray();
        Assert.Equal(2, nodes.Count);
        Assert.DoesNotContain(nodes, n => n!["id"]!.GetValue<Guid>() == loner);
        var companyNode = nodes.Single(n => n!["id"]!.GetValue<Guid>() == company)!;
        Assert.Equal(caseTwo, companyNode["caseIds"]![0]!.GetValue<Guid>());
        var edge = network["edges"]!.AsArray().Single()!;
        Assert.Equal(["phone"], edge["sharedIdentifierTypes"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.DoesNotContain("0123", network.ToJsonString(), StringComparison.Ordinal);

        var suspect = await Json.ReadAsync(await police.GetAsync($"/api/v1/suspects/{recruiter}"));
        Assert.Equal("Ko Zaw Lin", suspect["name"]!.GetValue<string>());
        Assert.Equal("089-555-0123", suspect["identifiers"]![0]!["value"]!.GetValue<string>());

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT s.name, i.value FROM suspects s JOIN suspect_identifiers i ON i.suspect_id = s.id";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                Assert.DoesNotContain("Zaw", reader.GetString(0), StringComparison.Ordinal);
                Assert.DoesNotContain("555", reader.GetString(1), StringComparison.Ordinal);
            }
        }

        await connection.CloseAsync();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "suspect.viewed" && e.EntityId == recruiter.ToString()));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "suspect.network_viewed" && e.EntityId == recruiter.ToString()));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("Zaw Lin", StringComparison.Ordinal) || l.Contains("555-0123", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_suspect_input_names_each_field_and_stores_nothing()
    {
        var police = Police;
        var response = await police.PostAsync("/api/v1/suspects", Json.Body("""{"kind": "alien", "roles": ["recruiter", "wizard"], "colour": 1}"""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Json.ReadAsync(response))["errors"]!.AsObject();
        foreach (var field in new[] { "kind", "name", "roles", "colour" })
        {
            Assert.True(errors.ContainsKey(field), $"no error for {field}: {errors.ToJsonString()}");
        }

        Assert.DoesNotContain("wizard", errors.ToJsonString(), StringComparison.Ordinal);
        var suspect = await CreatedIdAsync(await police.PostAsJsonAsync("/api/v1/suspects", new { kind = "person", name = "Bad Input Test" }));
        var identifier = await police.PostAsJsonAsync($"/api/v1/suspects/{suspect}/identifiers", new { type = "fax", value = "--" });
        Assert.Equal(HttpStatusCode.BadRequest, identifier.StatusCode);
        Assert.Empty((await Json.ReadAsync(await police.GetAsync($"/api/v1/suspects/{suspect}")))["identifiers"]!.AsArray());
    }

    [Fact]
    public async Task An_operation_is_not_approved_without_a_protection_plan_and_a_prosecution_lead()
    {
        var police = Police;
        var operation = await CreatedIdAsync(await police.PostAsJsonAsync("/api/v1/operations", new { type = "rescue", name = "Op Dawn", province = "TH-74", plannedOn = "2026-12-01" }));

        var refused = await police.PostAsync($"/api/v1/operations/{operation}/approve", null);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await Json.ReadAsync(refused))["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("protectionPlan"));
        Assert.True(errors.ContainsKey("prosecutionLead"));

        // A partial plan (no medical arrangements) is still refused.
        Assert.Equal(HttpStatusCode.OK, (await police.PutAsJsonAsync($"/api/v1/operations/{operation}/plan",
            new { shelterPlaces = 12, interpreters = 2, childSpecialists = 1, prosecutionLead = "Public prosecutor, Samut Sakhon" })).StatusCode);
        var partial = await police.PostAsync($"/api/v1/operations/{operation}/approve", null);
        Assert.Equal(HttpStatusCode.BadRequest, partial.StatusCode);
        Assert.False((await Json.ReadAsync(partial))["errors"]!.AsObject().ContainsKey("prosecutionLead"));
        Assert.Equal("planned", (await Json.ReadAsync(await police.GetAsync($"/api/v1/operations/{operation}")))["status"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, (await police.PutAsJsonAsync($"/api/v1/operations/{operation}/plan",
            new { shelterPlaces = 12, interpreters = 2, childSpecialists = 1, medicalArrangements = "Mobile clinic on site", prosecutionLead = "Public prosecutor, Samut Sakhon" })).StatusCode);
        var approved = await police.PostAsync($"/api/v1/operations/{operation}/approve", null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var view = await Json.ReadAsync(approved);
        Assert.Equal("approved", view["status"]!.GetValue<string>());
        Assert.True(view["hasProtectionPlan"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_legal_case_runs_from_investigation_to_sentence_with_witnesses_assets_compensation_and_figures()
    {
        var police = Police;
        var victim = await Json.CreateCaseAsync(police, Json.NewCase("Mya"));
        var legal = await CreatedIdAsync(await police.PostAsJsonAsync("/api/v1/legal-cases", new { reference = "SKN-2026-0042", charges = new[] { "s6", "s52" } }));
        Assert.Equal(HttpStatusCode.BadRequest, (await police.PostAsJsonAsync("/api/v1/legal-cases", new { reference = "X", charges = new[] { "s999" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await police.PostAsJsonAsync($"/api/v1/legal-cases/{legal}/witnesses",
            new { caseId = victim, coordinator = "Khun Ploy (victim-witness coordinator)", interpreterLanguage = "my", protectionMeasures = "Testifies by video link; shelter until trial" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await police.PostAsJsonAsync($"/api/v1/legal-cases/{legal}/hearings", new { heldOn = "2026-05-04", note = "Witness examined in advance" })).StatusCode);

        // A verdict before the trial stage is refused; a sentence without a conviction too.
        Assert.Equal(HttpStatusCode.BadRequest, (await police.PatchAsJsonAsync($"/api/v1/legal-cases/{legal}", new { verdict = "convicted" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await police.PatchAsJsonAsync($"/api/v1/legal-cases/{legal}", new { stage = "trial", sentenceMonths = 48 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await police.PatchAsJsonAsync($"/api/v1/legal-cases/{legal}", new { stage = "sentence", verdict = "convicted", sentenceMonths = 72, fineSatang = 12_000_000L })).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await police.PostAsJsonAsync($"/api/v1/legal-cases/{legal}/assets", new { description = "Pickup truck", status = "seized", valueSatang = 45_000_000L, recordedOn = "2026-04-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await police.PostAsJsonAsync($"/api/v1/legal-cases/{legal}/assets", new { description = "Bank deposit", status = "forfeited", valueSatang = 150_000_000_000L, recordedOn = "2026-06-01" })).StatusCode);
        var overpaid = await police.PutAsJsonAsync($"/api/v1/legal-cases/{legal}/compensation", new { caseId = victim, claimedSatang = 30_000_000L, awardedSatang = 20_000_000L, paidSatang = 25_000_000L });
        Assert.Equal(HttpStatusCode.BadRequest, overpaid.StatusCode);
        Assert.True((await Json.ReadAsync(overpaid))["errors"]!.AsObject().ContainsKey("paidSatang"));
        Assert.Equal(HttpStatusCode.OK, (await police.PutAsJsonAsync($"/api/v1/legal-cases/{legal}/compensation", new { caseId = victim, claimedSatang = 30_000_000L, awardedSatang = 20_000_000L, paidSatang = 5_000_000L })).StatusCode);

        var view = await Json.ReadAsync(await police.GetAsync($"/api/v1/legal-cases/{legal}"));
        Assert.Equal("sentence", view["stage"]!.GetValue<string>());
        Assert.Equal("convicted", view["verdict"]!.GetValue<string>());
        Assert.Equal(72, view["sentenceMonths"]!.GetValue<int>());
        Assert.Equal("my", view["witnesses"]![0]!["interpreterLanguage"]!.GetValue<string>());
        Assert.Single(view["hearings"]!.AsArray());
        Assert.Equal(45_000_000L, view["totals"]!["seizedSatang"]!.GetValue<long>());
        Assert.Equal(150_000_000_000L, view["totals"]!["forfeitedSatang"]!.GetValue<long>());
        Assert.Equal(20_000_000L, view["totals"]!["awardedSatang"]!.GetValue<long>());
        Assert.Equal(5_000_000L, view["totals"]!["paidSatang"]!.GetValue<long>());

        // The victim's case worker learns that a legal case exists and its stage, nothing else.
        var stages = await app.Api(app.OrgA, Roles.CaseWorker).GetAsync($"/api/v1/cases/{victim}/legal-stages");
        Assert.Equal(HttpStatusCode.OK, stages.StatusCode);
        var body = await stages.Content.ReadAsStringAsync();
        Assert.Equal("""[{"stage":"sentence"}]""", body);

        var figures = await Json.ReadAsync(await police.GetAsync("/api/v1/justice/figures"));
        Assert.True(figures["prosecutions"]!.GetValue<int>() >= 1);
        Assert.True(figures["convictions"]!.GetValue<int>() >= 1);
        Assert.True(figures["forfeitedSatang"]!.GetValue<long>() >= 150_000_000_000L);
        Assert.True(figures["compensationAwardedSatang"]!.GetValue<long>() >= figures["compensationPaidSatang"]!.GetValue<long>());
    }
}
