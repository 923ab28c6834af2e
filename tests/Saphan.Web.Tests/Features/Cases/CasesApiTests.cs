using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Saphan.Core.Features.Identity;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.Cases;

[Trait("Category", "Database")]
public sealed class CasesApiTests(SaphanAppFactory app) : IClassFixture<SaphanAppFactory>
{
    [Fact]
    public async Task Create_then_get_returns_the_case_with_its_person()
    {
        var client = app.Api(app.OrgA, Roles.CaseWorker);
        var response = await client.PostAsJsonAsync("/api/v1/cases", new
        {
            person = new { givenName = "Aung Aung", birthDate = "2001-02-03", gender = "male", citizenship = new[] { "MM" }, languages = new[] { "my" } },
            identifiedOn = "2026-01-15",
            province = "TH-74",
            status = "active",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await Json.ReadAsync(response);
        var id = created["id"]!.GetValue<Guid>();
        Assert.Equal($"/api/v1/cases/{id}", response.Headers.Location!.OriginalString);

        var fetched = await Json.ReadAsync(await client.GetAsync($"/api/v1/cases/{id}"));
        Assert.Equal("Aung Aung", fetched["person"]!["givenName"]!.GetValue<string>());
        Assert.Equal("2001-02-03", fetched["person"]!["birthDate"]!.GetValue<string>());
        Assert.Equal("MM", fetched["person"]!["citizenship"]![0]!.GetValue<string>());
        Assert.Equal("TH-74", fetched["province"]!.GetValue<string>());
        Assert.Equal("active", fetched["status"]!.GetValue<string>());
        Assert.Equal(24, fetched["person"]!["ageAtIdentification"]!.GetValue<int>());
        Assert.Equal(app.OrgA, fetched["organisationId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task Search_finds_by_name_in_any_case_by_document_number_and_by_phone()
    {
        var client = app.Api(app.OrgA, Roles.CaseWorker);
        var id = await Json.CreateCaseAsync(client, Json.NewCase("Sokha", "Chanthou", citizenship: ["KH"],
            documents: new[] { new { type = "passport", number = "N0123987", issuingCountry = "KH" } }, phone: "+66 81 234 5678"));

        foreach (var query in new[] { "sokha", "CHANTHOU sokha", "N0123987", "081-234-5678" })
        {
            var page = await Json.ReadAsync(await client.GetAsync("/api/v1/cases?q=" + Uri.EscapeDataString(query)));
            var ids = page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ToList();
            Assert.Contains(id, ids);
        }

        var none = await Json.ReadAsync(await client.GetAsync("/api/v1/cases?q=Sokhanot"));
        Assert.DoesNotContain(id, none["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()));
    }

    [Fact]
    public async Task Search_filters_by_status_and_province()
    {
        var client = app.Api(app.OrgA, Roles.CaseWorker);
        var id = await Json.CreateCaseAsync(client, Json.NewCase("Lamphone", null, province: "TH-43", citizenship: ["LA"]));
        var patch = await client.PatchAsync($"/api/v1/cases/{id}", Json.Body(new { status = "follow_up" }));
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);

        var page = await Json.ReadAsync(await client.GetAsync("/api/v1/cases?status=follow_up&province=TH-43"));
        var items = page["items"]!.AsArray();
        Assert.Contains(items, i => i!["id"]!.GetValue<Guid>() == id);
        Assert.All(items, i => Assert.Equal("follow_up", i!["status"]!.GetValue<string>()));
        Assert.All(items, i => Assert.Equal("TH-43", i!["province"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Patch_changes_only_the_fields_sent()
    {
        var client = app.Api(app.OrgA, Roles.Supervisor);
        var id = await Json.CreateCaseAsync(client, Json.NewCase("Mya", "Win", citizenship: ["MM"]));
        var response = await client.PatchAsync($"/api/v1/cases/{id}", Json.Body("""{"status":"closed","closureReason":"goals_met","person":{"familyName":"Win Thein"}}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await Json.ReadAsync(await client.GetAsync($"/api/v1/cases/{id}"));
        Assert.Equal("closed", view["status"]!.GetValue<string>());
        Assert.Equal("Win Thein", view["person"]!["familyName"]!.GetValue<string>());
        Assert.Equal("Mya", view["person"]!["givenName"]!.GetValue<string>());
        Assert.Equal("TH-57", view["province"]!.GetValue<string>());
        Assert.Equal("1999-04-12", view["person"]!["birthDate"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_replaces_identity_documents_and_search_follows_the_new_number()
    {
        var client = app.Api(app.OrgA, Roles.CaseWorker);
        var id = await Json.CreateCaseAsync(client, Json.NewCase("Thida", citizenship: ["MM"],
            documents: new[] { new { type = "pink_card", number = "OLD-5551", issuingCountry = "TH" } }));
        var response = await client.PatchAsync($"/api/v1/cases/{id}", Json.Body(new
        {
            person = new { identityDocuments = new[] { new { type = "passport", number = "MA0099123", issuingCountry = "MM" } } },
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await Json.ReadAsync(await client.GetAsync($"/api/v1/cases/{id}"));
        var document = Assert.Single(view["person"]!["identityDocuments"]!.AsArray());
        Assert.Equal("MA0099123", document!["number"]!.GetValue<string>());
        Assert.Empty((await Json.ReadAsync(await client.GetAsync("/api/v1/cases?q=OLD-5551")))["items"]!.AsArray());
        Assert.Single((await Json.ReadAsync(await client.GetAsync("/api/v1/cases?q=MA0099123")))["items"]!.AsArray());
    }

    [Fact]
    public async Task Another_organisation_sees_nothing_and_changes_nothing()
    {
        var id = await Json.CreateCaseAsync(app.Api(app.OrgA, Roles.CaseWorker), Json.NewCase("Nuan", "Srisuk"));
        foreach (var role in Roles.CaseWriters)
        {
            var other = app.Api(app.OrgB, role);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/cases/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.PatchAsync($"/api/v1/cases/{id}", Json.Body(new { status = "closed" }))).StatusCode);
            var search = await Json.ReadAsync(await other.GetAsync("/api/v1/cases?q=Nuan"));
            Assert.Empty(search["items"]!.AsArray());
        }

        var unchanged = await Json.ReadAsync(await app.Api(app.OrgA, Roles.CaseWorker).GetAsync($"/api/v1/cases/{id}"));
        Assert.Equal("active", unchanged["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(Roles.Analyst)]
    [InlineData(Roles.HotlineOperator)]
    [InlineData(Roles.NetworkAdmin)]
    public async Task Roles_without_casework_cannot_read_or_write_cases(string role)
    {
        var id = await Json.CreateCaseAsync(app.Api(app.OrgA, Roles.CaseWorker), Json.NewCase("Ploy"));
        var client = app.Api(app.OrgA, role);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/cases/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/cases", Json.NewCase())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PatchAsync($"/api/v1/cases/{id}", Json.Body(new { status = "closed" }))).StatusCode);
    }

    [Fact]
    public async Task An_org_admin_reads_cases_but_cannot_change_them()
    {
        var id = await Json.CreateCaseAsync(app.Api(app.OrgA, Roles.CaseWorker), Json.NewCase("Kanya"));
        var admin = app.Api(app.OrgA, Roles.OrgAdmin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/cases/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PatchAsync($"/api/v1/cases/{id}", Json.Body(new { status = "closed" }))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync("/api/v1/cases", Json.NewCase())).StatusCode);
    }

    [Fact]
    public async Task Bad_input_names_every_field_and_why_and_stores_nothing()
    {
        var client = app.Api(app.OrgA, Roles.CaseWorker);
        var before = (await Json.ReadAsync(await client.GetAsync("/api/v1/cases?pageSize=1")))["total"]!.GetValue<int>();
        var response = await client.PostAsync("/api/v1/cases", Json.Body("""
            {"person": {"familyName": 7, "birthDate": "12/04/1999", "gender": "robot", "citizenship": ["Burma"],
                        "identityDocuments": [{"type": "thai_id", "number": "1234567890123"}], "nickname": "x"},
             "identifiedOn": "2567-01-01", "province": "Chiang Mai", "status": "lost", "colour": "blue"}
            """));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await Json.ReadAsync(response))["errors"]!.AsObject();
        foreach (var field in new[]
                 {
                     "person.givenName", "person.familyName", "person.birthDate", "person.gender", "person.citizenship",
                     "person.identityDocuments[0].number", "person.nickname", "identifiedOn", "province", "status", "colour",
                 })
        {
            Assert.True(errors.ContainsKey(field), $"no error for {field}: {errors.ToJsonString()}");
        }

        Assert.Contains("Buddhist Era", errors["identifiedOn"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Unknown field", errors["colour"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var after = (await Json.ReadAsync(await client.GetAsync("/api/v1/cases?pageSize=1")))["total"]!.GetValue<int>();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Malformed_json_oversized_bodies_and_wrong_content_types_are_refused()
    {
        var client = app.Api(app.OrgA, Roles.CaseWorker);
        var malformed = await client.PostAsync("/api/v1/cases", Json.Body("{\"person\": {"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("not valid JSON", (await Json.ReadAsync(malformed))["title"]!.GetValue<string>(), StringComparison.Ordinal);

        var huge = await client.PostAsync("/api/v1/cases", Json.Body(new { person = new { givenName = new string('a', 100_000) } }));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);

        var text = await client.PostAsync("/api/v1/cases", new StringContent("givenName=x"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
    }

    [Fact]
    public async Task A_valid_thai_id_is_accepted_and_an_unknown_case_is_404()
    {
        var client = app.Api(app.OrgA, Roles.CaseWorker);
        var number = "110370207181" + Saphan.Core.Features.Persons.ThaiNationalId.CheckDigit("110370207181");
        await Json.CreateCaseAsync(client, Json.NewCase(documents: new[] { new { type = "thai_id", number = number[..1] + "-" + number[1..] } }));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/cases/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Assigning_a_worker_of_another_organisation_is_refused()
    {
        var client = app.Api(app.OrgA, Roles.Supervisor);
        var id = await Json.CreateCaseAsync(client, Json.NewCase("Dao"));
        var response = await client.PatchAsync($"/api/v1/cases/{id}", Json.Body(new { assignedWorkerId = Guid.NewGuid() }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Json.ReadAsync(response))["errors"]!.AsObject().ContainsKey("assignedWorkerId"));
    }
}
