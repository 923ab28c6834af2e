using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core;
using Saphan.Core.Data;
using Saphan.Core.Features.Demo;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Justice;
using Saphan.Core.Features.Repository;
using Saphan.Core.Features.Tips;
using Saphan.Linkage.Clks;
using Saphan.Testing;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.Demo;

/// <summary>
/// The demo network with two years of work (<c>./saphan demo</c>'s seeding, smaller): every capability has data that
/// is valid by construction, and the figures pages' APIs (indicators, caseloads, outcomes, gaps, repository, open data)
/// answer with non-empty numbers over real HTTP. Seeding the same demo again writes nothing.
/// </summary>
[Trait("Category", "Database")]
public sealed class DemoSeedTests : IAsyncLifetime, IDisposable
{
    private const int Seed = 2026;
    private const int Persons = 400;
    private const string Password = "Demo-Seed-Test-2026";
    private TestDatabase _database = null!;
    private WebApplication _app = null!;
    private HttpClient _http = null!;
    private DemoSeedResult _seeded = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _app = RealServer.Build(_database);
        using (var scope = _app.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            await services.GetRequiredService<SchemaMigrator>().MigrateAsync();
            _seeded = await ActivatorUtilities.CreateInstance<DemoSeeder>(services).SeedAsync(Seed, Persons, Password, default, activity: true);
            LinkageKey.Generate(services.GetRequiredService<RepositoryOptions>().NetworkKeyFile);
            var organisations = await services.GetRequiredService<SaphanDbContext>().Cases.Select(c => c.OrganisationId).Distinct().OrderBy(o => o).ToListAsync();
            for (var i = 0; i < organisations.Count; i++)
            {
                using var inner = _app.Services.CreateScope();
                await inner.ServiceProvider.GetRequiredService<PublishToRepository>().HandleAsync(Actor.System, organisations[i], default, relink: i == organisations.Count - 1);
            }
        }

        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
    }

    private SaphanDbContext Db() => _app.Services.CreateScope().ServiceProvider.GetRequiredService<SaphanDbContext>();

    private async Task<JsonNode> GetAsync(string path, string email)
    {
        using var scope = _app.Services.CreateScope();
        var token = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(email, "demo test", null, default);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, path + ": " + response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private string Login(string organisationType, string role) =>
        _seeded.Logins.First(l => l.OrganisationType == organisationType && l.Roles.Contains(role)).Email;

    [Fact]
    public async Task Every_capability_has_data_written_through_the_use_cases()
    {
        Assert.False(_seeded.AlreadySeeded);
        Assert.True(_seeded.MetAgain > 0);
        var written = _seeded.Activity!.Written;
        foreach (var kind in new[]
        {
            "consents", "events", "screenings", "vulnerability", "support plans", "plan actions", "comments", "pathways", "pathway marks",
            "referrals", "referral steps", "follow-ups recorded", "closures", "tasks closed", "tips", "tips triaged", "tips routed", "tips acknowledged",
            "tips converted", "suspects", "suspect identifiers", "legal cases", "hearings", "witnesses", "assets", "compensation", "operations",
            "protection plans", "operations approved", "operations executed",
        })
        {
            Assert.True(written.GetValueOrDefault(kind) > 0, "nothing written: " + kind);
        }

        await using var db = Db();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var now = DateTimeOffset.UtcNow;

        // Consent per purpose, with refusals and withdrawals; never before identification, never in the future.
        var consents = await db.ConsentRecords.AsNoTracking().Select(c => new { c.Purpose, c.Status, c.RecordedOn, c.CaseId }).ToListAsync();
        Assert.Equal(["care", "law_enforcement", "referral", "reporting"], consents.Select(c => c.Purpose).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(["given", "refused", "withdrawn"], consents.Select(c => c.Status).Distinct().Order(StringComparer.Ordinal));
        var identified = await db.Cases.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.IdentifiedOn);
        Assert.All(consents, c => Assert.InRange(c.RecordedOn, identified[c.CaseId], today));

        // Referrals between organisations in every state, some overdue; never to the sender itself.
        var referrals = await db.Referrals.AsNoTracking().ToListAsync();
        Assert.Superset(new HashSet<string> { "draft", "sent", "in_progress", "completed", "declined", "revoked", "expired" }, referrals.Select(r => r.Status).ToHashSet());
        Assert.All(referrals, r => Assert.NotEqual(r.FromOrganisationId, r.ToOrganisationId));
        Assert.Contains(referrals, r => r.Status == "sent" && r.SentAt < now.AddHours(-72));
        Assert.All(referrals, r => Assert.True(r.CreatedAt <= now && DateOnly.FromDateTime(r.CreatedAt.UtcDateTime) >= identified[r.CaseId]));

        // Screenings with positive bands, and the tasks they opened: most closed with a note, the recent ones open.
        var flags = await db.Screenings.AsNoTracking().Select(s => s.Flags).ToListAsync();
        Assert.Contains(flags, f => f.Contains("care_indicated"));
        Assert.Contains(flags, f => f.Contains("refer_law_enforcement"));
        var tasks = await db.Tasks.AsNoTracking().Select(t => new { t.Status, t.ClosureNote, t.Urgency }).ToListAsync();
        Assert.Contains(tasks, t => t.Status == "open");
        Assert.Contains(tasks, t => t.Status == "done");
        Assert.Contains(tasks, t => t.Status == "done" && t.Urgency == "urgent");
        Assert.All(tasks.Where(t => t.Status == "done" && t.Urgency == "urgent"), t => Assert.False(string.IsNullOrWhiteSpace(t.ClosureNote)));

        // Follow-ups at 3, 6 and 12 months with outcomes; closures with reasons.
        var followUps = await db.FollowUps.AsNoTracking().Where(f => f.DoneOn != null).ToListAsync();
        Assert.Equal([3, 6, 12], followUps.Select(f => f.Month ?? 0).Distinct().Order());
        Assert.All(followUps, f => Assert.NotEmpty(f.Outcomes));
        Assert.Contains(followUps, f => f.Outcomes.Contains("re_trafficked"));
        Assert.True(await db.Cases.AnyAsync(c => c.ClosureReason != null));

        // Tips: waiting in the queue, about the same place (duplicates), routed, converted.
        var tips = await db.Tips.AsNoTracking().Select(t => new { t.Status, t.PlaceHash }).ToListAsync();
        Assert.Contains(tips, t => t.Status == TipStatuses.Received);
        Assert.Contains(tips.Where(t => t.PlaceHash != null).GroupBy(t => t.PlaceHash), g => g.Count() > 1);
        var routes = await db.Set<TipRoute>().AsNoTracking().ToListAsync();
        Assert.Contains(routes, r => r.CaseId != null || r.LegalCaseId != null);

        // The police division: suspects who share an identifier (the network view links them), legal cases with
        // hearings and verdicts, compensation never paid beyond the award, approved operations with a protection plan.
        Assert.Contains(await db.Set<SuspectIdentifier>().AsNoTracking().GroupBy(i => i.Hash).Select(g => g.Select(i => i.SuspectId).Distinct().Count()).ToListAsync(), n => n > 1);
        Assert.True(await db.Set<Hearing>().AnyAsync());
        Assert.True(await db.Set<LegalCase>().AnyAsync(l => l.Verdict != null));
        Assert.All(await db.Set<Compensation>().AsNoTracking().ToListAsync(), c => Assert.True(c.PaidSatang <= c.AwardedSatang));
        Assert.All(await db.Set<Operation>().AsNoTracking().Where(o => o.Status != "planned" && o.Status != "cancelled").ToListAsync(), o => Assert.True(o.HasProtectionPlan));
        Assert.True(await db.Set<Operation>().AnyAsync(o => o.Status != "planned"));
    }

    [Fact]
    public async Task The_figures_pages_have_numbers()
    {
        var supervisor = Login("ngo", Roles.Supervisor);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var back = 1; back <= 4; back++)
        {
            var day = today.AddMonths(-3 * back);
            var period = day.Year.ToString(CultureInfo.InvariantCulture) + "Q" + ((day.Month - 1) / 3 + 1).ToString(CultureInfo.InvariantCulture);
            var set = await GetAsync("/api/v1/indicators?period=" + period + "&scope=org", supervisor);
            foreach (var indicator in set["indicators"]!.AsArray())
            {
                var code = indicator!["definition"]!["code"]!.GetValue<string>();
                totals[code] = totals.GetValueOrDefault(code) + (indicator["total"]?["value"]?.GetValue<double>() ?? 0);
            }
        }

        foreach (var code in new[] { "P1", "P2", "P3", "E1", "E3", "E4" })
        {
            Assert.True(totals[code] > 0, code + " is empty over the last four quarters");
        }

        var caseloads = await GetAsync("/api/v1/caseloads", supervisor);
        Assert.Contains(caseloads["workers"]!.AsArray(), w => w!["openCases"]!.GetValue<int>() > 0);

        var outcomes = await GetAsync("/api/v1/outcomes", supervisor);
        Assert.Contains(outcomes.AsArray(), o => o!["followed12Months"]!.GetValue<int>() > 0 && o["casesFollowed"]!.GetValue<int>() > 0);

        var gaps = await GetAsync("/api/v1/gaps", supervisor);
        Assert.NotEmpty(gaps["people"]!.AsArray());
        // Most steps that fell due were done: the gaps list is the exception, not every case.
        await using (var db = Db())
        {
            Assert.True(gaps["people"]!.AsArray().Count < await db.CasePathways.CountAsync());
        }

        // The repository's org admin is a network admin too, and sees its own (empty) organisation: ask a network admin only.
        var network = await GetAsync("/api/v1/gaps", _seeded.Logins.First(l => l.Roles.SequenceEqual([Roles.NetworkAdmin])).Email);
        Assert.NotEmpty(network["counts"]!.AsArray());

        var summary = await GetAsync("/api/v1/repository/summary", Login("repository", Roles.Analyst));
        Assert.True(summary["distinctPeople"]!.GetValue<int>() > 0);
        Assert.True(summary["peopleSeenByMoreThanOneOrganisation"]!.GetValue<int>() > 0);

        var open = JsonNode.Parse(await _http.GetStringAsync("/api/v1/open-data/figures"))!;
        Assert.True(open["distinctPeople"]!.GetValue<int>() > 0);

        var police = _seeded.Logins.First(l => l.OrganisationType == "police" && l.Roles.SequenceEqual([Roles.LawEnforcement])).Email;
        var suspects = await GetAsync("/api/v1/suspects/network", police);
        Assert.Contains(suspects["edges"]!.AsArray(), e => e!["sharedIdentifierTypes"]!.AsArray().Count > 0);
    }

    [Fact]
    public async Task Seeding_the_same_demo_again_writes_nothing()
    {
        async Task<(int, int, int, int, long)> CountsAsync()
        {
            await using var db = Db();
            return (await db.Cases.CountAsync(), await db.Referrals.CountAsync(), await db.Tips.CountAsync(), await db.ConsentRecords.CountAsync(), await db.AuditEntries.CountAsync());
        }

        var before = await CountsAsync();
        using var scope = _app.Services.CreateScope();
        var again = await ActivatorUtilities.CreateInstance<DemoSeeder>(scope.ServiceProvider).SeedAsync(Seed, Persons, Password, default, activity: true);
        Assert.True(again.AlreadySeeded);
        Assert.Equal(0, again.Cases);
        Assert.Equal(_seeded.Logins.Select(l => l.Email), again.Logins.Select(l => l.Email));
        Assert.Equal(before, await CountsAsync());
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    public void Dispose() => _http?.Dispose();
}
