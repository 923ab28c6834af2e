namespace Saphan.Web.Tests.Browser;

/// <summary>The public tip form in a tipster's language, its receipt, and the hotline's queue; the data standard page.</summary>
[Trait("Category", "Browser")]
public sealed class TipsAndStandardBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task A_tip_sent_in_burmese_gets_a_receipt_that_shows_its_status_and_reaches_the_hotline_queue()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync(host.BaseUrl + "/tip?lang=my");
        Assert.Equal("my", await page.GetAttributeAsync("html", "lang"));
        Assert.Matches("[\u1000-\u109F]", await page.InnerTextAsync("main"));
        await host.ScreenshotAsync(page, "10-public-tip-burmese");

        await page.FillAsync("#description", "Girls aged about 15 kept in a karaoke bar near the pier; <b>they cannot leave</b>.");
        await page.SelectOptionAsync("#province", "TH-85");
        await page.CheckAsync("input[name='Form.ChildrenAtRisk']");
        await page.FillAsync("#children", "3");
        // The form refuses posts faster than a person can type (a cheap challenge against scripts).
        await Task.Delay(TimeSpan.FromSeconds(3.5));
        await page.ClickAsync("form:has(#description) button[type=submit]");
        await page.WaitForSelectorAsync("#receipt");
        var receipt = (await page.InnerTextAsync("#receipt")).Trim();
        Assert.Matches("^[A-Z0-9]{4}(-[A-Z0-9]{4}){5}$", receipt);
        await host.ScreenshotAsync(page, "11-public-tip-receipt");

        await page.GotoAsync(host.BaseUrl + "/tip/status?lang=en");
        await page.FillAsync("#receipt", receipt.ToLowerInvariant());
        await page.ClickAsync("form:has(#receipt) button[type=submit]");
        await page.WaitForSelectorAsync("#status");
        Assert.Equal("received", await page.GetAttributeAsync("#status", "data-status"));
        Assert.DoesNotContain(receipt, page.Url, StringComparison.OrdinalIgnoreCase);
        await host.ScreenshotAsync(page, "12-public-tip-status");

        var staff = await host.SignInAsync(host.HotlineOperatorEmail);
        await staff.GotoAsync(host.BaseUrl + "/Tips");
        await staff.WaitForSelectorAsync("#tips");
        await host.ScreenshotAsync(staff, "13-tip-queue");
        await staff.ClickAsync("#tips tbody tr a");
        await staff.WaitForURLAsync("**/Tips/Details/**");
        var text = await staff.InnerTextAsync("main");
        Assert.Contains("<b>they cannot leave</b>", text, StringComparison.Ordinal);
        await host.ScreenshotAsync(staff, "14-tip-details");
    }

    [Fact]
    public async Task The_data_standard_page_lists_and_filters_the_fields()
    {
        var page = await host.SignInAsync(host.CaseWorkerEmail);
        await page.GotoAsync(host.BaseUrl + "/Standard");
        var all = int.Parse(await page.InnerTextAsync("#field-count"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(all > 50, $"only {all} fields");
        await host.ScreenshotAsync(page, "15-data-standard", fullPage: false);
        await page.FillAsync("#q", "debt");
        await page.PressAsync("#q", "Enter");
        await page.WaitForURLAsync("**q=debt**");
        var filtered = int.Parse(await page.InnerTextAsync("#field-count"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(filtered, 1, all - 1);
    }
}
