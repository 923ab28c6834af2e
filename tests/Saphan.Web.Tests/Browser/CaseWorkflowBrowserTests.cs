using Microsoft.Playwright;

namespace Saphan.Web.Tests.Browser;

/// <summary>What a case worker does, in a real browser: sign in, open a case, find it, work in Thai, secure the account.</summary>
[Trait("Category", "Browser")]
public sealed class CaseWorkflowBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private async Task<IPage> SignInAsync()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync(host.BaseUrl + "/Cases");
        Assert.Contains("/Account/Login", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#email", host.CaseWorkerEmail);
        await page.FillAsync("#password", BrowserHost.Password);
        await page.ClickAsync("button[type=submit].primary");
        await page.WaitForURLAsync("**/Cases**");
        return page;
    }

    [Fact]
    public async Task A_case_worker_signs_in_creates_a_case_finds_it_by_search_and_switches_to_thai()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync(host.BaseUrl + "/");
        await page.WaitForSelectorAsync("#email");
        await host.ScreenshotAsync(page, "01-login");
        await page.CloseAsync();

        page = await SignInAsync();
        var rows = await page.Locator("#cases tbody tr").CountAsync();
        Assert.True(rows > 0, "the seeded case list is empty");
        await host.ScreenshotAsync(page, "02-case-list");

        // A form with problems says which field and why, and keeps what was typed.
        await page.ClickAsync("a.button.primary");
        await page.FillAsync("#family", "Noe");
        await page.FillAsync("#identified", "2026-09-14");
        await page.ClickAsync("#save");
        await page.WaitForSelectorAsync("#form-errors");
        Assert.Equal("Noe", await page.InputValueAsync("#family"));
        Assert.True(await page.Locator(".field-error").CountAsync() >= 2);
        await host.ScreenshotAsync(page, "03-new-case-errors");

        await page.FillAsync("#given", "Khin Myat");
        await page.SelectOptionAsync("#gender", "female");
        await page.FillAsync("#age", "17");
        await page.SelectOptionAsync("#citizenship", ["MM"]);
        await page.CheckAsync("input[name='Form.Languages'][value='my']");
        await page.SelectOptionAsync("select[name='Form.Documents[0].Type']", "passport");
        await page.FillAsync("input[name='Form.Documents[0].Number']", "MC4471902");
        await page.SelectOptionAsync("#province", "TH-74");
        await page.SelectOptionAsync("#route", "labour_inspection");
        await page.FillAsync("#summary", "Found during a joint inspection of a seafood processing plant; passport held by the employer.");
        await page.ClickAsync("#save");
        await page.WaitForURLAsync("**/Cases/Details/**");
        Assert.StartsWith("Khin Myat Noe", (await page.InnerTextAsync("#person-name")).Trim(), StringComparison.Ordinal);
        await host.ScreenshotAsync(page, "04-case-details");

        // Edit: the form comes back filled in; a change of status shows on the details.
        await page.ClickAsync("a.button.primary");
        await page.WaitForURLAsync("**/Cases/Edit/**");
        Assert.Equal("Khin Myat", await page.InputValueAsync("#given"));
        Assert.Equal("MC4471902", await page.InputValueAsync("input[name='Form.Documents[0].Number']"));
        await page.SelectOptionAsync("#status", "follow_up");
        await page.ClickAsync("#save");
        await page.WaitForURLAsync("**/Cases/Details/**");
        Assert.True(await page.Locator("#person-name .pill-follow_up").IsVisibleAsync());
        Assert.Contains("MC4471902", await page.InnerTextAsync("main"), StringComparison.Ordinal);

        // Find it again by an exact name and by the passport number.
        foreach (var query in new[] { "khin myat", "MC4471902" })
        {
            await page.GotoAsync(host.BaseUrl + "/Cases");
            await page.FillAsync("#q", query);
            await page.ClickAsync("form.search button");
            await page.WaitForSelectorAsync("#cases");
            Assert.Equal(1, await page.Locator("#cases tbody tr").CountAsync());
            Assert.Contains("Khin Myat", await page.InnerTextAsync("#cases tbody"), StringComparison.Ordinal);
            Assert.DoesNotContain(query.Replace(" ", "+", StringComparison.Ordinal), page.Url, StringComparison.OrdinalIgnoreCase);
        }

        await host.ScreenshotAsync(page, "05-search-result");

        // Switch to Thai: the choice holds on the next page too, and dates show in the Buddhist Era.
        await page.ClickAsync(".langswitch button[value='th-TH']");
        await page.WaitForSelectorAsync("html[lang=th]");
        await page.GotoAsync(host.BaseUrl + "/Cases");
        Assert.Equal("th", await page.GetAttributeAsync("html", "lang"));
        var heading = await page.InnerTextAsync("h1");
        Assert.DoesNotContain("Cases", heading, StringComparison.Ordinal);
        Assert.Matches(@"25\d\d", await page.InnerTextAsync("#cases tbody"));
        await host.ScreenshotAsync(page, "06-case-list-thai");
        await page.ClickAsync("#cases tbody tr a");
        await page.WaitForURLAsync("**/Cases/Details/**");
        await host.ScreenshotAsync(page, "07-case-details-thai");
    }

    [Fact]
    public async Task Two_step_verification_is_turned_on_with_a_qr_code_and_then_asked_for_at_sign_in()
    {
        var page = await SignInAsync();
        await page.GotoAsync(host.BaseUrl + "/Account/TwoFactor");
        var key = await page.InnerTextAsync("#shared-key");
        Assert.True(await page.Locator(".qr img").IsVisibleAsync());
        await host.ScreenshotAsync(page, "08-two-step-setup");
        await page.FillAsync("#code", Totp.Code(key, DateTimeOffset.UtcNow));
        await page.ClickAsync("button.primary");
        await page.WaitForSelectorAsync(".pill-active");

        await page.ClickAsync("form[action='/Account/Logout'] button");
        await page.WaitForURLAsync("**/Account/Login**");
        await page.FillAsync("#email", host.CaseWorkerEmail);
        await page.FillAsync("#password", BrowserHost.Password);
        await page.ClickAsync("button[type=submit].primary");
        await page.WaitForURLAsync("**/Account/LoginWith2fa**");
        await page.FillAsync("#code", "000000" == Totp.Code(key, DateTimeOffset.UtcNow) ? "111111" : "000000");
        await page.ClickAsync("button.primary");
        await page.WaitForSelectorAsync(".alert");
        await page.FillAsync("#code", Totp.Code(key, DateTimeOffset.UtcNow));
        await page.ClickAsync("button.primary");
        await page.WaitForURLAsync("**/Cases**");

        // Leave the shared account as it was for the other test.
        await page.GotoAsync(host.BaseUrl + "/Account/TwoFactor");
        await page.ClickAsync("button.secondary");
        await page.WaitForSelectorAsync("#shared-key");
    }
}
