using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Saphan.Core.Data;
using Saphan.Core.Features.Demo;
using Saphan.Testing;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Browser;

/// <summary>
/// The app on real Kestrel (loopback, a free port) over a SQLite file seeded with a small synthetic
/// network, and Debian's Chromium driven by Playwright. Screenshots go to artifacts/screenshots.
/// </summary>
public sealed class BrowserHost : IAsyncLifetime
{
    public const string Password = "Browser-Test-2026";
    private TestDatabase _database = null!;
    private WebApplication _app = null!;
    private IPlaywright _playwright = null!;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public string CaseWorkerEmail { get; private set; } = "";
    public string HotlineOperatorEmail { get; private set; } = "";
    public IReadOnlyList<DemoLogin> Logins { get; private set; } = [];
    public IServiceProvider Services => _app.Services;
    /// <summary>A supervisor of the case worker's organisation.</summary>
    public string SupervisorEmail { get; private set; } = "";
    public string PoliceEmail { get; private set; } = "";
    public string ScreenshotFolder { get; } = FindScreenshotFolder();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _app = RealServer.Build(_database);
        using (var scope = _app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
            var seeded = await ActivatorUtilities.CreateInstance<DemoSeeder>(scope.ServiceProvider).SeedAsync(7, 60, Password, default);
            CaseWorkerEmail = seeded.Logins.First(l => l.Roles.Contains("case_worker") && l.OrganisationType == "ngo").Email;
            Logins = seeded.Logins;
            HotlineOperatorEmail = seeded.Logins.First(l => l.Roles.Contains("hotline_operator") && l.OrganisationType == "hotline").Email;
            var workerOrganisation = seeded.Logins.First(l => l.Email == CaseWorkerEmail).OrganisationName;
            SupervisorEmail = seeded.Logins.First(l => l.Roles.Contains("supervisor") && l.OrganisationName == workerOrganisation).Email;
            PoliceEmail = seeded.Logins.First(l => l.Roles.SequenceEqual(["law_enforcement"]) && l.OrganisationType == "police").Email;
        }

        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var chromium = Environment.GetEnvironmentVariable("SAPHAN_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"The browser tests need Debian's Chromium at {chromium} (apt-get install chromium).");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"],
        });
    }

    public async Task<IPage> SignInAsync(string email)
    {
        var page = await NewPageAsync();
        await page.GotoAsync(BaseUrl + "/Account/Login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("button[type=submit].primary");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        return page;
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 860 }, Locale = "en-GB" });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Follows a link of the main navigation the way a person does: the links are grouped in menus, so the menu holding
    /// the link is opened first when the link is not showing.
    /// </summary>
    public static async Task ClickNavAsync(IPage page, string selector)
    {
        ArgumentNullException.ThrowIfNull(page);
        var link = page.Locator(selector).First;
        if (!await link.IsVisibleAsync())
        {
            await link.Locator("xpath=ancestor::details[1]/summary").ClickAsync();
        }

        await link.ClickAsync();
    }

    public Task ScreenshotAsync(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = fullPage });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static string FindScreenshotFolder()
    {
        var configured = Environment.GetEnvironmentVariable("SAPHAN_SCREENSHOTS");
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (configured is null && directory is not null && !File.Exists(Path.Combine(directory.FullName, "Saphan.slnx")))
        {
            directory = directory.Parent;
        }

        var folder = configured ?? Path.Combine(directory?.FullName ?? Path.GetTempPath(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
