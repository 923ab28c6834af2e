using Microsoft.Playwright;
using Saphan.Web.Tests.Browser;

namespace Saphan.Web.Tests.Features.Screenings;

/// <summary>
/// A case worker records a PHQ-9 with a positive item 9 on a phone; the supervisor sees the urgent task on
/// their Tasks page and cannot close it without stating the action taken.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ScreeningBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task A_positive_phq9_item_9_puts_an_urgent_task_on_the_supervisors_tasks_page()
    {
        var page = await host.SignInAsync(host.CaseWorkerEmail);
        // Four builds may share the machine's two cores: allow slow pages.
        page.SetDefaultTimeout(90_000);
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(host.BaseUrl + "/Cases");
        await page.ClickAsync("#cases tbody tr a");
        await page.WaitForURLAsync("**/Cases/Details/**");
        var details = page.Url.Split('#')[0];

        await page.ClickAsync("#record-screening");
        await page.WaitForURLAsync("**/Screenings/New/**");
        await host.ScreenshotAsync(page, "30-screening-choose-phone");
        await page.ClickAsync("a[data-instrument='PHQ-9']");
        await page.WaitForSelectorAsync("input[name='Answers[8]']");

        // Leave item 9 unanswered first: the page names it.
        for (var i = 0; i < 8; i++)
        {
            await page.CheckAsync($"input[name='Answers[{i}]'][value='{(i % 3 == 0 ? 2 : 1)}']");
        }

        await page.ClickAsync("#save-screening");
        await page.WaitForSelectorAsync("#form-errors");
        Assert.Equal(1, await page.Locator(".item .field-error").CountAsync());
        await host.ScreenshotAsync(page, "31-screening-phq9-missing-item-phone");

        await page.CheckAsync("input[name='Answers[8]'][value='1']");
        await page.ClickAsync("#save-screening");
        await page.WaitForSelectorAsync("#screening-result");
        Assert.Equal("12", (await page.InnerTextAsync("#score")).Trim());
        Assert.Equal("Moderate", (await page.InnerTextAsync("#band")).Trim());
        Assert.True(await page.Locator("#suicide-risk").IsVisibleAsync());
        await host.ScreenshotAsync(page, "32-screening-phq9-result-phone");

        await page.GotoAsync(details);
        Assert.True(await page.Locator("#urgent-flag").IsVisibleAsync());
        Assert.True(await page.Locator("#case-urgent-flag").IsVisibleAsync());
        await host.ScreenshotAsync(page, "33a-case-urgent-flag-phone", fullPage: false);
        if (await page.Locator("#missing").CountAsync() > 0)
        {
            await page.ClickAsync("#missing summary");
            Assert.True(await page.Locator("#missing li[data-missing]").First.IsVisibleAsync());
            await page.Locator("#missing").ScreenshotAsync(new() { Path = Path.Combine(host.ScreenshotFolder, "33b-case-missing-phone.png") });
        }
        Assert.Contains("PHQ-9", await page.InnerTextAsync("#screenings"), StringComparison.Ordinal);
        await page.Locator("#screenings").ScrollIntoViewIfNeededAsync();
        await host.ScreenshotAsync(page, "33-case-with-screening-phone", fullPage: false);

        // The supervisor's Tasks page: the urgent task, first, with a badge in the navigation.
        var supervisor = await host.SignInAsync(host.SupervisorEmail);
        supervisor.SetDefaultTimeout(90_000);
        await supervisor.GotoAsync(host.BaseUrl + "/Tasks");
        Assert.True(await supervisor.Locator("#nav-tasks .badge-urgent").IsVisibleAsync());
        var task = supervisor.Locator("li.task[data-kind='suicide_risk']").First;
        Assert.True(await task.IsVisibleAsync());
        Assert.Contains("task-urgent", await task.GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        var badge = int.Parse((await supervisor.InnerTextAsync("#nav-tasks .badge-urgent")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        await host.ScreenshotAsync(supervisor, "34-tasks-urgent");

        // Not without a note.
        var taskId = await task.GetAttributeAsync("data-task");
        await task.Locator("button[type=submit]").ClickAsync();
        await supervisor.WaitForSelectorAsync($"li[data-task='{taskId}'] .field-error");
        Assert.True(await supervisor.Locator($"li[data-task='{taskId}']").IsVisibleAsync());
        await host.ScreenshotAsync(supervisor, "35-tasks-urgent-needs-note");

        await supervisor.FillAsync($"li[data-task='{taskId}'] textarea", "Called the person with an interpreter; safety plan agreed, counsellor visit tomorrow.");
        await supervisor.Locator($"li[data-task='{taskId}'] button[type=submit]").ClickAsync();
        await supervisor.WaitForURLAsync("**/Tasks");
        Assert.Equal(0, await supervisor.Locator($"li[data-task='{taskId}']").CountAsync());
        var after = await supervisor.Locator("#nav-tasks .badge-urgent").CountAsync() == 0
            ? 0
            : int.Parse((await supervisor.InnerTextAsync("#nav-tasks .badge-urgent")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(badge - 1, after);

        // In Thai on a phone: the form shows Thai items with the English beneath.
        await supervisor.SetViewportSizeAsync(390, 844);
        await supervisor.GotoAsync(details.Replace("/Cases/Details/", "/Screenings/New/", StringComparison.Ordinal) + "?instrument=GAD-7");
        await supervisor.ClickAsync("button[value='th-TH']");
        await supervisor.WaitForSelectorAsync("html[lang='th']");
        Assert.Contains("วิตกกังวล", await supervisor.InnerTextAsync("form.screening-form"), StringComparison.Ordinal);
        await host.ScreenshotAsync(supervisor, "36-screening-gad7-thai-phone");
    }
}
