using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.Identity;
using Saphan.Web.Features.Tips;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.Tips;

[Trait("Category", "Database")]
public sealed partial class PublicTipTests(TipsFixture tips) : IClassFixture<TipsFixture>
{
    [GeneratedRegex("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){5}$")]
    private static partial Regex ReceiptFormat();

    [Fact]
    public async Task An_anonymous_tip_returns_a_receipt_with_which_only_the_coarse_status_is_seen()
    {
        var response = await tips.Public().PostAsync("/api/v1/tips", Json.Body(new
        {
            description = "Boys from Myanmar are kept on a fishing boat and not paid.",
            province = "TH-74",
            childrenAtRisk = true,
        }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await Json.ReadAsync(response)).AsObject();
        var receipt = body["receipt"]!.GetValue<string>();
        Assert.Matches(ReceiptFormat(), receipt);
        Assert.Null(response.Headers.Location);

        var status = await tips.Public().GetAsync("/api/v1/tips/status/" + receipt);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        var view = (await Json.ReadAsync(status)).AsObject();
        Assert.Equal("received", view["status"]!.GetValue<string>());
        Assert.Equal(["status"], view.Select(p => p.Key));

        // Typed by hand: lower case, spaces instead of dashes, O for 0 — still found.
        var typed = receipt.ToLowerInvariant().Replace('-', ' ').Replace('0', 'o');
        Assert.Equal(HttpStatusCode.OK, (await tips.Public().GetAsync("/api/v1/tips/status/" + Uri.EscapeDataString(typed))).StatusCode);
    }

    [Fact]
    public async Task A_wrong_or_malformed_receipt_is_not_found()
    {
        var receipt = await tips.SubmitAsync(new { description = "Workers locked in at night.", province = "TH-20" });
        var wrong = (receipt[0] == '7' ? '8' : '7') + receipt[1..];
        Assert.Equal(HttpStatusCode.NotFound, (await tips.Public().GetAsync("/api/v1/tips/status/" + wrong)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tips.Public().GetAsync("/api/v1/tips/status/not-a-code")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tips.Public().PostAsync("/api/v1/tips/status/" + wrong + "/notes", Json.Body(new { text = "more" }))).StatusCode);
    }

    [Fact]
    public async Task Validation_names_every_bad_field()
    {
        var client = tips.Public();
        var empty = await client.PostAsync("/api/v1/tips", Json.Body("{}"));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var errors = (await Json.ReadAsync(empty))["errors"]!.AsObject();
        Assert.Contains("description", errors.Select(e => e.Key));
        Assert.Contains("province", errors.Select(e => e.Key));

        var bad = await client.PostAsync("/api/v1/tips", Json.Body(new
        {
            description = new string('x', 4001),
            province = "TH-99",
            childrenAtRisk = "yes",
            childrenCount = -2,
            when = "yesterday-ish",
            ip = "1.2.3.4",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        errors = (await Json.ReadAsync(bad))["errors"]!.AsObject();
        Assert.Equal(["childrenAtRisk", "childrenCount", "description", "ip", "province", "when"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Contains("ISO 3166-2:TH", errors["province"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("TH-99", errors.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sender_adds_information_with_the_receipt_and_the_hotline_sees_it()
    {
        var receipt = await tips.SubmitAsync(new { description = "A van takes girls across at night.", province = "TH-57", language = "lo" });
        var added = await tips.Public().PostAsync($"/api/v1/tips/status/{receipt}/notes", Json.Body(new { text = "The van is white, it comes on Fridays." }));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await tips.Public().PostAsync($"/api/v1/tips/status/{receipt}/notes", Json.Body(new { text = " " }))).StatusCode);

        var id = await tips.TipIdAsync(receipt);
        var view = await Json.ReadAsync(await tips.Api(tips.Hotline, Roles.HotlineOperator).GetAsync($"/api/v1/tips/{id}"));
        var note = Assert.Single(view["notes"]!.AsArray());
        Assert.Equal("sender", note!["kind"]!.GetValue<string>());
        Assert.Equal("The van is white, it comes on Fridays.", note["text"]!.GetValue<string>());
        Assert.Equal("lo", view["language"]!.GetValue<string>());
    }

    [Fact]
    public async Task Receipt_text_contact_address_and_browser_are_nowhere_in_the_database_nor_in_the_logs()
    {
        const string description = "Thandarwinhlaing is held at the Kyaukphyu karaoke";
        const string place = "Soi Naklua Kyaukphyu";
        const string contact = "line-id kyawkyaw9931";
        const string note = "Zeyarlwinoo also works there";
        const string agent = "PhoneBrowserXq/7.1 (DeviceModel-ZX9931)";
        var address = IPAddress.Parse("198.51.100.231");
        var client = tips.Public(address, userAgent: agent);
        var receipt = await tips.SubmitAsync(new { description, province = "TH-20", place, contact, language = "my" }, client);
        await client.PostAsync($"/api/v1/tips/status/{receipt}/notes", Json.Body(new { text = note }));
        await client.GetAsync("/api/v1/tips/status/" + receipt);
        var id = await tips.TipIdAsync(receipt);
        Assert.Equal(HttpStatusCode.OK, (await tips.Api(tips.Hotline, Roles.HotlineOperator).GetAsync($"/api/v1/tips/{id}")).StatusCode);

        var secrets = new[] { description, "Thandarwinhlaing", place, contact, note, receipt, receipt.Replace("-", "", StringComparison.Ordinal), "198.51.100.231", "DeviceModel-ZX9931" };
        foreach (var dump in await tips.DatabaseContentsAsync())
        {
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret.ToUpperInvariant(), dump.ToUpperInvariant(), StringComparison.Ordinal);
            }
        }

        Assert.NotEmpty(tips.Base.Logs.Lines);
        foreach (var line in tips.Base.Logs.Lines)
        {
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, line, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public async Task A_flood_from_one_source_answers_429_with_retry_after_keeps_earlier_tips_and_leaves_others_and_staff_alone()
    {
        var flooder = tips.Public(IPAddress.Parse("192.0.2.66"));
        using (var scope = tips.App.Services.CreateScope())
        {
            var before = await scope.ServiceProvider.GetRequiredService<SaphanDbContext>().Tips.CountAsync();
            var accepted = new List<string>();
            HttpResponseMessage response;
            while (true)
            {
                response = await flooder.PostAsync("/api/v1/tips", Json.Body(new { description = "flood " + accepted.Count, province = "TH-30" }));
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    break;
                }

                accepted.Add((await Json.ReadAsync(response))["receipt"]!.GetValue<string>());
                Assert.True(accepted.Count <= 10, "no limit after 10 tips");
            }

            Assert.Equal(10, accepted.Count);
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

            // The page shares the source's budget and says so in every language.
            var page = await flooder.PostAsync("/tip?lang=km", new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Description"] = "x" }));
            Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
            Assert.True(page.Headers.Contains("Retry-After"));
            Assert.Contains(TipTexts.For("km")["tooMany"], await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
            Assert.Equal(before + 10, await db.Tips.CountAsync());
            Assert.Equal("received", (await Json.ReadAsync(await tips.Public().GetAsync("/api/v1/tips/status/" + accepted[0])))["status"]!.GetValue<string>());
        }

        // Someone else is not affected, nor are staff.
        await tips.SubmitAsync(new { description = "A different sender", province = "TH-30" });
        Assert.Equal(HttpStatusCode.OK, (await tips.Api(tips.Hotline, Roles.HotlineOperator).GetAsync("/api/v1/tips")).StatusCode);
        var staff = await tips.SignInAsync(tips.Hotline, Roles.HotlineOperator);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/Tips")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await tips.Base.Api(tips.Base.OrgA, Roles.CaseWorker).GetAsync("/api/v1/cases")).StatusCode);
    }

    [Fact]
    public async Task The_page_speaks_the_senders_language_refuses_scripts_and_shows_the_receipt_once()
    {
        var client = tips.Public(cookies: true);
        // Razor writes non-Latin text as character references: compare what the browser shows.
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/tip?lang=my"));
        Assert.Contains("<html lang=\"my\">", page, StringComparison.Ordinal);
        Assert.Contains(TipTexts.For("my")["what"], page, StringComparison.Ordinal);
        var fields = TipsFixture.HiddenFields(page);
        Assert.Contains("Shown", fields.Keys);

        using var scope = tips.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        var before = await db.Tips.CountAsync();
        Dictionary<string, string> Form(Dictionary<string, string> hidden, string? website = null)
        {
            var form = new Dictionary<string, string>(hidden)
            {
                ["Form.Description"] = "ဆိပ်ကမ်းမှာ ကလေးတွေ အလုပ်လုပ်နေရတယ်",
                ["Form.Province"] = "TH-74",
                ["Form.When"] = "today",
                ["Form.ChildrenAtRisk"] = "true",
                ["Form.ChildrenCount"] = "3",
            };
            if (website is not null)
            {
                form["Website"] = website;
            }

            return form;
        }

        // Posted at once, as a script would: refused, nothing stored.
        var tooFast = await client.PostAsync("/tip?lang=my", new FormUrlEncodedContent(Form(fields)));
        Assert.Equal(HttpStatusCode.BadRequest, tooFast.StatusCode);
        Assert.Contains(TipTexts.For("my")["retry"], WebUtility.HtmlDecode(await tooFast.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // The hidden field filled in: refused however long it took.
        tips.Clock.Advance(TimeSpan.FromSeconds(20));
        var honeypot = await client.PostAsync("/tip?lang=my", new FormUrlEncodedContent(Form(fields, website: "http://spam.example")));
        Assert.Equal(HttpStatusCode.BadRequest, honeypot.StatusCode);
        Assert.Equal(before, await db.Tips.CountAsync());

        // A person: the receipt, in Burmese.
        var sent = await client.PostAsync("/tip?lang=my", new FormUrlEncodedContent(Form(fields)));
        var html = WebUtility.HtmlDecode(await sent.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains(TipTexts.For("my")["thanks"], html, StringComparison.Ordinal);
        var receipt = ReceiptOnPage().Match(html).Groups[1].Value;
        Assert.Matches(ReceiptFormat(), receipt);
        var tip = await db.Tips.AsNoTracking().OrderByDescending(t => t.Id).FirstAsync();
        Assert.Equal(("my", "web", 3, true, "TH-74"), (tip.Language, tip.Channel, tip.ChildrenCount ?? 0, tip.ChildrenAtRisk, tip.Province));

        // The status page takes the code in the body, never the address.
        var statusPage = await client.GetStringAsync("/tip/status?lang=my");
        var check = await client.PostAsync("/tip/status?lang=my", new FormUrlEncodedContent(new Dictionary<string, string>(TipsFixture.HiddenFields(statusPage)) { ["Receipt"] = receipt }));
        var checkHtml = WebUtility.HtmlDecode(await check.Content.ReadAsStringAsync());
        Assert.Contains(TipTexts.For("my")["status.received"], checkHtml, StringComparison.Ordinal);
        var missing = await client.PostAsync("/tip/status?lang=my", new FormUrlEncodedContent(new Dictionary<string, string>(TipsFixture.HiddenFields(statusPage)) { ["Receipt"] = "0000-0000-0000-0000-0000-0000" }));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Missing_fields_on_the_page_are_named_in_the_senders_language()
    {
        var client = tips.Public(cookies: true);
        var fields = TipsFixture.HiddenFields(await client.GetStringAsync("/tip?lang=km"));
        tips.Clock.Advance(TimeSpan.FromSeconds(10));
        var response = await client.PostAsync("/tip?lang=km", new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["Form.Description"] = " " }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(TipTexts.For("km")["descriptionRequired"], html, StringComparison.Ordinal);
        Assert.Contains(TipTexts.For("km")["provinceRequired"], html, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_language_has_every_text_in_its_own_script()
    {
        var scripts = new Dictionary<string, (char From, char To)>
        {
            ["th"] = ('\u0E00', '\u0E7F'), ["my"] = ('\u1000', '\u109F'), ["km"] = ('\u1780', '\u17FF'), ["lo"] = ('\u0E80', '\u0EFF'),
        };
        Assert.Equal(["en", "km", "lo", "my", "th"], TipTexts.All.Keys.Order(StringComparer.Ordinal));
        foreach (var key in TipTexts.Keys)
        {
            foreach (var (code, (from, to)) in scripts)
            {
                var text = TipTexts.For(code)[key];
                Assert.False(string.IsNullOrWhiteSpace(text), $"{code}:{key} is empty");
                Assert.True(text.Any(c => c >= from && c <= to), $"{code}:{key} is not written in its script: {text}");
                Assert.NotEqual(TipTexts.For("en")[key], text);
            }
        }
    }

    [GeneratedRegex("id=\"receipt\">([^<]+)<")]
    private static partial Regex ReceiptOnPage();
}
