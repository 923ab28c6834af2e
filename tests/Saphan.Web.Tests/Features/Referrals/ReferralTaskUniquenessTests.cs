using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core;
using Saphan.Core.Data;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Tasks;
using Saphan.Web.Tests.Features.Services;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.Referrals;

/// <summary>An overdue referral raises at most one supervisor task per referral and side, even when many requests apply the rule at once.</summary>
[Trait("Category", "Database")]
public sealed class ReferralTaskUniquenessTests(SaphanAppFactory app) : IClassFixture<SaphanAppFactory>
{
    [Fact]
    public async Task Concurrent_reads_of_the_inboxes_raise_one_task_per_overdue_referral_and_organisation()
    {
        var workerA = app.Api(app.OrgA, Roles.CaseWorker);
        var workerB = app.Api(app.OrgB, Roles.CaseWorker);
        var caseId = await Json.CreateCaseAsync(workerA, Json.NewCase("Race"));
        await workerA.PostAsJsonAsync($"/api/v1/cases/{caseId}/consents", new { purpose = "referral", status = "given", method = "written", recordedOn = "2026-03-02" });
        var serviceId = await ServicesApiTests.CreateAsync(app.Api(app.OrgB, Roles.Supervisor), ServicesApiTests.NewService("shelter", "Race shelter", ["TH-57"]));
        var referral = await Json.ReadAsync(await workerA.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new { serviceId, urgency = "urgent", reason = "Tonight" }));
        var id = referral["id"]!.GetValue<Guid>();
        Assert.Equal(HttpStatusCode.OK, (await workerA.PostAsJsonAsync($"/api/v1/referrals/{id}/transitions", new { to = "sent" })).StatusCode);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
            (await db.Referrals.SingleAsync(r => r.Id == id)).SentAt = DateTimeOffset.UtcNow.AddHours(-30);
            await db.SaveChangesAsync();
        }

        // Sixteen readers of both organisations apply the overdue rule at the same moment: every one is answered.
        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => (i % 2 == 0 ? workerA : workerB).GetAsync("/api/v1/referrals?box=overdue")));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
            var tasks = await db.Tasks.AsNoTracking().Where(t => t.SourceType == "referral" && t.SourceId == id).ToListAsync();
            Assert.Equal(2, tasks.Count);
            Assert.Single(tasks, t => t.OrganisationId == app.OrgA);
            Assert.Single(tasks, t => t.OrganisationId == app.OrgB);

            // The database itself refuses a second one (UX_tasks_referral_source), whatever code tries.
            OpenTask.Add(db, Actor.System, new NewTask(app.OrgB, TaskValueSets.ReferralOverdue, TaskUrgency.Urgent, "referral_overdue",
                AssigneeRole: Roles.Supervisor, SourceType: "referral", SourceId: id), DateTimeOffset.UtcNow);
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
            Assert.Equal(2, await db.Tasks.CountAsync(t => t.SourceType == "referral" && t.SourceId == id));
        }
    }
}
