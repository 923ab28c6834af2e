using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.Identity;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.Tips;

/// <summary>Duplicate tips about the same place are grouped (by keyed hash); time-to-first-action and tips by outcome.</summary>
[Trait("Category", "Database")]
public sealed class TipTriageTests(TipsFixture tips) : IClassFixture<TipsFixture>
{
    [Fact]
    public async Task Tips_about_the_same_place_are_grouped_whatever_the_spelling_of_case_and_punctuation()
    {
        // Chon Buri (TH-20) and these places are used by this test only.
        var first = await tips.TipIdAsync(await tips.SubmitAsync(new { description = "Girls cannot leave the bar.", province = "TH-20", place = "Sea Breeze Karaoke, Soi 5" }));
        var second = await tips.TipIdAsync(await tips.SubmitAsync(new { description = "Young girls serve drinks at night.", province = "TH-20", place = "sea breeze karaoke soi 5" }));
        var elsewhere = await tips.TipIdAsync(await tips.SubmitAsync(new { description = "Workers locked in.", province = "TH-20", place = "Pier 3 warehouse" }));
        var otherProvince = await tips.TipIdAsync(await tips.SubmitAsync(new { description = "Same name, other town.", province = "TH-21", place = "Sea Breeze Karaoke Soi 5" }));

        var operatorClient = tips.Api(tips.Hotline, Roles.HotlineOperator);
        var duplicates = await Json.ReadAsync(await operatorClient.GetAsync($"/api/v1/tips/{first}/duplicates"));
        Assert.Equal([second], duplicates["samePlace"]!.AsArray().Select(i => i!.GetValue<Guid>()));
        Assert.Empty((await Json.ReadAsync(await operatorClient.GetAsync($"/api/v1/tips/{elsewhere}/duplicates")))["samePlace"]!.AsArray());
        Assert.DoesNotContain(otherProvince.ToString(), duplicates.ToJsonString(), StringComparison.Ordinal);

        // Another hotline: not found; a role outside the hotline: forbidden.
        Assert.Equal(HttpStatusCode.NotFound, (await tips.Api(tips.ChiangMaiHotline, Roles.HotlineOperator).GetAsync($"/api/v1/tips/{first}/duplicates")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tips.Api(tips.Hotline, Roles.Analyst).GetAsync($"/api/v1/tips/{first}/duplicates")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tips.Api(tips.Hotline, Roles.LawEnforcement).GetAsync("/api/v1/tips/figures")).StatusCode);
    }

    [Fact]
    public async Task Time_to_first_action_is_measured_from_arrival_to_the_first_status_change_or_note()
    {
        var operatorClient = tips.Api(tips.Hotline, Roles.HotlineOperator);
        var before = await Json.ReadAsync(await operatorClient.GetAsync("/api/v1/tips/figures"));
        var id = await tips.TipIdAsync(await tips.SubmitAsync(new { description = "A boat crew never paid.", province = "TH-22" }));
        var waiting = await Json.ReadAsync(await operatorClient.GetAsync("/api/v1/tips/figures"));
        Assert.Equal(before["waiting"]!.GetValue<int>() + 1, waiting["waiting"]!.GetValue<int>());

        tips.Clock.Advance(TimeSpan.FromMinutes(90));
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.PatchAsJsonAsync($"/api/v1/tips/{id}", new { status = "under_review" })).StatusCode);
        tips.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.PostAsJsonAsync($"/api/v1/tips/{id}/notes", new { text = "Called the labour office." })).StatusCode);

        var after = await Json.ReadAsync(await operatorClient.GetAsync("/api/v1/tips/figures"));
        Assert.Equal(before["acted"]!.GetValue<int>() + 1, after["acted"]!.GetValue<int>());
        Assert.Equal(before["tips"]!.GetValue<int>() + 1, after["tips"]!.GetValue<int>());
        Assert.True(after["maxMinutes"]!.GetValue<double>() >= 90);
        // The first action counts (90 minutes), not the note after it.
        using var scope = tips.App.Services.CreateScope();
        var tip = await scope.ServiceProvider.GetRequiredService<SaphanDbContext>().Tips.AsNoTracking().SingleAsync(t => t.Id == id);
        Assert.Equal(TimeSpan.FromMinutes(90), tip.FirstActionAt - tip.CreatedAt);
        Assert.True(after["byStatus"]!["under_review"]!.GetValue<int>() >= 1);
    }
}
