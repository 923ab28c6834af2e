using System.Net.Http.Json;
using Saphan.Core.Features.Identity;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.Completeness;

/// <summary>The case page lists the standard record's fields and sections not yet filled, and they go once filled.</summary>
[Trait("Category", "Database")]
public sealed class MissingPanelTests(SaphanAppFactory app) : IClassFixture<SaphanAppFactory>
{
    [Fact]
    public async Task The_case_page_shows_what_is_missing_until_it_is_recorded()
    {
        var client = app.Api(app.OrgA, Roles.CaseWorker);
        var caseId = await Json.CreateCaseAsync(client, Json.NewCase("Moe"));
        var worker = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.CaseWorker)]);
        var before = await worker.GetStringAsync($"/Cases/Details/{caseId}");
        foreach (var code in new[] { "event.exploitation", "event.recruitment", "consent.purpose.care", "person.phone", "person.languages", "case.summary" })
        {
            Assert.Contains($"data-missing=\"{code}\"", before, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("data-missing=\"person.birthDate\"", before, StringComparison.Ordinal);
        Assert.DoesNotContain("data-missing=\"person.citizenship\"", before, StringComparison.Ordinal);

        (await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/events", new { type = "exploitation", country = "TH", types = new[] { "forced_labour" } })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/consents", new { purpose = "care", status = "refused", method = "written", recordedOn = "2026-03-02" })).EnsureSuccessStatusCode();
        var after = await worker.GetStringAsync($"/Cases/Details/{caseId}");
        Assert.DoesNotContain("data-missing=\"event.exploitation\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain("data-missing=\"consent.purpose.care\"", after, StringComparison.Ordinal);
        Assert.Contains("data-missing=\"event.recruitment\"", after, StringComparison.Ordinal);
        Assert.Contains("data-missing=\"consent.purpose.referral\"", after, StringComparison.Ordinal);
    }
}
