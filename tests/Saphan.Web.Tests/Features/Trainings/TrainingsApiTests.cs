using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.Identity;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.Trainings;

[Trait("Category", "Database")]
public sealed class TrainingsApiTests(SaphanAppFactory app) : IClassFixture<SaphanAppFactory>
{
    private static object Session(string heldOn, string audience, int female, int male, string province = "TH-50", int unknown = 0) => new
    {
        heldOn,
        topic = "Identifying forced labour on fishing boats",
        province,
        audience,
        participants = new { female, male, transgender_nonconforming = 0, unknown },
    };

    private static JsonNode Indicator(JsonNode set, string code) =>
        set["indicators"]!.AsArray().Single(i => i!["definition"]!["code"]!.GetValue<string>() == code)!;

    private static double Cell(JsonNode indicator, string dimension, string code) =>
        indicator["breakdowns"]![dimension]!.AsArray().Single(c => c!["code"]!.GetValue<string>() == code)!["value"]!.GetValue<double>();

    [Fact]
    public async Task A_supervisor_records_sessions_and_P6_counts_participants_with_its_breakdowns()
    {
        var supervisor = app.Api(app.OrgA, Roles.Supervisor);
        var created = await supervisor.PostAsync("/api/v1/trainings", Json.Body(Session("2023-08-05", "police", 4, 9)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = await Json.ReadAsync(created);
        Assert.Equal(13, view["participants"]!["total"]!.GetValue<int>());
        Assert.Equal("police", view["audience"]!.GetValue<string>());
        var id = view["id"]!.GetValue<Guid>();
        Assert.Equal(HttpStatusCode.Created, (await app.Api(app.OrgA, Roles.OrgAdmin).PostAsync("/api/v1/trainings",
            Json.Body(Session("2023-09-20", "social_workers", 6, 0, "TH-10", unknown: 2)))).StatusCode);
        // Outside the quarter and in another organisation: not counted in A's figure.
        await supervisor.PostAsync("/api/v1/trainings", Json.Body(Session("2023-10-01", "community", 50, 50)));
        await app.Api(app.OrgB, Roles.Supervisor).PostAsync("/api/v1/trainings", Json.Body(Session("2023-08-06", "ngo_staff", 7, 7)));

        var fetched = await supervisor.GetAsync($"/api/v1/trainings/{id}");
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        var listed = (await Json.ReadAsync(await supervisor.GetAsync("/api/v1/trainings?year=2023"))).AsArray();
        Assert.Equal(3, listed.Count);
        Assert.Equal("2023-10-01", listed[0]!["heldOn"]!.GetValue<string>());

        var set = await Json.ReadAsync(await supervisor.GetAsync("/api/v1/indicators?period=2023Q3&scope=org"));
        var trained = Indicator(set, "P6");
        Assert.Null(trained["definition"]!["notComputable"]);
        Assert.Equal(21, trained["total"]!["value"]!.GetValue<double>());
        Assert.Equal(10, Cell(trained, "sex", "female"));
        Assert.Equal(9, Cell(trained, "sex", "male"));
        Assert.Equal(2, Cell(trained, "sex", "unknown"));
        Assert.Equal(13, Cell(trained, "audience_type", "police"));
        Assert.Equal(8, Cell(trained, "audience_type", "social_workers"));
        Assert.Equal(13, Cell(trained, "province", "TH-50"));
        Assert.Equal(21, Cell(trained, "organisation_type", "ngo"));

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "training.recorded" && e.EntityId == id.ToString()));
    }

    [Fact]
    public async Task Bad_input_names_every_field()
    {
        var response = await app.Api(app.OrgA, Roles.Supervisor).PostAsync("/api/v1/trainings", Json.Body(new
        {
            heldOn = "2999-01-01",
            topic = "",
            province = "TH-99",
            audience = "judges",
            participants = new { female = -1, male = 0, colour = 3 },
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Json.ReadAsync(response))["errors"]!.AsObject();
        foreach (var field in new[] { "heldOn", "topic", "province", "audience", "participants.female", "participants.colour" })
        {
            Assert.True(errors.ContainsKey(field), field + " not named: " + errors.ToJsonString());
        }

        var empty = await app.Api(app.OrgA, Roles.Supervisor).PostAsync("/api/v1/trainings", Json.Body(Session("2024-01-01", "police", 0, 0)));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await Json.ReadAsync(empty))["errors"]!.AsObject().ContainsKey("participants"));
    }

    [Fact]
    public async Task Other_roles_are_refused_and_another_organisations_session_is_not_found()
    {
        var created = await Json.ReadAsync(await app.Api(app.OrgA, Roles.Supervisor).PostAsync("/api/v1/trainings", Json.Body(Session("2024-02-02", "police", 1, 1))));
        var id = created["id"]!.GetValue<Guid>();
        foreach (var role in new[] { Roles.CaseWorker, Roles.Analyst, Roles.HotlineOperator, Roles.LawEnforcement, Roles.NetworkAdmin })
        {
            var client = app.Api(app.OrgA, role);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/v1/trainings", Json.Body(Session("2024-02-02", "police", 1, 1)))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/trainings")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/trainings/{id}")).StatusCode);
        }

        var otherSupervisor = app.Api(app.OrgB, Roles.Supervisor);
        Assert.Equal(HttpStatusCode.NotFound, (await otherSupervisor.GetAsync($"/api/v1/trainings/{id}")).StatusCode);
        var theirs = (await Json.ReadAsync(await otherSupervisor.GetAsync("/api/v1/trainings"))).AsArray();
        Assert.DoesNotContain(theirs, t => t!["id"]!.GetValue<Guid>() == id);
    }

    [Fact]
    public async Task A_session_is_corrected_or_deleted_by_its_organisation_only_and_P6_follows()
    {
        var supervisor = app.Api(app.OrgA, Roles.Supervisor);
        var id = (await Json.ReadAsync(await supervisor.PostAsync("/api/v1/trainings", Json.Body(Session("2022-05-05", "police", 3, 4)))))["id"]!.GetValue<Guid>();
        async Task<double> TrainedAsync() =>
            Indicator(await Json.ReadAsync(await supervisor.GetAsync("/api/v1/indicators?period=2022Q2&scope=org")), "P6")["total"]!["value"]!.GetValue<double>();
        Assert.Equal(7, await TrainedAsync());

        // Other organisations and weaker roles can neither correct nor delete it.
        var other = app.Api(app.OrgB, Roles.Supervisor);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsync($"/api/v1/trainings/{id}", Json.Body(Session("2022-05-05", "police", 30, 40)))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/v1/trainings/{id}")).StatusCode);
        foreach (var role in new[] { Roles.CaseWorker, Roles.Analyst, Roles.NetworkAdmin })
        {
            var weak = app.Api(app.OrgA, role);
            Assert.Equal(HttpStatusCode.Forbidden, (await weak.PutAsync($"/api/v1/trainings/{id}", Json.Body(Session("2022-05-05", "police", 30, 40)))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await weak.DeleteAsync($"/api/v1/trainings/{id}")).StatusCode);
        }

        Assert.Equal(7, await TrainedAsync());

        // A bad correction names the field and changes nothing.
        var bad = await supervisor.PutAsync($"/api/v1/trainings/{id}", Json.Body(Session("2022-05-05", "judges", 3, 4)));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await Json.ReadAsync(bad))["errors"]!.AsObject().ContainsKey("audience"));
        Assert.Equal(7, await TrainedAsync());

        var corrected = await supervisor.PutAsync($"/api/v1/trainings/{id}", Json.Body(Session("2022-05-05", "labour_inspectors", 3, 9)));
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal("labour_inspectors", (await Json.ReadAsync(corrected))["audience"]!.GetValue<string>());
        Assert.Equal(12, await TrainedAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.DeleteAsync($"/api/v1/trainings/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync($"/api/v1/trainings/{id}")).StatusCode);
        Assert.Equal(0, await TrainedAsync());

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        var entity = id.ToString();
        var audit = await db.AuditEntries.Where(e => e.EntityId == entity).OrderBy(e => e.Sequence).Select(e => new { e.Action, e.Detail }).ToListAsync();
        Assert.Equal(["training.recorded", "training.corrected", "training.deleted"], audit.Select(a => a.Action));
        Assert.Equal("audience,participants_male", audit[1].Detail);
    }

    [Fact]
    public async Task The_page_lists_and_records_sessions_for_supervisors_only()
    {
        var supervisor = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.Supervisor)]);
        Assert.Contains("href=\"/Trainings\"", await supervisor.GetStringAsync("/Indicators"), StringComparison.Ordinal);
        var posted = await PageSession.PostFormAsync(supervisor, "/Trainings", new()
        {
            ["Form.HeldOn"] = "2024-03-03", ["Form.Topic"] = "Victim-centred interviewing", ["Form.Province"] = "TH-57",
            ["Form.Audience"] = "labour_inspectors", ["Form.Female"] = "3", ["Form.Male"] = "5",
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var page = await supervisor.GetStringAsync("/Trainings?saved=true");
        Assert.Contains("Victim-centred interviewing", page, StringComparison.Ordinal);

        var invalid = await PageSession.PostFormAsync(supervisor, "/Trainings", new() { ["Form.HeldOn"] = "2024-03-03", ["Form.Topic"] = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("field-error", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var worker = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.CaseWorker)]);
        var denied = await worker.GetAsync("/Trainings");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var otherOrg = await PageSession.SignInAsync(app, app.Emails[(app.OrgB, Roles.Supervisor)]);
        Assert.DoesNotContain("Victim-centred interviewing", await otherOrg.GetStringAsync("/Trainings"), StringComparison.Ordinal);
    }
}
