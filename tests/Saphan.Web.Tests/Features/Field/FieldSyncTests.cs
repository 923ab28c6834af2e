using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.FieldSync;
using Saphan.Core.Features.Identity;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.Field;

/// <summary>
/// The offline field form's sync (issue 7): one record per device entry id whatever the number of deliveries,
/// conflicts instead of silent overwrites, the organisation boundary and roles, and the page's cookie route
/// (antiforgery, same origin, a remote sign-out answering 401).
/// </summary>
[Trait("Category", "Database")]
public sealed class FieldSyncTests(SaphanAppFactory app) : IClassFixture<SaphanAppFactory>
{
    private static object Intake(Guid clientId, string givenName, string? phone = null) => new
    {
        clientId,
        kind = "intake",
        @case = new
        {
            person = new { givenName, familyName = "Field", estimatedAge = 24, gender = "female", citizenship = new[] { "MM" }, phone },
            identifiedOn = "2026-03-02",
            identificationRoute = "outreach",
            province = "TH-50",
            status = "active",
        },
    };

    private async Task<T> WithDbAsync<T>(Func<SaphanDbContext, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<SaphanDbContext>());
    }

    private Task<int> EntriesAsync(Guid clientId) => WithDbAsync(db => db.Set<FieldEntry>().CountAsync(e => e.ClientId == clientId));

    private Task<int> CasesAsync(Guid org) => WithDbAsync(db => db.Cases.CountAsync(c => c.OrganisationId == org));

    [Fact]
    public async Task An_entry_delivered_many_times_makes_one_case_and_always_answers_its_id()
    {
        var worker = app.Api(app.OrgA, Roles.CaseWorker);
        var clientId = Guid.NewGuid();
        var before = await CasesAsync(app.OrgA);

        var first = await worker.PostAsJsonAsync("/api/v1/sync/entries", Intake(clientId, "Thida"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var made = await Json.ReadAsync(first);
        var caseId = made["caseId"]!.GetValue<Guid>();
        Assert.False(made["alreadyReceived"]!.GetValue<bool>());
        Assert.NotNull(made["version"]);

        // A resend after a dropped answer, then a double tap: two at once.
        var again = await worker.PostAsJsonAsync("/api/v1/sync/entries", Intake(clientId, "Thida"));
        var together = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => worker.PostAsJsonAsync("/api/v1/sync/entries", Intake(clientId, "Thida"))));
        foreach (var response in together.Prepend(again))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var answer = await Json.ReadAsync(response);
            Assert.Equal(caseId, answer["caseId"]!.GetValue<Guid>());
            Assert.True(answer["alreadyReceived"]!.GetValue<bool>());
            Assert.Equal(made["version"]!.GetValue<Guid>(), answer["version"]!.GetValue<Guid>());
        }

        Assert.Equal(before + 1, await CasesAsync(app.OrgA));
        Assert.Equal(1, await EntriesAsync(clientId));
        var read = await Json.ReadAsync(await worker.GetAsync("/api/v1/cases/" + caseId));
        Assert.Equal("Thida", read["person"]!["givenName"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_same_entry_id_with_other_content_is_refused_and_bad_input_names_the_field()
    {
        var worker = app.Api(app.OrgA, Roles.CaseWorker);
        var clientId = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Created, (await worker.PostAsJsonAsync("/api/v1/sync/entries", Intake(clientId, "Nanda"))).StatusCode);
        var other = await worker.PostAsJsonAsync("/api/v1/sync/entries", Intake(clientId, "Someone Else"));
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.DoesNotContain("Someone", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var invalid = await worker.PostAsJsonAsync("/api/v1/sync/entries", new
        {
            clientId = "not-a-uuid",
            kind = "intake",
            @case = new { person = new { givenName = "" }, identifiedOn = "2026-03-02", province = "TH-50" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.NotNull((await Json.ReadAsync(invalid))["errors"]!["clientId"]);

        var missingName = await worker.PostAsJsonAsync("/api/v1/sync/entries", new
        {
            clientId = Guid.NewGuid(),
            kind = "intake",
            @case = new { person = new { familyName = "X" }, identifiedOn = "2026-03-02", province = "TH-99" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, missingName.StatusCode);
        var errors = (await Json.ReadAsync(missingName))["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("person.givenName"), string.Join(",", errors.Select(e => e.Key)));
        Assert.True(errors.ContainsKey("province"));
    }

    [Fact]
    public async Task A_screening_names_the_devices_intake_and_is_recorded_once()
    {
        var worker = app.Api(app.OrgA, Roles.CaseWorker);
        var intakeId = Guid.NewGuid();
        var intake = await Json.ReadAsync(await worker.PostAsJsonAsync("/api/v1/sync/entries", Intake(intakeId, "Aye")));
        var caseId = intake["caseId"]!.GetValue<Guid>();
        var screening = new { clientId = Guid.NewGuid(), kind = "screening", caseClientId = intakeId, screening = new { instrument = "GAD-7", answers = new[] { 1, 1, 1, 1, 1, 1, 1 } } };

        var first = await worker.PostAsJsonAsync("/api/v1/sync/entries", screening);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var second = await worker.PostAsJsonAsync("/api/v1/sync/entries", screening);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((await Json.ReadAsync(first))["recordId"]!.GetValue<Guid>(), (await Json.ReadAsync(second))["recordId"]!.GetValue<Guid>());
        Assert.Equal(1, await WithDbAsync(db => db.Screenings.CountAsync(s => s.CaseId == caseId)));

        // An intake the server never received: said plainly, nothing written.
        var orphan = await worker.PostAsJsonAsync("/api/v1/sync/entries",
            new { clientId = Guid.NewGuid(), kind = "screening", caseClientId = Guid.NewGuid(), screening = new { instrument = "GAD-7", answers = new[] { 0, 0, 0, 0, 0, 0, 0 } } });
        Assert.Equal(HttpStatusCode.BadRequest, orphan.StatusCode);
        Assert.NotNull((await Json.ReadAsync(orphan))["errors"]!["caseClientId"]);

        // Health instruments stay with supervisors and case workers, offline as online.
        var police = app.Api(app.OrgA, Roles.LawEnforcement);
        var refused = await police.PostAsJsonAsync("/api/v1/sync/entries",
            new { clientId = Guid.NewGuid(), kind = "screening", caseId, screening = new { instrument = "PHQ-9", answers = new[] { 0, 0, 0, 0, 0, 0, 0, 0, 0 } } });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task An_offline_edit_of_a_case_changed_on_the_server_is_a_conflict_showing_both_values_never_an_overwrite()
    {
        var worker = app.Api(app.OrgA, Roles.CaseWorker);
        var made = await Json.ReadAsync(await worker.PostAsJsonAsync("/api/v1/sync/entries", Intake(Guid.NewGuid(), "Khin", phone: "0812345678")));
        var caseId = made["caseId"]!.GetValue<Guid>();
        var baseVersion = made["version"]!.GetValue<Guid>();

        // Meanwhile the office changes the phone number.
        var office = app.Api(app.OrgA, Roles.Supervisor);
        Assert.Equal(HttpStatusCode.OK, (await office.PatchAsJsonAsync("/api/v1/cases/" + caseId, new { person = new { phone = "0899999999" } })).StatusCode);

        var edit = new
        {
            clientId = Guid.NewGuid(),
            kind = "edit",
            caseId,
            baseVersion,
            @case = new { person = new { phone = "0822222222", familyName = "Field-Thein" } },
            @base = new { person = new { phone = "0812345678", familyName = "Field" } },
        };
        var conflict = await worker.PostAsJsonAsync("/api/v1/sync/entries", edit);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var problem = await Json.ReadAsync(conflict);
        Assert.Equal("field-conflict", problem["type"]!.GetValue<string>());
        var fields = problem["fields"]!.AsArray().ToDictionary(f => f!["field"]!.GetValue<string>(), f => f!);
        Assert.Equal("0822222222", fields["person.phone"]["yours"]!.GetValue<string>());
        Assert.Equal("0899999999", fields["person.phone"]["server"]!.GetValue<string>());
        Assert.True(fields["person.phone"]["changedOnServer"]!.GetValue<bool>());
        Assert.False(fields["person.familyName"]["changedOnServer"]!.GetValue<bool>());
        // Both sides changed the phone: the person chooses. Only the phone's entry changed the family name: it merges.
        Assert.True(fields["person.phone"]["needsChoice"]!.GetValue<bool>());
        Assert.False(fields["person.familyName"]["needsChoice"]!.GetValue<bool>());
        var serverVersion = problem["serverVersion"]!.GetValue<Guid>();
        Assert.NotEqual(baseVersion, serverVersion);

        // Nothing was written: the server's phone stands, and the entry id is still free.
        var unchanged = await Json.ReadAsync(await worker.GetAsync("/api/v1/cases/" + caseId));
        Assert.Equal("0899999999", unchanged["person"]!["phone"]!.GetValue<string>());
        Assert.Equal("Field", unchanged["person"]!["familyName"]!.GetValue<string>());
        Assert.Equal(0, await EntriesAsync(edit.clientId));

        // The person chose theirs: the same entry again, now based on the server's version.
        var chosen = await worker.PostAsJsonAsync("/api/v1/sync/entries", new { edit.clientId, edit.kind, edit.caseId, baseVersion = serverVersion, edit.@case, edit.@base });
        Assert.Equal(HttpStatusCode.Created, chosen.StatusCode);
        var changed = await Json.ReadAsync(await worker.GetAsync("/api/v1/cases/" + caseId));
        Assert.Equal("0822222222", changed["person"]!["phone"]!.GetValue<string>());

        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains("0822222222", StringComparison.Ordinal) || line.Contains("0899999999", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_edit_on_a_stale_version_is_refused_even_when_no_field_needs_a_choice_and_the_merged_resend_keeps_both_changes()
    {
        var worker = app.Api(app.OrgA, Roles.CaseWorker);
        var made = await Json.ReadAsync(await worker.PostAsJsonAsync("/api/v1/sync/entries", Intake(Guid.NewGuid(), "Nway", phone: "0811111111")));
        var caseId = made["caseId"]!.GetValue<Guid>();
        var baseVersion = made["version"]!.GetValue<Guid>();

        // Two phones edit the same version: the first changes the family name, the second the phone number.
        var first = await worker.PostAsJsonAsync("/api/v1/sync/entries", new
        {
            clientId = Guid.NewGuid(), kind = "edit", caseId, baseVersion,
            @case = new { person = new { familyName = "Field-Aung" } }, @base = new { person = new { familyName = "Field" } },
        });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        var second = new
        {
            clientId = Guid.NewGuid(), kind = "edit", caseId, baseVersion,
            @case = new { person = new { phone = "0833333333" } }, @base = new { person = new { phone = "0811111111" } },
        };
        var stale = await worker.PostAsJsonAsync("/api/v1/sync/entries", second);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await Json.ReadAsync(stale);
        var field = Assert.Single(problem["fields"]!.AsArray())!;
        Assert.Equal("person.phone", field["field"]!.GetValue<string>());
        Assert.False(field["changedOnServer"]!.GetValue<bool>());
        Assert.False(field["needsChoice"]!.GetValue<bool>());
        Assert.Equal(0, await EntriesAsync(second.clientId));
        Assert.Equal("0811111111", (await Json.ReadAsync(await worker.GetAsync("/api/v1/cases/" + caseId)))["person"]!["phone"]!.GetValue<string>());

        // Without a base the server cannot tell who changed a field: the person is asked.
        var blind = await Json.ReadAsync(await worker.PostAsJsonAsync("/api/v1/sync/entries", new
        {
            clientId = Guid.NewGuid(), kind = "edit", caseId, baseVersion, @case = new { person = new { phone = "0844444444" } },
        }));
        Assert.True(Assert.Single(blind["fields"]!.AsArray())!["needsChoice"]!.GetValue<bool>());

        // The phone merges without asking: the same change on the server's version. Both changes stand.
        var merged = await worker.PostAsJsonAsync("/api/v1/sync/entries", new
        {
            second.clientId, second.kind, second.caseId, baseVersion = problem["serverVersion"]!.GetValue<Guid>(), second.@case, second.@base,
        });
        Assert.Equal(HttpStatusCode.Created, merged.StatusCode);
        var now = await Json.ReadAsync(await worker.GetAsync("/api/v1/cases/" + caseId));
        Assert.Equal("0833333333", now["person"]!["phone"]!.GetValue<string>());
        Assert.Equal("Field-Aung", now["person"]!["familyName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_organisation_can_neither_change_nor_learn_anything_through_sync_not_even_by_replaying_an_entry()
    {
        var workerA = app.Api(app.OrgA, Roles.CaseWorker);
        var clientId = Guid.NewGuid();
        var madeA = await Json.ReadAsync(await workerA.PostAsJsonAsync("/api/v1/sync/entries", Intake(clientId, "Saw")));
        var caseA = madeA["caseId"]!.GetValue<Guid>();
        var versionA = madeA["version"]!.GetValue<Guid>();

        var workerB = app.Api(app.OrgB, Roles.CaseWorker);
        var edit = await workerB.PostAsJsonAsync("/api/v1/sync/entries",
            new { clientId = Guid.NewGuid(), kind = "edit", caseId = caseA, baseVersion = versionA, @case = new { person = new { givenName = "Taken" } } });
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        var staleEdit = await workerB.PostAsJsonAsync("/api/v1/sync/entries",
            new { clientId = Guid.NewGuid(), kind = "edit", caseId = caseA, baseVersion = Guid.NewGuid(), @case = new { person = new { givenName = "Taken" } } });
        Assert.Equal(HttpStatusCode.NotFound, staleEdit.StatusCode);
        Assert.DoesNotContain("Saw", await staleEdit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var screening = await workerB.PostAsJsonAsync("/api/v1/sync/entries",
            new { clientId = Guid.NewGuid(), kind = "screening", caseId = caseA, screening = new { instrument = "GAD-7", answers = new[] { 3, 3, 3, 3, 3, 3, 3 } } });
        Assert.Equal(HttpStatusCode.NotFound, screening.StatusCode);
        var byClientId = await workerB.PostAsJsonAsync("/api/v1/sync/entries",
            new { clientId = Guid.NewGuid(), kind = "screening", caseClientId = clientId, screening = new { instrument = "GAD-7", answers = new[] { 3, 3, 3, 3, 3, 3, 3 } } });
        Assert.Equal(HttpStatusCode.BadRequest, byClientId.StatusCode);

        // Organisation A's entry replayed by B: B's own new record, never A's id, and A's case untouched.
        var replay = await workerB.PostAsJsonAsync("/api/v1/sync/entries", Intake(clientId, "Saw"));
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        var madeB = await Json.ReadAsync(replay);
        Assert.NotEqual(caseA, madeB["caseId"]!.GetValue<Guid>());
        Assert.False(madeB["alreadyReceived"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NotFound, (await workerB.GetAsync("/api/v1/cases/" + caseA)).StatusCode);
        var stillA = await Json.ReadAsync(await workerA.GetAsync("/api/v1/cases/" + caseA));
        Assert.Equal("Saw", stillA["person"]!["givenName"]!.GetValue<string>());
        Assert.Equal(1, await WithDbAsync(db => db.Set<FieldEntry>().CountAsync(e => e.ClientId == clientId && e.OrganisationId == app.OrgA)));
        Assert.Equal(0, await WithDbAsync(db => db.Screenings.CountAsync(s => s.CaseId == caseA)));
    }

    [Fact]
    public async Task Roles_that_do_not_write_cases_cannot_sync_even_a_replay()
    {
        var clientId = Guid.NewGuid();
        var made = await Json.ReadAsync(await app.Api(app.OrgA, Roles.CaseWorker).PostAsJsonAsync("/api/v1/sync/entries", Intake(clientId, "Moe")));
        foreach (var role in new[] { Roles.OrgAdmin, Roles.Analyst, Roles.HotlineOperator, Roles.NetworkAdmin })
        {
            var client = app.Api(app.OrgA, role);
            var replay = await client.PostAsJsonAsync("/api/v1/sync/entries", Intake(clientId, "Moe"));
            Assert.True(replay.StatusCode == HttpStatusCode.Forbidden, $"{role}: {(int)replay.StatusCode}");
            Assert.DoesNotContain(made["caseId"]!.GetValue<Guid>().ToString(), await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/sync/entries", Intake(Guid.NewGuid(), "New"))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsJsonAsync("/api/v1/sync/entries", Intake(Guid.NewGuid(), "New"))).StatusCode);
    }

    private static async Task<string> TokenAsync(HttpClient page)
    {
        var session = await page.GetAsync("/Field/session");
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        return (await Json.ReadAsync(session))["token"]!.GetValue<string>();
    }

    private static HttpRequestMessage PageSync(object body, string? token, string? site = "same-origin", string? origin = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/Field/sync") { Content = Json.Body(body) };
        if (token is not null)
        {
            request.Headers.Add("RequestVerificationToken", token);
        }

        if (site is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", site);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return request;
    }

    [Fact]
    public async Task The_page_sync_needs_the_sign_in_cookie_its_antiforgery_token_and_the_same_origin()
    {
        var page = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.CaseWorker)]);
        var token = await TokenAsync(page);

        Assert.Equal(HttpStatusCode.BadRequest, (await page.SendAsync(PageSync(Intake(Guid.NewGuid(), "Hla"), token: null))).StatusCode);
        var crossSite = await page.SendAsync(PageSync(Intake(Guid.NewGuid(), "Hla"), token, site: "cross-site"));
        Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);
        // A refused entry is not a lost right: no mark, so the page keeps the person's unsent entries.
        Assert.False(crossSite.Headers.Contains("Saphan-Session"));
        Assert.Equal(HttpStatusCode.Forbidden, (await page.SendAsync(PageSync(Intake(Guid.NewGuid(), "Hla"), token, origin: "https://evil.example"))).StatusCode);
        var clientId = Guid.NewGuid();
        var sent = await page.SendAsync(PageSync(Intake(clientId, "Hla"), token, origin: "http://localhost"));
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await page.SendAsync(PageSync(Intake(clientId, "Hla"), token))).StatusCode);
        Assert.Equal(1, await EntriesAsync(clientId));

        // No cookie: 401 for the script (not a redirect); a role that writes no cases: 403; the page itself too.
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().SendAsync(PageSync(Intake(Guid.NewGuid(), "Hla"), token))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/Field/session")).StatusCode);
        var analyst = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.Analyst)]);
        var notAllowed = await analyst.GetAsync("/Field/session");
        Assert.Equal(HttpStatusCode.Forbidden, notAllowed.StatusCode);
        // A role that may not enter cases at all: marked, so the page wipes the phone.
        Assert.Equal("not-allowed", Assert.Single(notAllowed.Headers.GetValues("Saphan-Session")));
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/Field/instruments")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.SendAsync(PageSync(Intake(Guid.NewGuid(), "Hla"), token))).StatusCode);
        var denied = await analyst.GetAsync("/Field");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        // Another organisation's signed-in worker replaying the request (their own token) gets their own record.
        var other = await PageSession.SignInAsync(app, app.Emails[(app.OrgB, Roles.CaseWorker)]);
        var replay = await other.SendAsync(PageSync(Intake(clientId, "Hla"), await TokenAsync(other)));
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(app.OrgB, await WithDbAsync(db => db.Set<FieldEntry>().Where(e => e.ClientId == clientId && e.OrganisationId != app.OrgA).Select(e => e.OrganisationId).SingleAsync()));
    }

    [Fact]
    public async Task The_page_route_answers_its_errors_through_the_shared_problem_handler_with_a_trace_id()
    {
        var page = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.CaseWorker)]);
        var token = await TokenAsync(page);

        // Bad fields: 400 naming them, as on /api.
        var invalid = await page.SendAsync(PageSync(new { clientId = Guid.NewGuid(), kind = "intake", @case = new { person = new { familyName = "X" }, identifiedOn = "2026-03-02", province = "TH-99" } }, token));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType!.MediaType);
        var problem = await Json.ReadAsync(invalid);
        Assert.True(problem["errors"]!.AsObject().ContainsKey("province"));
        Assert.False(string.IsNullOrEmpty(problem["traceId"]!.GetValue<string>()));
        // A refused entry is not a lost right: no Saphan-Session mark.
        Assert.False(invalid.Headers.Contains("Saphan-Session"));

        // The same entry id with other content: 409, refused, with a trace id and without the submitted name.
        var clientId = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Created, (await page.SendAsync(PageSync(Intake(clientId, "Mya"), token))).StatusCode);
        var refused = await page.SendAsync(PageSync(Intake(clientId, "Someone Other"), token));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var refusal = await refused.Content.ReadAsStringAsync();
        Assert.Contains("\"traceId\"", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("Someone", refusal, StringComparison.Ordinal);

        // A case of another organisation: 404, a problem too.
        var elsewhere = await page.SendAsync(PageSync(new { clientId = Guid.NewGuid(), kind = "edit", caseId = Guid.NewGuid(), baseVersion = Guid.NewGuid(), @case = new { person = new { familyName = "Y" } } }, token));
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal("application/problem+json", elsewhere.Content.Headers.ContentType!.MediaType);
        Assert.NotNull((await Json.ReadAsync(elsewhere))["traceId"]);

        // A conflict keeps the shape the page's conflict view reads (type, serverVersion, fields) and gains the trace id.
        var made = await Json.ReadAsync(await page.SendAsync(PageSync(Intake(Guid.NewGuid(), "Aye", phone: "0811111111"), token)));
        var caseId = made["caseId"]!.GetValue<Guid>();
        var office = app.Api(app.OrgA, Roles.Supervisor);
        Assert.Equal(HttpStatusCode.OK, (await office.PatchAsJsonAsync("/api/v1/cases/" + caseId, new { person = new { phone = "0833333333" } })).StatusCode);
        var conflict = await page.SendAsync(PageSync(new
        {
            clientId = Guid.NewGuid(),
            kind = "edit",
            caseId,
            baseVersion = made["version"]!.GetValue<Guid>(),
            @case = new { person = new { phone = "0844444444" } },
            @base = new { person = new { phone = "0811111111" } },
        }, token));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var answer = await Json.ReadAsync(conflict);
        Assert.Equal("field-conflict", answer["type"]!.GetValue<string>());
        Assert.Equal(caseId, answer["caseId"]!.GetValue<Guid>());
        Assert.NotNull(answer["serverVersion"]);
        Assert.Equal("0833333333", answer["fields"]!.AsArray().Single(f => f!["field"]!.GetValue<string>() == "person.phone")!["server"]!.GetValue<string>());
        Assert.NotNull(answer["traceId"]);
    }

    [Fact]
    public async Task The_instruments_kept_offline_are_those_the_role_may_record()
    {
        var worker = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.CaseWorker)]);
        var codes = (await Json.ReadAsync(await worker.GetAsync("/Field/instruments"))).AsArray().Select(i => i!["code"]!.GetValue<string>()).ToList();
        Assert.Contains("PHQ-9", codes);
        Assert.Contains("ILO-FL-11", codes);
        var inspector = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.LabourInspector)]);
        var limited = (await Json.ReadAsync(await inspector.GetAsync("/Field/instruments"))).AsArray().Select(i => i!["code"]!.GetValue<string>()).ToList();
        Assert.Contains("ILO-FL-11", limited);
        Assert.DoesNotContain("PHQ-9", limited);
    }

    [Fact]
    public async Task A_session_refused_by_the_periodic_stamp_check_is_marked_revoked_too()
    {
        // A phone back online hours later: the cookie's own security-stamp check (every 5 minutes) runs before any
        // endpoint code and drops the sign-in; the answer must still say "revoked", or the page keeps the entries.
        const string email = "field.revoked.periodic@test.example";
        await app.AddUserAsync(app.OrgA, Roles.CaseWorker, email);
        var page = await PageSession.SignInAsync(app, email);
        var token = await TokenAsync(page);
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<SaphanUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByEmailAsync(email))!);
        }

        var stampCheck = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityStampValidatorOptions>>().Value;
        var interval = stampCheck.ValidationInterval;
        stampCheck.ValidationInterval = TimeSpan.Zero; // as if the 5 minutes had passed
        try
        {
            var refused = await page.SendAsync(PageSync(Intake(Guid.NewGuid(), "Zaw"), token));
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("revoked", Assert.Single(refused.Headers.GetValues("Saphan-Session")));
        }
        finally
        {
            stampCheck.ValidationInterval = interval;
        }
    }

    [Fact]
    public async Task A_session_ended_elsewhere_answers_401_at_once_and_signing_out_tells_the_browser_to_clear_the_site_data()
    {
        const string email = "field.revoked@test.example";
        await app.AddUserAsync(app.OrgA, Roles.CaseWorker, email);
        var page = await PageSession.SignInAsync(app, email);
        var token = await TokenAsync(page);
        Assert.Equal(HttpStatusCode.Created, (await page.SendAsync(PageSync(Intake(Guid.NewGuid(), "Zaw"), token))).StatusCode);

        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<SaphanUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByEmailAsync(email))!);
        }

        var revoked = await page.SendAsync(PageSync(Intake(Guid.NewGuid(), "Zaw"), token));
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Equal("revoked", revoked.Headers.GetValues("Saphan-Session").Single());
        // The cookie was removed with the session: from now on a plain 401, as for anyone not signed in.
        var after = await page.GetAsync("/Field/session");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.False(after.Headers.Contains("Saphan-Session"));

        var signedIn = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.Supervisor)]);
        var form = await signedIn.GetStringAsync("/Field");
        var antiforgery = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var signedOut = await signedIn.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(antiforgery) }));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("\"cache\", \"storage\"", signedOut.Headers.GetValues("Clear-Site-Data").Single());
    }
}
