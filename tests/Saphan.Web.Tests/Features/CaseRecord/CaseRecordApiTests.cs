using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.Identity;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.CaseRecord;

[Trait("Category", "Database")]
public sealed class CaseRecordApiTests(SaphanAppFactory app) : IClassFixture<SaphanAppFactory>
{
    private static object Vulnerability(string assessedOn = "2026-03-02") => new
    {
        assessedOn,
        individual = new[] { "poverty", "mental_health" },
        household = new { incomeBand = "under_5000", debtThb = 45000.50m, debtTo = new[] { "broker" }, dependants = 3 },
        community = new[] { "border_area" },
        details = "Sends money home to a sick mother.",
    };

    private static object Action(string type = "shelter", string? dueOn = "2026-12-31") =>
        new { type, description = "Place at the Chiang Mai shelter.", status = "planned", dueOn };

    private async Task<T> WithDbAsync<T>(Func<SaphanDbContext, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<SaphanDbContext>());
    }

    private Task<int> AuditCountAsync(string action, Guid caseId) =>
        WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == action && e.EntityId == caseId.ToString()));

    [Fact]
    public async Task A_vulnerability_assessment_is_saved_part_done_returned_on_get_and_health_factors_only_for_health_roles()
    {
        var worker = app.Api(app.OrgA, Roles.CaseWorker);
        var caseId = await Json.CreateCaseAsync(worker, Json.NewCase("Moe"));
        var url = $"/api/v1/cases/{caseId}/vulnerability";

        var empty = await Json.ReadAsync(await worker.GetAsync(url));
        Assert.False(empty["recorded"]!.GetValue<bool>());

        // Part-done: only the date.
        var partial = await worker.PutAsJsonAsync(url, new { assessedOn = "2026-03-02" });
        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        Assert.True((await Json.ReadAsync(partial))["recorded"]!.GetValue<bool>());

        var saved = await worker.PutAsJsonAsync(url, Vulnerability());
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var view = await Json.ReadAsync(await worker.GetAsync(url));
        Assert.Equal("2026-03-02", view["assessedOn"]!.GetValue<string>());
        Assert.Equal(["poverty", "mental_health"], view["individual"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.Equal("under_5000", view["household"]!["incomeBand"]!.GetValue<string>());
        Assert.Equal(45000.5m, view["household"]!["debtThb"]!.GetValue<decimal>());
        Assert.Equal(3, view["household"]!["dependants"]!.GetValue<int>());
        Assert.Equal("border_area", view["community"]![0]!.GetValue<string>());
        Assert.Equal("Sends money home to a sick mother.", view["details"]!.GetValue<string>());
        Assert.Equal(2, await AuditCountAsync("vulnerability.recorded", caseId));
        Assert.True(await AuditCountAsync("vulnerability.viewed", caseId) >= 1);

        // Law enforcement reads the case but not health data, may not write it, and its own save keeps it.
        var police = app.Api(app.OrgA, Roles.LawEnforcement);
        var hidden = await Json.ReadAsync(await police.GetAsync(url));
        Assert.True(hidden["individualHidden"]!.GetValue<bool>());
        Assert.Null(hidden["individual"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.PutAsJsonAsync(url, Vulnerability())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await police.PutAsJsonAsync(url, new { assessedOn = "2026-03-05", household = new { dependants = 4 } })).StatusCode);
        var after = await Json.ReadAsync(await worker.GetAsync(url));
        Assert.Equal(2, after["individual"]!.AsArray().Count);
        Assert.Equal(4, after["household"]!["dependants"]!.GetValue<int>());

        // At rest: the details and the health factors are ciphertext.
        var stored = await WithDbAsync(db => db.Database.SqlQuery<string>($"SELECT individual AS \"Value\" FROM vulnerability_assessments WHERE case_id = {caseId}").SingleAsync());
        Assert.DoesNotContain("mental_health", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_vulnerability_input_names_every_field_and_stores_nothing()
    {
        var worker = app.Api(app.OrgA, Roles.CaseWorker);
        var caseId = await Json.CreateCaseAsync(worker, Json.NewCase("Aye"));
        var url = $"/api/v1/cases/{caseId}/vulnerability";
        var response = await worker.PutAsync(url, Json.Body("""
            {"assessedOn": "2026-02-30", "individual": ["poverty", "rich"], "household": {"incomeBand": "lots", "debtThb": "many", "debtTo": ["none", "broker"], "dependants": -1, "pets": 2},
             "community": ["moon"], "details": 7, "colour": "blue"}
            """));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Json.ReadAsync(response))["errors"]!.AsObject();
        foreach (var field in new[] { "assessedOn", "individual", "household.incomeBand", "household.debtThb", "household.debtTo", "household.dependants", "household.pets", "community", "details", "colour" })
        {
            Assert.True(errors.ContainsKey(field), $"no error for {field}: {errors.ToJsonString()}");
        }

        Assert.DoesNotContain("rich", errors.ToJsonString(), StringComparison.Ordinal);
        var future = await Json.ReadAsync(await worker.PutAsJsonAsync(url, new { assessedOn = "2099-01-01" }));
        Assert.Contains("future", future["errors"]!["assessedOn"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var early = await Json.ReadAsync(await worker.PutAsJsonAsync(url, new { assessedOn = "2026-02-01" }));
        Assert.Contains("identification", early["errors"]!["assessedOn"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True((await Json.ReadAsync(await worker.PutAsync(url, Json.Body("{}"))))["errors"]!.AsObject().ContainsKey("assessedOn"));
        Assert.Equal(HttpStatusCode.BadRequest, (await worker.PutAsync(url, Json.Body("[1,2]"))).StatusCode);

        Assert.False((await Json.ReadAsync(await worker.GetAsync(url)))["recorded"]!.GetValue<bool>());
        Assert.Equal(0, await AuditCountAsync("vulnerability.recorded", caseId));
    }

    [Fact]
    public async Task A_support_plan_holds_objectives_and_actions_whose_status_changes_and_bad_input_is_refused()
    {
        var worker = app.Api(app.OrgA, Roles.CaseWorker);
        var caseId = await Json.CreateCaseAsync(worker, Json.NewCase("Nilar"));
        var url = $"/api/v1/cases/{caseId}/support-plan";
        Assert.False((await Json.ReadAsync(await worker.GetAsync(url)))["recorded"]!.GetValue<bool>());

        var plan = await worker.PutAsJsonAsync(url, new { objectives = "Safe housing, then work in a restaurant.", agreedOn = "2026-03-10", reviewOn = "2027-03-10" });
        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);

        var added = await worker.PostAsJsonAsync(url + "/actions", Action());
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var action = await Json.ReadAsync(added);
        Assert.Equal("shelter", action["type"]!.GetValue<string>());
        Assert.Equal("planned", action["status"]!.GetValue<string>());
        Assert.Equal(app.OrgA, action["responsibleOrganisationId"]!.GetValue<Guid>());
        var actionId = action["id"]!.GetValue<Guid>();

        var other = await Json.ReadAsync(await worker.PostAsJsonAsync(url + "/actions",
            new { type = "legal", description = "Lawyer for the wage claim.", responsibleOrganisationId = app.OrgB }));
        Assert.Equal(app.OrgB, other["responsibleOrganisationId"]!.GetValue<Guid>());
        Assert.Equal("planned", other["status"]!.GetValue<string>());

        var changed = await worker.PatchAsync($"{url}/actions/{actionId}", Json.Body(new { status = "done" }));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("done", (await Json.ReadAsync(changed))["status"]!.GetValue<string>());

        var view = await Json.ReadAsync(await worker.GetAsync(url));
        Assert.Equal("Safe housing, then work in a restaurant.", view["objectives"]!.GetValue<string>());
        Assert.Equal("2027-03-10", view["reviewOn"]!.GetValue<string>());
        Assert.Equal(2, view["actions"]!.AsArray().Count);

        // Bad input: unknown codes, impossible dates, wrong types, an organisation that does not exist.
        var bad = await worker.PostAsync(url + "/actions", Json.Body($$"""
            {"type": "spa", "description": 5, "status": "maybe", "dueOn": "2026-13-01", "responsibleOrganisationId": "{{Guid.NewGuid()}}", "cost": 1}
            """));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await Json.ReadAsync(bad))["errors"]!.AsObject();
        foreach (var field in new[] { "type", "description", "status", "dueOn", "responsibleOrganisationId", "cost" })
        {
            Assert.True(errors.ContainsKey(field), $"no error for {field}: {errors.ToJsonString()}");
        }

        var missing = (await Json.ReadAsync(await worker.PostAsync(url + "/actions", Json.Body("{}"))))["errors"]!.AsObject();
        Assert.True(missing.ContainsKey("type") && missing.ContainsKey("description"));
        var early = await Json.ReadAsync(await worker.PostAsJsonAsync(url + "/actions", Action(dueOn: "2026-01-01")));
        Assert.True(early["errors"]!.AsObject().ContainsKey("dueOn"));
        var badPlan = (await Json.ReadAsync(await worker.PutAsJsonAsync(url, new { objectives = "", agreedOn = "2099-01-01", reviewOn = "2026-01-01" })))["errors"]!.AsObject();
        Assert.True(badPlan.ContainsKey("objectives") && badPlan.ContainsKey("agreedOn") && badPlan.ContainsKey("reviewOn"), badPlan.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, (await worker.PatchAsync($"{url}/actions/{actionId}", Json.Body(new { status = "lost" }))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.PatchAsync($"{url}/actions/{Guid.NewGuid()}", Json.Body(new { status = "done" }))).StatusCode);

        var unchanged = await Json.ReadAsync(await worker.GetAsync(url));
        Assert.Equal(2, unchanged["actions"]!.AsArray().Count);
        Assert.Equal("Safe housing, then work in a restaurant.", unchanged["objectives"]!.GetValue<string>());
        Assert.Equal("done", unchanged["actions"]!.AsArray().Single(a => a!["id"]!.GetValue<Guid>() == actionId)!["status"]!.GetValue<string>());
        Assert.True(await AuditCountAsync("support_plan.viewed", caseId) >= 1);
    }

    [Fact]
    public async Task Comments_are_appended_encrypted_audited_on_read_and_never_changed()
    {
        var worker = app.Api(app.OrgA, Roles.CaseWorker);
        var caseId = await Json.CreateCaseAsync(worker, Json.NewCase("Hnin"));
        var url = $"/api/v1/cases/{caseId}/comments";
        Assert.Empty((await Json.ReadAsync(await worker.GetAsync(url))).AsArray());

        var first = await worker.PostAsJsonAsync(url, new { text = "Called her sister in Yangon." });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var id = (await Json.ReadAsync(first))["id"]!.GetValue<Guid>();
        Assert.Equal(HttpStatusCode.Created, (await worker.PostAsJsonAsync(url, new { text = "Met at the shelter." })).StatusCode);

        var comments = (await Json.ReadAsync(await worker.GetAsync(url))).AsArray();
        Assert.Equal(2, comments.Count);
        Assert.Equal("Met at the shelter.", comments[0]!["text"]!.GetValue<string>());
        Assert.Equal("note", comments[0]!["kind"]!.GetValue<string>());
        Assert.True(await AuditCountAsync("case_comments.viewed", caseId) >= 1);

        var bad = await worker.PostAsync(url, Json.Body("""{"text": 12, "mood": "sad"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await Json.ReadAsync(bad))["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("text") && errors.ContainsKey("mood"));
        Assert.True((await Json.ReadAsync(await worker.PostAsJsonAsync(url, new { text = new string('x', 4001) })))["errors"]!.AsObject().ContainsKey("text"));
        Assert.True((await Json.ReadAsync(await worker.PostAsJsonAsync(url, new { text = "  " })))["errors"]!.AsObject().ContainsKey("text"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await worker.DeleteAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.DeleteAsync($"{url}/{id}")).StatusCode);
        await WithDbAsync(async db =>
        {
            await Assert.ThrowsAnyAsync<Exception>(() => db.Set<Saphan.Core.Features.CaseRecord.CaseComment>().Where(c => c.Id == id).ExecuteDeleteAsync());
            var stored = await db.Database.SqlQuery<string>($"SELECT text AS \"Value\" FROM case_comments WHERE id = {id}").SingleAsync();
            Assert.DoesNotContain("Yangon", stored, StringComparison.Ordinal);
            return true;
        });
        Assert.Equal(2, (await Json.ReadAsync(await worker.GetAsync(url))).AsArray().Count);
    }

    [Fact]
    public async Task Closing_needs_a_known_reason_and_a_possible_day_makes_the_case_read_only_and_only_a_supervisor_reopens()
    {
        var worker = app.Api(app.OrgA, Roles.CaseWorker);
        var supervisor = app.Api(app.OrgA, Roles.Supervisor);
        var caseId = await Json.CreateCaseAsync(worker, Json.NewCase("Zaw"));
        var url = $"/api/v1/cases/{caseId}/closure";

        var bad = await worker.PostAsync(url, Json.Body("""{"reason": "bored", "closedOn": "2026-02-28", "details": 3, "extra": 1}"""));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await Json.ReadAsync(bad))["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("reason") && errors.ContainsKey("details") && errors.ContainsKey("extra"), errors.ToJsonString());
        Assert.Contains("identification", errors["closedOn"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var future = (await Json.ReadAsync(await worker.PostAsJsonAsync(url, new { reason = "goals_met", closedOn = "2099-01-01" })))["errors"]!.AsObject();
        Assert.Contains("future", future["closedOn"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var missing = (await Json.ReadAsync(await worker.PostAsync(url, Json.Body("{}"))))["errors"]!.AsObject();
        Assert.True(missing.ContainsKey("reason") && missing.ContainsKey("closedOn"));
        Assert.False((await Json.ReadAsync(await worker.GetAsync(url)))["closed"]!.GetValue<bool>());

        var closed = await worker.PostAsJsonAsync(url, new { reason = "referred", closedOn = "2026-06-30", details = "Handed to the Mae Sot shelter." });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var view = await Json.ReadAsync(await worker.GetAsync(url));
        Assert.Equal("closed_referred", view["status"]!.GetValue<string>());
        Assert.Equal("referred", view["reason"]!.GetValue<string>());
        Assert.Equal("2026-06-30", view["closedOn"]!.GetValue<string>());
        Assert.Equal("closed_referred", (await Json.ReadAsync(await worker.GetAsync($"/api/v1/cases/{caseId}")))["status"]!.GetValue<string>());
        Assert.Equal(1, await AuditCountAsync("case.closed", caseId));

        // Read-only now: every write answers 409 and stores nothing.
        var writes = new (string Method, string Path, object Body)[]
        {
            ("PUT", "vulnerability", new { assessedOn = "2026-07-01" }),
            ("PUT", "support-plan", new { objectives = "More." }),
            ("POST", "support-plan/actions", Action()),
            ("POST", "comments", new { text = "After closure." }),
            ("POST", "closure", new { reason = "goals_met", closedOn = "2026-07-01" }),
            ("POST", "consents", new { purpose = "care", status = "given", method = "written", recordedOn = "2026-07-01" }),
            ("POST", "events", new { type = "transit", country = "TH" }),
            ("POST", "screenings", new { instrument = "GAD-7", answers = new[] { 0, 0, 0, 0, 0, 0, 0 } }),
        };
        foreach (var (method, path, body) in writes)
        {
            var request = new HttpRequestMessage(new HttpMethod(method), $"/api/v1/cases/{caseId}/{path}") { Content = JsonContent.Create(body) };
            var response = await worker.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{method} {path}: {(int)response.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.Conflict, (await worker.PatchAsync($"/api/v1/cases/{caseId}", Json.Body(new { status = "active" }))).StatusCode);
        Assert.Empty((await Json.ReadAsync(await worker.GetAsync($"/api/v1/cases/{caseId}/comments"))).AsArray());
        // A withdrawal of consent still counts at once.
        Assert.Equal(HttpStatusCode.Created, (await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/consents",
            new { purpose = "reporting", status = "withdrawn", method = "verbal_witnessed", recordedOn = "2026-07-01" })).StatusCode);

        // Reopen: a supervisor only, with a reason kept as a comment.
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/reopen", new { reason = "She came back to the office." })).StatusCode);
        Assert.True((await Json.ReadAsync(await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/reopen", new { reason = "short" })))["errors"]!.AsObject().ContainsKey("reason"));
        var reopened = await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/reopen", new { reason = "She came back to the office." });
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        var open = await Json.ReadAsync(reopened);
        Assert.Equal("active", open["status"]!.GetValue<string>());
        Assert.Null(open["reason"]);
        var comments = (await Json.ReadAsync(await worker.GetAsync($"/api/v1/cases/{caseId}/comments"))).AsArray();
        Assert.Equal("reopened", Assert.Single(comments)!["kind"]!.GetValue<string>());
        Assert.Equal(1, await AuditCountAsync("case.reopened", caseId));
        Assert.True((await Json.ReadAsync(await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/reopen", new { reason = "Not closed at all." })))["errors"]!.AsObject().ContainsKey("status"));
        Assert.Equal(HttpStatusCode.OK, (await worker.PutAsJsonAsync($"/api/v1/cases/{caseId}/vulnerability", new { assessedOn = "2026-07-01" })).StatusCode);
    }

    [Fact]
    public async Task The_victim_context_is_returned_with_the_case_changed_by_case_writers_validated_against_the_dictionary_and_audited()
    {
        var worker = app.Api(app.OrgA, Roles.CaseWorker);
        var caseId = await Json.CreateCaseAsync(worker, Json.NewCase("Thiri"));
        var url = $"/api/v1/cases/{caseId}/victim-context";

        // Not recorded yet: both null, on the case and on its own route.
        var fresh = await Json.ReadAsync(await worker.GetAsync("/api/v1/cases/" + caseId));
        Assert.Null(fresh["victim"]!["traffickingStatus"]);
        Assert.Null((await Json.ReadAsync(await worker.GetAsync(url)))["traffickingStatusDecidedBy"]);

        // Bad input: the status is required, codes must be the dictionary's; each named, nothing stored.
        var bad = await worker.PutAsJsonAsync(url, new { traffickingStatusDecidedBy = "the_moon" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await Json.ReadAsync(bad))["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("traffickingStatus"));
        Assert.True(errors.ContainsKey("traffickingStatusDecidedBy"));
        var unknown = await worker.PutAsJsonAsync(url, new { traffickingStatus = "actual", colour = "red" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await Json.ReadAsync(unknown))["errors"]!.AsObject().ContainsKey("colour"));
        Assert.Null((await Json.ReadAsync(await worker.GetAsync(url)))["traffickingStatus"]);

        var saved = await worker.PutAsJsonAsync(url, new { traffickingStatus = "actual", traffickingStatusDecidedBy = "law_enforcement" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("actual", (await Json.ReadAsync(saved))["traffickingStatus"]!.GetValue<string>());
        var audited = await AuditCountAsync("case.updated", caseId);
        // Saving the same again changes nothing and writes no audit entry.
        Assert.Equal(HttpStatusCode.OK, (await worker.PutAsJsonAsync(url, new { traffickingStatus = "actual", traffickingStatusDecidedBy = "law_enforcement" })).StatusCode);
        Assert.Equal(audited, await AuditCountAsync("case.updated", caseId));
        Assert.True(audited >= 1);

        // The case API returns it, to every case reader (codes, not identifying): the org admin and law enforcement too.
        foreach (var reader in new[] { worker, app.Api(app.OrgA, Roles.OrgAdmin), app.Api(app.OrgA, Roles.LawEnforcement) })
        {
            var victim = (await Json.ReadAsync(await reader.GetAsync("/api/v1/cases/" + caseId)))["victim"]!;
            Assert.Equal("actual", victim["traffickingStatus"]!.GetValue<string>());
            Assert.Equal("law_enforcement", victim["traffickingStatusDecidedBy"]!.GetValue<string>());
        }

        // Clearing who decided it; the status stays.
        Assert.Equal(HttpStatusCode.OK, (await worker.PutAsJsonAsync(url, new { traffickingStatus = "possible" })).StatusCode);
        var now = await Json.ReadAsync(await worker.GetAsync(url));
        Assert.Equal("possible", now["traffickingStatus"]!.GetValue<string>());
        Assert.Null(now["traffickingStatusDecidedBy"]);

        // A PATCH of the case's other fields leaves it as it was.
        Assert.Equal(HttpStatusCode.OK, (await worker.PatchAsJsonAsync("/api/v1/cases/" + caseId, new { summary = "Met at the port." })).StatusCode);
        Assert.Equal("possible", (await Json.ReadAsync(await worker.GetAsync(url)))["traffickingStatus"]!.GetValue<string>());

        // A closed case takes no change (409).
        var supervisor = app.Api(app.OrgA, Roles.Supervisor);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/closure", new { reason = "goals_met", closedOn = "2026-03-05" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PutAsJsonAsync(url, new { traffickingStatus = "actual" })).StatusCode);
        Assert.Equal("possible", (await Json.ReadAsync(await worker.GetAsync(url)))["traffickingStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_NRM_identification_health_needs_and_arrest_are_saved_validated_per_field_encrypted_and_hidden_from_roles_without_health_access()
    {
        var worker = app.Api(app.OrgA, Roles.CaseWorker);
        var caseId = await Json.CreateCaseAsync(worker, Json.NewCase("Aye")); // identified on 2026-03-01
        var url = $"/api/v1/cases/{caseId}/victim-context";
        var future = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        // Bad input, each field named; nothing stored. (The future check allows one day for Thai time, as for every date.)
        async Task<System.Text.Json.Nodes.JsonObject> BadAsync(object body)
        {
            var response = await worker.PutAsJsonAsync(url, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (await Json.ReadAsync(response))["errors"]!.AsObject();
        }

        Assert.True((await BadAsync(new { traffickingStatus = "actual", nrm = new { identifiedOn = "2026-02-28" } })).ContainsKey("nrm.identifiedOn"));
        Assert.True((await BadAsync(new { traffickingStatus = "actual", nrm = new { identifiedOn = future } })).ContainsKey("nrm.identifiedOn"));
        Assert.True((await BadAsync(new { traffickingStatus = "actual", nrm = new { identifiedOn = "1 March" } })).ContainsKey("nrm.identifiedOn"));
        Assert.True((await BadAsync(new { traffickingStatus = "actual", nrm = new { multidisciplinaryTeam = "maybe" } })).ContainsKey("nrm.multidisciplinaryTeam"));
        Assert.True((await BadAsync(new { traffickingStatus = "actual", nrm = new { colour = "red" } })).ContainsKey("nrm.colour"));
        Assert.True((await BadAsync(new { traffickingStatus = "actual", healthNeeds = new[] { "injury", "broken_heart" } })).ContainsKey("healthNeeds"));
        Assert.True((await BadAsync(new { traffickingStatus = "actual", healthNeeds = new[] { "injury", "none" } })).ContainsKey("healthNeeds"));
        Assert.True((await BadAsync(new { traffickingStatus = "actual", arrestedOrCharged = "yes please" })).ContainsKey("arrestedOrCharged"));
        Assert.Null((await Json.ReadAsync(await worker.GetAsync(url)))["traffickingStatus"]);

        var saved = await worker.PutAsJsonAsync(url, new
        {
            traffickingStatus = "actual",
            nrm = new { identifiedOn = "2026-03-04", multidisciplinaryTeam = true },
            healthNeeds = new[] { "injury", "mental_health" },
            arrestedOrCharged = true,
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var view = await Json.ReadAsync(await worker.GetAsync(url));
        Assert.Equal("2026-03-04", view["nrm"]!["identifiedOn"]!.GetValue<string>());
        Assert.True(view["nrm"]!["multidisciplinaryTeam"]!.GetValue<bool>());
        Assert.Equal(["injury", "mental_health"], view["healthNeeds"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.True(view["arrestedOrCharged"]!.GetValue<bool>());
        Assert.False(view["sensitiveHidden"]!.GetValue<bool>());
        var caseVictim = (await Json.ReadAsync(await worker.GetAsync("/api/v1/cases/" + caseId)))["victim"]!;
        Assert.Equal("2026-03-04", caseVictim["nrm"]!["identifiedOn"]!.GetValue<string>());
        Assert.True(caseVictim["arrestedOrCharged"]!.GetValue<bool>());

        // The audit names the columns, never values.
        var detail = await WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "case.updated" && e.EntityId == caseId.ToString()).OrderByDescending(e => e.Sequence).Select(e => e.Detail).FirstAsync());
        Assert.Contains("cases.health_needs", detail, StringComparison.Ordinal);
        Assert.Contains("cases.arrested_or_charged", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("injury", detail, StringComparison.Ordinal);

        // At rest: the PDPA s.26 fields are ciphertext.
        var storedNeeds = await WithDbAsync(db => db.Database.SqlQuery<string>($"SELECT health_needs AS \"Value\" FROM cases WHERE id = {caseId}").SingleAsync());
        var storedArrest = await WithDbAsync(db => db.Database.SqlQuery<string>($"SELECT arrested_or_charged AS \"Value\" FROM cases WHERE id = {caseId}").SingleAsync());
        Assert.DoesNotContain("injury", storedNeeds, StringComparison.Ordinal);
        Assert.DoesNotContain("true", storedArrest, StringComparison.Ordinal);

        // An older client sending only the status keeps the rest.
        Assert.Equal(HttpStatusCode.OK, (await worker.PutAsJsonAsync(url, new { traffickingStatus = "possible" })).StatusCode);
        var kept = await Json.ReadAsync(await worker.GetAsync(url));
        Assert.Equal("2026-03-04", kept["nrm"]!["identifiedOn"]!.GetValue<string>());
        Assert.Equal(2, kept["healthNeeds"]!.AsArray().Count);

        // Law enforcement and the org admin read the case but see only that the sensitive fields are recorded; the police may
        // change the NRM fields, not send the sensitive ones (403), and their save keeps them.
        var police = app.Api(app.OrgA, Roles.LawEnforcement);
        foreach (var reader in new[] { police, app.Api(app.OrgA, Roles.OrgAdmin) })
        {
            foreach (var hidden in new[] { await Json.ReadAsync(await reader.GetAsync(url)), (await Json.ReadAsync(await reader.GetAsync("/api/v1/cases/" + caseId)))["victim"]! })
            {
                Assert.True(hidden["sensitiveHidden"]!.GetValue<bool>());
                Assert.Null(hidden["healthNeeds"]);
                Assert.Null(hidden["arrestedOrCharged"]);
                Assert.True(hidden["healthNeedsRecorded"]!.GetValue<bool>());
                Assert.True(hidden["arrestedOrChargedRecorded"]!.GetValue<bool>());
                Assert.Equal("2026-03-04", hidden["nrm"]!["identifiedOn"]!.GetValue<string>());
            }
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await police.PutAsJsonAsync(url, new { traffickingStatus = "actual", arrestedOrCharged = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.PutAsJsonAsync(url, new { traffickingStatus = "actual", healthNeeds = Array.Empty<string>() })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await police.PutAsJsonAsync(url, new { traffickingStatus = "actual", nrm = new { identifiedOn = "2026-03-05", multidisciplinaryTeam = false } })).StatusCode);
        var after = await Json.ReadAsync(await worker.GetAsync(url));
        Assert.Equal("2026-03-05", after["nrm"]!["identifiedOn"]!.GetValue<string>());
        Assert.False(after["nrm"]!["multidisciplinaryTeam"]!.GetValue<bool>());
        Assert.Equal(2, after["healthNeeds"]!.AsArray().Count);
        Assert.True(after["arrestedOrCharged"]!.GetValue<bool>());

        // Null clears.
        Assert.Equal(HttpStatusCode.OK, (await worker.PutAsJsonAsync(url, new { traffickingStatus = "actual", nrm = new { identifiedOn = (string?)null, multidisciplinaryTeam = (bool?)null }, healthNeeds = (string[]?)null, arrestedOrCharged = (bool?)null })).StatusCode);
        var cleared = await Json.ReadAsync(await worker.GetAsync(url));
        Assert.Null(cleared["nrm"]!["identifiedOn"]);
        Assert.Null(cleared["nrm"]!["multidisciplinaryTeam"]);
        Assert.Empty(cleared["healthNeeds"]!.AsArray());
        Assert.Null(cleared["arrestedOrCharged"]);
        Assert.False(cleared["healthNeedsRecorded"]!.GetValue<bool>());

        // Another organisation: 404 on read and write, nothing changes.
        var other = app.Api(app.OrgB, Roles.CaseWorker);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync(url, new { traffickingStatus = "actual", arrestedOrCharged = true })).StatusCode);
        Assert.Null((await Json.ReadAsync(await worker.GetAsync(url)))["arrestedOrCharged"]);
    }

    [Fact]
    public async Task Another_organisation_gets_404_weaker_roles_403_and_nothing_changes()
    {
        var worker = app.Api(app.OrgA, Roles.CaseWorker);
        var caseId = await Json.CreateCaseAsync(worker, Json.NewCase("Kyaw"));
        var actionId = (await Json.ReadAsync(await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/support-plan/actions", Action())))["id"]!.GetValue<Guid>();
        var reads = new[] { "victim-context", "vulnerability", "support-plan", "comments", "closure" };
        var writes = new (string Method, string Path, object Body)[]
        {
            ("PUT", "victim-context", new { traffickingStatus = "actual" }),
            ("PUT", "vulnerability", new { assessedOn = "2026-03-02" }),
            ("PUT", "support-plan", new { objectives = "Other." }),
            ("POST", "support-plan/actions", Action()),
            ("PATCH", $"support-plan/actions/{actionId}", new { status = "cancelled" }),
            ("POST", "comments", new { text = "Not mine." }),
            ("POST", "closure", new { reason = "goals_met", closedOn = "2026-03-02" }),
            ("POST", "reopen", new { reason = "Not mine to reopen." }),
        };

        async Task CheckAsync(HttpClient client, HttpStatusCode read, HttpStatusCode write, string who)
        {
            foreach (var path in reads)
            {
                Assert.True((await client.GetAsync($"/api/v1/cases/{caseId}/{path}")).StatusCode == read, $"{who} GET {path}");
            }

            foreach (var (method, path, body) in writes)
            {
                var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/api/v1/cases/{caseId}/{path}") { Content = JsonContent.Create(body) });
                Assert.True(response.StatusCode == write, $"{who} {method} {path}: {(int)response.StatusCode}");
            }
        }

        foreach (var role in Roles.CaseWriters.Append(Roles.OrgAdmin))
        {
            await CheckAsync(app.Api(app.OrgB, role), HttpStatusCode.NotFound, role == Roles.OrgAdmin ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound, "org B " + role);
        }

        foreach (var role in new[] { Roles.Analyst, Roles.HotlineOperator, Roles.NetworkAdmin })
        {
            await CheckAsync(app.Api(app.OrgA, role), HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, role);
        }

        var admin = app.Api(app.OrgA, Roles.OrgAdmin);
        foreach (var path in reads)
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/cases/{caseId}/{path}")).StatusCode);
        }

        foreach (var (method, path, body) in writes)
        {
            var response = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/api/v1/cases/{caseId}/{path}") { Content = JsonContent.Create(body) });
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync($"/api/v1/cases/{caseId}/comments")).StatusCode);

        // Nothing changed.
        Assert.Null((await Json.ReadAsync(await worker.GetAsync($"/api/v1/cases/{caseId}/victim-context")))["traffickingStatus"]);
        Assert.False((await Json.ReadAsync(await worker.GetAsync($"/api/v1/cases/{caseId}/vulnerability")))["recorded"]!.GetValue<bool>());
        var plan = await Json.ReadAsync(await worker.GetAsync($"/api/v1/cases/{caseId}/support-plan"));
        Assert.False(plan["recorded"]!.GetValue<bool>());
        Assert.Equal("planned", Assert.Single(plan["actions"]!.AsArray())!["status"]!.GetValue<string>());
        Assert.Empty((await Json.ReadAsync(await worker.GetAsync($"/api/v1/cases/{caseId}/comments"))).AsArray());
        Assert.Equal("active", (await Json.ReadAsync(await worker.GetAsync($"/api/v1/cases/{caseId}/closure")))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Screening_score_and_band_are_stored_encrypted_and_read_back()
    {
        var worker = app.Api(app.OrgA, Roles.CaseWorker);
        var caseId = await Json.CreateCaseAsync(worker, Json.NewCase("Thet"));
        var response = await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/screenings", new { instrument = "GAD-7", answers = new[] { 2, 2, 2, 1, 1, 1, 1 } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var screening = await Json.ReadAsync(response);
        var id = screening["id"]!.GetValue<Guid>();
        Assert.Equal(10, screening["score"]!.GetValue<int>());
        Assert.Equal("moderate", screening["band"]!.GetValue<string>());

        await WithDbAsync(async db =>
        {
            var score = await db.Database.SqlQuery<string>($"SELECT CAST(score AS TEXT) AS \"Value\" FROM screenings WHERE id = {id}").SingleAsync();
            var band = await db.Database.SqlQuery<string>($"SELECT band AS \"Value\" FROM screenings WHERE id = {id}").SingleAsync();
            Assert.NotEqual("10", score);
            Assert.True(score.Length >= 40, "score is not ciphertext");
            Assert.DoesNotContain("moderate", band, StringComparison.Ordinal);
            return true;
        });
        var listed = await Json.ReadAsync(await worker.GetAsync($"/api/v1/cases/{caseId}/screenings"));
        var item = listed["items"]!.AsArray().Single(s => s!["id"]!.GetValue<Guid>() == id)!;
        Assert.Equal(10, item["score"]!.GetValue<int>());
        Assert.Equal("moderate", item["band"]!.GetValue<string>());

        // A row written before schema 9 holds score and band in clear: still read as they are.
        await WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE screenings SET score = '9', band = 'mild' WHERE id = {id}"));
        var legacy = (await Json.ReadAsync(await worker.GetAsync($"/api/v1/cases/{caseId}/screenings")))["items"]!.AsArray().Single(s => s!["id"]!.GetValue<Guid>() == id)!;
        Assert.Equal(9, legacy["score"]!.GetValue<int>());
        Assert.Equal("mild", legacy["band"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_case_record_routes()
    {
        var document = await app.Anonymous().GetStringAsync("/openapi/v1.json");
        foreach (var route in new[] { "victim-context", "vulnerability", "support-plan", "support-plan/actions", "support-plan/actions/{actionId}", "comments", "closure", "reopen" })
        {
            Assert.Contains("\"/api/v1/cases/{id}/" + route + "\"", document, StringComparison.Ordinal);
        }

        Assert.Contains("VulnerabilityRequestDocument", document, StringComparison.Ordinal);
        Assert.Contains("VictimContextRequestDocument", document, StringComparison.Ordinal);
        Assert.Contains("VictimContextView", document, StringComparison.Ordinal);
    }
}
