namespace Saphan.Web.Tests.Browser;

/// <summary>A supervisor reads the organisation's dashboards; an analyst reads the network's, where no organisation is named.</summary>
[Trait("Category", "Browser")]
public sealed class IndicatorsBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task A_supervisor_sees_trends_breakdowns_provinces_and_definitions_on_a_phone_too()
    {
        var page = await host.SignInAsync(host.SupervisorEmail);
        await page.GotoAsync(host.BaseUrl + "/");
        await BrowserHost.ClickNavAsync(page, "#nav-indicators");
        await page.WaitForSelectorAsync("#indicators-performance");
        Assert.True(await page.Locator("svg#chart-outputs polyline").CountAsync() > 0);
        Assert.Equal(6, await page.Locator("#indicators-performance tbody tr").CountAsync());
        Assert.Equal(7, await page.Locator("#indicators-effectiveness tbody tr").CountAsync());
        Assert.True(await page.Locator("#breakdowns svg").CountAsync() >= 1);
        var organisation = host.Logins.First(l => l.Email == host.SupervisorEmail).OrganisationName;
        Assert.Contains(organisation, await page.InnerTextAsync("#indicator-scope"), StringComparison.Ordinal);
        await page.ClickAsync("#def-P1 summary");
        Assert.Contains("identified_on", await page.InnerTextAsync("#def-P1"), StringComparison.Ordinal);
        await host.ScreenshotAsync(page, "60-indicators");

        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await host.ScreenshotAsync(page, "61-indicators-phone", fullPage: false);
        await page.Locator("#breakdowns").ScrollIntoViewIfNeededAsync();
        await host.ScreenshotAsync(page, "64-indicators-phone-breakdowns", fullPage: false);
        var wide = await page.EvaluateAsync<string>("() => [...document.querySelectorAll('body *')].filter(e => !e.closest('.scroll-x') && e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5).map(e => e.tagName + '.' + e.className + '#' + e.id).join(' ')");
        Assert.True(wide.Length == 0, "wider than a phone: " + wide);
        await page.SetViewportSizeAsync(1280, 800);

        // Thai.
        await page.ClickAsync(".langswitch button[value='th-TH']");
        await page.WaitForSelectorAsync("#indicators-performance");
        Assert.Contains("ตัวชี้วัด", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        await host.ScreenshotAsync(page, "62-indicators-thai");
    }

    [Fact]
    public async Task An_analyst_sees_the_network_with_small_cells_suppressed_and_no_organisation_named()
    {
        var analyst = host.Logins.First(l => l.Roles.Contains("analyst"));
        var page = await host.SignInAsync(analyst.Email);
        await page.GotoAsync(host.BaseUrl + "/Indicators");
        await page.WaitForSelectorAsync("#indicators-performance");
        var text = await page.InnerTextAsync("main");
        foreach (var organisation in host.Logins.Select(l => l.OrganisationName).Distinct())
        {
            Assert.DoesNotContain(organisation, text, StringComparison.Ordinal);
        }

        Assert.Contains("suppressed", await page.InnerTextAsync("#indicator-scope"), StringComparison.Ordinal);
        await host.ScreenshotAsync(page, "63-indicators-network");
    }
}
