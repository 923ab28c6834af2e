using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Saphan.Core;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Justice;

namespace Saphan.Web.Tests.Browser;

/// <summary>A supervisor uploads a Thai spreadsheet, corrects the suggested mapping, dry-runs, imports, downloads the report; then exports.</summary>
[Trait("Category", "Browser")]
public sealed class ImportExportBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task A_supervisor_imports_a_spreadsheet_through_the_mapping_screen_and_downloads_the_report_and_an_export()
    {
        var file = Path.Combine(Path.GetTempPath(), "saphan-browser-" + Guid.NewGuid().ToString("N") + ".csv");
        await File.WriteAllTextAsync(file,
            "ลำดับ,ชื่อ,นามสกุล,เพศ,วันเกิด,สัญชาติ,จังหวัด,วันที่พบ,ผู้บันทึก\r\n"
            + "1,มาลี,ศรีสุข,หญิง,5 มี.ค. 2530,ไทย,จ.เชียงราย,12/1/2567,staff A\r\n"
            + "2,Aye,,F,,พม่า,Tak,3/2/2567,staff B\r\n"
            + "3,Sokha,,ชาย,,เขมร,Atlantis,3/2/2567,staff A\r\n", new UTF8Encoding(true));
        try
        {
            var page = await host.SignInAsync(host.SupervisorEmail);
            await BrowserHost.ClickNavAsync(page, "nav.mainnav a[href='/Import']");
            await page.SetInputFilesAsync("#file", file);
            await host.ScreenshotAsync(page, "70-import-upload");
            await page.ClickAsync("#upload");
            await page.WaitForSelectorAsync("#import-mapping");
            Assert.Equal("person.givenName", await page.InputValueAsync("select[data-header='ชื่อ']"));
            Assert.Equal("case.province", await page.InputValueAsync("select[data-header='จังหวัด']"));
            Assert.Equal("ignore", await page.InputValueAsync("select[data-header='ผู้บันทึก']"));
            await host.ScreenshotAsync(page, "71-import-mapping");

            await page.ClickAsync("#dry-run");
            await page.WaitForSelectorAsync("#import-summary");
            Assert.Contains("imported 2, duplicates 0, rejected 1", await page.InnerTextAsync("#import-result"), StringComparison.Ordinal);
            Assert.Contains("Dry run", await page.InnerTextAsync("#import-result h2"), StringComparison.Ordinal);
            await host.ScreenshotAsync(page, "72-import-dry-run");

            await page.FillAsync("#SaveMappingAs", "monthly register");
            await page.ClickAsync("#run-import");
            await page.WaitForSelectorAsync("#import-report");
            Assert.Contains("imported 2, duplicates 0, rejected 1", await page.InnerTextAsync("#import-result"), StringComparison.Ordinal);
            Assert.Equal(0, await page.Locator("#import-mapping").CountAsync());
            await host.ScreenshotAsync(page, "73-import-done");

            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#import-report"));
            var report = await File.ReadAllTextAsync((await download.PathAsync())!);
            Assert.Contains("4,จังหวัด,rejected,", report, StringComparison.Ordinal);

            // The same page on a phone, in Thai.
            var phone = await host.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "th-TH" });
            var small = await phone.NewPageAsync();
            await small.GotoAsync(host.BaseUrl + "/Account/Login");
            await small.FillAsync("#email", host.SupervisorEmail);
            await small.FillAsync("#password", BrowserHost.Password);
            await small.ClickAsync("button[type=submit].primary");
            await small.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
            await small.GotoAsync(host.BaseUrl + "/Export");
            await host.ScreenshotAsync(small, "75-export-phone");
            await small.GotoAsync(host.BaseUrl + "/Import");
            await small.SetInputFilesAsync("#file", file);
            await small.ClickAsync("#upload");
            await small.WaitForSelectorAsync("#import-mapping");
            await host.ScreenshotAsync(small, "76-import-mapping-phone");
            Assert.True(await small.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), "no sideways scrolling on a phone");

            // Cancel on the mapping screen: back to an empty upload form (the waiting upload is deleted on the server).
            await small.ClickAsync("#cancel-import");
            await small.WaitForSelectorAsync("#import-upload");
            Assert.Equal(0, await small.Locator("#import-mapping").CountAsync());
            await host.ScreenshotAsync(small, "77-import-cancelled-phone");

            await BrowserHost.ClickNavAsync(page, "nav.mainnav a[href='/Export']");
            await page.CheckAsync("input[value='xlsx']");
            await host.ScreenshotAsync(page, "74-export");
            var export = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-download"));
            Assert.EndsWith(".xlsx", export.SuggestedFilename, StringComparison.Ordinal);
            var bytes = await File.ReadAllBytesAsync((await export.PathAsync())!);
            Assert.Equal((byte)'P', bytes[0]);
            var form = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#xlsform-download"));
            Assert.Equal("saphan-intake-xlsform.xlsx", form.SuggestedFilename);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>A police supervisor (supervisor and law_enforcement) ticks the justice records into an export; the file holds the unit's suspect and legal case.</summary>
    [Fact]
    public async Task A_police_supervisor_exports_the_justice_records_with_the_tick_box()
    {
        var police = host.Logins.First(l => l.Email == host.PoliceEmail);
        var email = "police-supervisor-export@browser.example";
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Saphan.Core.Data.SaphanDbContext>();
            var org = await db.Organisations.Where(o => o.Name == police.OrganisationName).Select(o => o.Id).SingleAsync();
            await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync(Actor.System, org, [Roles.Supervisor, Roles.LawEnforcement], email, BrowserHost.Password, null, default);
            var officer = new Actor(Guid.Empty, org, new HashSet<string>([Roles.LawEnforcement], StringComparer.Ordinal));
            await scope.ServiceProvider.GetRequiredService<Suspects>().CreateAsync(officer, new SuspectInput("person", "Ko Zaw Export", ["broker"], null), default);
            await scope.ServiceProvider.GetRequiredService<LegalCases>().CreateAsync(officer, new LegalCaseInput("KBI 77/2567", "prosecution", ["s6", "s9"], null, null, null, null), default);
        }

        var page = await host.SignInAsync(email);
        await BrowserHost.ClickNavAsync(page, "nav.mainnav a[href='/Export']");
        await page.CheckAsync("#export-justice");
        Assert.True(await page.IsVisibleAsync("#export-justice-hint"));
        await host.ScreenshotAsync(page, "78-export-justice");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-download"));
        Assert.EndsWith(".zip", download.SuggestedFilename, StringComparison.Ordinal);
        using (var archive = System.IO.Compression.ZipFile.OpenRead((await download.PathAsync())!))
        {
            using var suspects = new StreamReader(archive.GetEntry("suspects.csv")!.Open());
            Assert.Contains("Ko Zaw Export", await suspects.ReadToEndAsync(), StringComparison.Ordinal);
            using var legal = new StreamReader(archive.GetEntry("legal_cases.csv")!.Open());
            Assert.Contains("KBI 77/2567", await legal.ReadToEndAsync(), StringComparison.Ordinal);
        }

        // The CTDC file with the box ticked: refused on the page, naming why.
        await page.CheckAsync("input[value='ctdc']");
        await page.CheckAsync("#export-justice");
        await page.ClickAsync("#export-download");
        await page.WaitForSelectorAsync("#form-errors");
        // What was chosen is still chosen, to be corrected.
        Assert.True(await page.IsCheckedAsync("input[value='ctdc']"));
        Assert.True(await page.IsCheckedAsync("#export-justice"));
        await host.ScreenshotAsync(page, "79-export-justice-ctdc-refused");

        // The same page in Thai on a phone.
        var phone = await host.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "th-TH" });
        var small = await phone.NewPageAsync();
        await small.GotoAsync(host.BaseUrl + "/Account/Login");
        await small.FillAsync("#email", email);
        await small.FillAsync("#password", BrowserHost.Password);
        await small.ClickAsync("button[type=submit].primary");
        await small.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        await small.GotoAsync(host.BaseUrl + "/Export");
        Assert.True(await small.IsVisibleAsync("#export-justice"));
        await host.ScreenshotAsync(small, "78b-export-justice-thai-phone");
        Assert.True(await small.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), "no sideways scrolling on a phone");
    }
}
