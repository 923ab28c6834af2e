using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Pathways;
using Saphan.Web.Tests.Features.Services;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.Pathways;

[Trait("Category", "Database")]
public sealed class PathwaysApiTests(SaphanAppFactory app) : IClassFixture<SaphanAppFactory>
{
    private static string DaysAgo(int days) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static async Task<Guid> CaseIdentifiedAsync(HttpClient worker, string name, int daysAgo, string province = "TH-57")
    {
        var body = JsonNode.Parse(JsonSerializer.Serialize(Json.NewCase(name, province: province)))!.AsObject();
        body["identifiedOn"] = DaysAgo(daysAgo);
        return await Json.CreateCaseAsync(worker, body);
    }

    private static async Task<JsonNode> AssignAsync(HttpClient worker, Guid caseId, Guid pathwayId)
    {
        var response = await worker.PutAsJsonAsync($"/api/v1/cases/{caseId}/pathway", new { pathwayId });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await Json.ReadAsync(response);
    }

    private static JsonNode Step(JsonNode pathway, string code) => pathway["steps"]!.AsArray().Single(s => s!["code"]!.GetValue<string>() == code)!;

    [Fact]
    public async Task The_standard_pathway_is_seeded_and_step_status_is_derived_from_referrals_screening_follow_ups_and_marks()
    {
        var worker = app.Api(app.OrgA, Roles.CaseWorker);
        var templates = (await Json.ReadAsync(await worker.GetAsync("/api/v1/pathways"))).AsArray();
        var standard = templates.Single(t => t!["code"]!.GetValue<string>() == CarePathway.StandardCode)!;
        Assert.Equal(CarePathway.StandardId, standard["id"]!.GetValue<Guid>());
        Assert.Equal(["safe_shelter", "health_check", "mental_health", "legal_support", "return_or_integration", "follow_up_3m", "follow_up_6m", "follow_up_12m", "education_training", "job_placement"],
            standard["steps"]!.AsArray().Select(s => s!["code"]!.GetValue<string>()).ToArray());

        var caseId = await CaseIdentifiedAsync(worker, "Pathway", 10);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/api/v1/cases/{caseId}/pathway")).StatusCode);
        var pathway = await AssignAsync(worker, caseId, CarePathway.StandardId);
        Assert.Equal("overdue", Step(pathway, "safe_shelter")["status"]!.GetValue<string>());
        Assert.Equal(8, Step(pathway, "safe_shelter")["daysLate"]!.GetValue<int>());
        Assert.Equal("pending", Step(pathway, "mental_health")["status"]!.GetValue<string>());

        // A shelter referral accepted: under way (still late); completed: done.
        await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/consents", new { purpose = "referral", status = "given", method = "written", recordedOn = DaysAgo(9) });
        var serviceId = await ServicesApiTests.CreateAsync(app.Api(app.OrgA, Roles.Supervisor), ServicesApiTests.NewService("shelter", "Own shelter", ["TH-57"]));
        var referral = await Json.ReadAsync(await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new { serviceId, urgency = "normal", reason = "Bed" }));
        var referralId = referral["id"]!.GetValue<Guid>();
        foreach (var to in new[] { "sent", "accepted" })
        {
            var moved = await worker.PostAsJsonAsync($"/api/v1/referrals/{referralId}/transitions", new { to });
            Assert.True(moved.IsSuccessStatusCode, await moved.Content.ReadAsStringAsync());
        }

        pathway = await Json.ReadAsync(await worker.GetAsync($"/api/v1/cases/{caseId}/pathway"));
        Assert.True(Step(pathway, "safe_shelter")["underWay"]!.GetValue<bool>());
        Assert.Equal("referral_active", Step(pathway, "safe_shelter")["evidence"]!.GetValue<string>());
        foreach (var to in new[] { "in_progress", "completed" })
        {
            Assert.True((await worker.PostAsJsonAsync($"/api/v1/referrals/{referralId}/transitions", new { to })).IsSuccessStatusCode);
        }

        pathway = await Json.ReadAsync(await worker.GetAsync($"/api/v1/cases/{caseId}/pathway"));
        Assert.Equal("done", Step(pathway, "safe_shelter")["status"]!.GetValue<string>());

        // A health screening recorded: the mental-health step is done.
        var screening = await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/screenings", new { instrument = "PHQ-9", answers = new[] { 0, 0, 0, 0, 0, 0, 0, 0, 0 } });
        Assert.True(screening.IsSuccessStatusCode, await screening.Content.ReadAsStringAsync());
        pathway = await Json.ReadAsync(await worker.GetAsync($"/api/v1/cases/{caseId}/pathway"));
        Assert.Equal("done", Step(pathway, "mental_health")["status"]!.GetValue<string>());
        Assert.Equal("screening_recorded", Step(pathway, "mental_health")["evidence"]!.GetValue<string>());

        // Marked by hand: done, then skipped (missed), then cleared.
        var marked = await Json.ReadAsync(await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/pathway/steps/health_check", new { mark = "done" }));
        Assert.Equal("done", Step(marked, "health_check")["status"]!.GetValue<string>());
        marked = await Json.ReadAsync(await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/pathway/steps/legal_support", new { mark = "skipped" }));
        Assert.Equal("missed", Step(marked, "legal_support")["status"]!.GetValue<string>());
        var bad = await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/pathway/steps/flying", new { mark = "maybe" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await Json.ReadAsync(bad))["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("step") && errors.ContainsKey("mark"), errors.ToJsonString());

        // Follow-ups done at 3 months make that step done.
        var old = await CaseIdentifiedAsync(worker, "Older", 200);
        await AssignAsync(worker, old, CarePathway.StandardId);
        // Putting the case on the pathway scheduled its follow-ups at 3, 6 and 12 months (once: scheduling again adds none).
        var months = (await Json.ReadAsync(await worker.GetAsync($"/api/v1/cases/{old}/follow-ups"))).AsArray().Select(f => f!["month"]!.GetValue<int>()).ToArray();
        Assert.Equal(new[] { 3, 6, 12 }, months);
        var threeMonths = (await Json.ReadAsync(await worker.PostAsync($"/api/v1/cases/{old}/follow-ups", null))).AsArray().Single(f => f!["month"]!.GetValue<int>() == 3)!;
        Assert.True((await worker.PostAsJsonAsync($"/api/v1/follow-ups/{threeMonths["id"]!.GetValue<Guid>()}/outcome", new { doneOn = DaysAgo(100), outcomes = new[] { "in_contact" } })).IsSuccessStatusCode);
        pathway = await Json.ReadAsync(await worker.GetAsync($"/api/v1/cases/{old}/pathway"));
        Assert.Equal("done", Step(pathway, "follow_up_3m")["status"]!.GetValue<string>());
        Assert.Equal("missed", Step(pathway, "safe_shelter")["status"]!.GetValue<string>());
        Assert.Equal("overdue", Step(pathway, "follow_up_6m")["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Assigning_and_marking_are_audited_as_what_they_are_and_reading_as_a_view()
    {
        var worker = app.Api(app.OrgA, Roles.CaseWorker);
        var caseId = await CaseIdentifiedAsync(worker, "Audited", 10);
        await AssignAsync(worker, caseId, CarePathway.StandardId);
        Assert.True((await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/pathway/steps/health_check", new { mark = "done" })).IsSuccessStatusCode);
        Assert.Equal(new[] { "pathway.assigned", "pathway.step_marked" }, await PathwayAuditAsync(caseId));

        Assert.True((await worker.GetAsync($"/api/v1/cases/{caseId}/pathway")).IsSuccessStatusCode);
        Assert.Equal(new[] { "pathway.assigned", "pathway.step_marked", "pathway.viewed" }, await PathwayAuditAsync(caseId));
    }

    private async Task<string[]> PathwayAuditAsync(Guid caseId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        var id = caseId.ToString();
        return (await db.AuditEntries.AsNoTracking().Where(e => e.EntityId == id && e.Action.StartsWith("pathway.")).Select(e => new { e.Sequence, e.Action }).ToListAsync())
            .OrderBy(e => e.Sequence).Select(e => e.Action).ToArray();
    }

    [Fact]
    public async Task Only_a_network_admin_edits_a_template_and_an_edit_is_a_new_version_that_leaves_cases_on_theirs()
    {
        var admin = app.Api(app.OrgA, Roles.NetworkAdmin);
        var body = new
        {
            code = "short_stay", name = "Short stay",
            steps = new object[] { new { code = "safe_shelter", serviceTypes = new[] { "shelter" }, expectedDays = 1 }, new { code = "health_check", serviceTypes = new[] { "medical" }, expectedDays = 5, from = "previous_step" } },
        };
        foreach (var role in new[] { Roles.OrgAdmin, Roles.Supervisor, Roles.CaseWorker, Roles.Analyst })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(app.OrgA, role).PostAsJsonAsync("/api/v1/pathways", body)).StatusCode);
        }

        var created = await admin.PostAsJsonAsync("/api/v1/pathways", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var v1 = (await Json.ReadAsync(created))["id"]!.GetValue<Guid>();

        var worker = app.Api(app.OrgA, Roles.CaseWorker);
        var caseId = await CaseIdentifiedAsync(worker, "Versioned", 3);
        var onV1 = await AssignAsync(worker, caseId, v1);
        Assert.Equal("overdue", Step(onV1, "safe_shelter")["status"]!.GetValue<string>());

        var edit = new { name = "Short stay", steps = new object[] { new { code = "safe_shelter", serviceTypes = new[] { "shelter" }, expectedDays = 30 } } };
        foreach (var role in new[] { Roles.OrgAdmin, Roles.Supervisor })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(app.OrgB, role).PutAsJsonAsync($"/api/v1/pathways/{v1}", edit)).StatusCode);
        }

        var edited = await admin.PutAsJsonAsync($"/api/v1/pathways/{v1}", edit);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var v2 = await Json.ReadAsync(edited);
        Assert.Equal(2, v2["version"]!.GetValue<int>());
        Assert.NotEqual(v1, v2["id"]!.GetValue<Guid>());

        // The case stays on version 1 (two steps, the shelter still late) and is told a newer version exists.
        var still = await Json.ReadAsync(await worker.GetAsync($"/api/v1/cases/{caseId}/pathway"));
        Assert.Equal(1, still["pathwayVersion"]!.GetValue<int>());
        Assert.Equal(2, still["steps"]!.AsArray().Count);
        Assert.True(still["newerVersionExists"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync($"/api/v1/pathways/{v1}", edit)).StatusCode);
        var assignOld = await worker.PutAsJsonAsync($"/api/v1/cases/{caseId}/pathway", new { pathwayId = v1 });
        Assert.Equal(HttpStatusCode.BadRequest, assignOld.StatusCode);
        var moved = await AssignAsync(worker, caseId, v2["id"]!.GetValue<Guid>());
        Assert.Equal("pending", Step(moved, "safe_shelter")["status"]!.GetValue<string>());

        var invalid = await admin.PostAsJsonAsync("/api/v1/pathways", new { code = "X", steps = new object[] { new { code = "fly", serviceTypes = new[] { "rocket" }, expectedDays = -1, from = "moon" } }, colour = "red" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await Json.ReadAsync(invalid))["errors"]!.AsObject();
        foreach (var field in new[] { "code", "name", "colour", "steps[0].code", "steps[0].serviceTypes", "steps[0].expectedDays", "steps[0].from" })
        {
            Assert.True(errors.ContainsKey(field), field + " missing in " + errors.ToJsonString());
        }
    }

    [Fact]
    public async Task A_closed_case_pathway_is_read_but_neither_assigned_nor_marked()
    {
        var worker = app.Api(app.OrgA, Roles.CaseWorker);
        var caseId = await CaseIdentifiedAsync(worker, "Closedpath", 5);
        await AssignAsync(worker, caseId, CarePathway.StandardId);
        var closed = await worker.PatchAsync($"/api/v1/cases/{caseId}", Json.Body(new { status = "closed", closureReason = "lost_contact" }));
        Assert.True(closed.IsSuccessStatusCode, await closed.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync($"/api/v1/cases/{caseId}/pathway")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PutAsJsonAsync($"/api/v1/cases/{caseId}/pathway", new { pathwayId = CarePathway.StandardId })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/pathway/steps/safe_shelter", new { mark = "done" })).StatusCode);
        using var scope = app.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<SaphanDbContext>().PathwayStepMarks.AnyAsync(m => m.CaseId == caseId));
    }

    [Fact]
    public async Task Other_organisations_and_weaker_roles_cannot_read_assign_or_mark_a_case_pathway()
    {
        var worker = app.Api(app.OrgA, Roles.CaseWorker);
        var caseId = await CaseIdentifiedAsync(worker, "Guarded", 5);
        await AssignAsync(worker, caseId, CarePathway.StandardId);
        foreach (var role in new[] { Roles.CaseWorker, Roles.Supervisor })
        {
            var stranger = app.Api(app.OrgB, role);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/cases/{caseId}/pathway")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"/api/v1/cases/{caseId}/pathway", new { pathwayId = CarePathway.StandardId })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/v1/cases/{caseId}/pathway/steps/safe_shelter", new { mark = "done" })).StatusCode);
        }

        foreach (var role in new[] { Roles.Analyst, Roles.HotlineOperator, Roles.NetworkAdmin })
        {
            var weak = app.Api(app.OrgA, role);
            Assert.Equal(HttpStatusCode.Forbidden, (await weak.GetAsync($"/api/v1/cases/{caseId}/pathway")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await weak.PostAsJsonAsync($"/api/v1/cases/{caseId}/pathway/steps/safe_shelter", new { mark = "done" })).StatusCode);
        }

        // An org admin reads the case but does not change it.
        var orgAdmin = app.Api(app.OrgA, Roles.OrgAdmin);
        Assert.Equal(HttpStatusCode.OK, (await orgAdmin.GetAsync($"/api/v1/cases/{caseId}/pathway")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await orgAdmin.PutAsJsonAsync($"/api/v1/cases/{caseId}/pathway", new { pathwayId = CarePathway.StandardId })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await orgAdmin.PostAsJsonAsync($"/api/v1/cases/{caseId}/pathway/steps/safe_shelter", new { mark = "done" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/v1/pathways")).StatusCode);
    }

    [Fact]
    public async Task The_gaps_view_lists_late_steps_by_case_reference_for_the_organisation_counts_for_the_network_and_provinces_without_a_service()
    {
        var worker = app.Api(app.OrgA, Roles.CaseWorker);
        var caseId = await CaseIdentifiedAsync(worker, "Gapname", 12, "TH-96");
        await AssignAsync(worker, caseId, CarePathway.StandardId);
        var reference = Saphan.Core.Features.Cases.CaseReference.Of(caseId);

        var supervisor = app.Api(app.OrgA, Roles.Supervisor);
        var gaps = await Json.ReadAsync(await supervisor.GetAsync("/api/v1/gaps"));
        Assert.Equal("organisation", gaps["scope"]!.GetValue<string>());
        var late = gaps["people"]!.AsArray().Where(p => p!["caseReference"]!.GetValue<string>() == reference).ToList();
        Assert.Contains(late, p => p!["step"]!.GetValue<string>() == "safe_shelter" && p["status"]!.GetValue<string>() == "overdue" && p["daysLate"]!.GetValue<int>() == 10);
        Assert.DoesNotContain("Gapname", gaps.ToJsonString(), StringComparison.Ordinal);
        var noShelter = gaps["missingServices"]!.AsArray().Single(g => g!["province"]!.GetValue<string>() == "TH-96" && g["step"]!.GetValue<string>() == "safe_shelter")!;
        Assert.Equal(1, noShelter["cases"]!.GetValue<int>());

        // A shelter covering Narathiwat closes that gap (a service of another organisation counts too).
        await ServicesApiTests.CreateAsync(app.Api(app.OrgB, Roles.Supervisor), ServicesApiTests.NewService("shelter", "Southern shelter", ["TH-96"]));
        gaps = await Json.ReadAsync(await supervisor.GetAsync("/api/v1/gaps"));
        Assert.DoesNotContain(gaps["missingServices"]!.AsArray(), g => g!["province"]!.GetValue<string>() == "TH-96" && g["step"]!.GetValue<string>() == "safe_shelter");
        Assert.Contains(gaps["missingServices"]!.AsArray(), g => g!["province"]!.GetValue<string>() == "TH-96" && g["step"]!.GetValue<string>() == "health_check");

        // Another organisation's supervisor sees none of it; network roles see counts, never a case.
        var other = await Json.ReadAsync(await app.Api(app.OrgB, Roles.Supervisor).GetAsync("/api/v1/gaps"));
        Assert.DoesNotContain(caseId.ToString(), other.ToJsonString(), StringComparison.Ordinal);
        foreach (var role in new[] { Roles.NetworkAdmin, Roles.Analyst })
        {
            var network = await Json.ReadAsync(await app.Api(app.OrgB, role).GetAsync("/api/v1/gaps"));
            Assert.Equal("network", network["scope"]!.GetValue<string>());
            Assert.Empty(network["people"]!.AsArray());
            Assert.DoesNotContain(caseId.ToString(), network.ToJsonString(), StringComparison.Ordinal);
            var count = network["counts"]!.AsArray().Single(c => c!["organisationId"]!.GetValue<Guid>() == app.OrgA && c["step"]!.GetValue<string>() == "safe_shelter")!;
            Assert.True(count["overdue"]!.GetValue<int>() >= 1);
        }

        foreach (var role in new[] { Roles.CaseWorker, Roles.HotlineOperator, Roles.LawEnforcement })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(app.OrgA, role).GetAsync("/api/v1/gaps")).StatusCode);
        }
    }

    [Fact]
    public async Task The_openapi_document_describes_the_pathway_and_gaps_routes()
    {
        var text = await (await app.Anonymous().GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();
        foreach (var route in new[] { "/api/v1/pathways", "/api/v1/pathways/{id}", "/api/v1/cases/{id}/pathway", "/api/v1/cases/{id}/pathway/steps/{step}", "/api/v1/gaps", "expectedDays", "missingServices" })
        {
            Assert.Contains(route, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Two_admins_editing_the_same_version_at_once_cannot_both_win()
    {
        var admin = app.Api(app.OrgA, Roles.NetworkAdmin);
        var created = await admin.PostAsJsonAsync("/api/v1/pathways",
            new { code = "race_edit", name = "Race", steps = new object[] { new { code = "safe_shelter", serviceTypes = new[] { "shelter" }, expectedDays = 1 } } });
        var v1 = (await Json.ReadAsync(created))["id"]!.GetValue<Guid>();
        var edits = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => app.Api(app.OrgA, Roles.NetworkAdmin).PutAsJsonAsync($"/api/v1/pathways/{v1}",
            new { name = "Race " + i.ToString(CultureInfo.InvariantCulture), steps = new object[] { new { code = "safe_shelter", serviceTypes = new[] { "shelter" }, expectedDays = i + 2 } } })));
        Assert.Single(edits, e => e.StatusCode == HttpStatusCode.OK);
        Assert.All(edits.Where(e => e.StatusCode != HttpStatusCode.OK), e => Assert.True(e.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.BadRequest, e.StatusCode.ToString()));
        var versions = (await Json.ReadAsync(await admin.GetAsync("/api/v1/pathways?all=true"))).AsArray().Where(p => p!["code"]!.GetValue<string>() == "race_edit").ToList();
        Assert.Equal(2, versions.Count);
        Assert.Single(versions, v => v!["isCurrent"]!.GetValue<bool>());
    }
}
