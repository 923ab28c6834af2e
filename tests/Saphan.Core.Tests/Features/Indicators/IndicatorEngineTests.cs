using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.FollowUps;
using Saphan.Core.Features.Indicators;
using Saphan.Core.Features.Justice;
using Saphan.Core.Features.Organisations;
using Saphan.Core.Features.Persons;
using Saphan.Core.Features.Referrals;
using Saphan.Core.Features.Screenings;
using Saphan.Core.Features.Services;
using Saphan.Testing;

namespace Saphan.Core.Tests.Features.Indicators;

/// <summary>Every computable indicator counted on a small, hand-made network whose right answers are known.</summary>
[Trait("Category", "Database")]
public sealed class IndicatorEngineTests : IAsyncLifetime
{
    private static readonly Quarter Q1 = new(2026, 1);
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;
    private Guid _ngo;
    private Guid _shelter;

    public async Task InitializeAsync()
    {
        (_database, _services) = await TestDatabase.CreateMigratedAsync();
        using var scope = _services.CreateScope();
        var organisations = scope.ServiceProvider.GetRequiredService<OrganisationCommands>();
        _ngo = (await organisations.AddAsync("Indicator NGO", OrganisationTypes.Ngo, "TH-57", default)).Id;
        _shelter = (await organisations.AddAsync("Indicator Shelter", OrganisationTypes.Shelter, "TH-85", default)).Id;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static DateTimeOffset At(int month, int day) => new(2026, month, day, 9, 0, 0, TimeSpan.Zero);

    private static Case NewCase(Guid org, DateOnly identified, string gender, string citizenship, DateOnly? born, string province = "TH-57") => new()
    {
        OrganisationId = org,
        Person = new Person { OrganisationId = org, GivenName = "Test", Gender = gender, Citizenships = [citizenship], BirthDate = born },
        IdentifiedOn = identified,
        Province = province,
    };

    [Fact]
    public async Task Each_indicator_counts_what_its_definition_says()
    {
        using (var scope = _services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
            var a = NewCase(_ngo, new DateOnly(2026, 1, 10), "female", "MM", new DateOnly(2000, 6, 1)); // 25 at identification
            var b = NewCase(_ngo, new DateOnly(2026, 2, 10), "male", "KH", new DateOnly(2010, 1, 1));   // 16
            var c = NewCase(_ngo, new DateOnly(2026, 3, 31), "female", "MM,TH", null);
            var earlier = NewCase(_ngo, new DateOnly(2025, 12, 31), "male", "LA", new DateOnly(1990, 1, 1));
            var elsewhere = NewCase(_shelter, new DateOnly(2026, 2, 1), "male", "TH", null, "TH-85");
            db.Cases.AddRange(a, b, c, earlier, elsewhere);
            db.TraffickingEvents.Add(new Saphan.Core.Features.Events.TraffickingEvent
            {
                OrganisationId = _ngo, CaseId = a.Id, Type = "exploitation", Country = "TH", ExploitationTypes = ["forced_labour", "sexual"],
            });
            var shelterService = new Service { OrganisationId = _shelter, Type = "shelter", Name = "Beds", CreatedAt = At(1, 1) };
            var mentalHealth = new Service { OrganisationId = _shelter, Type = "mental_health", Name = "Counselling", CreatedAt = At(1, 1) };
            db.Services.AddRange(shelterService, mentalHealth);
            // a: positive PHQ-9 then a mental-health referral accepted; b: positive GAD-7, no care; earlier: negative screen.
            db.Screenings.Add(Screen(a.Id, ScreeningInstruments.Phq9, "moderate", At(1, 20)));
            db.Screenings.Add(Screen(b.Id, ScreeningInstruments.Gad7, "severe", At(2, 20)));
            db.Screenings.Add(Screen(earlier.Id, ScreeningInstruments.Phq9, "minimal", At(1, 5)));
            db.Referrals.Add(Refer(a.Id, mentalHealth, "completed", sent: At(1, 21), answered: At(1, 22), ended: At(3, 1)));
            db.Referrals.Add(Refer(a.Id, shelterService, "in_progress", sent: At(1, 11), answered: At(1, 15), ended: null)); // 5 days
            db.Referrals.Add(Refer(b.Id, shelterService, "accepted", sent: At(2, 11), answered: At(2, 17), ended: null));  // 7 days
            db.Referrals.Add(Refer(c.Id, shelterService, "declined", sent: At(3, 31), answered: At(3, 31), ended: At(3, 31)));
            // Follow-ups: earlier safe at 12 months; b re-trafficked at 3 months.
            db.FollowUps.Add(new FollowUp { OrganisationId = _ngo, CaseId = earlier.Id, DueOn = new DateOnly(2026, 2, 1), Month = 12, DoneOn = new DateOnly(2026, 2, 2), Outcomes = ["safe_stable", "employed"] });
            db.FollowUps.Add(new FollowUp { OrganisationId = _ngo, CaseId = b.Id, DueOn = new DateOnly(2026, 3, 1), Month = 3, DoneOn = new DateOnly(2026, 3, 2), Outcomes = ["re_trafficked"] });
            // Justice: a is a witness in a case at trial; compensation awarded 100,000 THB, 25,000 paid.
            var legal = new LegalCase { OrganisationId = _shelter, Reference = "DSI 1/2569", Stage = "trial", CreatedAt = At(1, 1), StageChangedAt = At(2, 1) };
            db.Set<LegalCase>().Add(legal);
            db.Set<Witness>().Add(new Witness { OrganisationId = _shelter, LegalCaseId = legal.Id, CaseId = a.Id, CreatedAt = At(2, 1) });
            db.Set<Compensation>().Add(new Compensation { OrganisationId = _shelter, LegalCaseId = legal.Id, CaseId = a.Id, AwardedSatang = 10_000_000, PaidSatang = 2_500_000, UpdatedAt = At(3, 1) });
            await db.SaveChangesAsync();
            Assert.Equal("24-26", a.AgeBroad);
            Assert.Equal("9-17", b.AgeBroad);
            Assert.Null(c.AgeBroad);
        }

        using (var scope = _services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
            // The band is stored in clear for SQL.
            Assert.Equal(2, await db.Cases.CountAsync(x => x.AgeBroad != null && x.OrganisationId == _ngo && x.IdentifiedOn >= Q1.Start));
            var set = await scope.ServiceProvider.GetRequiredService<GetIndicators>().ComputeAsync(Q1, _ngo, includeHealth: true, default);
            IndicatorValue V(string code) => set.Indicators.Single(i => i.Definition.Code == code);

            Assert.Equal(3, V("P1").Total!.Value);
            Assert.Equal(2, V("P1").Breakdowns["sex"].Single(x => x.Code == "female").Value);
            Assert.Equal(2, V("P1").Breakdowns["nationality"].Single(x => x.Code == "MM").Value);
            Assert.Equal(1, V("P1").Breakdowns["age_band"].Single(x => x.Code == "9-17").Value);
            Assert.Equal(1, V("P1").Breakdowns["age_band"].Single(x => x.Code == "unknown").Value);
            Assert.Equal(1, V("P1").Breakdowns["exploitation_type"].Single(x => x.Code == "forced_labour").Value);
            Assert.Equal(2, V("P1").Breakdowns["exploitation_type"].Single(x => x.Code == "not_specified").Value);
            Assert.Equal(3, V("P2").Total!.Value); // a, b, earlier (screened in Q1 though identified before)
            Assert.Equal(3, V("P3").Total!.Value); // a, b, c sent in Q1
            Assert.Equal(0, V("P6").Total!.Value); // no training sessions recorded (see TrainingIndicatorTests)
            Assert.Null(V("P6").Definition.NotComputable);
            Assert.Equal(0, V("P4").Total!.Value); // the NGO served no one: the shelter did
            Assert.Equal(50.0, V("E1").Total!.Value); // referrals from the NGO ended in Q1: one completed, one declined
            Assert.Equal((1, 2), (V("E1").Total!.Numerator, V("E1").Total!.Denominator));
            Assert.Equal(50.0, V("E2").Total!.Value); // a (PHQ-9 moderate, then mental-health care) of a and b (GAD-7 severe, no care)
            Assert.Equal(100.0, V("E3").Total!.Value);
            Assert.Equal(50.0, V("E4").Total!.Value);
            Assert.Equal(6.0, V("E5").Total!.Value); // median of 5 and 7 days
            Assert.Equal(33.3, V("E6").Total!.Value); // a is a witness at trial, of a, b, c
            Assert.Equal(25.0, V("E7").Total!.Value);

            // The trend's totals (queries without breakdowns, joins dropped) agree with the full computation.
            var trend = await scope.ServiceProvider.GetRequiredService<GetIndicators>().TrendForAsync(Q1, 2, _ngo, includeHealth: true, default);
            Assert.Equal(["2025Q4", "2026Q1"], trend.Select(p => p.Period));
            foreach (var value in set.Indicators.Where(v => v.Total is not null))
            {
                Assert.Equal(value.Total!.Value, trend[1].Indicators.Single(i => i.Definition.Code == value.Definition.Code).Total!.Value);
            }

            Assert.Equal(1, trend[0].Indicators.Single(i => i.Definition.Code == "P1").Total!.Value); // identified on 31 Dec 2025

            var shelter = await scope.ServiceProvider.GetRequiredService<GetIndicators>().ComputeAsync(Q1, _shelter, includeHealth: true, default);
            var served = shelter.Indicators.Single(i => i.Definition.Code == "P4");
            Assert.Equal(3, served.Total!.Value); // a: shelter and mental health; b: shelter
            Assert.Equal(2, served.Breakdowns["service_type"].Single(x => x.Code == "shelter").Value);

            var hidden = await scope.ServiceProvider.GetRequiredService<GetIndicators>().ComputeAsync(Q1, _ngo, includeHealth: false, default);
            Assert.True(hidden.Indicators.Single(i => i.Definition.Code == "E2").Hidden);

            // Network scope: 4 people identified is a small cell, suppressed with everything behind it.
            var network = await scope.ServiceProvider.GetRequiredService<GetIndicators>().ComputeAsync(Q1, null, includeHealth: true, default);
            var identified = network.Indicators.Single(i => i.Definition.Code == "P1");
            Assert.True(identified.Total!.Suppressed);
            Assert.Null(identified.Total.Value);
            Assert.All(identified.Breakdowns.Values.SelectMany(x => x), cell => Assert.True(cell.Suppressed || cell.Units == 0));
            Assert.Null(network.OrganisationName);
        }
    }

    private Screening Screen(Guid caseId, string instrument, string band, DateTimeOffset at) => new()
    {
        OrganisationId = _ngo, CaseId = caseId, Instrument = instrument, InstrumentVersion = "1.0", Category = "health", Answers = "0", Band = band, RecordedAt = at,
        Flags = ScreeningInstruments.Find(instrument)!.CareBands.Contains(band) ? [ScreeningFlags.CareIndicated] : [],
    };

    private Referral Refer(Guid caseId, Service service, string status, DateTimeOffset sent, DateTimeOffset? answered, DateTimeOffset? ended) => new()
    {
        CaseId = caseId, FromOrganisationId = _ngo, ToOrganisationId = service.OrganisationId, ServiceId = service.Id, ServiceType = service.Type, Urgency = "normal",
        Status = status, CreatedAt = sent, SentAt = sent, AnsweredAt = answered, EndedAt = ended, UpdatedAt = ended ?? answered ?? sent,
    };
}
