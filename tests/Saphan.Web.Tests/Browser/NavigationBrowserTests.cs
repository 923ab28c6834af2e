using Microsoft.Playwright;

namespace Saphan.Web.Tests.Browser;

/// <summary>
/// The main navigation is grouped in menus (Casework, Network, Justice, Data, Figures) plus Tasks: they open with the
/// mouse, the keyboard and a finger, without JavaScript too, fit a phone, and show each role exactly the links it had.
/// </summary>
[Trait("Category", "Browser")]
public sealed class NavigationBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task A_supervisor_opens_the_menus_with_mouse_and_keyboard_and_one_menu_is_open_at_a_time()
    {
        var page = await host.SignInAsync(host.SupervisorEmail);
        await page.GotoAsync(host.BaseUrl + "/Cases");
        Assert.True(await page.Locator("#nav-tasks").IsVisibleAsync());
        Assert.False(await page.Locator("#nav-indicators").IsVisibleAsync());
        Assert.Equal("true", await page.GetAttributeAsync("#menu-casework > summary", "data-here"));
        Assert.Equal("false", await page.GetAttributeAsync("#menu-figures > summary", "data-here"));

        // Mouse: open Figures, then Network closes it.
        await page.ClickAsync("#menu-figures > summary");
        Assert.True(await page.Locator("#nav-indicators").IsVisibleAsync());
        Assert.True(await page.Locator("#nav-outcomes").IsVisibleAsync());
        await host.ScreenshotAsync(page, "90-nav-figures-open", fullPage: false);
        await page.ClickAsync("#menu-network > summary");
        Assert.True(await page.Locator("#nav-gaps").IsVisibleAsync());
        Assert.False(await page.Locator("#nav-indicators").IsVisibleAsync());

        // A click elsewhere closes the menu.
        await page.ClickAsync("main.page h1");
        Assert.False(await page.Locator("#nav-gaps").IsVisibleAsync());

        // Keyboard: focus the menu's title, Enter opens, Tab reaches the links, Enter follows one; Escape closes.
        await page.FocusAsync("#menu-figures > summary");
        await page.Keyboard.PressAsync("Enter");
        Assert.True(await page.Locator("#nav-outcomes").IsVisibleAsync());
        await page.Keyboard.PressAsync("Escape");
        Assert.False(await page.Locator("#nav-outcomes").IsVisibleAsync());
        Assert.Equal("menu-figures", await page.EvaluateAsync<string>("() => document.activeElement.closest('details')?.id ?? ''"));
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("nav-outcomes", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("nav-indicators", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/Indicators", StringComparison.Ordinal));
        Assert.Equal("true", await page.GetAttributeAsync("#menu-figures > summary", "data-here"));

        // The menus are translated.
        await page.ClickAsync(".langswitch button[value='th-TH']");
        await page.WaitForSelectorAsync("#menu-figures");
        Assert.Equal("งานรายกรณี", (await page.InnerTextAsync("#menu-casework > summary")).Trim());
        Assert.Equal("ตัวเลขและสถิติ", (await page.InnerTextAsync("#menu-figures > summary")).Trim());
        await page.ClickAsync("#menu-data > summary");
        await host.ScreenshotAsync(page, "91-nav-thai-data-open", fullPage: false);
        await page.ClickAsync(".langswitch button[value='en-GB']");
    }

    [Fact]
    public async Task On_a_phone_the_menus_fit_the_screen_and_their_links_work()
    {
        var page = await host.SignInAsync(host.SupervisorEmail);
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(host.BaseUrl + "/Cases");
        await host.ScreenshotAsync(page, "92-nav-phone", fullPage: false);
        foreach (var menu in new[] { "#menu-casework", "#menu-network", "#menu-data", "#menu-figures" })
        {
            await page.ClickAsync(menu + " > summary");
            var panel = await page.Locator(menu + " .navmenu-panel").BoundingBoxAsync();
            Assert.NotNull(panel);
            Assert.True(panel.X >= 0 && panel.X + panel.Width <= 390, menu + " runs off the screen: " + panel.X + " + " + panel.Width);
            foreach (var link in await page.Locator(menu + " .navmenu-panel a").AllAsync())
            {
                var box = await link.BoundingBoxAsync();
                Assert.True(box is { Height: >= 40 }, menu + ": a link too small to tap");
            }

            if (menu == "#menu-casework")
            {
                await host.ScreenshotAsync(page, "93-nav-phone-casework-open", fullPage: false);
            }
        }

        var wide = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(wide <= 390, "the page is wider than the phone: " + wide);
        await page.ClickAsync("#menu-network > summary");
        await page.ClickAsync("#nav-gaps");
        await page.WaitForURLAsync(url => url.Contains("/Gaps", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_JavaScript_the_menus_still_open_and_lead_to_their_pages()
    {
        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, ViewportSize = new() { Width = 1280, Height = 860 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.BaseUrl + "/Account/Login");
        await page.FillAsync("#email", host.SupervisorEmail);
        await page.FillAsync("#password", BrowserHost.Password);
        await page.ClickAsync("button[type=submit].primary");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        await page.ClickAsync("#menu-figures > summary");
        await page.ClickAsync("#nav-outcomes");
        await page.WaitForURLAsync(url => url.Contains("/FollowUps/Figures", StringComparison.Ordinal));
        await context.CloseAsync();
    }

    [Fact]
    public async Task Each_role_keeps_exactly_the_links_it_had()
    {
        async Task<HashSet<string>> LinksOf(string email)
        {
            var page = await host.SignInAsync(email);
            await page.GotoAsync(host.BaseUrl + "/");
            var hrefs = await page.EvalOnSelectorAllAsync<string[]>("nav.mainnav a", "links => links.map(a => a.getAttribute('href'))");
            await page.Context.CloseAsync();
            return [.. hrefs];
        }

        var worker = await LinksOf(host.CaseWorkerEmail);
        Assert.Superset(new HashSet<string> { "/Cases", "/Cases/Edit", "/Referrals", "/Caseloads", "/RoutedTips", "/Tasks", "/Services", "/Standard" }, worker);
        Assert.DoesNotContain("/Gaps", worker);
        Assert.DoesNotContain("/Indicators", worker);
        Assert.DoesNotContain("/Import", worker);
        Assert.DoesNotContain("/Justice/Suspects", worker);
        Assert.DoesNotContain("/Tips", worker);

        var supervisor = await LinksOf(host.SupervisorEmail);
        Assert.Superset(new HashSet<string> { "/Gaps", "/FollowUps/Figures", "/Indicators", "/Import", "/Export" }, supervisor);
        Assert.DoesNotContain("/Tips", supervisor); // the tip queue is the hotline organisation's only
        Assert.DoesNotContain("/Pathways", supervisor);
        Assert.DoesNotContain("/Repository", supervisor);

        var police = await LinksOf(host.PoliceEmail);
        Assert.Superset(new HashSet<string> { "/Justice/Suspects", "/Justice/Operations", "/Justice/LegalCases", "/Cases" }, police);
        Assert.DoesNotContain("/Indicators", police);

        var hotline = await LinksOf(host.Logins.First(l => l.OrganisationType == "hotline" && l.Roles.SequenceEqual(["hotline_operator"])).Email);
        Assert.Superset(new HashSet<string> { "/Tips", "/Tasks", "/Services", "/Standard" }, hotline);
        Assert.DoesNotContain("/Cases", hotline);
        Assert.DoesNotContain("/RoutedTips", hotline);

        var networkAdmin = await LinksOf(host.Logins.First(l => l.Roles.SequenceEqual(["network_admin"])).Email);
        Assert.Superset(new HashSet<string> { "/Pathways", "/Gaps", "/Indicators", "/Repository" }, networkAdmin);
        Assert.DoesNotContain("/Cases", networkAdmin);
    }
}
