using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Saphan.Core.Data;
using Saphan.Core.Features.Consents;

namespace Saphan.Web.Tests.Browser;

/// <summary>A referral across two organisations in a real browser: an NGO sends it, a government office accepts and completes it.</summary>
[Trait("Category", "Browser")]
public sealed class ReferralBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task An_ngo_worker_refers_a_case_and_a_government_worker_accepts_works_and_completes_it()
    {
        var sender = host.Logins.First(l => l.Roles.Contains("case_worker") && l.OrganisationName == "Mekong Migrant Support Foundation");
        var receiver = host.Logins.First(l => l.Roles.Contains("case_worker") && l.OrganisationName == "MSDHS Provincial Office Chiang Mai");
        Guid caseId;
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
            var ngo = await db.Organisations.SingleAsync(o => o.Name == sender.OrganisationName);
            var senderId = await db.Users.Where(u => u.Email == sender.Email).Select(u => u.Id).SingleAsync();
            var @case = (await db.Cases.Where(c => c.OrganisationId == ngo.Id && c.Status != "closed" && c.Status != "closed_referred" && (c.Province == "TH-10" || c.Province == "TH-50" || c.Province == "TH-57")).ToListAsync()).First();
            caseId = @case.Id;
            db.ConsentRecords.Add(new ConsentRecord
            {
                OrganisationId = ngo.Id, CaseId = caseId, Purpose = "referral", Status = "given", Method = "written",
                RecordedOn = @case.IdentifiedOn, RecordedBy = senderId, RecordedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var page = await host.SignInAsync(sender.Email);
        await page.GotoAsync(host.BaseUrl + "/Services?Type=shelter");
        await page.WaitForSelectorAsync("#services");
        await host.ScreenshotAsync(page, "40-service-directory");

        await page.GotoAsync(host.BaseUrl + "/Cases/Details/" + caseId);
        await page.ClickAsync("#refer");
        await page.WaitForURLAsync("**/Referrals/New/**");
        await page.SelectOptionAsync("#type", "shelter");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync("**Type=shelter**");
        await page.Locator("label.check", new() { HasText = "Welfare protection centre" }).Locator("input").CheckAsync();
        await page.SelectOptionAsync("#urgency", "urgent");
        await page.FillAsync("#reason", "Needs a bed tonight; speaks Burmese only");
        await host.ScreenshotAsync(page, "41-refer");
        await page.ClickAsync("#create-referral");
        await page.WaitForURLAsync("**/Referrals/Details/**");
        Assert.Equal("Draft", (await page.InnerTextAsync("#referral-status")).Trim());
        await page.ClickAsync("#to-sent");
        await page.WaitForSelectorAsync("#referral-status:has-text('Sent')");
        await host.ScreenshotAsync(page, "42-referral-sent");
        var referralUrl = page.Url;
        await page.GotoAsync(host.BaseUrl + "/Referrals?box=sent");
        Assert.True(int.Parse(await page.InnerTextAsync("#count-sent"), System.Globalization.CultureInfo.InvariantCulture) >= 1);

        var other = await host.SignInAsync(receiver.Email);
        await BrowserHost.ClickNavAsync(other, "#nav-referrals");
        await other.WaitForSelectorAsync("#referrals");
        Assert.Equal("1", (await other.InnerTextAsync("#count-received")).Trim());
        await host.ScreenshotAsync(other, "43-referrals-received");
        await other.ClickAsync("#referrals tbody tr a");
        await other.WaitForURLAsync(referralUrl);
        // Before accepting: a minimal view without the name.
        Assert.Equal(0, await other.Locator("#field-givenName").CountAsync());
        await other.ClickAsync("#to-accepted");
        await other.WaitForSelectorAsync("#referral-status:has-text('Accepted')");
        Assert.NotEmpty((await other.InnerTextAsync("#field-givenName")).Trim());
        Assert.Equal(0, await other.Locator("#field-phone").CountAsync());
        await other.FillAsync("#note-text", "Arrived at the centre, room 4.");
        await other.ClickAsync("#add-note");
        await other.WaitForSelectorAsync("#notes li");
        await other.ClickAsync("#to-in_progress");
        await other.WaitForSelectorAsync("#referral-status:has-text('In progress')");
        await host.ScreenshotAsync(other, "44-referral-in-progress");
        await other.ClickAsync("#to-completed");
        await other.WaitForSelectorAsync("#referral-status:has-text('Completed')");
        // Ended: the person is no longer shown.
        Assert.Equal(0, await other.Locator("#projected-person").CountAsync());
        await host.ScreenshotAsync(other, "45-referral-completed");

        await page.GotoAsync(referralUrl);
        Assert.Contains("Completed", await page.InnerTextAsync("#referral-history"), StringComparison.Ordinal);

        var phone = await host.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "th-TH" });
        var small = await phone.NewPageAsync();
        await small.GotoAsync(host.BaseUrl + "/Account/Login");
        await small.FillAsync("#email", receiver.Email);
        await small.FillAsync("#password", BrowserHost.Password);
        await small.ClickAsync("button[type=submit].primary");
        await small.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        await small.GotoAsync(referralUrl);
        await host.ScreenshotAsync(small, "46-referral-phone");
    }

    [Fact]
    public async Task A_supervisor_sees_each_workers_caseload_with_a_trend()
    {
        var supervisor = host.Logins.First(l => l.Roles.Contains("supervisor") && l.OrganisationName == "Mekong Migrant Support Foundation");
        var page = await host.SignInAsync(supervisor.Email);
        await BrowserHost.ClickNavAsync(page, "#nav-caseloads");
        await page.WaitForSelectorAsync("#caseloads");
        Assert.True(await page.Locator("#caseloads tbody tr").CountAsync() > 1);
        Assert.True(await page.Locator("#caseloads .trend span").CountAsync() > 0);
        await host.ScreenshotAsync(page, "47-caseloads");
    }
}
