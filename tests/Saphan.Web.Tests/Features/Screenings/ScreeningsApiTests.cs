using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.Identity;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.Screenings;

[Trait("Category", "Database")]
public sealed class ScreeningsApiTests(SaphanAppFactory app) : IClassFixture<SaphanAppFactory>
{
    private static readonly int[] Phq9SuicideItem = [1, 1, 2, 1, 0, 1, 0, 0, 2];

    private static List<Guid> Ids(JsonNode list) => [.. list.AsArray().Select(t => t!["id"]!.GetValue<Guid>())];

    private static async Task<JsonNode> TasksOf(HttpClient client) => await Json.ReadAsync(await client.GetAsync("/api/v1/tasks"));

    [Fact]
    public async Task A_phq9_is_scored_and_a_positive_item_9_opens_an_urgent_task_for_the_supervisors()
    {
        var worker = app.Api(app.OrgA, Roles.CaseWorker);
        var caseId = await Json.CreateCaseAsync(worker, Json.NewCase("Mya"));
        var response = await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/screenings", new { instrument = "PHQ-9", answers = Phq9SuicideItem });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await Json.ReadAsync(response);
        Assert.Equal(8, created["score"]!.GetValue<int>());
        Assert.Equal("mild", created["band"]!.GetValue<string>());
        Assert.Equal("1.0", created["instrumentVersion"]!.GetValue<string>());
        Assert.Equal("suicide_risk", created["flags"]![0]!.GetValue<string>());
        var taskId = created["taskIds"]![0]!.GetValue<Guid>();

        var supervisorTasks = await TasksOf(app.Api(app.OrgA, Roles.Supervisor));
        var task = supervisorTasks.AsArray().Single(t => t!["id"]!.GetValue<Guid>() == taskId)!;
        Assert.Equal("urgent", task["urgency"]!.GetValue<string>());
        Assert.Equal("suicide_risk", task["kind"]!.GetValue<string>());
        Assert.Equal(caseId, task["caseId"]!.GetValue<Guid>());
        foreach (var role in new[] { Roles.LawEnforcement, Roles.LabourInspector, Roles.OrgAdmin, Roles.Analyst })
        {
            Assert.DoesNotContain(taskId, Ids(await TasksOf(app.Api(app.OrgA, role))));
        }

        Assert.DoesNotContain(taskId, Ids(await TasksOf(app.Api(app.OrgB, Roles.Supervisor))));

        var list = await Json.ReadAsync(await worker.GetAsync($"/api/v1/cases/{caseId}/screenings"));
        Assert.True(list["urgent"]!.GetValue<bool>());
        Assert.Single(list["items"]!.AsArray());

        // Not dismissed silently.
        var supervisor = app.Api(app.OrgA, Roles.Supervisor);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.PostAsJsonAsync($"/api/v1/tasks/{taskId}/complete", new { note = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PostAsJsonAsync($"/api/v1/tasks/{taskId}/complete", new { note = "Counsellor met her; safety plan in place." })).StatusCode);
        Assert.False((await Json.ReadAsync(await worker.GetAsync($"/api/v1/cases/{caseId}/screenings")))["urgent"]!.GetValue<bool>());

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        var id = created["id"]!.GetValue<Guid>().ToString();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "screening.recorded" && e.EntityId == id));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "screening.viewed" && e.EntityId == id));
        // The answers are encrypted at rest.
        var raw = await db.Database.SqlQueryRaw<string>("SELECT answers AS \"Value\" FROM screenings").ToListAsync();
        Assert.DoesNotContain(raw, r => r.Contains("1,1,2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_phq9_without_the_suicide_item_opens_no_task()
    {
        var worker = app.Api(app.OrgA, Roles.CaseWorker);
        var caseId = await Json.CreateCaseAsync(worker, Json.NewCase("Nu"));
        var created = await Json.ReadAsync(await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/screenings", new { instrument = "PHQ-9", answers = new[] { 3, 3, 3, 3, 3, 3, 2, 0, 0 } }));
        Assert.Equal(20, created["score"]!.GetValue<int>());
        Assert.Equal("severe", created["band"]!.GetValue<string>());
        // A positive band says care is indicated (counted by the indicators) but opens no task by itself.
        Assert.Equal(["care_indicated"], created["flags"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Empty(created["taskIds"]!.AsArray());
        Assert.False((await Json.ReadAsync(await worker.GetAsync($"/api/v1/cases/{caseId}/screenings")))["urgent"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Bad_answers_are_refused_naming_the_item_and_nothing_is_stored()
    {
        var worker = app.Api(app.OrgA, Roles.CaseWorker);
        var caseId = await Json.CreateCaseAsync(worker, Json.NewCase("Hla"));
        var url = $"/api/v1/cases/{caseId}/screenings";

        var outOfRange = await worker.PostAsJsonAsync(url, new { instrument = "PHQ-9", answers = new[] { 0, 0, 0, 0, 0, 0, 0, 0, 4 } });
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.True((await Json.ReadAsync(outOfRange))["errors"]!.AsObject().ContainsKey("answers[8]"));

        var count = await worker.PostAsJsonAsync(url, new { instrument = "GAD-7", answers = new[] { 0, 1 } });
        Assert.True((await Json.ReadAsync(count))["errors"]!.AsObject().ContainsKey("answers"));

        var types = await worker.PostAsync(url, Json.Body("""{"instrument": "PCL-5", "answers": [0, "a", 1.5], "extra": 1}"""));
        var errors = (await Json.ReadAsync(types))["errors"]!.AsObject();
        foreach (var field in new[] { "answers", "answers[1]", "answers[2]", "extra" })
        {
            Assert.True(errors.ContainsKey(field), $"no error for {field}: {errors.ToJsonString()}");
        }

        var unknown = await worker.PostAsJsonAsync(url, new { instrument = "BDI-II", answers = new[] { 0 } });
        Assert.True((await Json.ReadAsync(unknown))["errors"]!.AsObject().ContainsKey("instrument"));

        // The child-trafficking indicators are for under-18s; this person was born in 1999.
        var adult = await worker.PostAsJsonAsync(url, new { instrument = "CHILD-TIP", answers = new int[12] });
        Assert.Equal(HttpStatusCode.BadRequest, adult.StatusCode);
        Assert.Contains("under 18", (await Json.ReadAsync(adult))["errors"]!["instrument"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.Empty((await Json.ReadAsync(await worker.GetAsync(url)))["items"]!.AsArray());
    }

    [Fact]
    public async Task A_positive_forced_labour_screen_opens_tasks_for_the_supervisors_and_law_enforcement_with_the_reasons()
    {
        var inspector = app.Api(app.OrgA, Roles.LabourInspector);
        var caseId = await Json.CreateCaseAsync(inspector, Json.NewCase("Zaw"));
        // retention_of_documents (7th) and excessive_overtime (11th).
        var answers = new[] { 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1 };
        var created = await Json.ReadAsync(await inspector.PostAsJsonAsync($"/api/v1/cases/{caseId}/screenings", new { instrument = "ILO-FL-11", answers }));
        Assert.Equal(2, created["score"]!.GetValue<int>());
        Assert.Equal("refer", created["band"]!.GetValue<string>());
        Assert.Equal(["retention_of_documents", "excessive_overtime"], created["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));
        var taskIds = created["taskIds"]!.AsArray().Select(t => t!.GetValue<Guid>()).ToList();
        Assert.Equal(2, taskIds.Count);

        var supervisor = (await TasksOf(app.Api(app.OrgA, Roles.Supervisor))).AsArray().Where(t => taskIds.Contains(t!["id"]!.GetValue<Guid>())).ToList();
        var police = (await TasksOf(app.Api(app.OrgA, Roles.LawEnforcement))).AsArray().Where(t => taskIds.Contains(t!["id"]!.GetValue<Guid>())).ToList();
        Assert.Single(supervisor);
        Assert.Single(police);
        Assert.Equal("forced_labour_investigate", police[0]!["titleCode"]!.GetValue<string>());
        Assert.Contains("retention_of_documents", police[0]!["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        // Labour results are not health data: every case reader sees them.
        foreach (var role in Roles.CaseReaders)
        {
            Assert.Single((await Json.ReadAsync(await app.Api(app.OrgA, role).GetAsync($"/api/v1/cases/{caseId}/screenings")))["items"]!.AsArray());
        }
    }

    [Fact]
    public async Task Health_results_are_only_for_supervisors_and_case_workers()
    {
        var worker = app.Api(app.OrgA, Roles.CaseWorker);
        var caseId = await Json.CreateCaseAsync(worker, Json.NewCase("Thida"));
        var url = $"/api/v1/cases/{caseId}/screenings";
        Assert.Equal(HttpStatusCode.Created, (await worker.PostAsJsonAsync(url, new { instrument = "PHQ-9", answers = Phq9SuicideItem })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await worker.PostAsJsonAsync(url, new { instrument = "GAD-7", answers = new[] { 1, 1, 1, 1, 1, 1, 1 } })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await worker.PostAsJsonAsync(url, new { instrument = "ILO-FL-11", answers = new int[11] })).StatusCode);

        foreach (var role in new[] { Roles.Supervisor, Roles.CaseWorker })
        {
            var list = await Json.ReadAsync(await app.Api(app.OrgA, role).GetAsync(url));
            Assert.Equal(3, list["items"]!.AsArray().Count);
            Assert.True(list["urgent"]!.GetValue<bool>());
        }

        foreach (var role in new[] { Roles.LawEnforcement, Roles.LabourInspector, Roles.OrgAdmin })
        {
            var client = app.Api(app.OrgA, role);
            var list = await Json.ReadAsync(await client.GetAsync(url));
            var items = list["items"]!.AsArray();
            Assert.Single(items);
            Assert.Equal("ILO-FL-11", items[0]!["instrument"]!.GetValue<string>());
            Assert.True(list["healthHidden"]!.GetValue<bool>());
            // The urgent flag of a suicide-risk task is health data too.
            Assert.False(list["urgent"]!.GetValue<bool>());
            Assert.DoesNotContain("PHQ-9", list.ToJsonString(), StringComparison.Ordinal);
        }

        foreach (var role in new[] { Roles.LawEnforcement, Roles.LabourInspector })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(app.OrgA, role).PostAsJsonAsync(url, new { instrument = "PHQ-9", answers = new int[9] })).StatusCode);
        }

        foreach (var role in new[] { Roles.Analyst, Roles.HotlineOperator, Roles.NetworkAdmin })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(app.OrgA, role).GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(app.OrgA, role).PostAsJsonAsync(url, new { instrument = "PHQ-9", answers = new int[9] })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(app.OrgA, Roles.OrgAdmin).PostAsJsonAsync(url, new { instrument = "ILO-FL-11", answers = new int[11] })).StatusCode);
        foreach (var role in Roles.CaseWriters)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await app.Api(app.OrgB, role).GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await app.Api(app.OrgB, role).PostAsJsonAsync(url, new { instrument = "ILO-FL-11", answers = new int[11] })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync("/api/v1/screening-instruments")).StatusCode);
    }

    [Fact]
    public async Task The_screening_pages_follow_the_case_and_health_rules()
    {
        var caseId = await Json.CreateCaseAsync(app.Api(app.OrgA, Roles.CaseWorker), Json.NewCase("Khin"));
        var worker = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.CaseWorker)]);
        Assert.Contains("id=\"screenings\"", await worker.GetStringAsync($"/Cases/Details/{caseId}"), StringComparison.Ordinal);
        var choose = await worker.GetStringAsync($"/Screenings/New/{caseId}");
        Assert.Contains("data-instrument=\"PHQ-9\"", choose, StringComparison.Ordinal);
        Assert.DoesNotContain("data-instrument=\"CHILD-TIP\"", choose, StringComparison.Ordinal);

        var fields = new Dictionary<string, string> { ["Instrument"] = "PHQ-9" };
        for (var i = 0; i < 8; i++)
        {
            fields[$"Answers[{i}]"] = "0";
        }

        var refused = await PageSession.PostFormAsync(worker, $"/Screenings/New/{caseId}?instrument=PHQ-9", new(fields));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        fields["Answers[8]"] = "2";
        var saved = await PageSession.PostFormAsync(worker, $"/Screenings/New/{caseId}?instrument=PHQ-9", new(fields));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("id=\"suicide-risk\"", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var workerDetails = await worker.GetStringAsync($"/Cases/Details/{caseId}");
        Assert.Contains("id=\"urgent-flag\"", workerDetails, StringComparison.Ordinal);
        Assert.Contains("id=\"case-urgent-flag\"", workerDetails, StringComparison.Ordinal);

        // An inspector reads the case but sees neither the PHQ-9 nor the suicide-risk flag, and cannot choose a health instrument.
        var inspector = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.LabourInspector)]);
        var inspectorDetails = await inspector.GetStringAsync($"/Cases/Details/{caseId}");
        Assert.DoesNotContain("data-instrument=\"PHQ-9\"", inspectorDetails, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"urgent-flag\"", inspectorDetails, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"case-urgent-flag\"", inspectorDetails, StringComparison.Ordinal);
        var inspectorChoose = await inspector.GetStringAsync($"/Screenings/New/{caseId}");
        Assert.DoesNotContain("data-instrument=\"PHQ-9\"", inspectorChoose, StringComparison.Ordinal);
        Assert.Contains("data-instrument=\"ILO-FL-11\"", inspectorChoose, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await PageSession.PostFormAsync(inspector, $"/Screenings/New/{caseId}?instrument=ILO-FL-11", new(fields))).StatusCode);

        var admin = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.OrgAdmin)]);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.GetAsync($"/Screenings/New/{caseId}")).StatusCode);
        var analyst = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.Analyst)]);
        Assert.Equal(HttpStatusCode.Redirect, (await analyst.GetAsync($"/Screenings/New/{caseId}")).StatusCode);
        var otherOrg = await PageSession.SignInAsync(app, app.Emails[(app.OrgB, Roles.CaseWorker)]);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOrg.GetAsync($"/Screenings/New/{caseId}")).StatusCode);
    }
}
