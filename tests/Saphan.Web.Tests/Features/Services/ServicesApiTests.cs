using System.Net;
using System.Net.Http.Json;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Services;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.Services;

[Trait("Category", "Database")]
public sealed class ServicesApiTests(SaphanAppFactory app) : IClassFixture<SaphanAppFactory>
{
    internal static object NewService(string type = "shelter", string name = "Safe house", string[]? provinces = null, string[]? languages = null,
        int capacity = 20, int? available = null, string[]? genders = null, int? minAge = null, int? maxAge = null, string[]? nationalities = null) => new
    {
        type, name, provinces = provinces ?? ["TH-57", "TH-50"], languages = languages ?? ["th", "my"], capacity, available,
        genders = genders ?? [], minAge, maxAge, nationalities = nationalities ?? [], contactRoute = "Intake desk 053-000-000",
    };

    internal static async Task<Guid> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/services", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"create failed: {(int)response.StatusCode} {text}");
        return System.Text.Json.Nodes.JsonNode.Parse(text)!["id"]!.GetValue<Guid>();
    }

    [Fact]
    public async Task A_supervisor_publishes_a_service_and_every_member_of_the_network_finds_it_by_type_province_and_language()
    {
        var supervisor = app.Api(app.OrgB, Roles.Supervisor);
        var name = "Shelter " + Guid.NewGuid().ToString("N")[..6];
        var id = await CreateAsync(supervisor, NewService("shelter", name, ["TH-85"], ["th", "km"]));

        var analystOfA = app.Api(app.OrgA, Roles.Analyst);
        var found = await Json.ReadAsync(await analystOfA.GetAsync("/api/v1/services?type=shelter&province=TH-85&language=km"));
        var item = found.AsArray().Single(s => s!["id"]!.GetValue<Guid>() == id)!;
        Assert.Equal(name, item["name"]!.GetValue<string>());
        Assert.Equal("Andaman Shelter", item["organisationName"]!.GetValue<string>());
        Assert.Equal(20, item["available"]!.GetValue<int>());

        var otherProvince = await Json.ReadAsync(await analystOfA.GetAsync("/api/v1/services?province=TH-10"));
        Assert.DoesNotContain(otherProvince.AsArray(), s => s!["id"]!.GetValue<Guid>() == id);
        var otherLanguage = await Json.ReadAsync(await analystOfA.GetAsync("/api/v1/services?language=vi"));
        Assert.DoesNotContain(otherLanguage.AsArray(), s => s!["id"]!.GetValue<Guid>() == id);
        var otherType = await Json.ReadAsync(await analystOfA.GetAsync("/api/v1/services?type=legal_aid"));
        Assert.DoesNotContain(otherType.AsArray(), s => s!["id"]!.GetValue<Guid>() == id);
    }

    [Fact]
    public async Task Only_an_org_admin_or_supervisor_of_the_owning_organisation_creates_or_changes_a_service()
    {
        var id = await CreateAsync(app.Api(app.OrgA, Roles.OrgAdmin), NewService("legal_aid", "Legal clinic"));
        foreach (var role in new[] { Roles.CaseWorker, Roles.Analyst, Roles.HotlineOperator, Roles.NetworkAdmin })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(app.OrgA, role).PostAsJsonAsync("/api/v1/services", NewService())).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(app.OrgA, role).PutAsJsonAsync($"/api/v1/services/{id}", NewService())).StatusCode);
        }

        // Another organisation's supervisor cannot change it: it is not theirs.
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api(app.OrgB, Roles.Supervisor).PutAsJsonAsync($"/api/v1/services/{id}", NewService(name: "Taken over"))).StatusCode);
        var changed = await app.Api(app.OrgA, Roles.Supervisor).PutAsJsonAsync($"/api/v1/services/{id}", NewService("legal_aid", "Legal clinic", available: 3));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var service = await Json.ReadAsync(await app.Api(app.OrgB, Roles.CaseWorker).GetAsync($"/api/v1/services/{id}"));
        Assert.Equal("Legal clinic", service["name"]!.GetValue<string>());
        Assert.Equal(3, service["available"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/v1/services")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_names_every_field_and_stores_nothing()
    {
        var client = app.Api(app.OrgA, Roles.Supervisor);
        var before = (await Json.ReadAsync(await client.GetAsync("/api/v1/services"))).AsArray().Count;
        var response = await client.PostAsync("/api/v1/services", Json.Body("""
            {"type": "spa", "provinces": ["TH-99"], "languages": ["xx"], "genders": ["robot"], "minAge": 30, "maxAge": 10, "capacity": -1, "colour": 1}
            """));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Json.ReadAsync(response))["errors"]!.AsObject();
        foreach (var field in new[] { "type", "name", "provinces", "languages", "genders", "maxAge", "capacity", "colour" })
        {
            Assert.True(errors.ContainsKey(field), $"no error for {field}: {errors.ToJsonString()}");
        }

        Assert.Equal(before, (await Json.ReadAsync(await client.GetAsync("/api/v1/services"))).AsArray().Count);
    }

    [Fact]
    public async Task The_csv_export_has_hxl_hashtags_and_neutralises_formulas()
    {
        var client = app.Api(app.OrgA, Roles.Supervisor);
        await CreateAsync(client, NewService("interpretation", "=HYPERLINK(\"http://x\")", ["TH-57"], ["my"]));
        var response = await app.Api(app.OrgB, Roles.CaseWorker).GetAsync("/api/v1/services/export.csv?type=interpretation");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("#org,#org+id,#sector+code", lines[1], StringComparison.Ordinal);
        Assert.Contains("#adm1+code", lines[1], StringComparison.Ordinal);
        Assert.Contains("#capacity", lines[1], StringComparison.Ordinal);
        Assert.Contains(lines.Skip(2), l => l.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", StringComparison.Ordinal));
        Assert.DoesNotContain(lines.Skip(2), l => l.Contains(",=", StringComparison.Ordinal));
        Assert.Equal("'+1", Saphan.Core.Features.Export.CellSafety.Csv("+1"));
        Assert.Equal("'-1", Saphan.Core.Features.Export.CellSafety.Csv("-1"));
        Assert.Equal("'@a", Saphan.Core.Features.Export.CellSafety.Csv("@a"));
    }
}
