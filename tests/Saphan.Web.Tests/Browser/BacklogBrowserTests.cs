namespace Saphan.Web.Tests.Browser;

/// <summary>Training records (indicator P6), an organisation's tip coverage, and replies to routed tips, in a real browser.</summary>
[Trait("Category", "Browser")]
public sealed class BacklogBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task A_supervisor_records_a_training_session_from_the_indicators_page()
    {
        var page = await host.SignInAsync(host.SupervisorEmail);
        await page.GotoAsync(host.BaseUrl + "/Indicators");
        await page.ClickAsync("#record-trainings");
        await page.WaitForSelectorAsync("#training-form");
        await page.FillAsync("#topic", "Spotting debt bondage");
        await page.SelectOptionAsync("#audience", "police");
        await page.SelectOptionAsync("#province", "TH-50");
        await page.FillAsync("#female", "6");
        await page.FillAsync("#male", "8");
        await page.ClickAsync("#save-training");
        await page.WaitForSelectorAsync("#training-saved");
        var table = await page.InnerTextAsync("#sessions");
        Assert.Contains("Spotting debt bondage", table, StringComparison.Ordinal);
        Assert.Contains("14", table, StringComparison.Ordinal);
        await host.ScreenshotAsync(page, "80-trainings");

        // The count was wrong: correct it from the list, then delete the session recorded by mistake.
        await page.ClickAsync("#sessions tr:has-text('Spotting debt bondage') a.correct-training");
        await page.WaitForSelectorAsync("#delete-training");
        Assert.Equal("8", await page.InputValueAsync("#male"));
        await page.FillAsync("#male", "11");
        await host.ScreenshotAsync(page, "80b-trainings-correct");
        await page.ClickAsync("#save-training");
        await page.WaitForSelectorAsync("#training-corrected");
        Assert.Contains("17", await page.InnerTextAsync("#sessions tr:has-text('Spotting debt bondage')"), StringComparison.Ordinal);
        await page.ClickAsync("#sessions tr:has-text('Spotting debt bondage') a.correct-training");
        await page.ClickAsync("#delete-training-submit");
        await page.WaitForSelectorAsync("#training-deleted");
        Assert.DoesNotContain("Spotting debt bondage", await page.InnerTextAsync("main"), StringComparison.Ordinal);

        await page.ClickAsync(".langswitch button[value='th-TH']");
        await page.WaitForSelectorAsync("#training-form");
        Assert.Contains("การฝึกอบรม", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        await host.ScreenshotAsync(page, "81-trainings-thai");
        await page.ClickAsync(".langswitch button[value='en-GB']");
    }

    [Fact]
    public async Task The_police_decline_a_routed_tip_with_a_reason_and_the_hotline_withdraws_it()
    {
        var staff = await host.SignInAsync(host.HotlineOperatorEmail);
        await staff.GotoAsync(host.BaseUrl + "/Tips/New");
        await staff.FillAsync("#description", "Caller reports boys begging at the night market for a man who takes their money.");
        await staff.SelectOptionAsync("#province", "TH-10");
        await staff.ClickAsync("form:has(#description) button[type=submit]");
        await staff.WaitForSelectorAsync("#receipt");
        await staff.ClickAsync("a[href^='/Tips/Details/']");
        await staff.WaitForURLAsync("**/Tips/Details/**");
        var tipUrl = staff.Url;
        var tipId = tipUrl[(tipUrl.LastIndexOf('/') + 1)..];
        var police = await staff.EvalOnSelectorAsync<string>("#partner", "s => [...s.options].find(o => o.text.includes('Police')).value");
        await staff.SelectOptionAsync("#partner", police);
        await staff.ClickAsync("#route-submit");
        await staff.WaitForSelectorAsync("#routes li");

        var officer = await host.SignInAsync(host.PoliceEmail);
        await officer.GotoAsync(host.BaseUrl + "/RoutedTips/Details/" + tipId);
        await officer.WaitForSelectorAsync("#reply");
        await officer.CheckAsync("#decision-declined");
        await officer.FillAsync("#reply-reason", "Begging cases go to the social development office");
        await officer.FillAsync("#reply-note", "We informed them by phone.");
        await officer.ClickAsync("#reply-submit");
        await officer.WaitForSelectorAsync("#reply-state");
        Assert.Contains("declined", await officer.InnerTextAsync("#reply-state"), StringComparison.Ordinal);
        await host.ScreenshotAsync(officer, "82-routed-tip-declined");

        await staff.GotoAsync(tipUrl);
        var route = staff.Locator("#routes li[data-state='declined']");
        Assert.Contains("social development office", await route.InnerTextAsync(), StringComparison.Ordinal);
        await route.Locator("input[name='withdrawReason']").FillAsync("Rerouting to the social development office");
        await route.Locator(".withdraw-submit").ClickAsync();
        await staff.WaitForSelectorAsync("#routes li[data-state='withdrawn']");
        await host.ScreenshotAsync(staff, "83-tip-route-withdrawn");

        // The partner's access ended at once (the browser's own cookies, without rendering an empty 404).
        var gone = await officer.Context.APIRequest.GetAsync(host.BaseUrl + "/RoutedTips/Details/" + tipId);
        Assert.Equal(404, gone.Status);
        await officer.GotoAsync(host.BaseUrl + "/RoutedTips");
        Assert.DoesNotContain(tipId, await officer.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_org_admin_of_a_partner_declares_the_tip_coverage()
    {
        var admin = host.Logins.First(l => l.Roles.Contains("org_admin") && l.OrganisationType == "ngo");
        var page = await host.SignInAsync(admin.Email);
        await page.GotoAsync(host.BaseUrl + "/Services");
        await page.ClickAsync("#tip-coverage");
        await page.WaitForSelectorAsync("#coverage-form");
        await page.SelectOptionAsync("#provinces", new[] { "TH-10", "TH-20" });
        await page.CheckAsync("#tip-type-children_at_risk");
        await page.CheckAsync("#tip-type-imminent_danger");
        await page.ClickAsync("#save-coverage");
        await page.WaitForSelectorAsync("#coverage-saved");
        Assert.True(await page.IsCheckedAsync("#tip-type-children_at_risk"));
        Assert.False(await page.IsCheckedAsync("#tip-type-other"));
        await host.ScreenshotAsync(page, "84-tip-coverage");
    }
}
