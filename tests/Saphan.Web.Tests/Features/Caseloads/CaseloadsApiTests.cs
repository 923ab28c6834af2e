using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.Caseloads;
using Saphan.Core.Features.Identity;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.Caseloads;

[Trait("Category", "Database")]
public sealed class CaseloadsApiTests(SaphanAppFactory app) : IClassFixture<SaphanAppFactory>
{
    private async Task<Guid> UserIdAsync(Guid org, string role)
    {
        using var scope = app.Services.CreateScope();
        var email = app.Emails[(org, role)];
        return await scope.ServiceProvider.GetRequiredService<SaphanDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    [Fact]
    public async Task A_supervisor_sees_each_worker_a_worker_only_themself_and_overload_is_signalled_by_the_configured_thresholds()
    {
        var worker = app.Api(app.OrgA, Roles.CaseWorker);
        var workerId = await UserIdAsync(app.OrgA, Roles.CaseWorker);
        for (var i = 0; i < 3; i++)
        {
            var body = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Json.NewCase("Load" + i)))!.AsObject();
            body["assignedWorkerId"] = workerId.ToString();
            Assert.Equal(HttpStatusCode.Created, (await worker.PostAsJsonAsync("/api/v1/cases", body)).StatusCode);
        }

        var rules = app.Services.GetRequiredService<CaseloadRules>();
        var before = rules.OpenCasesHigh;
        rules.OpenCasesHigh = 2;
        try
        {
            var all = await Json.ReadAsync(await app.Api(app.OrgA, Roles.Supervisor).GetAsync("/api/v1/caseloads"));
            var row = all["workers"]!.AsArray().Single(w => w!["userId"]!.GetValue<Guid>() == workerId)!;
            Assert.True(row["openCases"]!.GetValue<int>() >= 3);
            Assert.True(row["overloaded"]!.GetValue<bool>());
            Assert.Equal(8, row["openCasesByWeek"]!.AsArray().Count);
            Assert.True(all["workers"]!.AsArray().Count > 1);

            var own = await Json.ReadAsync(await worker.GetAsync("/api/v1/caseloads"));
            Assert.Equal(workerId, Assert.Single(own["workers"]!.AsArray())!["userId"]!.GetValue<Guid>());

            var other = await Json.ReadAsync(await app.Api(app.OrgB, Roles.Supervisor).GetAsync("/api/v1/caseloads"));
            Assert.DoesNotContain(other["workers"]!.AsArray(), w => w!["userId"]!.GetValue<Guid>() == workerId);
        }
        finally
        {
            rules.OpenCasesHigh = before;
        }

        foreach (var role in new[] { Roles.Analyst, Roles.HotlineOperator, Roles.NetworkAdmin })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(app.OrgA, role).GetAsync("/api/v1/caseloads")).StatusCode);
        }

        var page = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.Supervisor)]);
        Assert.Contains($"worker-{workerId}", await page.GetStringAsync("/Caseloads"), StringComparison.Ordinal);
        var analyst = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.Analyst)]);
        Assert.Equal(HttpStatusCode.Redirect, (await analyst.GetAsync("/Caseloads")).StatusCode);
        var otherSupervisor = await PageSession.SignInAsync(app, app.Emails[(app.OrgB, Roles.Supervisor)]);
        Assert.DoesNotContain($"worker-{workerId}", await otherSupervisor.GetStringAsync("/Caseloads"), StringComparison.Ordinal);
    }
}
