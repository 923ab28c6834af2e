using Microsoft.Playwright;
using Saphan.Web.Tests.Browser;

namespace Saphan.Web.Tests.Features.Events;

/// <summary>A case worker records a consent decision and an exploitation event on a case, in a real browser.</summary>
[Trait("Category", "Browser")]
public sealed class ConsentAndEventBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task A_case_worker_records_a_consent_and_an_exploitation_event_and_sees_them_on_the_case()
    {
        var page = await host.SignInAsync(host.CaseWorkerEmail);
        await page.GotoAsync(host.BaseUrl + "/Cases");
        await page.ClickAsync("#cases tbody tr a");
        await page.WaitForURLAsync("**/Cases/Details/**");
        var details = page.Url.Split('#')[0];
        Assert.Equal("Not recorded", (await page.InnerTextAsync("#consents dd[data-purpose='care'] .pill")).Trim());

        // Consent for care, given in writing today.
        await page.SelectOptionAsync("#consent-purpose", "care");
        await page.SelectOptionAsync("#consent-status", "given");
        await page.SelectOptionAsync("#consent-method", "written");
        await page.FillAsync("#consent-note", "Explained in Burmese with an interpreter.");
        await page.ClickAsync("#record-consent");
        await page.WaitForURLAsync("**/Cases/Details/**");
        Assert.True(await page.Locator("#consents dd[data-purpose='care'] .pill-consent-given").IsVisibleAsync());
        Assert.Equal("Not recorded", (await page.InnerTextAsync("#consents dd[data-purpose='referral'] .pill")).Trim());
        await host.ScreenshotAsync(page, "20-consent-recorded");

        // An exploitation event, following the dictionary's section.
        await page.ClickAsync("#add-event");
        await page.WaitForURLAsync("**/Events/New/**");
        await page.ClickAsync("#type-exploitation");
        await page.WaitForSelectorAsync("input[name='f.types']");
        await page.ClickAsync("#save-event");
        await page.WaitForSelectorAsync("#form-errors");
        Assert.True(await page.Locator(".field-error").CountAsync() >= 2, "country and types are required");
        await host.ScreenshotAsync(page, "21-event-form-errors");

        await page.SelectOptionAsync("#ev-country", "TH");
        await page.SelectOptionAsync("#ev-province", "TH-90");
        await page.FillAsync("#ev-district", "Mueang Songkhla");
        await page.FillAsync("#ev-startDate", "2025-06");
        await page.FillAsync("#ev-endDate", "2025-12");
        await page.CheckAsync("input[name='f.types'][value='forced_labour']");
        await page.CheckAsync("input[name='f.industry'][value='A']");
        await page.CheckAsync("input[name='f.labourTypes'][value='fishing']");
        await page.CheckAsync("input[name='f.meansOfControl'][value='debt_bondage']");
        await page.CheckAsync("input[name='f.meansOfControl'][value='withholds_documents']");
        await page.FillAsync("#ev-description", "Worked on a trawler for six months without pay.");
        await page.ClickAsync("#save-event");
        await page.WaitForURLAsync("**/Cases/Details/**");

        var exploitation = page.Locator("#events .event-exploitation");
        Assert.Equal(1, await exploitation.CountAsync());
        var text = await exploitation.InnerTextAsync();
        Assert.Contains("Forced labour", text, StringComparison.Ordinal);
        Assert.Contains("Debt bondage", text, StringComparison.Ordinal);
        Assert.Contains("Songkhla", text, StringComparison.Ordinal);
        Assert.True(await page.Locator("#consents dd[data-purpose='care'] .pill-consent-given").IsVisibleAsync());
        await page.Locator("#consents").ScrollIntoViewIfNeededAsync();
        await host.ScreenshotAsync(page, "22-case-with-consent-and-event");

        // The same on a phone.
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(details);
        await host.ScreenshotAsync(page, "23-case-consent-and-events-phone");
        await page.GotoAsync(details.Replace("/Cases/Details/", "/Events/New/", StringComparison.Ordinal) + "?type=exploitation");
        await host.ScreenshotAsync(page, "24-event-form-phone");
    }
}
