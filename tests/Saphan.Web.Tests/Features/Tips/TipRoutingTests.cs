using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Tips;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.Tips;

/// <summary>Routing a tip to a partner, the partner's side (only that tip), acknowledgement and conversion, and who gets nothing.</summary>
[Trait("Category", "Database")]
public sealed class TipRoutingTests(TipsFixture tips) : IClassFixture<TipsFixture>
{
    private const string Contact = "Call Somchai on 081-234-5678";

    private HttpClient Operator => tips.Api(tips.Hotline, Roles.HotlineOperator);

    private async Task<(Guid Id, string Receipt)> TipAsync(string description = "Workers locked in a Chon Buri fish factory at night.", bool danger = true)
    {
        var receipt = await tips.SubmitAsync(new { description, province = "TH-20", place = "Soi 7 cannery", contact = Contact, imminentDanger = danger });
        return (await tips.TipIdAsync(receipt), receipt);
    }

    private async Task<HttpResponseMessage> RouteAsync(Guid tip, Guid organisation, string? note = "Raid planned? Call the hotline first.", HttpClient? client = null) =>
        await (client ?? Operator).PostAsync($"/api/v1/tips/{tip}/routes", Json.Body(new { organisationId = organisation, note }));

    private async Task<T> InDbAsync<T>(Func<SaphanDbContext, Task<T>> query)
    {
        using var scope = tips.App.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<SaphanDbContext>());
    }

    [Fact]
    public async Task Partners_are_suggested_from_declared_coverage_services_and_base_police_first_when_someone_is_in_danger()
    {
        var (tip, _) = await TipAsync();
        var response = await Operator.GetAsync($"/api/v1/tips/{tip}/partners");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var partners = (await Json.ReadAsync(response)).AsArray();
        Assert.Equal(tips.Police, partners[0]!["organisationId"]!.GetValue<Guid>());
        Assert.Equal("coverage", partners[0]!["reason"]!.GetValue<string>());
        var labour = partners.Single(p => p!["organisationId"]!.GetValue<Guid>() == tips.Labour)!;
        Assert.Equal("based", labour["reason"]!.GetValue<string>());
        // No partner covers or is based in Chon Buri among the NGO (Chiang Rai) and the shelter (Ranong); hotlines are never partners.
        Assert.DoesNotContain(partners, p => p!["type"]!.GetValue<string>() == "hotline");

        var police = (await Json.ReadAsync(await Operator.GetAsync($"/api/v1/tips/{tip}/partners?type=police"))).AsArray();
        Assert.NotEmpty(police);
        Assert.All(police, p => Assert.Equal("police", p!["type"]!.GetValue<string>()));
        var bad = await Operator.GetAsync($"/api/v1/tips/{tip}/partners?type=wizards");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("type", (await Json.ReadAsync(bad))["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task The_tip_page_is_audited_once_as_a_view_and_the_partner_api_as_a_suggestion()
    {
        var (tip, _) = await TipAsync();
        var id = tip.ToString();
        async Task<string[]> AuditAsync() => [.. (await InDbAsync(db => db.AuditEntries.Where(e => e.EntityId == id).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync()))
            .Where(a => a is "tip.viewed" or "tip.partners_suggested")];

        var page = await tips.SignInAsync(tips.Hotline, Roles.HotlineOperator);
        Assert.Contains("id=\"partner\"", await page.GetStringAsync($"/Tips/Details/{tip}"), StringComparison.Ordinal);
        Assert.Equal(["tip.viewed"], await AuditAsync());
        Assert.Equal(HttpStatusCode.OK, (await Operator.GetAsync($"/api/v1/tips/{tip}/partners")).StatusCode);
        Assert.Equal(["tip.viewed", "tip.partners_suggested"], await AuditAsync());
    }

    [Fact]
    public async Task A_routed_tip_reaches_only_that_partner_without_the_senders_contact_and_its_public_status_becomes_action_taken()
    {
        var (tip, receipt) = await TipAsync();
        var (other, _) = await TipAsync("Another tip that stays with the hotline.", danger: false);
        var routed = await RouteAsync(tip, tips.Police);
        Assert.Equal(HttpStatusCode.Created, routed.StatusCode);
        Assert.Equal("passed_to_partner", (await Json.ReadAsync(await Operator.GetAsync($"/api/v1/tips/{tip}")))["status"]!.GetValue<string>());
        Assert.Equal("""{"status":"action_taken"}""", await (await tips.Public().GetAsync("/api/v1/tips/status/" + receipt)).Content.ReadAsStringAsync());
        Assert.NotNull(await InDbAsync(db => db.Tips.Where(t => t.Id == tip).Select(t => t.FirstActionAt).SingleAsync()));

        // Routing twice to the same partner is refused, naming the field.
        var twice = await RouteAsync(tip, tips.Police);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("organisationId", (await Json.ReadAsync(twice))["errors"]!.AsObject().Select(e => e.Key));

        var police = tips.Api(tips.Police, Roles.LawEnforcement);
        var queue = await (await police.GetAsync("/api/v1/routed-tips")).Content.ReadAsStringAsync();
        Assert.Contains(tip.ToString(), queue, StringComparison.Ordinal);
        Assert.DoesNotContain(other.ToString(), queue, StringComparison.Ordinal);
        Assert.DoesNotContain("Chon Buri fish factory", queue, StringComparison.Ordinal);
        var view = await police.GetAsync($"/api/v1/routed-tips/{tip}");
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        var body = await view.Content.ReadAsStringAsync();
        Assert.Contains("fish factory", body, StringComparison.Ordinal);
        Assert.Contains("Call the hotline first", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Somchai", body, StringComparison.Ordinal);
        Assert.DoesNotContain("5678", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync($"/api/v1/routed-tips/{other}")).StatusCode);

        // The hotline's view shows the route, and the route note is ciphertext at rest.
        var hotlineView = await Json.ReadAsync(await Operator.GetAsync($"/api/v1/tips/{tip}"));
        Assert.Equal(tips.Police, hotlineView["routes"]![0]!["organisationId"]!.GetValue<Guid>());
        Assert.DoesNotContain(await tips.DatabaseContentsAsync(), d => d.Contains("Call the hotline first", StringComparison.Ordinal));
        Assert.True(await InDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "tip.routed" && e.EntityId == tip.ToString())));
        Assert.True(await InDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "tip.routed_viewed" && e.EntityId == tip.ToString())));
    }

    [Fact]
    public async Task The_partner_acknowledges_and_turns_the_tip_into_a_case_with_the_province_and_nothing_of_the_sender()
    {
        var (tip, receipt) = await TipAsync();
        Assert.Equal(HttpStatusCode.Created, (await RouteAsync(tip, tips.Police)).StatusCode);
        tips.Clock.Advance(TimeSpan.FromMinutes(12));
        var worker = tips.Api(tips.Police, Roles.CaseWorker);
        var acknowledged = await Json.ReadAsync(await worker.PostAsync($"/api/v1/routed-tips/{tip}/acknowledge", null));
        Assert.NotNull(acknowledged["acknowledgedAt"]);
        var figures = await Json.ReadAsync(await tips.Api(tips.Hotline, Roles.Supervisor).GetAsync("/api/v1/tips/figures"));
        Assert.True(figures["acknowledged"]!.GetValue<int>() >= 1);
        Assert.NotNull(figures["medianMinutesToAcknowledge"]);

        var converted = await worker.PostAsync($"/api/v1/routed-tips/{tip}/case", null);
        Assert.Equal(HttpStatusCode.Created, converted.StatusCode);
        var caseId = (await Json.ReadAsync(converted))["caseId"]!.GetValue<Guid>();
        var @case = await worker.GetAsync($"/api/v1/cases/{caseId}");
        Assert.Equal(HttpStatusCode.OK, @case.StatusCode);
        var caseBody = await @case.Content.ReadAsStringAsync();
        Assert.Equal("TH-20", (await Json.ReadAsync(@case))["province"]!.GetValue<string>());
        Assert.DoesNotContain("fish factory", caseBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Somchai", caseBody, StringComparison.Ordinal);
        Assert.DoesNotContain("cannery", caseBody, StringComparison.Ordinal);
        Assert.Equal(caseId, (await Json.ReadAsync(await worker.GetAsync($"/api/v1/routed-tips/{tip}")))["caseId"]!.GetValue<Guid>());
        Assert.Equal("action_taken", (await Json.ReadAsync(await tips.Public().GetAsync("/api/v1/tips/status/" + receipt)))["status"]!.GetValue<string>());

        // Once converted, not again; the hotline sees the outcome, not the partner's case.
        Assert.Equal(HttpStatusCode.BadRequest, (await worker.PostAsync($"/api/v1/routed-tips/{tip}/case", null)).StatusCode);
        var hotlineView = await Operator.GetAsync($"/api/v1/tips/{tip}");
        Assert.Equal("case", (await Json.ReadAsync(hotlineView))["routes"]![0]!["outcome"]!.GetValue<string>());
        Assert.DoesNotContain(caseId.ToString(), await hotlineView.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await InDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "tip.converted_to_case" && e.EntityId == tip.ToString())));
    }

    [Fact]
    public async Task Only_law_enforcement_of_the_partner_turns_a_tip_into_an_investigation()
    {
        var (tip, _) = await TipAsync();
        Assert.Equal(HttpStatusCode.Created, (await RouteAsync(tip, tips.Police)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tips.Api(tips.Police, Roles.CaseWorker).PostAsync($"/api/v1/routed-tips/{tip}/investigation", null)).StatusCode);
        var police = tips.Api(tips.Police, Roles.LawEnforcement);
        var converted = await police.PostAsync($"/api/v1/routed-tips/{tip}/investigation", Json.Body(new { reference = "CB-2569-0042" }));
        Assert.Equal(HttpStatusCode.Created, converted.StatusCode);
        var legal = (await Json.ReadAsync(converted))["legalCaseId"]!.GetValue<Guid>();
        var view = await Json.ReadAsync(await police.GetAsync($"/api/v1/legal-cases/{legal}"));
        Assert.Equal("investigation", view["stage"]!.GetValue<string>());
        Assert.Equal("CB-2569-0042", view["reference"]!.GetValue<string>());
    }

    public static TheoryData<string> Outsiders() =>
    [
        // The partner's roles that do not work cases, and every role of another partner (labour office) and of the NGO.
        .. Roles.All.Where(r => !Roles.CaseWriters.Contains(r)).Select(r => "P:" + r),
        .. Roles.All.Select(r => "L:" + r),
        .. Roles.All.Select(r => "N:" + r),
    ];

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Nobody_but_the_partners_case_writers_sees_or_changes_a_routed_tip(string who)
    {
        var (tip, _) = await TipAsync();
        Assert.Equal(HttpStatusCode.Created, (await RouteAsync(tip, tips.Police)).StatusCode);
        var org = who[0] switch { 'P' => tips.Police, 'L' => tips.Labour, _ => tips.Base.OrgA };
        var client = tips.Api(org, who[2..]);
        var problems = new List<string>();
        foreach (var (method, path) in new[]
        {
            ("GET", "/api/v1/routed-tips"), ("GET", $"/api/v1/routed-tips/{tip}"), ("POST", $"/api/v1/routed-tips/{tip}/acknowledge"),
            ("POST", $"/api/v1/routed-tips/{tip}/case"), ("POST", $"/api/v1/routed-tips/{tip}/investigation"),
            ("GET", $"/api/v1/tips/{tip}/partners"), ("POST", $"/api/v1/tips/{tip}/routes"),
        })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = Json.Body(new { organisationId = org }) };
            var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            // A case writer of another partner lists its own (empty of this tip) queue.
            var ownQueue = path == "/api/v1/routed-tips" && response.StatusCode == HttpStatusCode.OK;
            if (!ownQueue && response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
            {
                problems.Add($"{method} {path}: {(int)response.StatusCode}");
            }

            if (body.Contains(tip.ToString(), StringComparison.Ordinal) || body.Contains("fish factory", StringComparison.Ordinal))
            {
                problems.Add($"{method} {path}: body holds the tip");
            }
        }

        Assert.True(problems.Count == 0, who + "\n" + string.Join("\n", problems));
        var route = await InDbAsync(db => db.Set<TipRoute>().Where(r => r.TipId == tip).ToListAsync());
        Assert.Single(route);
        Assert.Null(route[0].AcknowledgedAt);
        Assert.Null(route[0].CaseId);
    }

    [Fact]
    public async Task Another_hotline_cannot_route_and_bad_input_names_the_field_and_stores_nothing()
    {
        var (tip, _) = await TipAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await RouteAsync(tip, tips.Police, client: tips.Api(tips.ChiangMaiHotline, Roles.HotlineOperator))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await RouteAsync(tip, tips.Police, client: tips.Api(tips.Base.OrgA, Roles.CaseWorker))).StatusCode);
        foreach (var body in new object[]
        {
            new { organisationId = tips.ChiangMaiHotline }, new { organisationId = "not-a-guid" }, new { organisationId = Guid.NewGuid() }, new { note = "no partner" },
            new { organisationId = tips.Police, note = new string('x', 2001) },
        })
        {
            var response = await Operator.PostAsync($"/api/v1/tips/{tip}/routes", Json.Body(body));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await Json.ReadAsync(response))["errors"]!.AsObject().Select(e => e.Key).ToList();
            Assert.True(errors.Contains("organisationId") || errors.Contains("note"), string.Join(",", errors));
        }

        Assert.Equal(0, await InDbAsync(db => db.Set<TipRoute>().CountAsync(r => r.TipId == tip)));
        Assert.Equal("received", await InDbAsync(db => db.Tips.Where(t => t.Id == tip).Select(t => t.Status).SingleAsync()));
    }

    [Fact]
    public async Task Markup_in_a_tip_is_text_on_the_partner_page_the_operator_page_and_the_public_status_page()
    {
        const string markup = "<script>alert('x')</script><b>bold</b> workers";
        var receipt = await tips.SubmitAsync(new { description = markup, province = "TH-20", place = "<img src=x onerror=alert(1)>" });
        var tip = await tips.TipIdAsync(receipt);
        Assert.Equal(HttpStatusCode.OK, (await tips.Public().PostAsync($"/api/v1/tips/status/{receipt}/notes", Json.Body(new { text = "<script>more()</script>" }))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await RouteAsync(tip, tips.Police, note: "<iframe src=evil>")).StatusCode);

        var partner = await tips.SignInAsync(tips.Police, Roles.LawEnforcement);
        var partnerPage = await partner.GetStringAsync($"/RoutedTips/Details/{tip}");
        var operatorPage = await (await tips.SignInAsync(tips.Hotline, Roles.HotlineOperator)).GetStringAsync($"/Tips/Details/{tip}");
        foreach (var page in new[] { partnerPage, operatorPage })
        {
            Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
            Assert.DoesNotContain("<b>bold", page, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;", page, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("<iframe", partnerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>more", operatorPage, StringComparison.Ordinal);

        // The public status page echoes only what the sender typed in the code box, escaped; the status is a label.
        var sender = tips.Public(cookies: true);
        var form = TipsFixture.HiddenFields(await sender.GetStringAsync("/tip/status"));
        form["Receipt"] = "<script>alert(1)</script>";
        var unknown = await (await sender.PostAsync("/tip/status", new FormUrlEncodedContent(form))).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert(1)", unknown, StringComparison.Ordinal);
        form["Receipt"] = receipt;
        var known = await (await sender.PostAsync("/tip/status", new FormUrlEncodedContent(form))).Content.ReadAsStringAsync();
        Assert.Contains("data-status=\"action_taken\"", known, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", known, StringComparison.Ordinal);
        Assert.Equal(markup, await InDbAsync(db => db.Tips.Where(t => t.Id == tip).Select(t => t.Description).SingleAsync()));
    }

    [Fact]
    public async Task The_partner_pages_list_the_routed_tip_and_act_on_it()
    {
        var (tip, _) = await TipAsync();
        Assert.Equal(HttpStatusCode.Created, (await RouteAsync(tip, tips.Police)).StatusCode);
        var page = await tips.SignInAsync(tips.Police, Roles.LawEnforcement);
        Assert.Contains(tip.ToString(), await page.GetStringAsync("/RoutedTips"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PageSession.PostFormAsync(page, $"/RoutedTips/Details/{tip}?handler=Acknowledge", [])).StatusCode);
        var investigation = await PageSession.PostFormAsync(page, $"/RoutedTips/Details/{tip}?handler=Investigation", new() { ["reference"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, investigation.StatusCode);
        Assert.StartsWith("/Justice/LegalCase/", investigation.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // Another partner's case writer: their queue does not hold it, the tip's page is not found.
        var labour = await tips.SignInAsync(tips.Labour, Roles.LabourInspector);
        Assert.DoesNotContain(tip.ToString(), await labour.GetStringAsync("/RoutedTips"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await labour.GetAsync($"/RoutedTips/Details/{tip}")).StatusCode);
        // A role that does not work cases is denied the pages.
        var analyst = await tips.SignInAsync(tips.Police, Roles.Analyst);
        var denied = await analyst.GetAsync($"/RoutedTips/Details/{tip}");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/Account/AccessDenied", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
