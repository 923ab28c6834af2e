using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.Audit;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Tips;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.Tips;

[Trait("Category", "Database")]
public sealed class TriageTests(TipsFixture tips) : IClassFixture<TipsFixture>
{
    [Fact]
    public async Task The_queue_puts_danger_first_then_children_then_the_rest_oldest_first_and_spam_last()
    {
        // Tak (TH-63) is used by this test only, so the queue filtered by it holds exactly these tips.
        async Task<Guid> SendAsync(object tip)
        {
            tips.Clock.Advance(TimeSpan.FromMinutes(1));
            return await tips.TipIdAsync(await tips.SubmitAsync(tip));
        }

        var oldPlain = await SendAsync(new { description = "Workers' passports taken by the employer.", province = "TH-63" });
        var spam = await SendAsync(new
        {
            description = "cheap pills http://a.example http://b.example http://c.example buy buy buy buy buy buy buy buy",
            province = "TH-63", imminentDanger = true, childrenAtRisk = true,
        });
        var children = await SendAsync(new { description = "Girls of about 14 work in the bar.", province = "TH-63", childrenAtRisk = true, childrenCount = 2 });
        var newPlain = await SendAsync(new { description = "Debt that never gets smaller.", province = "TH-63" });
        var danger = await SendAsync(new { description = "They are moving people tonight.", province = "TH-63", when = "now" });
        var olderChildren = children;

        var page = await Json.ReadAsync(await tips.Api(tips.Hotline, Roles.HotlineOperator).GetAsync("/api/v1/tips?province=TH-63&status=all"));
        var order = page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ToList();
        Assert.Equal([danger, olderChildren, oldPlain, newPlain, spam], order);
        var spamRow = page["items"]!.AsArray().Single(i => i!["id"]!.GetValue<Guid>() == spam)!;
        Assert.True(spamRow["likelySpam"]!.GetValue<bool>());
        Assert.DoesNotContain("description", page.ToJsonString(), StringComparison.Ordinal);

        // The page lists them in the same order.
        var staff = await tips.SignInAsync(tips.Hotline, Roles.Supervisor);
        var html = await staff.GetStringAsync("/Tips?Province=TH-63&Status=all");
        var positions = new[] { danger, olderChildren, oldPlain, newPlain, spam }.Select(id => html.IndexOf($"data-tip=\"{id}\"", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public async Task Markup_in_a_tip_is_stored_as_text_and_shown_escaped()
    {
        const string markup = "<script>alert('x')</script><b onmouseover=\"steal()\">bold</b>";
        var id = await tips.TipIdAsync(await tips.SubmitAsync(new { description = markup, province = "TH-10", contact = "<img src=x onerror=alert(1)>" }));
        var staff = await tips.SignInAsync(tips.Hotline, Roles.HotlineOperator);
        var response = await staff.GetAsync($"/Tips/Details/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b onmouseover", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(", html, StringComparison.Ordinal);

        var view = await Json.ReadAsync(await tips.Api(tips.Hotline, Roles.HotlineOperator).GetAsync($"/api/v1/tips/{id}"));
        Assert.Equal(markup, view["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_operator_opens_assigns_changes_status_and_notes_each_audited_and_the_sender_sees_only_the_status()
    {
        var receipt = await tips.SubmitAsync(new { description = "A boat crew is beaten.", province = "TH-84" });
        var id = await tips.TipIdAsync(receipt);
        var op = tips.Api(tips.Hotline, Roles.HotlineOperator);
        Assert.Equal(HttpStatusCode.OK, (await op.GetAsync($"/api/v1/tips/{id}")).StatusCode);

        var me = await UserIdAsync(tips.Emails[(tips.Hotline, Roles.HotlineOperator)]);
        var patched = await op.PatchAsync($"/api/v1/tips/{id}", Json.Body(new { status = "under_review", assignedOperatorId = me }));
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var view = await Json.ReadAsync(patched);
        Assert.Equal("under_review", view["status"]!.GetValue<string>());
        Assert.Equal(me, view["assignedOperatorId"]!.GetValue<Guid>());
        Assert.Equal(HttpStatusCode.BadRequest, (await op.PatchAsync($"/api/v1/tips/{id}", Json.Body(new { status = "solved" }))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await op.PatchAsync($"/api/v1/tips/{id}", Json.Body(new { assignedOperatorId = Guid.NewGuid() }))).StatusCode);

        var noted = await op.PostAsync($"/api/v1/tips/{id}/notes", Json.Body(new { text = "Called the marine police; they know the boat." }));
        Assert.Equal(HttpStatusCode.OK, noted.StatusCode);
        Assert.Equal("internal", (await Json.ReadAsync(noted))["notes"]![0]!["kind"]!.GetValue<string>());

        var status = (await Json.ReadAsync(await tips.Public().GetAsync("/api/v1/tips/status/" + receipt))).AsObject();
        Assert.Equal("under_review", status["status"]!.GetValue<string>());
        Assert.Single(status);

        // Pages: status, assignment and note by form.
        var page = await tips.SignInAsync(tips.Hotline, Roles.Supervisor);
        Assert.Equal(HttpStatusCode.Redirect, (await PageSession.PostFormAsync(page, $"/Tips/Details/{id}?handler=Status", new() { ["status"] = "passed_to_partner" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PageSession.PostFormAsync(page, $"/Tips/Details/{id}?handler=Assign", new())).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PageSession.PostFormAsync(page, $"/Tips/Details/{id}?handler=Note", new() { ["note"] = "Passed to the Ranong shelter." })).StatusCode);
        var html = await page.GetStringAsync($"/Tips/Details/{id}");
        Assert.Contains("Passed to the Ranong shelter.", html, StringComparison.Ordinal);
        Assert.Equal("action_taken", (await Json.ReadAsync(await tips.Public().GetAsync("/api/v1/tips/status/" + receipt)))["status"]!.GetValue<string>());

        using var scope = tips.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        var entries = await db.AuditEntries.Where(e => e.EntityType == "tip" && e.EntityId == id.ToString()).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal("tip.received", entries[0].Action);
        Assert.Null(entries[0].UserId);
        Assert.Contains(entries, e => e.Action == "tip.viewed" && e.UserId == me);
        Assert.Contains(entries, e => e.Action == "tip.updated" && e.Detail!.Contains("tips.status", StringComparison.Ordinal));
        Assert.Equal(2, entries.Count(e => e.Action == "tip.note_added"));
        Assert.All(entries, e => Assert.Equal(tips.Hotline, e.OrganisationId));
        var verification = await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync(db, default);
        Assert.True(verification.Intact, string.Join("; ", verification.Problems));
    }

    [Fact]
    public async Task An_operator_records_a_phone_tip_and_reads_out_its_receipt()
    {
        var page = await tips.SignInAsync(tips.Hotline, Roles.HotlineOperator);
        var response = await PageSession.PostFormAsync(page, "/Tips/New", new()
        {
            ["Form.Description"] = "Caller says her sister is kept in a house in Hat Yai.",
            ["Form.Province"] = "TH-90",
            ["Form.ImminentDanger"] = "true",
            ["Language"] = "km",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var receipt = System.Text.RegularExpressions.Regex.Match(await response.Content.ReadAsStringAsync(), "id=\"receipt\">([^<]+)<").Groups[1].Value;
        var id = await tips.TipIdAsync(receipt);
        var view = await Json.ReadAsync(await tips.Api(tips.Hotline, Roles.HotlineOperator).GetAsync($"/api/v1/tips/{id}"));
        Assert.Equal(("phone", "km", 3, true), (view["channel"]!.GetValue<string>(), view["language"]!.GetValue<string>(), view["priority"]!.GetValue<int>(), view["imminentDanger"]!.GetValue<bool>()));
        Assert.Equal(tips.Hotline, view["organisationId"]!.GetValue<Guid>());

        var invalid = await PageSession.PostFormAsync(page, "/Tips/New", new() { ["Form.Province"] = "TH-90" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);

        var api = await tips.Api(tips.Hotline, Roles.Supervisor).PostAsync("/api/v1/tips/phone", Json.Body(new { description = "Caller reports a locked dormitory.", province = "TH-11" }));
        Assert.Equal(HttpStatusCode.Created, api.StatusCode);
    }

    [Fact]
    public async Task A_tip_goes_to_the_hotline_of_its_province_and_no_other_hotline_sees_it()
    {
        var chiangMai = await tips.TipIdAsync(await tips.SubmitAsync(new { description = "Hill-tribe girls recruited for 'restaurant work'.", province = "TH-50" }));
        var bangkok = await tips.TipIdAsync(await tips.SubmitAsync(new { description = "Massage parlour keeps women's passports.", province = "TH-10" }));

        var local = tips.Api(tips.ChiangMaiHotline, Roles.HotlineOperator);
        var national = tips.Api(tips.Hotline, Roles.HotlineOperator);
        Assert.Equal(HttpStatusCode.OK, (await local.GetAsync($"/api/v1/tips/{chiangMai}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await national.GetAsync($"/api/v1/tips/{chiangMai}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await national.GetAsync($"/api/v1/tips/{bangkok}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await local.GetAsync($"/api/v1/tips/{bangkok}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await local.PatchAsync($"/api/v1/tips/{bangkok}", Json.Body(new { status = "closed" }))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await local.PostAsync($"/api/v1/tips/{bangkok}/notes", Json.Body(new { text = "mine now" }))).StatusCode);
        var localQueue = await Json.ReadAsync(await local.GetAsync("/api/v1/tips?status=all&pageSize=100"));
        Assert.DoesNotContain(bangkok, localQueue["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()));

        var localPage = await tips.SignInAsync(tips.ChiangMaiHotline, Roles.HotlineOperator);
        Assert.Equal(HttpStatusCode.NotFound, (await localPage.GetAsync($"/Tips/Details/{bangkok}")).StatusCode);
    }

    [Fact]
    public async Task Every_staff_endpoint_refuses_other_roles_and_other_kinds_of_organisation()
    {
        var tip = await tips.TipIdAsync(await tips.SubmitAsync(new { description = "Seen from the bus station.", province = "TH-10" }));
        var requests = new Func<HttpClient, Task<HttpResponseMessage>>[]
        {
            c => c.GetAsync("/api/v1/tips"),
            c => c.GetAsync($"/api/v1/tips/{tip}"),
            c => c.PatchAsync($"/api/v1/tips/{tip}", Json.Body(new { status = "closed" })),
            c => c.PostAsync($"/api/v1/tips/{tip}/notes", Json.Body(new { text = "x" })),
            c => c.PostAsync("/api/v1/tips/phone", Json.Body(new { description = "x", province = "TH-10" })),
        };
        var refused = new List<(Guid Org, string Role)>();
        refused.AddRange(Roles.All.Except(TipAccess.TriageRoles).Select(r => (tips.Hotline, r)));
        refused.AddRange(Roles.All.Select(r => (tips.Base.OrgA, r)));
        refused.AddRange(Roles.All.Select(r => (tips.Base.OrgB, r)));
        foreach (var (org, role) in refused)
        {
            var client = tips.Api(org, role);
            foreach (var send in requests)
            {
                var response = await send(client);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role} of {org}: {response.RequestMessage!.Method} {response.RequestMessage.RequestUri} answered {(int)response.StatusCode}");
            }
        }

        // Nothing was changed by any of them.
        Assert.Equal("received", (await Json.ReadAsync(await tips.Api(tips.Hotline, Roles.HotlineOperator).GetAsync($"/api/v1/tips/{tip}")))["status"]!.GetValue<string>());

        // Pages: a role without tips, and a hotline role in an NGO, are sent to "access denied"; anonymous to sign-in.
        foreach (var (org, role) in new[] { (tips.Hotline, Roles.CaseWorker), (tips.Hotline, Roles.Analyst), (tips.Base.OrgA, Roles.HotlineOperator), (tips.Base.OrgA, Roles.Supervisor) })
        {
            var page = await tips.SignInAsync(org, role);
            foreach (var path in new[] { "/Tips", $"/Tips/Details/{tip}", "/Tips/New" })
            {
                var response = await page.GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{role}: {path} answered {(int)response.StatusCode}");
                Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            }

            var post = await page.PostAsync($"/Tips/Details/{tip}?handler=Status", new FormUrlEncodedContent(new Dictionary<string, string> { ["status"] = "closed" }));
            Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        }

        var anonymous = await tips.Public().GetAsync("/Tips");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/Account/Login", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal("received", (await Json.ReadAsync(await tips.Api(tips.Hotline, Roles.HotlineOperator).GetAsync($"/api/v1/tips/{tip}")))["status"]!.GetValue<string>());
    }

    private async Task<Guid> UserIdAsync(string email)
    {
        using var scope = tips.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SaphanDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }
}
