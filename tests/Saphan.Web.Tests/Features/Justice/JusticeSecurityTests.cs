using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Justice;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.Justice;

/// <summary>
/// The justice endpoints × every role that must get nothing: each non-law-enforcement role of the owning
/// organisation, and every role (law enforcement included) of another organisation. The endpoint list is read
/// from the app's own routing table, so a route added later is covered without editing this test.
/// </summary>
[Trait("Category", "Database")]
public sealed class JusticeSecurityTests(SaphanAppFactory app) : IClassFixture<SaphanAppFactory>
{
    private static readonly string[] Prefixes = ["/api/v1/suspects", "/api/v1/legal-cases", "/api/v1/operations", "/api/v1/justice"];

    private sealed record Seeded(Guid Case, Guid Suspect, Guid LegalCase, Guid Operation, Guid Share, string[] Secrets);

    private async Task<Seeded> SeedAsync()
    {
        var police = app.Api(app.OrgA, Roles.LawEnforcement);
        var caseId = await Json.CreateCaseAsync(police, Json.NewCase("Secretwitness"));
        async Task<Guid> IdAsync(HttpResponseMessage r)
        {
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            return (await Json.ReadAsync(r))["id"]!.GetValue<Guid>();
        }

        var suspect = await IdAsync(await police.PostAsJsonAsync("/api/v1/suspects", new { kind = "person", name = "Hiddenname Suspect", roles = new[] { "recruiter" } }));
        Assert.Equal(HttpStatusCode.Created, (await police.PostAsJsonAsync($"/api/v1/suspects/{suspect}/identifiers", new { type = "bank_account", value = "SECRETACCT 998877" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await police.PostAsJsonAsync($"/api/v1/suspects/{suspect}/links", new { caseId })).StatusCode);
        var legal = await IdAsync(await police.PostAsJsonAsync("/api/v1/legal-cases", new { reference = "SECRETREF-77", charges = new[] { "s6" } }));
        Assert.Equal(HttpStatusCode.Created, (await police.PostAsJsonAsync($"/api/v1/legal-cases/{legal}/witnesses", new { caseId, protectionMeasures = "Secretsafehouse address" })).StatusCode);
        var operation = await IdAsync(await police.PostAsJsonAsync("/api/v1/operations", new { type = "raid", name = "Op Secretnight", province = "TH-74", plannedOn = "2026-12-24" }));
        Assert.Equal(HttpStatusCode.Created, (await police.PostAsJsonAsync($"/api/v1/suspects/{suspect}/links", new { legalCaseId = legal })).StatusCode);
        // A live share with a third organisation: outsiders must neither see nor revoke it.
        var share = await IdAsync(await police.PostAsJsonAsync($"/api/v1/legal-cases/{legal}/shares", new { organisationId = await ThirdOrganisationAsync() }));
        return new Seeded(caseId, suspect, legal, operation, share, ["Hiddenname", "SECRETACCT", "998877", "SECRETREF", "Secretsafehouse", "Secretnight", "Secretwitness"]);
    }

    private Guid? _third;

    private async Task<Guid> ThirdOrganisationAsync()
    {
        if (_third is { } known)
        {
            return known;
        }

        using var scope = app.Services.CreateScope();
        var third = await scope.ServiceProvider.GetRequiredService<Saphan.Core.Features.Organisations.OrganisationCommands>()
            .AddAsync("Third Police Unit " + Guid.NewGuid().ToString("N")[..6], Saphan.Core.Features.Organisations.OrganisationTypes.Police, "TH-20", default);
        _third = third.Id;
        return third.Id;
    }

    private List<(string Method, string Pattern)> JusticeRoutes()
    {
        _ = app.Server;
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Pattern: "/" + e.RoutePattern.RawText!.TrimStart('/').TrimEnd('/'), Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]))
            .Where(e => Prefixes.Any(p => e.Pattern.StartsWith(p, StringComparison.Ordinal)))
            .SelectMany(e => e.Methods.Select(m => (m, e.Pattern)))
            .ToList();
        // Today's set; the test fails loudly if it shrinks (a route renamed out of the prefixes).
        Assert.True(routes.Count >= 25, "justice routes found: " + routes.Count);
        return routes;
    }

    private static string PathFor(string pattern, Seeded seeded)
    {
        var id = pattern.StartsWith("/api/v1/suspects", StringComparison.Ordinal) ? seeded.Suspect
            : pattern.StartsWith("/api/v1/legal-cases", StringComparison.Ordinal) ? seeded.LegalCase
            : seeded.Operation;
        return pattern.Replace("{id:guid}", id.ToString(), StringComparison.Ordinal).Replace("{shareId:guid}", seeded.Share.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A body that the owning organisation's police would have had accepted, so only access decides.</summary>
    private static object BodyFor(string method, string pattern, Seeded seeded, Guid outsider) => (method, pattern) switch
    {
        ("POST", "/api/v1/suspects") => new { kind = "person", name = "Intruder Made" },
        ("POST", "/api/v1/suspects/{id:guid}/identifiers") => new { type = "phone", value = "0811111111" },
        ("POST", "/api/v1/suspects/{id:guid}/links") => new { caseId = seeded.Case },
        ("POST", "/api/v1/legal-cases") => new { reference = "INTRUDER-1" },
        ("PATCH", "/api/v1/legal-cases/{id:guid}") => new { stage = "closed" },
        ("POST", "/api/v1/legal-cases/{id:guid}/hearings") => new { heldOn = "2026-01-02" },
        ("POST", "/api/v1/legal-cases/{id:guid}/witnesses") => new { caseId = seeded.Case },
        ("POST", "/api/v1/legal-cases/{id:guid}/assets") => new { description = "x", status = "seized", valueSatang = 100, recordedOn = "2026-01-02" },
        ("PUT", "/api/v1/legal-cases/{id:guid}/compensation") => new { caseId = seeded.Case, claimedSatang = 100 },
        ("POST", "/api/v1/operations") => new { type = "raid", name = "Intruder op", province = "TH-10", plannedOn = "2026-01-02" },
        ("PUT", "/api/v1/operations/{id:guid}/plan") => new { shelterPlaces = 1, interpreters = 1, childSpecialists = 1, medicalArrangements = "x", prosecutionLead = "x" },
        ("POST", "/api/v1/legal-cases/{id:guid}/shares") => new { organisationId = outsider },
        _ => new { },
    };

    private async Task<long> OrgARowsAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        var org = app.OrgA;
        return await db.Set<Suspect>().CountAsync(s => s.OrganisationId == org)
            + await db.Set<SuspectIdentifier>().CountAsync(s => s.OrganisationId == org)
            + await db.Set<SuspectLink>().CountAsync(s => s.OrganisationId == org)
            + await db.Set<LegalCase>().CountAsync(s => s.OrganisationId == org && s.Stage == "investigation")
            + await db.Set<Hearing>().CountAsync(s => s.OrganisationId == org)
            + await db.Set<Witness>().CountAsync(s => s.OrganisationId == org)
            + await db.Set<SeizedAsset>().CountAsync(s => s.OrganisationId == org)
            + await db.Set<Compensation>().CountAsync(s => s.OrganisationId == org)
            + await db.Set<Operation>().CountAsync(s => s.OrganisationId == org && s.ShelterPlaces == null && s.Status == "planned")
            + await db.Set<LegalCaseShare>().CountAsync(s => s.OwnerOrganisationId == org && s.RevokedAt == null);
    }

    public static TheoryData<string> OutsiderRoles() =>
    [
        // The owning organisation's roles other than law enforcement ("A:") and every role of another organisation ("B:").
        .. Roles.All.Where(r => r != Roles.LawEnforcement).Select(r => "A:" + r),
        .. Roles.All.Select(r => "B:" + r),
    ];

    [Theory]
    [MemberData(nameof(OutsiderRoles))]
    public async Task Every_justice_endpoint_gives_an_outsider_nothing_and_changes_nothing(string who)
    {
        var seeded = await SeedAsync();
        var before = await OrgARowsAsync();
        var org = who.StartsWith("A:", StringComparison.Ordinal) ? app.OrgA : app.OrgB;
        var role = who[2..];
        var client = app.Api(org, role);
        var problems = new List<string>();
        foreach (var (method, pattern) in JusticeRoutes())
        {
            var path = PathFor(pattern, seeded);
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = Json.Body(BodyFor(method, pattern, seeded, org)) };
            var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            // Another organisation's police work in their own organisation: creating there and listing their own is
            // allowed. What matters is that nothing of organisation A comes back.
            var ownCollection = org == app.OrgB && role == Roles.LawEnforcement && !pattern.Contains("{id:guid}", StringComparison.Ordinal);
            if (!ownCollection && status is not (403 or 404))
            {
                problems.Add($"{method} {pattern}: {status}");
            }

            if (seeded.Secrets.FirstOrDefault(s => body.Contains(s, StringComparison.Ordinal)) is { } leaked)
            {
                problems.Add($"{method} {pattern}: body holds '{leaked}'");
            }

            foreach (var id in new[] { seeded.Suspect, seeded.LegalCase, seeded.Operation, seeded.Case, seeded.Share })
            {
                if (body.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"{method} {pattern}: body holds an id of organisation A");
                }
            }
        }

        Assert.True(problems.Count == 0, who + "\n" + string.Join("\n", problems));
        Assert.Equal(before, await OrgARowsAsync());
    }

    [Theory]
    [MemberData(nameof(OutsiderRoles))]
    public async Task The_minimal_legal_stage_view_is_only_for_the_victims_case_team(string who)
    {
        var seeded = await SeedAsync();
        var org = who.StartsWith("A:", StringComparison.Ordinal) ? app.OrgA : app.OrgB;
        var role = who[2..];
        var response = await app.Api(org, role).GetAsync($"/api/v1/cases/{seeded.Case}/legal-stages");
        var body = await response.Content.ReadAsStringAsync();
        if (org == app.OrgA && Roles.CaseReaders.Contains(role))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("""[{"stage":"investigation"}]""", body);
        }
        else
        {
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{who}: {(int)response.StatusCode}");
            Assert.DoesNotContain("stage", body, StringComparison.Ordinal);
        }
    }

    private List<string> JusticePages()
    {
        _ = app.Server;
        var pages = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath.StartsWith("/Justice/", StringComparison.Ordinal) == true)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct().ToList();
        Assert.True(pages.Count >= 6, "justice pages found: " + pages.Count);
        return pages;
    }

    [Theory]
    [MemberData(nameof(OutsiderRoles))]
    public async Task Every_justice_page_gives_an_outsider_nothing_and_their_posts_change_nothing(string who)
    {
        var seeded = await SeedAsync();
        var before = await OrgARowsAsync();
        var org = who.StartsWith("A:", StringComparison.Ordinal) ? app.OrgA : app.OrgB;
        var role = who[2..];
        var client = await PageSession.SignInAsync(app, app.Emails[(org, role)]);
        var problems = new List<string>();
        var police = org == app.OrgB && role == Roles.LawEnforcement;
        foreach (var pattern in JusticePages())
        {
            var id = pattern.Contains("Suspect/", StringComparison.Ordinal) ? seeded.Suspect : pattern.Contains("LegalCase/", StringComparison.Ordinal) ? seeded.LegalCase : seeded.Operation;
            var path = pattern.Replace("{id:guid}", id.ToString(), StringComparison.Ordinal);
            var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            var allowed = police && !pattern.Contains("{id:guid}", StringComparison.Ordinal)
                ? status == 200
                : status == 404 || (status == 302 && response.Headers.Location!.OriginalString.Contains("/Account/AccessDenied", StringComparison.Ordinal));
            if (!allowed)
            {
                problems.Add($"GET {pattern}: {status}");
            }

            if (seeded.Secrets.FirstOrDefault(s => body.Contains(s, StringComparison.Ordinal)) is { } leaked)
            {
                problems.Add($"GET {pattern}: page holds '{leaked}'");
            }
        }

        if (police)
        {
            // With a valid antiforgery token from their own page, another organisation's police still change nothing.
            var posts = new (string Path, Dictionary<string, string> Fields)[]
            {
                ($"/Justice/Suspect/{seeded.Suspect}?handler=Identifier", new() { ["IdentifierType"] = "phone", ["IdentifierValue"] = "0812223333" }),
                ($"/Justice/Suspect/{seeded.Suspect}?handler=Link", new() { ["LinkCaseId"] = seeded.Case.ToString() }),
                ($"/Justice/Operation/{seeded.Operation}?handler=Plan", new() { ["ShelterPlaces"] = "1", ["Interpreters"] = "1", ["ChildSpecialists"] = "1", ["MedicalArrangements"] = "x", ["ProsecutionLead"] = "x" }),
                ($"/Justice/Operation/{seeded.Operation}?handler=Approve", new()),
                ($"/Justice/LegalCase/{seeded.LegalCase}?handler=Stage", new() { ["Stage"] = "closed" }),
                ($"/Justice/LegalCase/{seeded.LegalCase}?handler=Judgment", new() { ["AppealLodgedOn"] = "2026-01-02" }),
                ($"/Justice/LegalCase/{seeded.LegalCase}?handler=Hearing", new() { ["HeldOn"] = "2026-01-02" }),
                ($"/Justice/LegalCase/{seeded.LegalCase}?handler=Witness", new() { ["WitnessCaseId"] = seeded.Case.ToString() }),
                ($"/Justice/LegalCase/{seeded.LegalCase}?handler=Asset", new() { ["AssetDescription"] = "x", ["AssetStatus"] = "seized", ["AssetValueBaht"] = "1", ["AssetRecordedOn"] = "2026-01-02" }),
                ($"/Justice/LegalCase/{seeded.LegalCase}?handler=Compensation", new() { ["CompensationCaseId"] = seeded.Case.ToString(), ["ClaimedBaht"] = "1" }),
                ($"/Justice/LegalCase/{seeded.LegalCase}?handler=Share", new() { ["ShareOrganisationId"] = org.ToString() }),
                ($"/Justice/LegalCase/{seeded.LegalCase}?handler=Revoke", new() { ["ShareId"] = seeded.Share.ToString() }),
                ($"/Justice/Operation/{seeded.Operation}?handler=Execute", new()),
                ($"/Justice/Operation/{seeded.Operation}?handler=Cancel", new()),
            };
            var page = await client.GetStringAsync("/Justice/Suspects");
            var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
            foreach (var (path, fields) in posts)
            {
                fields["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(token);
                var response = await client.PostAsync(path, new FormUrlEncodedContent(fields));
                if (response.StatusCode != HttpStatusCode.NotFound)
                {
                    problems.Add($"POST {path}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(problems.Count == 0, who + "\n" + string.Join("\n", problems));
        Assert.Equal(before, await OrgARowsAsync());
    }
}
