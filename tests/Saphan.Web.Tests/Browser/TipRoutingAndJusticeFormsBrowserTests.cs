namespace Saphan.Web.Tests.Browser;

/// <summary>
/// A hotline operator routes a phone tip to the police; the police acknowledge it and open an investigation, then
/// record the judgment, a hearing, a witness with support, an asset in baht and compensation, and share the case.
/// </summary>
[Trait("Category", "Browser")]
public sealed class TipRoutingAndJusticeFormsBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private async Task AssertFitsAPhoneAsync(Microsoft.Playwright.IPage page, string screenshot)
    {
        await page.SetViewportSizeAsync(390, 844);
        await host.ScreenshotAsync(page, screenshot);
        var wide = await page.EvaluateAsync<string>("() => [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.scroll-x')).slice(0, 5).map(e => e.tagName + '.' + e.className + '#' + e.id).join(' ')");
        Assert.True(wide.Length == 0, "wider than a phone: " + wide);
        await page.SetViewportSizeAsync(1280, 860);
    }

    [Fact]
    public async Task A_tip_routed_to_the_police_becomes_an_investigation_whose_forms_record_the_prosecution()
    {
        var staff = await host.SignInAsync(host.HotlineOperatorEmail);
        await staff.GotoAsync(host.BaseUrl + "/Tips/New");
        await staff.FillAsync("#description", "Caller says ten men are locked in a warehouse in Bang Khen and not paid <i>for months</i>.");
        await staff.SelectOptionAsync("#province", "TH-10");
        await staff.FillAsync("#place", "Warehouse behind the fish market");
        await staff.CheckAsync("input[name='Form.ImminentDanger']");
        await staff.ClickAsync("form:has(#description) button[type=submit]");
        await staff.WaitForSelectorAsync("#receipt");
        await staff.ClickAsync("a[href^='/Tips/Details/']");
        await staff.WaitForURLAsync("**/Tips/Details/**");
        var tipUrl = staff.Url;
        var police = await staff.EvalOnSelectorAsync<string>("#partner", "s => [...s.options].find(o => o.text.includes('Police')).value");
        await staff.SelectOptionAsync("#partner", police);
        await staff.FillAsync("#route-note", "Danger now: please call the hotline supervisor before acting.");
        await staff.ClickAsync("#route-submit");
        await staff.WaitForSelectorAsync("#routes li");
        Assert.Contains("Passed to a partner", await staff.InnerTextAsync("#tip-status"), StringComparison.Ordinal);
        await host.ScreenshotAsync(staff, "60-tip-routed");
        await AssertFitsAPhoneAsync(staff, "61-tip-routed-phone");

        var officer = await host.SignInAsync(host.PoliceEmail);
        await officer.GotoAsync(host.BaseUrl + "/RoutedTips");
        await officer.WaitForSelectorAsync("#routed-tips");
        await host.ScreenshotAsync(officer, "62-routed-tips");
        await officer.ClickAsync($"#routed-tips a[href='/RoutedTips/Details/{tipUrl[(tipUrl.LastIndexOf('/') + 1)..]}']");
        await officer.WaitForURLAsync("**/RoutedTips/Details/**");
        Assert.Contains("<i>for months</i>", await officer.InnerTextAsync("#description"), StringComparison.Ordinal);
        await officer.ClickAsync("#acknowledge");
        await officer.WaitForSelectorAsync("#to-investigation");
        Assert.Contains("Acknowledged", await officer.InnerTextAsync("#ack-state"), StringComparison.Ordinal);
        await host.ScreenshotAsync(officer, "63-routed-tip");
        await AssertFitsAPhoneAsync(officer, "64-routed-tip-phone");
        await officer.FillAsync("#reference", "BKK-2569-0777");
        await officer.ClickAsync("#to-investigation");
        await officer.WaitForURLAsync("**/Justice/LegalCase/**");
        Assert.Equal("investigation", await officer.GetAttributeAsync("#stage", "data-stage"));

        await officer.SelectOptionAsync("#stage-select", "verdict");
        await officer.ClickAsync("#change-stage button[type=submit]");
        await officer.WaitForFunctionAsync("() => document.querySelector('#stage').dataset.stage === 'verdict'");
        await officer.SelectOptionAsync("#verdict-select", "convicted");
        await officer.FillAsync("#sentence-months", "60");
        await officer.FillAsync("#fine-baht", "200,000");
        await officer.FillAsync("#appeal-on", "2026-12-20");
        await officer.ClickAsync("#judgment button[type=submit]");
        await officer.WaitForFunctionAsync("() => document.querySelector('#sentence').innerText.trim() === '60'");
        Assert.Equal("200,000.00", (await officer.InnerTextAsync("#fine")).Trim());

        await officer.FillAsync("#held-on", "2026-10-05");
        await officer.FillAsync("#hearing-note", "Criminal Court, first witness hearing");
        await officer.ClickAsync("#hearing button[type=submit]");
        await officer.WaitForSelectorAsync("#hearings li");

        var victim = await officer.EvalOnSelectorAsync<string>("#witness-case", "s => s.options[1].value");
        await officer.SelectOptionAsync("#witness-case", victim);
        await officer.FillAsync("#coordinator", "Victim-witness coordinator, Office of the Attorney General");
        await officer.FillAsync("#interpreter", "Burmese");
        await officer.FillAsync("#protection", "Testimony by video link; safe house until the verdict");
        await officer.ClickAsync("#witness button[type=submit]");
        await officer.WaitForSelectorAsync("dl.witness");

        await officer.FillAsync("#asset-description", "Pickup truck used to move workers");
        await officer.SelectOptionAsync("#asset-status", "seized");
        await officer.FillAsync("#asset-value", "1,250,000.50");
        await officer.FillAsync("#asset-on", "2026-09-01");
        await officer.ClickAsync("#asset button[type=submit]");
        await officer.WaitForSelectorAsync("#assets");
        Assert.Equal("1,250,000.50", (await officer.InnerTextAsync("#total-seized")).Trim());

        await officer.SelectOptionAsync("#compensation-case", victim);
        await officer.FillAsync("#claimed", "350,000");
        await officer.FillAsync("#awarded", "300,000");
        await officer.FillAsync("#paid", "120,000");
        await officer.ClickAsync("#compensation-form button[type=submit]");
        await officer.WaitForSelectorAsync("#compensation");
        Assert.Equal("300,000.00 / 120,000.00", (await officer.InnerTextAsync("#total-awarded-paid")).Trim());

        var target = await officer.EvalOnSelectorAsync<string>("#share-org", "s => s.options[0].value");
        await officer.SelectOptionAsync("#share-org", target);
        await officer.ClickAsync("#share button[type=submit]");
        await officer.WaitForSelectorAsync("#shares li .revoke");
        await host.ScreenshotAsync(officer, "65-legal-case-forms");
        await AssertFitsAPhoneAsync(officer, "66-legal-case-forms-phone");
        await officer.ClickAsync("#shares li .revoke");
        await officer.WaitForSelectorAsync("#shares li .muted");
    }

    [Fact]
    public async Task An_approved_operation_is_marked_executed()
    {
        var page = await host.SignInAsync(host.PoliceEmail);
        await page.GotoAsync(host.BaseUrl + "/Justice/Operations");
        await page.SelectOptionAsync("#type", "rescue");
        await page.FillAsync("#name", "Op Harbour Light");
        await page.SelectOptionAsync("#province", "TH-10");
        await page.FillAsync("#planned-on", "2026-12-18");
        await page.ClickAsync("#new-operation button[type=submit]");
        await page.WaitForURLAsync("**/Justice/Operation/**");
        await page.FillAsync("#shelter", "10");
        await page.FillAsync("#interpreters", "2");
        await page.FillAsync("#child-specialists", "0");
        await page.FillAsync("#medical", "Ambulance on standby");
        await page.FillAsync("#lead", "Provincial public prosecutor");
        await page.ClickAsync("#plan button[type=submit]");
        await page.WaitForSelectorAsync("#approve");
        await page.ClickAsync("#approve");
        await page.WaitForSelectorAsync("#execute");
        await page.ClickAsync("#execute");
        await page.WaitForFunctionAsync("() => document.querySelector('#operation-status').dataset.status === 'executed'");
        Assert.Equal(0, await page.Locator("#cancel").CountAsync());
        await host.ScreenshotAsync(page, "67-operation-executed");
    }
}
