using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Saphan.Core.Data;

namespace Saphan.Web.Tests.Browser;

/// <summary>Care pathways in a real browser: a case put on the standard pathway, its overdue step in the gaps view, follow-ups on a phone, template and service editing.</summary>
[Trait("Category", "Browser")]
public sealed class PathwayBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task A_case_on_the_pathway_shows_its_overdue_step_in_the_supervisors_gaps_view_and_follow_ups_are_recorded_on_a_phone()
    {
        Guid caseId;
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
            var workerId = await db.Users.Where(u => u.Email == host.CaseWorkerEmail).Select(u => new { u.Id, u.OrganisationId }).SingleAsync();
            var onPathway = await db.CasePathways.Select(p => p.CaseId).ToListAsync();
            var @case = (await db.Cases.Where(c => c.OrganisationId == workerId.OrganisationId && c.Status == "active").ToListAsync()).First(c => !onPathway.Contains(c.Id));
            // Identified twenty days ago: the shelter step (expected within two days) is overdue, not yet missed.
            @case.IdentifiedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-20);
            await db.SaveChangesAsync();
            caseId = @case.Id;
        }

        var worker = await host.SignInAsync(host.CaseWorkerEmail);
        await worker.GotoAsync(host.BaseUrl + "/Cases/Details/" + caseId);
        await worker.WaitForSelectorAsync("#no-pathway");
        // The standard survivor pathway, in its current version (another test may have edited it).
        Assert.StartsWith("Standard survivor pathway", (await worker.InnerTextAsync("#pathwayId option:checked")).Trim(), StringComparison.Ordinal);
        await worker.ClickAsync("#assign-save");
        await worker.WaitForSelectorAsync("#pathway-name");
        Assert.Equal("overdue", await worker.GetAttributeAsync("#step-safe_shelter", "data-status"));
        Assert.Equal("pending", await worker.GetAttributeAsync("#step-follow_up_3m", "data-status"));
        await worker.SelectOptionAsync("#mark-health_check", "done");
        await worker.ClickAsync("#mark-save-health_check");
        await worker.WaitForSelectorAsync("#step-health_check[data-status=done]");
        await worker.Locator("#pathway").ScrollIntoViewIfNeededAsync();
        await host.ScreenshotAsync(worker, "50-case-pathway");

        var supervisor = await host.SignInAsync(host.SupervisorEmail);
        await BrowserHost.ClickNavAsync(supervisor, "#nav-gaps");
        await supervisor.WaitForURLAsync("**/Gaps");
        var row = supervisor.Locator($"#late-steps tr[data-case='{caseId}'] [data-step='safe_shelter']");
        Assert.Equal(1, await row.CountAsync());
        Assert.Contains("Overdue", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("overdue", await row.GetAttributeAsync("data-status"));
        Assert.Contains(Saphan.Core.Features.Cases.CaseReference.Of(caseId), await supervisor.InnerTextAsync($"#late-steps tr[data-case='{caseId}']"), StringComparison.Ordinal);
        Assert.Equal(0, await supervisor.Locator($"#late-steps tr[data-case='{caseId}'] [data-step='health_check']").CountAsync());
        await host.ScreenshotAsync(supervisor, "51-gaps-organisation");

        // The same in Thai on a phone: the case's pathway and the gaps view.
        var phone = await host.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "th-TH" });
        var thai = await phone.NewPageAsync();
        await thai.GotoAsync(host.BaseUrl + "/Account/Login");
        await thai.FillAsync("#email", host.SupervisorEmail);
        await thai.FillAsync("#password", BrowserHost.Password);
        await thai.ClickAsync("button[type=submit].primary");
        await thai.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        await thai.GotoAsync(host.BaseUrl + "/Gaps");
        Assert.Contains("เกินกำหนด", await thai.InnerTextAsync($"#late-steps tr[data-case='{caseId}'] [data-step='safe_shelter']"), StringComparison.Ordinal);
        await host.ScreenshotAsync(thai, "59-gaps-thai-phone", fullPage: false);
        var gapsWidth = await thai.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(gapsWidth <= 390, $"the gaps view is {gapsWidth}px wide on a 390px screen");
        await thai.GotoAsync(host.BaseUrl + "/Cases/Details/" + caseId);
        await thai.Locator("#pathway").ScrollIntoViewIfNeededAsync();
        await host.ScreenshotAsync(thai, "59-case-pathway-thai-phone", fullPage: false);
        var wide = await thai.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(wide <= 390, $"the case page is {wide}px wide on a 390px screen");

        // Follow-ups on a phone: record the first one's outcome.
        await worker.SetViewportSizeAsync(390, 844);
        await worker.GotoAsync(host.BaseUrl + "/Cases/Details/" + caseId + "#follow-ups");
        // Putting the case on the pathway scheduled its follow-ups at 3, 6 and 12 months.
        await worker.WaitForSelectorAsync(".follow-up-list li[data-month='3']");
        Assert.Equal(0, await worker.Locator("#schedule-follow-ups").CountAsync());
        await worker.ClickAsync(".follow-up-list li[data-month='3'] a.button");
        await worker.WaitForURLAsync("**/FollowUps/Record/**");
        await worker.CheckAsync("#outcome-safe_stable");
        await worker.CheckAsync("#outcome-in_contact");
        await worker.FillAsync("#note", "Living with her aunt, attends the weekly group.");
        await host.ScreenshotAsync(worker, "52-follow-up-outcome-phone");
        var width = await worker.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the form is {width}px wide on a 390px screen");
        await worker.ClickAsync("#save-outcome");
        await worker.WaitForURLAsync("**/Cases/Details/**");
        await worker.WaitForSelectorAsync(".follow-up-list .pill-outcome-safe_stable");
        await worker.Locator("#follow-ups").ScrollIntoViewIfNeededAsync();
        await host.ScreenshotAsync(worker, "53-case-follow-ups-phone", fullPage: false);

        await BrowserHost.ClickNavAsync(supervisor, "#nav-outcomes");
        await supervisor.WaitForSelectorAsync("#outcome-figures");
        Assert.Equal(1, await supervisor.Locator("#outcome-figures tbody tr").CountAsync());
        await host.ScreenshotAsync(supervisor, "54-aftercare-figures");
    }

    [Fact]
    public async Task A_network_admin_edits_the_standard_pathway_into_a_new_version_and_sees_network_counts_only()
    {
        var admin = host.Logins.First(l => l.Roles.SequenceEqual(["network_admin"]));
        var page = await host.SignInAsync(admin.Email);
        await BrowserHost.ClickNavAsync(page, "#nav-pathways");
        await page.WaitForSelectorAsync("#edit-standard_survivor");
        await page.ClickAsync("#edit-standard_survivor");
        await page.WaitForURLAsync("**/Pathways/Edit/**");
        await page.FillAsync("#step-0-days", "3");
        await page.SelectOptionAsync("#step-10-code", "job_placement");
        await page.SelectOptionAsync("#step-9-code", "");
        await page.FillAsync("#step-10-days", "60");
        await page.SelectOptionAsync("#step-10-from", "previous_step");
        await page.CheckAsync("#step-10-type-job_placement");
        await host.ScreenshotAsync(page, "55-pathway-edit");
        await page.ClickAsync("#save-pathway");
        await page.WaitForURLAsync("**/Pathways");
        await page.WaitForSelectorAsync("#pathway-standard_survivor-v2");
        Assert.Equal(1, await page.Locator("#pathway-standard_survivor-v1").CountAsync());
        Assert.Contains("Within 3 days", await page.InnerTextAsync("#pathway-standard_survivor-v2"), StringComparison.Ordinal);
        await host.ScreenshotAsync(page, "56-pathways");

        await BrowserHost.ClickNavAsync(page, "#nav-gaps");
        await page.WaitForSelectorAsync("#missing-services, #no-missing-services");
        Assert.Equal(0, await page.Locator("#late-steps").CountAsync());
        Assert.True(await page.Locator("#organisation-counts tbody tr").CountAsync() >= 1, "the demo's cases on the pathway are counted per organisation");
        await host.ScreenshotAsync(page, "57-gaps-network");
    }

    [Fact]
    public async Task An_org_admin_publishes_a_service_from_a_phone()
    {
        var admin = host.Logins.First(l => l.Roles.SequenceEqual(["org_admin"]) && l.OrganisationType == "ngo");
        var page = await host.SignInAsync(admin.Email);
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(host.BaseUrl + "/Services");
        await page.ClickAsync("#new-service");
        await page.WaitForURLAsync("**/Services/Edit");
        await page.SelectOptionAsync("#type", "vocational_training");
        await page.FillAsync("#name", "Sewing and barista course");
        await page.SelectOptionAsync("#provinces", ["TH-50", "TH-57"]);
        await page.Locator("label.check", new() { HasText = "Burmese" }).Locator("input").CheckAsync();
        await page.FillAsync("#capacity", "15");
        await page.FillAsync("#available", "6");
        await page.FillAsync("#contact", "Training desk, weekdays");
        await host.ScreenshotAsync(page, "58-service-new-phone");
        await page.ClickAsync("#save-service");
        await page.WaitForURLAsync("**/Services?Type=vocational_training**");
        var row = page.Locator("#services tr", new() { HasText = "Sewing and barista course" });
        Assert.Equal(1, await row.CountAsync());
        Assert.Contains("6 / 15", await row.InnerTextAsync(), StringComparison.Ordinal);
        await row.Locator("a.edit-service").ClickAsync();
        await page.WaitForURLAsync("**/Services/Edit/**");
        await page.FillAsync("#available", "0");
        await page.ClickAsync("#save-service");
        await page.WaitForURLAsync("**/Services?Type=vocational_training**");
        Assert.Contains("0 / 15", await page.Locator("#services tr", new() { HasText = "Sewing and barista course" }).InnerTextAsync(), StringComparison.Ordinal);
    }
}
