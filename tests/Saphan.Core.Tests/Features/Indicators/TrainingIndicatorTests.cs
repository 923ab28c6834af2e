using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.Indicators;
using Saphan.Core.Features.Organisations;
using Saphan.Core.Features.Trainings;
using Saphan.Testing;

namespace Saphan.Core.Tests.Features.Indicators;

/// <summary>P6, people trained: participants of training sessions, as totals and by breakdown, in both scopes.</summary>
[Trait("Category", "Database")]
public sealed class TrainingIndicatorTests : IAsyncLifetime
{
    private static readonly Quarter Q2 = new(2025, 2);
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;
    private Guid _ngo;
    private Guid _police;

    public async Task InitializeAsync()
    {
        (_database, _services) = await TestDatabase.CreateMigratedAsync();
        using var scope = _services.CreateScope();
        var organisations = scope.ServiceProvider.GetRequiredService<OrganisationCommands>();
        _ngo = (await organisations.AddAsync("Training NGO", OrganisationTypes.Ngo, "TH-57", default)).Id;
        _police = (await organisations.AddAsync("Training Police", OrganisationTypes.Police, "TH-50", default)).Id;
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        db.AddRange(
            Session(_ngo, new DateOnly(2025, 4, 1), "police", female: 3, male: 4, unknown: 1),
            Session(_ngo, new DateOnly(2025, 6, 30), "community", female: 20, male: 0),
            Session(_ngo, new DateOnly(2025, 7, 1), "community", female: 99, male: 99),
            Session(_police, new DateOnly(2025, 5, 5), "police", female: 2, male: 3));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static TrainingSession Session(Guid org, DateOnly heldOn, string audience, int female, int male, int unknown = 0) => new()
    {
        OrganisationId = org, HeldOn = heldOn, Topic = "t", Province = "TH-57", Audience = audience,
        ParticipantsFemale = female, ParticipantsMale = male, ParticipantsUnknown = unknown, CreatedAt = DateTimeOffset.UnixEpoch,
    };

    private async Task<IndicatorValue> P6Async(Guid? organisation, bool network, bool breakdowns)
    {
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        var values = await IndicatorEngine.ComputeAsync(db, Q2, organisation, network, breakdowns, includeHealth: false, default);
        return values.Single(v => v.Definition.Code == "P6");
    }

    [Fact]
    public async Task Participants_in_the_quarter_are_counted_by_sex_audience_and_organisation_type()
    {
        var org = await P6Async(_ngo, network: false, breakdowns: true);
        Assert.Equal(28, org.Total!.Value);
        Assert.Equal(28, org.Total.Units);
        Assert.Equal(23, org.Breakdowns[IndicatorCatalogue.Sex].Single(c => c.Code == "female").Value);
        Assert.Equal(1, org.Breakdowns[IndicatorCatalogue.Sex].Single(c => c.Code == "unknown").Value);
        Assert.Equal(20, org.Breakdowns[IndicatorCatalogue.AudienceType].Single(c => c.Code == "community").Value);
        Assert.Equal(28, org.Breakdowns[IndicatorCatalogue.Province].Single(c => c.Code == "TH-57").Value);

        // The totals-only query (the trend) drops joins: it must still run and agree.
        Assert.Equal(28, (await P6Async(_ngo, network: false, breakdowns: false)).Total!.Value);
    }

    [Fact]
    public async Task In_network_scope_cells_of_fewer_than_11_participants_are_suppressed()
    {
        var network = await P6Async(null, network: true, breakdowns: true);
        Assert.Equal(33, network.Total!.Value);
        Assert.True(network.Breakdowns[IndicatorCatalogue.Sex].Single(c => c.Code == "unknown").Suppressed);
        Assert.False(network.Breakdowns[IndicatorCatalogue.AudienceType].Single(c => c.Code == "police").Suppressed);
        Assert.True(network.Breakdowns[IndicatorCatalogue.Sex].Single(c => c.Code == "male").Suppressed);
        // Police and NGO types are each held by fewer than three organisations: never shown alone.
        Assert.All(network.Breakdowns[IndicatorCatalogue.OrganisationType], c => Assert.True(c.Suppressed));
    }
}
