using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core;
using Saphan.Core.Data;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Tasks;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.Tasks;

[Trait("Category", "Database")]
public sealed class TasksTests(SaphanAppFactory app) : IClassFixture<SaphanAppFactory>
{
    private async Task<Guid> OpenAsync(Guid org, string urgency, string? role = Roles.Supervisor, Guid? user = null, Guid? caseId = null, DateTimeOffset? due = null)
    {
        using var scope = app.Services.CreateScope();
        var open = scope.ServiceProvider.GetRequiredService<OpenTask>();
        return await open.HandleAsync(Actor.System, new NewTask(org, TaskValueSets.FollowUp, urgency,
            urgency == TaskUrgency.Urgent ? "suicide_risk_follow_up" : "follow_up", role, user, caseId, due, "test detail"), default);
    }

    private async Task<Guid> UserIdAsync(Guid org, string role)
    {
        using var scope = app.Services.CreateScope();
        var email = app.Emails[(org, role)];
        return await scope.ServiceProvider.GetRequiredService<SaphanDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private static List<Guid> Ids(JsonNode list) => [.. list.AsArray().Select(t => t!["id"]!.GetValue<Guid>())];

    [Fact]
    public async Task A_user_sees_the_open_tasks_of_their_roles_and_their_own_urgent_first()
    {
        var normal = await OpenAsync(app.OrgA, TaskUrgency.Normal, due: DateTimeOffset.UtcNow.AddDays(1));
        var urgent = await OpenAsync(app.OrgA, TaskUrgency.Urgent, due: DateTimeOffset.UtcNow.AddDays(2));
        var worker = await UserIdAsync(app.OrgA, Roles.CaseWorker);
        var personal = await OpenAsync(app.OrgA, TaskUrgency.Normal, role: null, user: worker);
        var otherOrg = await OpenAsync(app.OrgB, TaskUrgency.Urgent);

        var supervisor = Ids(await Json.ReadAsync(await app.Api(app.OrgA, Roles.Supervisor).GetAsync("/api/v1/tasks")));
        Assert.Contains(normal, supervisor);
        Assert.Contains(urgent, supervisor);
        Assert.DoesNotContain(personal, supervisor);
        Assert.DoesNotContain(otherOrg, supervisor);
        Assert.True(supervisor.IndexOf(urgent) < supervisor.IndexOf(normal), "urgent first");

        var mine = Ids(await Json.ReadAsync(await app.Api(app.OrgA, Roles.CaseWorker).GetAsync("/api/v1/tasks")));
        Assert.Contains(personal, mine);
        Assert.DoesNotContain(urgent, mine);

        foreach (var role in new[] { Roles.Analyst, Roles.LawEnforcement, Roles.HotlineOperator })
        {
            Assert.DoesNotContain(urgent, Ids(await Json.ReadAsync(await app.Api(app.OrgA, role).GetAsync("/api/v1/tasks"))));
        }

        Assert.DoesNotContain(urgent, Ids(await Json.ReadAsync(await app.Api(app.OrgB, Roles.Supervisor).GetAsync("/api/v1/tasks"))));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/v1/tasks")).StatusCode);
    }

    [Fact]
    public async Task An_urgent_task_is_not_closed_without_a_note_on_the_action_taken_and_closing_is_audited()
    {
        var urgent = await OpenAsync(app.OrgA, TaskUrgency.Urgent);
        var client = app.Api(app.OrgA, Roles.Supervisor);
        foreach (var body in new object[] { new { }, new { note = "" }, new { note = "   ok  " } })
        {
            var refused = await client.PostAsJsonAsync($"/api/v1/tasks/{urgent}/complete", body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await Json.ReadAsync(refused))["errors"]!.AsObject().ContainsKey("note"));
        }

        Assert.Contains(urgent, Ids(await Json.ReadAsync(await client.GetAsync("/api/v1/tasks"))));
        var done = await client.PostAsJsonAsync($"/api/v1/tasks/{urgent}/complete", new { note = "Called the person; safety plan agreed with the shelter." });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var view = await Json.ReadAsync(done);
        Assert.Equal("done", view["status"]!.GetValue<string>());
        Assert.Equal(await UserIdAsync(app.OrgA, Roles.Supervisor), view["closedBy"]!.GetValue<Guid>());
        Assert.DoesNotContain(urgent, Ids(await Json.ReadAsync(await client.GetAsync("/api/v1/tasks"))));
        Assert.Contains(urgent, Ids(await Json.ReadAsync(await client.GetAsync("/api/v1/tasks?includeDone=true"))));

        var again = await client.PostAsJsonAsync($"/api/v1/tasks/{urgent}/complete", new { note = "Called the person again today." });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "task.completed" && e.EntityId == urgent.ToString()));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "task.opened" && e.EntityId == urgent.ToString()));
        // The note may name the person: it is stored encrypted.
        var raw = await db.Database.SqlQueryRaw<string>("SELECT closure_note AS \"Value\" FROM tasks WHERE closure_note IS NOT NULL").ToListAsync();
        Assert.NotEmpty(raw);
        Assert.DoesNotContain(raw, r => r.Contains("safety plan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_normal_task_closes_without_a_note()
    {
        var normal = await OpenAsync(app.OrgA, TaskUrgency.Normal, role: Roles.CaseWorker);
        var done = await app.Api(app.OrgA, Roles.CaseWorker).PostAsJsonAsync($"/api/v1/tasks/{normal}/complete", new { });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
    }

    [Fact]
    public async Task Another_organisation_or_another_role_cannot_close_a_task()
    {
        var urgent = await OpenAsync(app.OrgA, TaskUrgency.Urgent);
        var note = new { note = "Tried to close someone else's task." };
        foreach (var role in Roles.All)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await app.Api(app.OrgB, role).PostAsJsonAsync($"/api/v1/tasks/{urgent}/complete", note)).StatusCode);
        }

        foreach (var role in Roles.All.Where(r => r != Roles.Supervisor))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await app.Api(app.OrgA, role).PostAsJsonAsync($"/api/v1/tasks/{urgent}/complete", note)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsJsonAsync($"/api/v1/tasks/{urgent}/complete", note)).StatusCode);
        Assert.Contains(urgent, Ids(await Json.ReadAsync(await app.Api(app.OrgA, Roles.Supervisor).GetAsync("/api/v1/tasks"))));
    }

    [Fact]
    public async Task The_tasks_page_lists_urgent_tasks_with_a_badge_and_refuses_closing_without_a_note()
    {
        var urgent = await OpenAsync(app.OrgA, TaskUrgency.Urgent);
        var supervisor = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.Supervisor)]);
        var page = await supervisor.GetStringAsync("/Tasks");
        Assert.Contains($"data-task=\"{urgent}\"", page, StringComparison.Ordinal);
        Assert.Contains("badge-urgent", page, StringComparison.Ordinal);

        var refused = await PageSession.PostFormAsync(supervisor, "/Tasks?handler=Complete", new() { ["TaskId"] = urgent.ToString(), ["Note"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("field-error", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var otherOrg = await PageSession.SignInAsync(app, app.Emails[(app.OrgB, Roles.Supervisor)]);
        Assert.DoesNotContain(urgent.ToString(), await otherOrg.GetStringAsync("/Tasks"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await PageSession.PostFormAsync(otherOrg, "/Tasks?handler=Complete",
            new() { ["TaskId"] = urgent.ToString(), ["Note"] = "Closing another organisation's task." })).StatusCode);
        var analyst = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.Analyst)]);
        Assert.DoesNotContain(urgent.ToString(), await analyst.GetStringAsync("/Tasks"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await PageSession.PostFormAsync(analyst, "/Tasks?handler=Complete",
            new() { ["TaskId"] = urgent.ToString(), ["Note"] = "Closing a supervisor's task." })).StatusCode);

        var saved = await PageSession.PostFormAsync(supervisor, "/Tasks?handler=Complete",
            new() { ["TaskId"] = urgent.ToString(), ["Note"] = "Met the person with the psychologist today." });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.DoesNotContain($"data-task=\"{urgent}\"", await supervisor.GetStringAsync("/Tasks"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().GetAsync("/Tasks")).StatusCode);
    }
}
