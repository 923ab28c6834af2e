using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core;
using Saphan.Core.Data;
using Saphan.Core.Features.Repository;
using Saphan.Linkage.Clks;

namespace Saphan.Web.Tests.Browser;

/// <summary>An org admin publishes and opts in, an analyst reads the repository, anyone reads the open data; on a phone too.</summary>
[Trait("Category", "Browser")]
public sealed class RepositoryBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task An_org_admin_publishes_an_analyst_sees_distinct_people_and_the_public_sees_open_data()
    {
        using (var scope = host.Services.CreateScope())
        {
            var options = scope.ServiceProvider.GetRequiredService<RepositoryOptions>();
            if (!File.Exists(options.NetworkKeyFile))
            {
                LinkageKey.Generate(options.NetworkKeyFile);
            }

            await scope.ServiceProvider.GetRequiredService<RepositoryDemo>().AddOverlapsAsync(4, default);
            var organisations = await scope.ServiceProvider.GetRequiredService<SaphanDbContext>().Cases.Select(c => c.OrganisationId).Distinct().ToListAsync();
            foreach (var organisation in organisations.Skip(1))
            {
                using var inner = host.Services.CreateScope();
                await inner.ServiceProvider.GetRequiredService<PublishToRepository>().HandleAsync(Actor.System, organisation, default);
            }
        }

        var admin = host.Logins.First(l => l.Roles.Contains("org_admin") && l.OrganisationType == "ngo");
        var page = await host.SignInAsync(admin.Email);
        await page.GotoAsync(host.BaseUrl + "/Repository/Publish");
        await page.ClickAsync("#publish");
        await page.WaitForSelectorAsync("#published");
        Assert.Contains("Records", await page.InnerTextAsync("#published"), StringComparison.Ordinal);
        await page.CheckAsync("#named");
        await page.ClickAsync("#save-naming");
        await page.WaitForSelectorAsync("#named:checked");
        await host.ScreenshotAsync(page, "60-repository-publish");

        var analyst = await host.SignInAsync(host.Logins.First(l => l.Roles.SequenceEqual(["analyst"])).Email);
        await analyst.GotoAsync(host.BaseUrl + "/Repository");
        var people = int.Parse((await analyst.InnerTextAsync("#distinct-people")).Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        var records = int.Parse((await analyst.InnerTextAsync("#records")).Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(people, 1, records - 1);
        await analyst.WaitForSelectorAsync("#records-list tbody tr");
        await host.ScreenshotAsync(analyst, "61-repository-analyst");
        await analyst.SetViewportSizeAsync(390, 844);
        await host.ScreenshotAsync(analyst, "62-repository-analyst-phone", fullPage: false);

        var visitor = await host.NewPageAsync();
        await visitor.GotoAsync(host.BaseUrl + "/OpenData");
        Assert.Contains("/OpenData", visitor.Url, StringComparison.Ordinal);
        await visitor.WaitForSelectorAsync("#download-ctdc");
        await host.ScreenshotAsync(visitor, "63-open-data");
        await visitor.SetViewportSizeAsync(390, 844);
        await host.ScreenshotAsync(visitor, "64-open-data-phone", fullPage: false);
        await visitor.ClickAsync("button[name=culture][value=th-TH]");
        await visitor.WaitForSelectorAsync("html[lang=th]");
        Assert.Contains("ข้อมูลเปิด", await visitor.InnerTextAsync("h1"), StringComparison.Ordinal);
        await host.ScreenshotAsync(visitor, "65-open-data-thai", fullPage: false);
    }
}
