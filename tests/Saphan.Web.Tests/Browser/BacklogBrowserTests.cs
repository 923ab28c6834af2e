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

        await page.ClickAsync(".langswitch button[value='th-TH']");
        await page.WaitForSelectorAsync("#training-form");
        Assert.Contains("การฝึกอบรม", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        await host.ScreenshotAsync(page, "81-trainings-thai");
        await page.ClickAsync(".langswitch button[value='en-GB']");
    }
}
