using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Saphan.Core.Features.Identity;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.FollowUps;

[Trait("Category", "Database")]
public sealed class FollowUpsApiTests(SaphanAppFactory app) : IClassFixture<SaphanAppFactory>
{
    private static object Outcome(string doneOn, params string[] outcomes) => new { doneOn, outcomes, note = "Met at the market" };

    [Fact]
    public async Task Standard_follow_ups_are_scheduled_once_recorded_with_outcomes_and_feed_the_twelve_month_figure()
    {
        var worker = app.Api(app.OrgA, Roles.CaseWorker);
        var free = await Json.CreateCaseAsync(worker, Json.NewCase("Free"));      // identified 2026-03-01
        var again = await Json.CreateCaseAsync(worker, Json.NewCase("Again"));
        var scheduled = (await Json.ReadAsync(await worker.PostAsync($"/api/v1/cases/{free}/follow-ups", null))).AsArray();
        Assert.Equal(["2026-06-01", "2026-09-01", "2027-03-01"], scheduled.Select(f => f!["dueOn"]!.GetValue<string>()).ToArray());
        Assert.Equal(3, (await Json.ReadAsync(await worker.PostAsync($"/api/v1/cases/{free}/follow-ups", null))).AsArray().Count);
        var againScheduled = (await Json.ReadAsync(await worker.PostAsync($"/api/v1/cases/{again}/follow-ups", null))).AsArray();

        var first = scheduled[0]!["id"]!.GetValue<Guid>();
        var recorded = await worker.PostAsJsonAsync($"/api/v1/follow-ups/{first}/outcome", Outcome("2026-06-03", "safe_stable", "employed"));
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Equal(["safe_stable", "employed"], (await Json.ReadAsync(recorded))["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()).ToArray());

        // A 12-month follow-up cannot be recorded before it happened; the supervisor's figure counts only real ones.
        var supervisor = app.Api(app.OrgA, Roles.Supervisor);
        var figures = (await Json.ReadAsync(await supervisor.GetAsync("/api/v1/outcomes"))).AsArray();
        var mine = Assert.Single(figures)!;
        Assert.Equal(app.OrgA, mine["organisationId"]!.GetValue<Guid>());
        Assert.True(mine["casesFollowed"]!.GetValue<int>() >= 1);
        Assert.Equal(0, mine["followed12Months"]!.GetValue<int>());
        Assert.Null(mine["shareStayedFree12Months"]);

        var bad = await worker.PostAsJsonAsync($"/api/v1/follow-ups/{againScheduled[0]!["id"]!.GetValue<Guid>()}/outcome", new { doneOn = "2300-01-01", outcomes = new[] { "rich" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await Json.ReadAsync(bad))["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("doneOn") && errors.ContainsKey("outcomes"), errors.ToJsonString());
        var list = (await Json.ReadAsync(await worker.GetAsync($"/api/v1/cases/{again}/follow-ups"))).AsArray();
        Assert.All(list, f => Assert.Null(f!["doneOn"]));
        Assert.True(list[0]!["overdue"]!.GetValue<bool>());

        // Two people identified in January 2025 and seen at 12 months: one safe, one re-trafficked: 50 %.
        foreach (var (name, outcome) in new[] { ("Early", "safe_stable"), ("Early2", "re_trafficked") })
        {
            var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Json.NewCase(name)))!.AsObject();
            body["identifiedOn"] = "2025-01-10";
            var early = await Json.CreateCaseAsync(worker, body);
            var twelve = (await Json.ReadAsync(await worker.PostAsync($"/api/v1/cases/{early}/follow-ups", null))).AsArray().Single(f => f!["month"]!.GetValue<int>() == 12)!;
            Assert.Equal("2026-01-10", twelve["dueOn"]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.OK, (await worker.PostAsJsonAsync($"/api/v1/follow-ups/{twelve["id"]!.GetValue<Guid>()}/outcome", Outcome("2026-01-12", outcome, "in_contact"))).StatusCode);
        }

        mine = (await Json.ReadAsync(await supervisor.GetAsync("/api/v1/outcomes")))[0]!;
        Assert.Equal(2, mine["followed12Months"]!.GetValue<int>());
        Assert.Equal(1, mine["stayedFree12Months"]!.GetValue<int>());
        Assert.Equal(0.5, mine["shareStayedFree12Months"]!.GetValue<double>());
        Assert.Equal(1, mine["latestOutcomes"]!["re_trafficked"]!.GetValue<int>());
    }

    [Fact]
    public async Task Other_organisations_and_weaker_roles_cannot_read_or_record_follow_ups()
    {
        var worker = app.Api(app.OrgA, Roles.CaseWorker);
        var caseId = await Json.CreateCaseAsync(worker, Json.NewCase("Hidden"));
        var id = (await Json.ReadAsync(await worker.PostAsync($"/api/v1/cases/{caseId}/follow-ups", null)))[0]!["id"]!.GetValue<Guid>();
        foreach (var role in new[] { Roles.CaseWorker, Roles.Supervisor })
        {
            var stranger = app.Api(app.OrgB, role);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/cases/{caseId}/follow-ups")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/v1/cases/{caseId}/follow-ups", null)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/v1/follow-ups/{id}/outcome", Outcome("2026-06-02", "in_contact"))).StatusCode);
        }

        foreach (var role in new[] { Roles.Analyst, Roles.HotlineOperator })
        {
            var weak = app.Api(app.OrgA, role);
            Assert.Equal(HttpStatusCode.Forbidden, (await weak.GetAsync($"/api/v1/cases/{caseId}/follow-ups")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await weak.PostAsJsonAsync($"/api/v1/follow-ups/{id}/outcome", Outcome("2026-06-02", "in_contact"))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(app.OrgA, Roles.OrgAdmin).PostAsJsonAsync($"/api/v1/follow-ups/{id}/outcome", Outcome("2026-06-02", "in_contact"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(app.OrgA, Roles.CaseWorker).GetAsync("/api/v1/outcomes")).StatusCode);
        // Network roles see every organisation's counts, never a case.
        var network = (await Json.ReadAsync(await app.Api(app.OrgA, Roles.NetworkAdmin).GetAsync("/api/v1/outcomes"))).AsArray();
        Assert.Equal(2, network.Count);
        Assert.DoesNotContain("Hidden", network.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(caseId.ToString(), network.ToJsonString(), StringComparison.Ordinal);
    }
}
