using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core;
using Saphan.Core.Data;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Pathways;
using Saphan.Core.Features.Tasks;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.Pathways;

/// <summary>Late pathway steps raise a task for the case's worker, escalate to the supervisors, each exactly once.</summary>
[Trait("Category", "Database")]
public sealed class PathwayStepTasksTests(SaphanAppFactory app) : IClassFixture<SaphanAppFactory>
{
    private async Task<Guid> UserIdAsync(Guid org, string role)
    {
        using var scope = app.Services.CreateScope();
        var email = app.Emails[(org, role)];
        return await scope.ServiceProvider.GetRequiredService<SaphanDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private static async Task<JsonArray> TasksAsync(HttpClient client) =>
        (await Json.ReadAsync(await client.GetAsync("/api/v1/tasks"))).AsArray();

    private static async Task<Guid> CaseOnPathwayAsync(HttpClient worker, int identifiedDaysAgo, Guid? assignedWorker)
    {
        var body = JsonNode.Parse(JsonSerializer.Serialize(Json.NewCase("Steps")))!.AsObject();
        body["identifiedOn"] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-identifiedDaysAgo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (assignedWorker is { } id)
        {
            body["assignedWorkerId"] = id.ToString();
        }

        var caseId = await Json.CreateCaseAsync(worker, body);
        var assigned = await worker.PutAsJsonAsync($"/api/v1/cases/{caseId}/pathway", new { pathwayId = CarePathway.StandardId });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        return caseId;
    }

    [Fact]
    public async Task An_overdue_step_raises_one_task_for_the_worker_and_escalates_once_to_the_supervisors()
    {
        var worker = app.Api(app.OrgA, Roles.CaseWorker);
        var supervisor = app.Api(app.OrgA, Roles.Supervisor);
        var workerId = await UserIdAsync(app.OrgA, Roles.CaseWorker);
        // Identified 10 days ago: the shelter step (2 days) is 8 days late, the health check (7 days) 3 days late.
        var caseId = await CaseOnPathwayAsync(worker, 10, workerId);

        var mine = (await TasksAsync(worker)).Where(t => t!["caseId"]?.GetValue<Guid>() == caseId).ToList();
        Assert.Equal(2, mine.Count);
        Assert.All(mine, t =>
        {
            Assert.Equal(TaskValueSets.PathwayStep, t!["kind"]!.GetValue<string>());
            Assert.Equal(PathwayStepTasks.PathwayStepOverdueTitle, t["titleCode"]!.GetValue<string>());
            Assert.Equal(workerId, t["assigneeUserId"]!.GetValue<Guid>());
        });
        Assert.Contains(mine, t => t!["detail"]!.GetValue<string>().Contains("safe_shelter", StringComparison.Ordinal));
        Assert.Contains(mine, t => t!["detail"]!.GetValue<string>().Contains("health_check", StringComparison.Ordinal));

        // Only the shelter step is late by the escalation threshold (7 days by default).
        var escalated = (await TasksAsync(supervisor)).Where(t => t!["caseId"]?.GetValue<Guid>() == caseId).ToList();
        var single = Assert.Single(escalated);
        Assert.Equal(PathwayStepTasks.PathwayStepEscalatedTitle, single!["titleCode"]!.GetValue<string>());
        Assert.Equal(Roles.Supervisor, single["assigneeRole"]!.GetValue<string>());
        Assert.Contains("safe_shelter", single["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        // Read again by every route that applies the rule: still exactly one task per step and level.
        await TasksAsync(worker);
        await TasksAsync(supervisor);
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync($"/api/v1/cases/{caseId}/pathway")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync("/api/v1/gaps")).StatusCode);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
            Assert.Equal(2, await db.Tasks.CountAsync(t => t.CaseId == caseId && t.SourceType == PathwayStepTasks.WorkerSource));
            Assert.Equal(1, await db.Tasks.CountAsync(t => t.CaseId == caseId && t.SourceType == PathwayStepTasks.EscalationSource));
        }

        // Closing the worker's task does not bring it back.
        var shelterTask = mine.Single(t => t!["detail"]!.GetValue<string>().Contains("safe_shelter", StringComparison.Ordinal))!["id"]!.GetValue<Guid>();
        var closed = await worker.PostAsJsonAsync($"/api/v1/tasks/{shelterTask}/complete", new { note = "Shelter place arranged by phone" });
        Assert.True(closed.IsSuccessStatusCode, await closed.Content.ReadAsStringAsync());
        var after = (await TasksAsync(worker)).Where(t => t!["caseId"]?.GetValue<Guid>() == caseId).ToList();
        Assert.Single(after);

        // The other organisation sees none of it.
        Assert.DoesNotContain(await TasksAsync(app.Api(app.OrgB, Roles.Supervisor)), t => t!["caseId"]?.GetValue<Guid>() == caseId);
    }

    [Fact]
    public async Task A_step_whose_time_has_passed_is_a_gap_not_a_task()
    {
        var worker = app.Api(app.OrgA, Roles.CaseWorker);
        var workerId = await UserIdAsync(app.OrgA, Roles.CaseWorker);
        // Identified 200 days ago: the first steps are months late (missed, listed at /Gaps), later ones only overdue.
        var caseId = await CaseOnPathwayAsync(worker, 200, workerId);
        var mine = (await TasksAsync(worker)).Where(t => t!["caseId"]?.GetValue<Guid>() == caseId).ToList();

        Assert.NotEmpty(mine); // the 6-month follow-up, about 20 days late, is still work to do
        Assert.DoesNotContain(mine, t => t!["detail"]!.GetValue<string>().Contains("safe_shelter", StringComparison.Ordinal));
        Assert.DoesNotContain(mine, t => t!["detail"]!.GetValue<string>().Contains("health_check", StringComparison.Ordinal));
        Assert.All(mine, t =>
        {
            var detail = t!["detail"]!.GetValue<string>();
            var daysLate = int.Parse(detail[(detail.LastIndexOf('(') + 1)..detail.IndexOf(" days late", StringComparison.Ordinal)], CultureInfo.InvariantCulture);
            Assert.InRange(daysLate, 1, PathwayProgress.MissedAfterDays);
        });
        var gaps = await Json.ReadAsync(await app.Api(app.OrgA, Roles.Supervisor).GetAsync("/api/v1/gaps"));
        Assert.Contains(caseId.ToString(), gaps.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_case_without_a_worker_gives_the_step_to_the_supervisors_and_the_index_refuses_a_second_task()
    {
        var worker = app.Api(app.OrgA, Roles.CaseWorker);
        var unassigned = await CaseOnPathwayAsync(worker, 4, null);
        var tasks = (await TasksAsync(app.Api(app.OrgA, Roles.Supervisor))).Where(t => t!["caseId"]?.GetValue<Guid>() == unassigned).ToList();
        var task = Assert.Single(tasks);
        Assert.Equal(PathwayStepTasks.PathwayStepOverdueTitle, task!["titleCode"]!.GetValue<string>());
        Assert.Equal(Roles.Supervisor, task["assigneeRole"]!.GetValue<string>());

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        // The unique index refuses a second task for the same step, whatever the code does.
        var key = PathwayStepTasks.StepKey(unassigned, "safe_shelter");
        OpenTask.Add(db, Actor.System, new NewTask(app.OrgA, TaskValueSets.PathwayStep, TaskUrgency.Normal, PathwayStepTasks.PathwayStepOverdueTitle,
            AssigneeRole: Roles.Supervisor, CaseId: unassigned, SourceType: PathwayStepTasks.WorkerSource, SourceId: key), DateTimeOffset.UtcNow);
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}
