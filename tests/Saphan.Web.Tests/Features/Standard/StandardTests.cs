using System.Net;
using System.Text.Json.Nodes;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Standard;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.Standard;

[Trait("Category", "Database")]
public sealed class StandardTests(SaphanAppFactory app) : IClassFixture<SaphanAppFactory>
{
    [Fact]
    public async Task The_API_serves_the_whole_dictionary_without_signing_in()
    {
        var response = await app.Anonymous().GetAsync("/api/v1/standard");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await Json.ReadAsync(response);

        Assert.Equal(DataStandard.Version, json["version"]!.GetValue<string>());
        var fields = json["sections"]!.AsArray().SelectMany(s => s!["fields"]!.AsArray()).Select(f => f!).ToList();
        Assert.Equal(DataStandard.Fields.Select(f => f.Code), fields.Select(f => f["code"]!.GetValue<string>()));

        var control = fields.Single(f => f["code"]!.GetValue<string>() == "event.exploitation.meansOfControl");
        Assert.Equal("meansOfControl", control["valueSet"]!.GetValue<string>());
        Assert.Equal("codes", control["type"]!.GetValue<string>());
        Assert.True(control["multiple"]!.GetValue<bool>());
        var debt = control["values"]!.AsArray().Single(v => v!["code"]!.GetValue<string>() == "debt_bondage")!;
        Assert.Equal("การใช้หนี้เป็นเครื่องผูกมัด", debt["label"]!["th"]!.GetValue<string>());
        Assert.Equal("Debt bondage", debt["label"]!["en"]!.GetValue<string>());
        Assert.Equal("meansOfControlDebtBondage", debt["ctdc"]!.GetValue<string>());

        var name = fields.Single(f => f["code"]!.GetValue<string>() == "person.givenName");
        Assert.True(name["identifying"]!.GetValue<bool>());
        Assert.True(name["required"]!.GetValue<bool>());
        Assert.Equal("givenName", name["apiName"]!.GetValue<string>());
        Assert.Equal("ชื่อ", name["label"]!["th"]!.GetValue<string>());

        var crime = fields.Single(f => f["code"]!.GetValue<string>() == "victim.arrestedOrCharged");
        Assert.Equal("criminal_record", crime["sensitive"]!.GetValue<string>());

        var citizenship = fields.Single(f => f["code"]!.GetValue<string>() == "person.citizenship");
        Assert.Contains(citizenship["values"]!.AsArray(), v => v!["code"]!.GetValue<string>() == "stateless");
        Assert.Contains(citizenship["exclusiveCodes"]!.AsArray(), v => v!.GetValue<string>() == "stateless");
    }

    [Fact]
    public async Task The_page_asks_to_sign_in_and_then_lists_every_section_with_badges()
    {
        var anonymous = await app.Anonymous().GetAsync("/Standard");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/Account/Login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // Every role may read the dictionary, including roles that never see a case.
        var client = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.Analyst)]);
        var html = await client.GetStringAsync("/Standard");
        foreach (var section in DataStandard.Sections)
        {
            Assert.Contains($"id=\"{section.Code}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("data-field=\"event.exploitation.meansOfControl\"", html, StringComparison.Ordinal);
        Assert.Contains("pill-identifying", html, StringComparison.Ordinal);
        Assert.Contains("pill-sensitive", html, StringComparison.Ordinal);
        Assert.Contains("meansOfControlConcatenated", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Standard\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_filter_works_from_the_address_bar()
    {
        var client = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.CaseWorker)]);

        var html = await client.GetStringAsync("/Standard?q=meansOfControl");
        Assert.Contains("data-field=\"event.exploitation.meansOfControl\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-field=\"person.givenName\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"consent\"", html, StringComparison.Ordinal);

        var byHtcds = await client.GetStringAsync("/Standard?q=prs_nationality");
        Assert.Contains("data-field=\"person.citizenship\"", byHtcds, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(byHtcds, "data-field=\""));

        var none = await client.GetStringAsync("/Standard?q=zzzz-no-such-field");
        Assert.DoesNotContain("data-field=", none, StringComparison.Ordinal);
        Assert.Contains("No fields match.", none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_shows_Thai_labels_in_Thai()
    {
        var client = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.CaseWorker)]);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Standard?q=event.exploitation.meansOfControl");
        request.Headers.AcceptLanguage.ParseAdd("th-TH");
        // Razor writes Thai as character references: compare the text as a browser reads it.
        var html = WebUtility.HtmlDecode(await (await client.SendAsync(request)).Content.ReadAsStringAsync());
        Assert.Contains("วิธีการควบคุม", html, StringComparison.Ordinal);
        Assert.Contains("การใช้หนี้เป็นเครื่องผูกมัด", html, StringComparison.Ordinal);
        Assert.Contains("มาตรฐานข้อมูล", html, StringComparison.Ordinal);
    }
}
