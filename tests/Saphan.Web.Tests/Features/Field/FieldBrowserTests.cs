using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Saphan.Core;
using Saphan.Core.Data;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.FieldSync;
using Saphan.Core.Features.Identity;
using Saphan.Web.Tests.Browser;

namespace Saphan.Web.Tests.Features.Field;

/// <summary>
/// The app and Chromium for the field form. Playwright's offline emulation does not reach a service worker's own
/// requests (microsoft/playwright#2311): with service-worker network events on, the test also aborts every request
/// while "offline", so the worker really has no network and must answer from its cache.
/// </summary>
public sealed class FieldBrowserHost : IAsyncLifetime
{
    public BrowserHost Host { get; } = new();

    public Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS", "1");
        return Host.InitializeAsync();
    }

    public Task DisposeAsync() => Host.DisposeAsync();
}

[Trait("Category", "Browser")]
public sealed class FieldBrowserTests(FieldBrowserHost fixture) : IClassFixture<FieldBrowserHost>
{
    private readonly BrowserHost _host = fixture.Host;

    // As BrowserHost.SignInAsync, with the long timeout set before the first step: builds may share the two cores.
    private async Task<IPage> SignInAsync(string email)
    {
        var page = await _host.NewPageAsync();
        page.SetDefaultTimeout(90_000);
        await page.GotoAsync(_host.BaseUrl + "/Account/Login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", BrowserHost.Password);
        await page.ClickAsync("button[type=submit].primary");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        return page;
    }

    // The worker is installed and controls the page. A page loaded while the worker was activating can stay
    // uncontrolled (clients.claim() takes only the pages that exist then): such a page is loaded once more.
    private static async Task WorkerReadyAsync(IPage page, string ready = "#field[data-ready=true]")
    {
        await page.WaitForSelectorAsync(ready);
        await page.EvaluateAsync("navigator.serviceWorker.ready.then(() => true)");
        if (!await page.EvaluateAsync<bool>("navigator.serviceWorker.controller !== null"))
        {
            await page.ReloadAsync();
            await page.WaitForSelectorAsync(ready);
        }

        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
    }

    private static async Task GoOfflineAsync(IBrowserContext context)
    {
        await context.SetOfflineAsync(true);
        await context.RouteAsync("**/*", route => route.AbortAsync("internetdisconnected"));
    }

    private static async Task GoOnlineAsync(IBrowserContext context)
    {
        await context.UnrouteAllAsync();
        await context.SetOfflineAsync(false);
    }

    private static async Task EnterPersonAsync(IPage page, string givenName, string phone, bool doubleTap = false)
    {
        await page.FillAsync("#f-person-givenName", givenName);
        await page.FillAsync("#f-person-familyName", "Field");
        await page.FillAsync("#f-person-estimatedAge", "27");
        await page.SelectOptionAsync("#f-person-gender", "female");
        await page.SelectOptionAsync("#f-person-citizenship", "MM");
        await page.FillAsync("#f-person-phone", phone);
        await page.SelectOptionAsync("#f-case-identificationRoute", "outreach");
        await page.SelectOptionAsync("#f-case-province", "TH-50");
        if (doubleTap)
        {
            await page.DblClickAsync("#save-intake");
        }
        else
        {
            await page.ClickAsync("#save-intake");
        }
    }

    private async Task<(int Entries, int Cases)> CountsAsync(IReadOnlyCollection<Guid> clientIds)
    {
        using var scope = _host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        var entries = await db.Set<FieldEntry>().Where(e => clientIds.Contains(e.ClientId)).ToListAsync();
        var caseIds = entries.Select(e => e.CaseId).ToList();
        return (entries.Count, await db.Cases.CountAsync(c => caseIds.Contains(c.Id)));
    }

    [Fact]
    public async Task Two_people_entered_offline_survive_a_reload_and_are_sent_once_however_often_the_requests_are_replayed()
    {
        var page = await SignInAsync(_host.CaseWorkerEmail);
        await page.SetViewportSizeAsync(390, 844);
        var context = page.Context;
        var captured = new List<(string Body, Dictionary<string, string> Headers)>();
        // The context's requests, not only the page's: the service worker may send them (Background Sync).
        context.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.EndsWith("/Field/sync", StringComparison.Ordinal))
            {
                captured.Add((request.PostData!, request.Headers));
            }
        };

        await page.GotoAsync(_host.BaseUrl + "/Field");
        await WorkerReadyAsync(page);
        // Load once more under the worker: this answer is the copy kept for offline use.
        var online = await page.ReloadAsync();
        await page.WaitForSelectorAsync("#field[data-ready=true]");
        await page.WaitForFunctionAsync("() => caches.open('saphan-field-v1').then(c => c.keys()).then(k => window.__kept = k.length) && window.__kept >= 7");
        var keptDate = online!.Headers["date"];
        // Installable: Chromium finds nothing missing (manifest, icon, service worker, secure origin) — apart from
        // Playwright's contexts being incognito windows, where nothing installs.
        var cdp = await context.NewCDPSessionAsync(page);
        var installability = await cdp.SendAsync("Page.getInstallabilityErrors");
        var missing = installability!.Value.GetProperty("installabilityErrors").EnumerateArray()
            .Select(e => e.GetProperty("errorId").GetString()).Where(e => e != "in-incognito").ToList();
        Assert.True(missing.Count == 0, string.Join(", ", missing));
        Assert.Equal("0", await page.InnerTextAsync("#waiting-count"));
        await _host.ScreenshotAsync(page, "80-field-online-phone");

        await GoOfflineAsync(context);
        await page.WaitForSelectorAsync("#field-status.is-offline");
        await EnterPersonAsync(page, "Offline Alpha", "0811000001");
        await page.WaitForSelectorAsync("#waiting-list li[data-state=waiting]");
        // Saved with a double tap: still one entry.
        await EnterPersonAsync(page, "Offline Beta", "0811000002", doubleTap: true);
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#waiting-list li[data-state=waiting]').length === 2");

        // Reload with no connection: the worker answers from its cache (the kept copy's date), the entries are still there.
        var reloaded = await page.ReloadAsync();
        Assert.True(reloaded!.FromServiceWorker);
        Assert.Equal(keptDate, reloaded.Headers["date"]);
        await page.WaitForSelectorAsync("#field[data-ready=true]");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#waiting-list li[data-state=waiting]').length === 2");
        Assert.Equal("2", await page.InnerTextAsync("#waiting-count"));
        var waitingText = await page.InnerTextAsync("#waiting-list");
        Assert.Contains("Offline Alpha", waitingText, StringComparison.Ordinal);
        Assert.Contains("Offline Beta", waitingText, StringComparison.Ordinal);
        Assert.Contains("Waiting to send", waitingText, StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("#f-person-givenName").CountAsync());
        await _host.ScreenshotAsync(page, "81-field-offline-waiting-phone");
        Assert.Empty(captured);
        var clientIds = (await page.Locator("#waiting-list li[data-client-id]").EvaluateAllAsync<string[]>("items => items.map(i => i.getAttribute('data-client-id'))"))
            .Select(Guid.Parse).ToList();
        Assert.Equal(2, clientIds.Count);
        Assert.Equal((0, 0), await CountsAsync(clientIds));

        // Back online: the page sends both by itself.
        await GoOnlineAsync(context);
        await page.WaitForFunctionAsync("() => document.getElementById('sent-count').textContent === '2' && document.getElementById('waiting-count').textContent === '0'");
        Assert.Equal((2, 2), await CountsAsync(clientIds));
        Assert.Equal(2, captured.Count);
        await page.ClickAsync("#sent-box summary");
        await _host.ScreenshotAsync(page, "82-field-sent-phone");

        // The captured requests again, each twice, as a retry or a double tap would: still one record each.
        foreach (var (body, headers) in captured.Concat(captured))
        {
            var replay = await context.APIRequest.PostAsync(_host.BaseUrl + "/Field/sync", new()
            {
                DataString = body,
                Headers = headers.Where(h => h.Key is "content-type" or "requestverificationtoken" or "accept")
                    .ToDictionary(h => h.Key, h => h.Value),
            });
            Assert.Equal(200, replay.Status);
            var answer = JsonNode.Parse(await replay.TextAsync())!;
            Assert.True(answer["alreadyReceived"]!.GetValue<bool>());
        }

        Assert.Equal((2, 2), await CountsAsync(clientIds));

        // "Send now" with nothing waiting sends nothing more.
        await page.ClickAsync("#send-now");
        Assert.Equal((2, 2), await CountsAsync(clientIds));

        // Signing out wipes what the phone kept: entries and the cached page.
        await page.ClickAsync("form[action='/Account/Logout'] button");
        await page.WaitForURLAsync("**/Account/Login**");
        var left = await page.EvaluateAsync<string>(
            "Promise.all([indexedDB.databases(), caches.keys()]).then(r => r[0].map(d => d.name).concat(r[1]).join(','))");
        Assert.DoesNotContain("saphan-field", left, StringComparison.Ordinal);
    }
    private async Task<Actor> ActorAsync(string email)
    {
        using var scope = _host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var roles = await (from link in db.UserRoles join role in db.Roles on link.RoleId equals role.Id where link.UserId == user.Id select role.Name!).ToListAsync();
        return new Actor(user.Id, user.OrganisationId, roles.ToHashSet(StringComparer.Ordinal));
    }

    private async Task<T> AsAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = _host.Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    [Fact]
    public async Task An_offline_change_to_a_person_changed_in_the_office_meanwhile_is_shown_to_choose_and_a_screening_follows_its_intake()
    {
        var page = await SignInAsync(_host.CaseWorkerEmail);
        await page.SetViewportSizeAsync(390, 844);
        var context = page.Context;
        await page.GotoAsync(_host.BaseUrl + "/Field");
        await WorkerReadyAsync(page);

        // Online: saved and sent at once.
        await EnterPersonAsync(page, "Conflict Gamma", "0811000003");
        await page.WaitForFunctionAsync("() => document.getElementById('sent-count').textContent === '1'");
        var gammaId = Guid.Parse((await page.Locator("#sent-list li[data-client-id]").First.GetAttributeAsync("data-client-id"))!);
        var caseId = await AsAsync(sp => sp.GetRequiredService<SaphanDbContext>().Set<FieldEntry>().Where(e => e.ClientId == gammaId).Select(e => e.CaseId).SingleAsync());

        // Offline: a new person and a screening of them (sent after the intake, by the intake's device id).
        await GoOfflineAsync(context);
        await EnterPersonAsync(page, "Offline Delta", "0811000004");
        await page.WaitForSelectorAsync("#waiting-list li[data-state=waiting]");
        await page.ClickAsync("#tab-screening");
        var delta = await page.Locator("#screening-person option", new() { HasText = "Offline Delta" }).GetAttributeAsync("value");
        await page.SelectOptionAsync("#screening-person", delta!);
        // As on the case's own screening page: the child-trafficking indicators are offered only for a person under 18
        // (Delta is 27), though the role may record them.
        Assert.Contains(await page.EvaluateAsync<string[]>("caches.match('/Field/instruments').then(r => r.json()).then(l => l.map(i => i.code))"), c => c == "CHILD-TIP");
        Assert.Equal(0, await page.Locator("#screening-instrument option[value='CHILD-TIP']").CountAsync());
        Assert.Equal(1, await page.Locator("#screening-instrument option[value='GAD-7']").CountAsync());
        await page.SelectOptionAsync("#screening-instrument", "GAD-7");
        for (var i = 0; i < 7; i++)
        {
            await page.CheckAsync($"input[name='answer-{i}'][value='1']");
        }

        await _host.ScreenshotAsync(page, "83-field-screening-offline-phone");
        await page.ClickAsync("#save-screening");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#waiting-list li[data-state=waiting]').length === 2");

        // Meanwhile the office changes Gamma's phone; the field worker, still offline, changes it too, and the family name.
        var supervisor = await ActorAsync(_host.SupervisorEmail);
        await PatchAsync(supervisor, caseId, """{"person":{"phone":"0899999999"}}""");
        await page.ClickAsync("#sent-box summary");
        await page.ClickAsync($"#sent-list [data-edit='{gammaId}']");
        await page.FillAsync("#f-person-phone", "0822222222");
        await page.FillAsync("#f-person-familyName", "Field-Win");
        await page.ClickAsync("#save-intake");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#waiting-list li[data-state=waiting]').length === 3");

        var refusals = 0;
        context.Response += (_, response) =>
        {
            if (response.Url.EndsWith("/Field/sync", StringComparison.Ordinal) && response.Status == 409)
            {
                Interlocked.Increment(ref refusals);
            }
        };
        await GoOnlineAsync(context);
        await page.WaitForSelectorAsync(".field-conflict");
        // Field by field: the phone changed on both sides is the person's choice (with the value both started from);
        // the family name, changed only on the phone, merges without asking.
        var phone = page.Locator(".field-conflict [data-field='person.phone'][data-needs-choice=true]");
        var phoneText = await phone.InnerTextAsync();
        Assert.Contains("0822222222", phoneText, StringComparison.Ordinal);
        Assert.Contains("0899999999", phoneText, StringComparison.Ordinal);
        Assert.Contains("0811000003", phoneText, StringComparison.Ordinal);
        var family = await page.InnerTextAsync(".field-conflict [data-field='person.familyName'][data-needs-choice=false]");
        Assert.Contains("Field-Win", family, StringComparison.Ordinal);
        Assert.Contains("yours is kept", family, StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator(".field-conflict [data-needs-choice=true]").CountAsync());
        await _host.ScreenshotAsync(page, "84-field-conflict-phone");
        var worker = await ActorAsync(_host.CaseWorkerEmail);
        var untouched = await AsAsync(sp => sp.GetRequiredService<GetCase>().HandleAsync(worker, caseId, default));
        Assert.Equal(("0899999999", "Field"), (untouched.Person.Phone, untouched.Person.FamilyName));
        var deltaCase = await AsAsync(sp => sp.GetRequiredService<SaphanDbContext>().Set<FieldEntry>().Where(e => e.ClientId == Guid.Parse(delta!)).Select(e => e.CaseId).SingleAsync());
        Assert.Equal(1, await AsAsync(sp => sp.GetRequiredService<SaphanDbContext>().Screenings.CountAsync(s => s.CaseId == deltaCase && s.Instrument == "GAD-7")));

        // Sending without a choice for the phone is not possible.
        await page.ClickAsync(".field-conflict [data-send-choices]");
        Assert.Contains("Choose a value", await page.InnerTextAsync(".field-conflict [data-conflict-error]"), StringComparison.Ordinal);

        // While the person looks, the office changes the case again (a second browser would do the same).
        await PatchAsync(supervisor, caseId, """{"person":{"givenName":"Conflict Gamma-Office"}}""");

        // The person keeps the server's phone and sends: the server refuses the change once more (its version is stale
        // again); the family name alone is left, changed on the phone only, so it merges and is sent without asking.
        await page.CheckAsync(".field-conflict [data-field='person.phone'] input[value=server]");
        await page.ClickAsync(".field-conflict [data-send-choices]");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.field-conflict').length === 0 && document.getElementById('waiting-count').textContent === '0'");
        var merged = await AsAsync(sp => sp.GetRequiredService<GetCase>().HandleAsync(worker, caseId, default));
        Assert.Equal(("0899999999", "Field-Win", "Conflict Gamma-Office"), (merged.Person.Phone, merged.Person.FamilyName, merged.Person.GivenName));
        Assert.Equal(2, refusals);
        await page.ClickAsync($"#sent-list [data-edit='{gammaId}']");
        // The phone's copy of the person took the server's phone and kept its own family name.
        await page.WaitForFunctionAsync("() => document.getElementById('f-person-phone').value === '0899999999' && document.getElementById('f-person-familyName').value === 'Field-Win'");
    }

    private async Task PatchAsync(Actor actor, Guid caseId, string json) => await AsAsync(async sp =>
    {
        using var patch = System.Text.Json.JsonDocument.Parse(json);
        return await sp.GetRequiredService<UpdateCase>().HandleAsync(actor, caseId, CaseInput.FromJson(new JsonInput(patch.RootElement, new ValidationErrors())), default);
    });

    // Fires the form's Background Sync event in the service worker as the browser does once it has a network: headless
    // Chromium's own network never goes away (offline emulation does not reach Background Sync), so the test fires it.
    private static async Task FireBackgroundSyncAsync(IPage page, string origin)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        var registration = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        cdp.Event("ServiceWorker.workerRegistrationUpdated").OnEvent += (_, update) =>
        {
            foreach (var r in update!.Value.GetProperty("registrations").EnumerateArray())
            {
                if (r.GetProperty("scopeURL").GetString()!.EndsWith("/Field", StringComparison.Ordinal) && !r.GetProperty("isDeleted").GetBoolean())
                {
                    registration.TrySetResult(r.GetProperty("registrationId").GetString()!);
                }
            }
        };
        await cdp.SendAsync("ServiceWorker.enable");
        var id = await registration.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cdp.SendAsync("ServiceWorker.dispatchSyncEvent", new Dictionary<string, object>
        {
            ["origin"] = origin, ["registrationId"] = id, ["tag"] = "saphan-field-send", ["lastChance"] = false,
        });
        await cdp.DetachAsync();
    }

    private async Task WaitForCountsAsync(IReadOnlyCollection<Guid> clientIds, (int Entries, int Cases) expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await CountsAsync(clientIds) != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(expected, await CountsAsync(clientIds));
    }

    [Fact]
    public async Task With_background_sync_the_service_worker_sends_an_entry_once_after_the_page_was_closed()
    {
        var email = _host.Logins.Where(l => l.Roles.Contains("case_worker") && l.Email != _host.CaseWorkerEmail).Skip(1).First().Email;
        var page = await SignInAsync(email);
        await page.SetViewportSizeAsync(390, 844);
        var context = page.Context;
        var posts = new List<(string Body, Dictionary<string, string> Headers)>();
        context.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.EndsWith("/Field/sync", StringComparison.Ordinal))
            {
                lock (posts)
                {
                    posts.Add((request.PostData!, request.Headers));
                }
            }
        };
        await page.GotoAsync(_host.BaseUrl + "/Field");
        await WorkerReadyAsync(page);

        // Offline: the entry waits, and the page asks the browser for a Background Sync.
        await GoOfflineAsync(context);
        await EnterPersonAsync(page, "Background Eta", "0811000007");
        await page.WaitForSelectorAsync("#waiting-list li[data-state=waiting]");
        await page.WaitForSelectorAsync("#field[data-background-sync]");
        Assert.Equal("registered", await page.GetAttributeAsync("#field", "data-background-sync"));
        Assert.Contains("saphan-field-send", await page.EvaluateAsync<string[]>("navigator.serviceWorker.ready.then(r => r.sync.getTags())"));
        var clientId = Guid.Parse((await page.Locator("#waiting-list li[data-client-id]").First.GetAttributeAsync("data-client-id"))!);

        // The page is closed; the connection comes back; the browser wakes the worker, which sends the entry.
        await page.CloseAsync();
        Assert.Equal((0, 0), await CountsAsync([clientId]));
        await GoOnlineAsync(context);
        var other = await context.NewPageAsync();
        other.SetDefaultTimeout(90_000);
        await other.GotoAsync(_host.BaseUrl + "/");
        await FireBackgroundSyncAsync(other, _host.BaseUrl);
        await WaitForCountsAsync([clientId], (1, 1));
        Assert.Single(posts);

        // Fired again (the browser retrying), and the same request replayed: still one record.
        await FireBackgroundSyncAsync(other, _host.BaseUrl);
        var replay = await context.APIRequest.PostAsync(_host.BaseUrl + "/Field/sync", new()
        {
            DataString = posts[0].Body,
            Headers = posts[0].Headers.Where(h => h.Key is "content-type" or "requestverificationtoken" or "accept").ToDictionary(h => h.Key, h => h.Value),
        });
        Assert.Equal(200, replay.Status);
        Assert.True(JsonNode.Parse(await replay.TextAsync())!["alreadyReceived"]!.GetValue<bool>());

        // The form, opened again, shows the entry sent by the worker and sends nothing itself.
        var again = await context.NewPageAsync();
        again.SetDefaultTimeout(90_000);
        await again.SetViewportSizeAsync(390, 844);
        await again.GotoAsync(_host.BaseUrl + "/Field");
        await again.WaitForFunctionAsync("() => document.getElementById('sent-count').textContent === '1' && document.getElementById('waiting-count').textContent === '0'");
        await again.ClickAsync("#sent-box summary");
        await _host.ScreenshotAsync(again, "87-field-sent-by-background-sync-phone");
        Assert.Single(posts);
        Assert.Equal((1, 1), await CountsAsync([clientId]));

        // Page and worker at once (the page's online event and the browser's sync): one sends, the other finds nothing
        // waiting when its turn comes — one request, one record.
        await GoOfflineAsync(context);
        await EnterPersonAsync(again, "Background Theta", "0811000008");
        await again.WaitForSelectorAsync("#waiting-list li[data-state=waiting]");
        var theta = Guid.Parse((await again.Locator("#waiting-list li[data-client-id]").First.GetAttributeAsync("data-client-id"))!);
        await GoOnlineAsync(context);
        await FireBackgroundSyncAsync(other, _host.BaseUrl);
        await again.WaitForFunctionAsync("() => document.getElementById('sent-count').textContent === '2' && document.getElementById('waiting-count').textContent === '0'");
        await WaitForCountsAsync([theta], (1, 1));
        Assert.Equal(2, posts.Count);
    }

    [Fact]
    public async Task A_session_ended_elsewhere_wipes_the_phones_entries_at_the_next_sync_and_says_so()
    {
        var email = _host.Logins.First(l => l.Roles.Contains("case_worker") && l.Email != _host.CaseWorkerEmail).Email;
        var page = await SignInAsync(email);
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(_host.BaseUrl + "/Field");
        await WorkerReadyAsync(page);
        await GoOfflineAsync(page.Context);
        await EnterPersonAsync(page, "Revoked Epsilon", "0811000005");
        await page.WaitForSelectorAsync("#waiting-list li[data-state=waiting]");
        var clientId = Guid.Parse((await page.Locator("#waiting-list li[data-client-id]").First.GetAttributeAsync("data-client-id"))!);

        // An administrator ends the user's sessions (the security stamp changes) while the phone is offline.
        await AsAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<SaphanUser>>();
            return await users.UpdateSecurityStampAsync((await users.FindByEmailAsync(email))!);
        });

        await GoOnlineAsync(page.Context);
        await page.WaitForFunctionAsync("() => document.getElementById('field-message').textContent.indexOf('signed out') >= 0");
        await _host.ScreenshotAsync(page, "85-field-signed-out-elsewhere-phone", fullPage: false);
        Assert.True(await page.Locator("#sign-in-again").IsVisibleAsync());
        Assert.False(await page.Locator("#intake").IsVisibleAsync());
        var left = await page.EvaluateAsync<string>(
            "Promise.all([indexedDB.databases(), caches.keys()]).then(r => r[0].map(d => d.name).concat(r[1]).join(','))");
        Assert.DoesNotContain("saphan-field", left, StringComparison.Ordinal);
        Assert.Equal((0, 0), await CountsAsync([clientId]));
    }
    [Fact]
    public async Task After_a_long_day_offline_an_expired_sign_in_keeps_the_entries_until_the_same_person_signs_in_again_in_thai()
    {
        var email = _host.Logins.Last(l => l.Roles.Contains("case_worker") && l.Email != _host.CaseWorkerEmail).Email;
        var page = await SignInAsync(email);
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(_host.BaseUrl + "/Field");
        await page.ClickAsync(".langswitch button[value='th-TH']");
        // The address stays /Field: wait for the Thai page itself, not the English one still showing.
        await WorkerReadyAsync(page, "html[lang=th] #field[data-ready=true]");
        await GoOfflineAsync(page.Context);
        await EnterPersonAsync(page, "Expired Zeta", "0811000006");
        await page.WaitForSelectorAsync("#waiting-list li[data-state=waiting]");
        Assert.Contains("รอส่ง", await page.InnerTextAsync("#queue"), StringComparison.Ordinal);
        Assert.Contains("ชื่อ", await page.InnerTextAsync("#intake"), StringComparison.Ordinal);
        await _host.ScreenshotAsync(page, "86-field-offline-thai-phone", fullPage: false);
        var clientId = Guid.Parse((await page.Locator("#waiting-list li[data-client-id]").First.GetAttributeAsync("data-client-id"))!);

        // The sign-in cookie is gone by the time the phone is back (expired): nothing is wiped, the page asks to sign in.
        var culture = (await page.Context.CookiesAsync()).Where(c => c.Name != "saphan.auth").ToList();
        await page.Context.ClearCookiesAsync();
        await page.Context.AddCookiesAsync(culture.Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path }));
        await GoOnlineAsync(page.Context);
        await page.WaitForSelectorAsync("#sign-in-again:not([hidden])");
        Assert.Equal("1", await page.InnerTextAsync("#waiting-count"));
        Assert.Equal((0, 0), await CountsAsync([clientId]));

        await page.ClickAsync("#sign-in-again a");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", BrowserHost.Password);
        await page.ClickAsync("button[type=submit].primary");
        await page.WaitForURLAsync("**/Field");
        await page.WaitForFunctionAsync("() => document.getElementById('sent-count').textContent === '1' && document.getElementById('waiting-count').textContent === '0'");
        Assert.Equal((1, 1), await CountsAsync([clientId]));
    }
}
