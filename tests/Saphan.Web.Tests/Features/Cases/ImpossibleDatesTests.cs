using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Saphan.Core.Features.Identity;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.Cases;

/// <summary>Impossible dates on the case are refused naming the field: identified before birth, or in the future.</summary>
[Trait("Category", "Database")]
public sealed class ImpossibleDatesTests(SaphanAppFactory app) : IClassFixture<SaphanAppFactory>
{
    [Fact]
    public async Task An_identification_before_birth_or_in_the_future_is_refused_and_nothing_is_stored()
    {
        var client = app.Api(app.OrgA, Roles.CaseWorker);
        var before = await client.PostAsJsonAsync("/api/v1/cases", new
        {
            person = new { givenName = "Ei", birthDate = "2010-05-01" },
            identifiedOn = "2009-12-31",
            province = "TH-57",
        });
        Assert.Equal(HttpStatusCode.BadRequest, before.StatusCode);
        Assert.Contains("birth", (await Json.ReadAsync(before))["errors"]!["identifiedOn"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        var future = await client.PostAsJsonAsync("/api/v1/cases", new
        {
            person = new { givenName = "Ei", birthDate = "2010-05-01" },
            identifiedOn = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            province = "TH-57",
        });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("future", (await Json.ReadAsync(future))["errors"]!["identifiedOn"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        // An edit that moves the birth date after the identification is refused too.
        var caseId = await Json.CreateCaseAsync(client, Json.NewCase("Su"));
        var edit = await client.PatchAsync($"/api/v1/cases/{caseId}", Json.Body(new { person = new { birthDate = "2026-03-05" } }));
        Assert.Equal(HttpStatusCode.BadRequest, edit.StatusCode);
        Assert.True((await Json.ReadAsync(edit))["errors"]!.AsObject().ContainsKey("identifiedOn"));
        Assert.Equal("1999-04-12", (await Json.ReadAsync(await client.GetAsync($"/api/v1/cases/{caseId}")))["person"]!["birthDate"]!.GetValue<string>());
    }
}
