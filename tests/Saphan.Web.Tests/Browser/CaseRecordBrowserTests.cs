using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Saphan.Core;
using Saphan.Core.Data;
using Saphan.Core.Features.Cases;

namespace Saphan.Web.Tests.Browser;

/// <summary>
/// On a phone: a case worker records a vulnerability assessment, a support-plan action and a comment, closes the case
/// (first without a reason: refused), then the supervisor reopens it.
/// </summary>
[Trait("Category", "Browser")]
public sealed class CaseRecordBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private async Task<Guid> NewCaseAsync()
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == host.CaseWorkerEmail);
        var actor = new Actor(user.Id, user.OrganisationId, new HashSet<string> { "case_worker" });
        var errors = new ValidationErrors();
        using var body = JsonDocument.Parse("""
            {"person": {"givenName": "Ei Phyu", "birthDate": "2000-05-01", "gender": "female", "citizenship": ["MM"]},
             "identifiedOn": "2026-03-01", "province": "TH-63", "status": "active"}
            """);
        var input = CaseInput.FromJson(new JsonInput(body.RootElement, errors));
        errors.ThrowIfAny();
        return (await scope.ServiceProvider.GetRequiredService<CreateCase>().HandleAsync(actor, input, default)).Id;
    }

    [Fact]
    public async Task A_worker_fills_vulnerability_a_plan_action_and_a_comment_then_closes_the_case_and_a_supervisor_reopens_it()
    {
        var caseId = await NewCaseAsync();
        var page = await host.SignInAsync(host.CaseWorkerEmail);
        page.SetDefaultTimeout(90_000);
        await page.SetViewportSizeAsync(390, 844);
        var details = host.BaseUrl + "/Cases/Details/" + caseId;
        await page.GotoAsync(details);
        Assert.True(await page.Locator("#missing li[data-missing='vulnerability']").CountAsync() == 1);

        // Vulnerability, part-done: a few fields only.
        await page.Locator("#vulnerability").ScrollIntoViewIfNeededAsync();
        await page.CheckAsync("#vulnerability input[name='Vulnerability.Individual'][value='poverty']");
        await page.SelectOptionAsync("#v-income", "under_5000");
        await page.FillAsync("#v-debt", "45000");
        await page.FillAsync("#v-dependants", "3");
        await page.CheckAsync("#vulnerability input[name='Vulnerability.Community'][value='border_area']");
        await page.Locator("#vulnerability").ScreenshotAsync(new() { Path = Path.Combine(host.ScreenshotFolder, "40-vulnerability-form-phone.png") });
        await page.ClickAsync("#save-vulnerability");
        await page.WaitForURLAsync("**#vulnerability");
        var vulnerability = await page.InnerTextAsync("#vulnerability dl");
        Assert.Contains("Poverty", vulnerability, StringComparison.Ordinal);
        Assert.Contains("45,000", vulnerability, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#missing li[data-missing='vulnerability']").CountAsync());
        await page.Locator("#vulnerability").ScreenshotAsync(new() { Path = Path.Combine(host.ScreenshotFolder, "41-vulnerability-saved-phone.png") });

        // A support-plan action.
        await page.ClickAsync("#plan details:has(#add-action) summary");
        await page.SelectOptionAsync("#a-type", "shelter");
        await page.FillAsync("#a-description", "Place at the shelter in Mae Sot until the hearing.");
        await page.FillAsync("#a-due", "2026-12-15");
        await page.ClickAsync("#add-action");
        await page.WaitForURLAsync("**#plan");
        Assert.Equal(1, await page.Locator("#plan li[data-action]").CountAsync());
        Assert.Contains("Mae Sot", await page.InnerTextAsync("#plan li[data-action]"), StringComparison.Ordinal);
        await page.Locator("#plan").ScreenshotAsync(new() { Path = Path.Combine(host.ScreenshotFolder, "42-support-plan-phone.png") });

        // A comment.
        await page.FillAsync("#comment-text", "Met with an interpreter; she wants to work in Bangkok later.");
        await page.ClickAsync("#add-comment");
        await page.WaitForURLAsync("**#comment");
        Assert.Contains("interpreter", await page.InnerTextAsync("#comment .comments"), StringComparison.Ordinal);

        // Closing without a reason is refused with the field named; then closed.
        await page.ClickAsync("#closure details summary");
        await page.ClickAsync("#close-case");
        await page.WaitForSelectorAsync("#form-errors");
        Assert.True(await page.Locator("#closure .field-error").CountAsync() >= 1);
        await page.Locator("#closure").ScreenshotAsync(new() { Path = Path.Combine(host.ScreenshotFolder, "43-closure-needs-reason-phone.png") });
        await page.SelectOptionAsync("#close-reason", "goals_met");
        await page.FillAsync("#close-date", DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("#close-case");
        await page.WaitForURLAsync("**/Cases/Details/**#closure");
        Assert.True(await page.Locator("#closed-banner").IsVisibleAsync());
        Assert.Contains("goals met", (await page.InnerTextAsync("#closure-reason")).ToLowerInvariant(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#save-vulnerability, #add-action, #add-comment, #close-case").CountAsync());
        await host.ScreenshotAsync(page, "44-case-closed-phone");
        await page.GotoAsync(details);
        Assert.Equal(0, await page.Locator("#add-event, #record-screening").CountAsync());
        await host.ScreenshotAsync(page, "44b-case-closed-top-phone", fullPage: false);

        // The supervisor reopens it, with a reason.
        var supervisor = await host.SignInAsync(host.SupervisorEmail);
        supervisor.SetDefaultTimeout(90_000);
        await supervisor.SetViewportSizeAsync(390, 844);
        await supervisor.GotoAsync(details + "#closure");
        await supervisor.FillAsync("#reopen-reason", "She asked for help with the wage claim.");
        await supervisor.ClickAsync("#reopen-case");
        await supervisor.WaitForURLAsync("**#closure");
        Assert.Equal(0, await supervisor.Locator("#closed-banner").CountAsync());
        Assert.Contains("wage claim", await supervisor.InnerTextAsync("#comment .comments"), StringComparison.Ordinal);
        await supervisor.Locator("#closure").ScrollIntoViewIfNeededAsync();
        await host.ScreenshotAsync(supervisor, "45-case-reopened-phone", fullPage: false);

        // In Thai.
        await supervisor.ClickAsync("button[value='th-TH']");
        await supervisor.WaitForSelectorAsync("html[lang='th']");
        Assert.Contains("แผนการช่วยเหลือ", await supervisor.InnerTextAsync("#plan h2"), StringComparison.Ordinal);
        await supervisor.Locator("#vulnerability").ScreenshotAsync(new() { Path = Path.Combine(host.ScreenshotFolder, "46-vulnerability-thai-phone.png") });
    }

    [Fact]
    public async Task The_victim_context_stored_by_an_import_shows_on_the_case_page_and_a_worker_changes_it()
    {
        var caseId = await NewCaseAsync();
        using (var scope = host.Services.CreateScope())
        {
            // As the Kobo/ODK import stores it: a status, no decision maker.
            var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
            var stored = await db.Cases.SingleAsync(c => c.Id == caseId);
            stored.TraffickingStatus = "possible";
            await db.SaveChangesAsync();
        }

        var page = await host.SignInAsync(host.CaseWorkerEmail);
        page.SetDefaultTimeout(90_000);
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(host.BaseUrl + "/Cases/Details/" + caseId + "#victim");
        Assert.Contains("Possible victim of trafficking", await page.InnerTextAsync("#victim [data-field='traffickingStatus']"), StringComparison.Ordinal);

        // Cleared status: refused with the field named, nothing changed.
        await page.ClickAsync("#victim details summary");
        await page.SelectOptionAsync("#vc-status", "");
        await page.ClickAsync("#save-victim");
        await page.WaitForSelectorAsync("#form-errors");
        Assert.True(await page.Locator("#victim .field-error").CountAsync() >= 1);

        await page.SelectOptionAsync("#vc-status", "actual");
        await page.SelectOptionAsync("#vc-decided", "law_enforcement");
        await page.ClickAsync("#save-victim");
        await page.WaitForURLAsync("**/Cases/Details/**#victim");
        Assert.Contains("Victim of trafficking", await page.InnerTextAsync("#victim [data-field='traffickingStatus']"), StringComparison.Ordinal);
        Assert.Contains("Law enforcement", await page.InnerTextAsync("#victim [data-field='traffickingStatusDecidedBy']"), StringComparison.Ordinal);
        await page.ClickAsync("#victim details summary");
        await page.Locator("#victim").ScreenshotAsync(new() { Path = Path.Combine(host.ScreenshotFolder, "47-victim-context-phone.png") });

        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
            var saved = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == caseId);
            Assert.Equal(("actual", "law_enforcement"), (saved.TraffickingStatus, saved.TraffickingStatusDecidedBy));
        }

        await page.ClickAsync("button[value='th-TH']");
        await page.WaitForSelectorAsync("html[lang='th']");
        Assert.Contains("บริบทของผู้เสียหาย", await page.InnerTextAsync("#victim h2"), StringComparison.Ordinal);
        await page.Locator("#victim").ScreenshotAsync(new() { Path = Path.Combine(host.ScreenshotFolder, "48-victim-context-thai-phone.png") });
    }

    [Fact]
    public async Task A_worker_records_the_NRM_identification_health_needs_and_arrest_and_the_police_see_only_that_the_sensitive_ones_exist()
    {
        var caseId = await NewCaseAsync(); // identified on 2026-03-01
        var page = await host.SignInAsync(host.CaseWorkerEmail);
        page.SetDefaultTimeout(90_000);
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(host.BaseUrl + "/Cases/Details/" + caseId + "#victim");
        await page.ClickAsync("#victim details summary");

        // A formal identification before the case's identification date: refused with the field named.
        await page.SelectOptionAsync("#vc-status", "actual");
        await page.FillAsync("#vc-nrm-on", "2026-02-20");
        await page.ClickAsync("#save-victim");
        await page.WaitForSelectorAsync("#form-errors");
        Assert.Contains("identification date", await page.InnerTextAsync("#victim"), StringComparison.Ordinal);

        await page.FillAsync("#vc-nrm-on", "2026-03-04");
        await page.SelectOptionAsync("#vc-nrm-team", "true");
        await page.CheckAsync("#victim input[name='Victim.HealthNeeds'][value='injury']");
        await page.CheckAsync("#victim input[name='Victim.HealthNeeds'][value='mental_health']");
        await page.SelectOptionAsync("#vc-arrested", "true");
        await page.ClickAsync("#save-victim");
        await page.WaitForURLAsync("**/Cases/Details/**#victim");
        Assert.Contains("2026", await page.InnerTextAsync("#victim [data-field='nrm.identifiedOn']"), StringComparison.Ordinal);
        Assert.Equal("Yes", (await page.InnerTextAsync("#victim [data-field='nrm.multidisciplinaryTeam']")).Trim());
        Assert.Contains("Injury", await page.InnerTextAsync("#victim [data-field='healthNeeds']"), StringComparison.Ordinal);
        Assert.Contains("Mental health", await page.InnerTextAsync("#victim [data-field='healthNeeds']"), StringComparison.Ordinal);
        Assert.Equal("Yes", (await page.InnerTextAsync("#victim [data-field='arrestedOrCharged']")).Trim());
        await page.ClickAsync("#victim details summary");
        await page.Locator("#victim").ScreenshotAsync(new() { Path = Path.Combine(host.ScreenshotFolder, "49-victim-nrm-health-phone.png") });

        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
            var saved = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == caseId);
            Assert.Equal((new DateOnly(2026, 3, 4), true, "injury,mental_health", "true"),
                (saved.NrmIdentifiedOn!.Value, saved.NrmMultidisciplinaryTeam!.Value, saved.HealthNeeds, saved.ArrestedOrCharged));
        }

        await page.ClickAsync("button[value='th-TH']");
        await page.WaitForSelectorAsync("html[lang='th']");
        Assert.Contains("ความต้องการด้านสุขภาพ", await page.InnerTextAsync("#victim"), StringComparison.Ordinal);
        Assert.Contains("การบาดเจ็บ", await page.InnerTextAsync("#victim [data-field='healthNeeds']"), StringComparison.Ordinal);
        await page.Locator("#victim").ScreenshotAsync(new() { Path = Path.Combine(host.ScreenshotFolder, "50-victim-nrm-health-thai-phone.png") });

        // Law enforcement (no health access) on a case of their own organisation where both sensitive fields are recorded.
        Guid policeCase;
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
            var police = await db.Users.SingleAsync(u => u.Email == host.PoliceEmail);
            var actor = new Actor(police.Id, police.OrganisationId, new HashSet<string> { "law_enforcement" });
            var errors = new ValidationErrors();
            using var body = JsonDocument.Parse("""
                {"person": {"givenName": "Zaw", "birthDate": "1998-01-09", "gender": "male", "citizenship": ["MM"]},
                 "identifiedOn": "2026-03-01", "province": "TH-63", "status": "active"}
                """);
            var input = CaseInput.FromJson(new JsonInput(body.RootElement, errors));
            errors.ThrowIfAny();
            policeCase = (await scope.ServiceProvider.GetRequiredService<CreateCase>().HandleAsync(actor, input, default)).Id;
            var stored = await db.Cases.SingleAsync(c => c.Id == policeCase);
            stored.TraffickingStatus = "actual";
            stored.HealthNeeds = "pregnancy";
            stored.ArrestedOrCharged = "true";
            await db.SaveChangesAsync();
        }

        var officer = await host.SignInAsync(host.PoliceEmail);
        officer.SetDefaultTimeout(90_000);
        await officer.SetViewportSizeAsync(390, 844);
        await officer.GotoAsync(host.BaseUrl + "/Cases/Details/" + policeCase + "#victim");
        var card = await officer.InnerTextAsync("#victim");
        Assert.Contains("Recorded (hidden: health data)", await officer.InnerTextAsync("#victim [data-field='healthNeeds']"), StringComparison.Ordinal);
        Assert.Contains("Recorded (hidden: criminal record)", await officer.InnerTextAsync("#victim [data-field='arrestedOrCharged']"), StringComparison.Ordinal);
        Assert.DoesNotContain("Pregnancy", card, StringComparison.Ordinal);
        Assert.Equal(0, await officer.Locator("#vc-arrested").CountAsync());
        Assert.Equal(0, await officer.Locator("#victim input[name='Victim.HealthNeeds']").CountAsync());
        // Their save of the NRM fields keeps the sensitive ones.
        await officer.ClickAsync("#victim details summary");
        await officer.FillAsync("#vc-nrm-on", "2026-03-02");
        await officer.ClickAsync("#save-victim");
        await officer.WaitForURLAsync("**/Cases/Details/**#victim");
        await officer.Locator("#victim").ScreenshotAsync(new() { Path = Path.Combine(host.ScreenshotFolder, "51-victim-sensitive-hidden-phone.png") });
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
            var saved = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == policeCase);
            Assert.Equal((new DateOnly(2026, 3, 2), "pregnancy", "true"), (saved.NrmIdentifiedOn!.Value, saved.HealthNeeds, saved.ArrestedOrCharged));
        }
    }
}
