using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.Identity;
using Saphan.Web.Tests.Features.Services;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.Referrals;

[Trait("Category", "Database")]
public sealed class ReferralsApiTests(SaphanAppFactory app) : IClassFixture<SaphanAppFactory>
{
    private HttpClient WorkerA => app.Api(app.OrgA, Roles.CaseWorker);
    private HttpClient WorkerB => app.Api(app.OrgB, Roles.CaseWorker);

    /// <summary>A case of organisation A with referral consent given, and a shelter of organisation B in its province.</summary>
    private async Task<(Guid CaseId, Guid ServiceId)> SetUpAsync(string givenName = "Malai", bool consent = true, object? service = null)
    {
        var caseId = await Json.CreateCaseAsync(WorkerA, Json.NewCase(givenName, phone: "0812345678"));
        if (consent)
        {
            var given = await WorkerA.PostAsJsonAsync($"/api/v1/cases/{caseId}/consents", new { purpose = "referral", status = "given", method = "written", recordedOn = "2026-03-02" });
            Assert.Equal(HttpStatusCode.Created, given.StatusCode);
        }

        var serviceId = await ServicesApiTests.CreateAsync(app.Api(app.OrgB, Roles.Supervisor), service ?? ServicesApiTests.NewService("shelter", "Andaman safe house", ["TH-57"]));
        return (caseId, serviceId);
    }

    private static async Task<JsonNode> ReferAsync(HttpClient client, Guid caseId, Guid serviceId, string urgency = "normal", string? consentOverride = null)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new { serviceId, urgency, reason = "Needs a safe place tonight", consentOverride });
        var body = await Json.ReadAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {body.ToJsonString()}");
        return body;
    }

    private static Task<HttpResponseMessage> MoveAsync(HttpClient client, Guid id, string to, string? reason = null, Guid? version = null) =>
        client.PostAsJsonAsync($"/api/v1/referrals/{id}/transitions", new { to, reason, version = version?.ToString() });

    private static async Task<JsonNode> MovedAsync(HttpClient client, Guid id, string to, string? reason = null)
    {
        var response = await MoveAsync(client, id, to, reason);
        var body = await Json.ReadAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{to}: {(int)response.StatusCode} {body.ToJsonString()}");
        Assert.Equal(to, body["status"]!.GetValue<string>());
        return body;
    }

    [Fact]
    public async Task The_receiver_reads_the_projected_fields_only_while_the_referral_is_active_and_never_fields_outside_the_projection()
    {
        var (caseId, serviceId) = await SetUpAsync("Kanya");
        var referral = await ReferAsync(WorkerA, caseId, serviceId, "urgent");
        var id = referral["id"]!.GetValue<Guid>();
        Assert.Equal("draft", referral["status"]!.GetValue<string>());

        // A draft is the sender's own: the receiver sees nothing of it.
        Assert.Equal(HttpStatusCode.NotFound, (await WorkerB.GetAsync($"/api/v1/referrals/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await WorkerB.GetAsync($"/api/v1/referrals/{id}/case")).StatusCode);

        await MovedAsync(WorkerA, id, "sent");
        // Sent: a minimal view to decide on acceptance, without any name.
        var minimal = await Json.ReadAsync(await WorkerB.GetAsync($"/api/v1/referrals/{id}/case"));
        Assert.Equal(["age", "gender", "languages", "province"], minimal["fields"]!.AsArray().Select(f => f!.GetValue<string>()).ToArray());
        Assert.Null(minimal["person"]!["givenName"]);
        Assert.Equal(27, minimal["person"]!["age"]!.GetValue<int>());
        Assert.DoesNotContain("Kanya", minimal.ToJsonString(), StringComparison.Ordinal);
        var received = await Json.ReadAsync(await WorkerB.GetAsync($"/api/v1/referrals/{id}"));
        Assert.Null(received["caseId"]);
        Assert.Null(received["reason"]);
        Assert.Equal(["accepted", "declined"], received["allowedTransitions"]!.AsArray().Select(f => f!.GetValue<string>()).ToArray());

        // The sender cannot answer for the receiver, nor the receiver send or revoke for the sender.
        Assert.Equal(HttpStatusCode.Forbidden, (await MoveAsync(WorkerA, id, "accepted")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await MoveAsync(WorkerB, id, "revoked", "mine now")).StatusCode);

        await MovedAsync(WorkerB, id, "accepted");
        var view = await Json.ReadAsync(await WorkerB.GetAsync($"/api/v1/referrals/{id}/case"));
        var person = view["person"]!.AsObject();
        Assert.Equal("Kanya", person["givenName"]!.GetValue<string>());
        Assert.Equal(["givenName", "age", "gender", "languages", "province"], person.Select(p => p.Key).ToArray());
        // A shelter never sees the family name, phone, documents or the case summary.
        var text = view.ToJsonString();
        Assert.DoesNotContain("Jaidee", text, StringComparison.Ordinal);
        Assert.DoesNotContain("0812345678", text, StringComparison.Ordinal);
        Assert.Equal("Needs a safe place tonight", view["reason"]!.GetValue<string>());

        var note = await WorkerB.PostAsJsonAsync($"/api/v1/referrals/{id}/notes", new { text = "Arrived, room 3." });
        Assert.Equal(HttpStatusCode.Created, note.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await WorkerA.PostAsJsonAsync($"/api/v1/referrals/{id}/notes", new { text = "sender note" })).StatusCode);
        await MovedAsync(WorkerB, id, "in_progress");
        view = await Json.ReadAsync(await WorkerB.GetAsync($"/api/v1/referrals/{id}/case"));
        Assert.Equal("Arrived, room 3.", view["notes"]![0]!["text"]!.GetValue<string>());

        var done = await MovedAsync(WorkerB, id, "completed");
        Assert.NotNull(done["endedAt"]);
        // Ended: access ends at once.
        Assert.Equal(HttpStatusCode.NotFound, (await WorkerB.GetAsync($"/api/v1/referrals/{id}/case")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await WorkerB.PostAsJsonAsync($"/api/v1/referrals/{id}/notes", new { text = "late" })).StatusCode);
        // The sender never reads through the receiver's door, and never reaches the receiver's other cases.
        Assert.Equal(HttpStatusCode.NotFound, (await WorkerA.GetAsync($"/api/v1/referrals/{id}/case")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await WorkerB.GetAsync($"/api/v1/cases/{caseId}")).StatusCode);

        var sent = await Json.ReadAsync(await WorkerA.GetAsync($"/api/v1/referrals/{id}"));
        Assert.Equal(caseId, sent["caseId"]!.GetValue<Guid>());
        Assert.Equal(["draft", "sent", "accepted", "in_progress", "completed"], sent["history"]!.AsArray().Select(h => h!["to"]!.GetValue<string>()).ToArray());

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        var actions = await db.AuditEntries.Where(e => e.EntityType == "referral" && e.EntityId == id.ToString()).Select(e => e.Action).ToListAsync();
        foreach (var action in new[] { "referral.created", "referral.sent", "referral.accepted", "referral.in_progress", "referral.completed", "referral.case_viewed", "referral.note_added" })
        {
            Assert.Contains(action, actions);
        }

        // The accepted place was taken and given back when the referral ended.
        Assert.Equal(20, (await Json.ReadAsync(await WorkerA.GetAsync($"/api/v1/services/{serviceId}")))["available"]!.GetValue<int>());
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("Kanya", StringComparison.Ordinal) || l.Contains("safe place tonight", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Revoking_ends_the_receivers_access_at_once_and_declining_needs_a_reason()
    {
        var (caseId, serviceId) = await SetUpAsync("Nok");
        var id = (await ReferAsync(WorkerA, caseId, serviceId))["id"]!.GetValue<Guid>();
        await MovedAsync(WorkerA, id, "sent");
        await MovedAsync(WorkerB, id, "accepted");
        Assert.Equal(HttpStatusCode.OK, (await WorkerB.GetAsync($"/api/v1/referrals/{id}/case")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await MoveAsync(WorkerA, id, "revoked")).StatusCode);
        await MovedAsync(WorkerA, id, "revoked", "Family found a safer place");
        Assert.Equal(HttpStatusCode.NotFound, (await WorkerB.GetAsync($"/api/v1/referrals/{id}/case")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await MoveAsync(WorkerB, id, "in_progress")).StatusCode);

        var second = (await ReferAsync(WorkerA, caseId, serviceId))["id"]!.GetValue<Guid>();
        await MovedAsync(WorkerA, second, "sent");
        var noReason = await MoveAsync(WorkerB, second, "declined");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await Json.ReadAsync(noReason))["errors"]!.AsObject().ContainsKey("reason"));
        var declined = await MovedAsync(WorkerB, second, "declined", "No place for men this month");
        Assert.Equal("No place for men this month", declined["history"]!.AsArray().Last()!["reason"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await WorkerB.GetAsync($"/api/v1/referrals/{second}/case")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await MoveAsync(WorkerB, second, "teleported")).StatusCode);
    }

    [Fact]
    public async Task Without_referral_consent_the_referral_is_refused_unless_a_supervisor_records_an_override_with_a_reason()
    {
        var (caseId, serviceId) = await SetUpAsync(consent: false);
        var refused = await WorkerA.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new { serviceId, urgency = "normal", reason = "x" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await Json.ReadAsync(refused);
        Assert.Contains("consent", problem["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(problem["errors"]!.AsObject().ContainsKey("consent"));

        var workerOverride = await WorkerA.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new { serviceId, urgency = "normal", consentOverride = "Child in danger" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, workerOverride.StatusCode);
        Assert.True((await Json.ReadAsync(workerOverride))["errors"]!.AsObject().ContainsKey("consentOverride"));

        var created = await ReferAsync(app.Api(app.OrgA, Roles.Supervisor), caseId, serviceId, consentOverride: "Person is unconscious in hospital; shelter bed needed on discharge");
        Assert.StartsWith("Person is unconscious", created["consentOverride"]!.GetValue<string>(), StringComparison.Ordinal);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        var id = created["id"]!.GetValue<Guid>().ToString();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "referral.consent_override" && e.EntityId == id));

        // A withdrawal counts at once.
        var withdrawn = await WorkerA.PostAsJsonAsync($"/api/v1/cases/{caseId}/consents", new { purpose = "referral", status = "given", method = "written", recordedOn = "2026-03-03" });
        Assert.Equal(HttpStatusCode.Created, withdrawn.StatusCode);
        await WorkerA.PostAsJsonAsync($"/api/v1/cases/{caseId}/consents", new { purpose = "referral", status = "withdrawn", method = "written", recordedOn = "2026-03-04" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await WorkerA.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new { serviceId, urgency = "normal" })).StatusCode);
    }

    [Fact]
    public async Task A_service_that_does_not_exist_is_full_or_does_not_serve_the_person_refuses_with_the_reason()
    {
        var (caseId, _) = await SetUpAsync();
        var supervisorB = app.Api(app.OrgB, Roles.Supervisor);

        async Task<string> RefusalAsync(Guid serviceId)
        {
            var response = await WorkerA.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new { serviceId, urgency = "normal" });
            var body = await Json.ReadAsync(response);
            Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode} {body.ToJsonString()}");
            return body["errors"]!["serviceId"]![0]!.GetValue<string>();
        }

        Assert.Contains("No such service", await RefusalAsync(Guid.NewGuid()), StringComparison.Ordinal);
        Assert.Contains("full", await RefusalAsync(await ServicesApiTests.CreateAsync(supervisorB, ServicesApiTests.NewService(provinces: ["TH-57"], capacity: 5, available: 0))), StringComparison.Ordinal);
        // The person is a 27-year-old Thai man in TH-57.
        Assert.Contains("gender", await RefusalAsync(await ServicesApiTests.CreateAsync(supervisorB, ServicesApiTests.NewService(provinces: ["TH-57"], genders: ["female"]))), StringComparison.Ordinal);
        Assert.Contains("age", await RefusalAsync(await ServicesApiTests.CreateAsync(supervisorB, ServicesApiTests.NewService(provinces: ["TH-57"], minAge: 0, maxAge: 17))), StringComparison.Ordinal);
        Assert.Contains("nationality", await RefusalAsync(await ServicesApiTests.CreateAsync(supervisorB, ServicesApiTests.NewService(provinces: ["TH-57"], nationalities: ["MM", "KH"]))), StringComparison.Ordinal);
        Assert.Contains("province", await RefusalAsync(await ServicesApiTests.CreateAsync(supervisorB, ServicesApiTests.NewService(provinces: ["TH-10"]))), StringComparison.Ordinal);

        var bad = await WorkerA.PostAsync($"/api/v1/cases/{caseId}/referrals", Json.Body("""{"serviceId": "nope", "urgency": "whenever", "extra": 1}"""));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await Json.ReadAsync(bad))["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("serviceId") && errors.ContainsKey("urgency") && errors.ContainsKey("extra"), errors.ToJsonString());
        using var scope = app.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<SaphanDbContext>().Referrals.AnyAsync(r => r.CaseId == caseId));
    }

    [Fact]
    public async Task Two_people_answering_at_once_cannot_both_win_the_loser_gets_409()
    {
        var (caseId, serviceId) = await SetUpAsync("Ploy");
        var id = (await ReferAsync(WorkerA, caseId, serviceId))["id"]!.GetValue<Guid>();
        await MovedAsync(WorkerA, id, "sent");
        var supervisorB = app.Api(app.OrgB, Roles.Supervisor);
        var answers = await Task.WhenAll(MoveAsync(WorkerB, id, "accepted"), MoveAsync(supervisorB, id, "declined", "Full tonight"));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        var loser = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Conflict);
        Assert.Contains("someone else", (await Json.ReadAsync(loser))["title"]!.GetValue<string>(), StringComparison.Ordinal);

        // Acting on a stale version is refused too.
        var current = await Json.ReadAsync(await WorkerA.GetAsync($"/api/v1/referrals/{id}"));
        if (current["status"]!.GetValue<string>() == "accepted")
        {
            Assert.Equal(HttpStatusCode.Conflict, (await MoveAsync(WorkerB, id, "in_progress", version: Guid.NewGuid())).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await MoveAsync(WorkerB, id, "in_progress", version: current["version"]!.GetValue<Guid>())).StatusCode);
        }
    }

    [Fact]
    public async Task Unanswered_referrals_go_to_the_overdue_box_by_the_rule_and_expire_later_with_counts_per_box()
    {
        var (caseId, serviceId) = await SetUpAsync("Fah");
        var normal = (await ReferAsync(WorkerA, caseId, serviceId))["id"]!.GetValue<Guid>();
        var urgent = (await ReferAsync(WorkerA, caseId, serviceId, "urgent"))["id"]!.GetValue<Guid>();
        var stale = (await ReferAsync(WorkerA, caseId, serviceId))["id"]!.GetValue<Guid>();
        foreach (var id in new[] { normal, urgent, stale })
        {
            await MovedAsync(WorkerA, id, "sent");
        }

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
            var now = DateTimeOffset.UtcNow;
            (await db.Referrals.SingleAsync(r => r.Id == normal)).SentAt = now.AddHours(-48);  // within 3 days
            (await db.Referrals.SingleAsync(r => r.Id == urgent)).SentAt = now.AddHours(-25);  // past 24 hours
            (await db.Referrals.SingleAsync(r => r.Id == stale)).SentAt = now.AddDays(-15);    // past expiry
            await db.SaveChangesAsync();
        }

        var overdue = await Json.ReadAsync(await WorkerB.GetAsync("/api/v1/referrals?box=overdue"));
        var ids = overdue["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ToList();
        Assert.Contains(urgent, ids);
        Assert.DoesNotContain(normal, ids);
        Assert.DoesNotContain(stale, ids);
        Assert.Equal(ids.Count, overdue["counts"]!["overdue"]!.GetValue<int>());
        Assert.True(overdue["counts"]!["received"]!.GetValue<int>() >= 3);
        Assert.Contains(urgent, (await Json.ReadAsync(await WorkerA.GetAsync("/api/v1/referrals?box=overdue")))["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()));
        Assert.Equal("expired", (await Json.ReadAsync(await WorkerA.GetAsync($"/api/v1/referrals/{stale}")))["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await MoveAsync(WorkerB, stale, "accepted")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await WorkerA.GetAsync("/api/v1/referrals?box=everything")).StatusCode);

        // The overdue one raised one task for each side's supervisors, once, however often the boxes are read.
        await WorkerA.GetAsync("/api/v1/referrals?box=overdue");
        await WorkerB.GetAsync("/api/v1/referrals?box=received");
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
            var tasks = await db.Tasks.Where(t => t.SourceType == "referral" && t.SourceId == urgent).ToListAsync();
            Assert.Equal(2, tasks.Count);
            var senderTask = Assert.Single(tasks, t => t.OrganisationId == app.OrgA);
            Assert.Equal(caseId, senderTask.CaseId);
            Assert.Equal("supervisor", senderTask.AssigneeRole);
            Assert.Equal("urgent", senderTask.Urgency);
            Assert.Null(Assert.Single(tasks, t => t.OrganisationId == app.OrgB).CaseId);
            Assert.False(await db.Tasks.AnyAsync(t => t.SourceId == normal || t.SourceId == stale));
        }

        var supervisorTasks = await Json.ReadAsync(await app.Api(app.OrgB, Roles.Supervisor).GetAsync("/api/v1/tasks"));
        Assert.Contains(supervisorTasks.AsArray(), t => t!["kind"]!.GetValue<string>() == "referral_overdue");
    }

    [Fact]
    public async Task Other_organisations_and_weaker_roles_get_nothing_from_any_referral_endpoint()
    {
        // A refers to its own service: organisation B is a stranger to this referral.
        var caseId = await Json.CreateCaseAsync(WorkerA, Json.NewCase("Som"));
        await WorkerA.PostAsJsonAsync($"/api/v1/cases/{caseId}/consents", new { purpose = "referral", status = "given", method = "written", recordedOn = "2026-03-02" });
        var own = await ServicesApiTests.CreateAsync(app.Api(app.OrgA, Roles.Supervisor), ServicesApiTests.NewService("medical", "Clinic", ["TH-57"]));
        var id = (await ReferAsync(WorkerA, caseId, own))["id"]!.GetValue<Guid>();
        await MovedAsync(WorkerA, id, "sent");
        await MovedAsync(WorkerA, id, "accepted");

        foreach (var role in new[] { Roles.Supervisor, Roles.CaseWorker, Roles.OrgAdmin })
        {
            var stranger = app.Api(app.OrgB, role);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/referrals/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/referrals/{id}/case")).StatusCode);
            Assert.DoesNotContain((await Json.ReadAsync(await stranger.GetAsync("/api/v1/referrals?box=received")))["items"]!.AsArray(), i => i!["id"]!.GetValue<Guid>() == id);
            Assert.DoesNotContain((await Json.ReadAsync(await stranger.GetAsync("/api/v1/referrals?box=sent")))["items"]!.AsArray(), i => i!["id"]!.GetValue<Guid>() == id);
        }

        foreach (var role in new[] { Roles.Supervisor, Roles.CaseWorker })
        {
            var stranger = app.Api(app.OrgB, role);
            Assert.Equal(HttpStatusCode.NotFound, (await MoveAsync(stranger, id, "in_progress")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/v1/referrals/{id}/notes", new { text = "x" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new { serviceId = own, urgency = "normal" })).StatusCode);
        }

        foreach (var role in new[] { Roles.Analyst, Roles.HotlineOperator, Roles.NetworkAdmin })
        {
            var weak = app.Api(app.OrgA, role);
            Assert.Equal(HttpStatusCode.Forbidden, (await weak.GetAsync($"/api/v1/referrals/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await weak.GetAsync($"/api/v1/referrals/{id}/case")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await weak.GetAsync("/api/v1/referrals?box=received")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await MoveAsync(weak, id, "in_progress")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await weak.PostAsJsonAsync($"/api/v1/referrals/{id}/notes", new { text = "x" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await weak.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new { serviceId = own, urgency = "normal" })).StatusCode);
        }

        // An org admin reads cases but does not change them: no transitions, no referrals.
        Assert.Equal(HttpStatusCode.Forbidden, (await MoveAsync(app.Api(app.OrgA, Roles.OrgAdmin), id, "in_progress")).StatusCode);
    }
}
