namespace Saphan.Web.Tests.Browser;

/// <summary>A police officer links two suspects of different cases through a shared phone, and cannot approve a raid without a protection plan.</summary>
[Trait("Category", "Browser")]
public sealed class JusticeBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static async Task<string> CreateSuspectAsync(Microsoft.Playwright.IPage page, string baseUrl, string kind, string name, string role, string phone, int caseIndex)
    {
        await page.GotoAsync(baseUrl + "/Justice/Suspects");
        await page.SelectOptionAsync("#kind", kind);
        await page.FillAsync("#name", name);
        await page.CheckAsync($"input[name='SuspectRoles'][value='{role}']");
        await page.ClickAsync("#new-suspect button[type=submit]");
        await page.WaitForURLAsync("**/Justice/Suspect/**");
        await page.SelectOptionAsync("#identifier-type", "phone");
        await page.FillAsync("#identifier-value", phone);
        await page.ClickAsync("#add-identifier button[type=submit]");
        await page.WaitForSelectorAsync("#identifiers li");
        var option = await page.EvalOnSelectorAsync<string>("#link-case-id", $"s => s.options[{caseIndex}].value");
        await page.SelectOptionAsync("#link-case-id", option);
        await page.ClickAsync("#link-case button[type=submit]");
        await page.WaitForFunctionAsync("() => document.querySelector('#linked-cases').innerText.trim().length > 0");
        return page.Url;
    }

    [Fact]
    public async Task Two_suspects_of_different_cases_sharing_a_phone_appear_linked_in_the_network()
    {
        var page = await host.SignInAsync(host.PoliceEmail);
        await CreateSuspectAsync(page, host.BaseUrl, "person", "Ko Min Thu", "recruiter", "089-777-0001", 0);
        await CreateSuspectAsync(page, host.BaseUrl, "company", "Sea Star Fishing Co.", "exploiter", "+66 89 777 0001", 1);

        var row = page.Locator("#network tr", new() { HasText = "Ko Min Thu" });
        Assert.Equal(1, await row.CountAsync());
        Assert.Contains("Phone", await row.InnerTextAsync(), StringComparison.Ordinal);
        await host.ScreenshotAsync(page, "50-suspect-network");
        await page.SetViewportSizeAsync(390, 844);
        await host.ScreenshotAsync(page, "55-suspect-network-phone");
        var wide = await page.EvaluateAsync<string>("() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5).map(e => e.tagName + '.' + e.className + '#' + e.id).join(' ')");
        Assert.True(wide.Length == 0, "wider than a phone: " + wide);
        await page.SetViewportSizeAsync(1280, 800);
        await page.GotoAsync(host.BaseUrl + "/Justice/Suspects");
        Assert.Equal(2, await page.Locator("#suspects tbody tr").CountAsync());
        await host.ScreenshotAsync(page, "51-suspects");
    }

    [Fact]
    public async Task An_operation_refuses_approval_until_a_protection_plan_and_a_prosecution_lead_exist()
    {
        var page = await host.SignInAsync(host.PoliceEmail);
        await page.GotoAsync(host.BaseUrl + "/Justice/Operations");
        await page.SelectOptionAsync("#type", "raid");
        await page.FillAsync("#name", "Op Morning Tide");
        await page.SelectOptionAsync("#province", "TH-74");
        await page.FillAsync("#planned-on", "2026-12-15");
        await page.ClickAsync("#new-operation button[type=submit]");
        await page.WaitForURLAsync("**/Justice/Operation/**");

        await page.ClickAsync("#approve");
        await page.WaitForSelectorAsync("#form-errors");
        Assert.Equal("planned", await page.GetAttributeAsync("#operation-status", "data-status"));
        await host.ScreenshotAsync(page, "52-operation-refused");

        await page.FillAsync("#shelter", "15");
        await page.FillAsync("#interpreters", "2");
        await page.FillAsync("#child-specialists", "1");
        await page.FillAsync("#medical", "Mobile clinic and ambulance on standby");
        await page.FillAsync("#lead", "Provincial public prosecutor");
        await page.ClickAsync("#plan button[type=submit]");
        await page.WaitForSelectorAsync("#approve");
        await page.ClickAsync("#approve");
        await page.WaitForFunctionAsync("() => document.querySelector('#operation-status').dataset.status === 'approved'");
        await host.ScreenshotAsync(page, "53-operation-approved");
        await page.GotoAsync(host.BaseUrl + "/Justice/Operations");
        await host.ScreenshotAsync(page, "54-operations");
    }

    [Fact]
    public async Task A_legal_case_is_opened_with_charges_and_moves_to_trial()
    {
        var page = await host.SignInAsync(host.PoliceEmail);
        await page.GotoAsync(host.BaseUrl + "/Justice/LegalCases");
        await page.FillAsync("#reference", "SKN-2569-0101");
        await page.CheckAsync("input[name='Charges'][value='s6']");
        await page.CheckAsync("input[name='Charges'][value='s52']");
        await page.ClickAsync("#new-legal-case button[type=submit]");
        await page.WaitForURLAsync("**/Justice/LegalCase/**");
        Assert.Equal("investigation", await page.GetAttributeAsync("#stage", "data-stage"));
        await page.SelectOptionAsync("#stage-select", "trial");
        await page.ClickAsync("#change-stage button[type=submit]");
        await page.WaitForFunctionAsync("() => document.querySelector('#stage').dataset.stage === 'trial'");
        await host.ScreenshotAsync(page, "56-legal-case");
        await page.GotoAsync(host.BaseUrl + "/Justice/LegalCases");
        await host.ScreenshotAsync(page, "57-legal-cases");
    }
}
