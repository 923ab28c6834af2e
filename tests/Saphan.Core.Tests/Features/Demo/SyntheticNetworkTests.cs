using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Demo;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Organisations;
using Saphan.Core.Features.Persons;
using Saphan.Core.Features.Reference;

namespace Saphan.Core.Tests.Features.Demo;

public sealed class SyntheticNetworkTests
{
    private static readonly DateOnly Today = new(2025, 11, 24);
    private static readonly string[] CaseHoldingTypes =
        [OrganisationTypes.Ngo, OrganisationTypes.Shelter, OrganisationTypes.Government, OrganisationTypes.Police, OrganisationTypes.LabourInspection];

    private static readonly Lazy<SyntheticNetworkPlan> Large = new(() => SyntheticNetwork.Generate(20251124, 2000, Today));

    // A client sends camelCase JSON; Present is what the parser records, not a field of the request.
    private static readonly JsonSerializerOptions ClientJson = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                info =>
                {
                    foreach (var property in info.Properties.Where(p => p.Name == "present").ToList())
                    {
                        info.Properties.Remove(property);
                    }
                },
            },
        },
    };

    private static string Serialize(SyntheticNetworkPlan plan) => JsonSerializer.Serialize(plan);

    private static List<(SyntheticCase Case, Person Person, DateOnly IdentifiedOn)> Validated(SyntheticNetworkPlan plan) =>
        plan.Cases.Select(c => (c, Apply(c.Input.Person, plan.Today), DateOnly.ParseExact(c.Input.IdentifiedOn!, "yyyy-MM-dd", CultureInfo.InvariantCulture))).ToList();

    private static Person Apply(PersonInput input, DateOnly today)
    {
        var person = new Person();
        var errors = new ValidationErrors();
        input.ApplyTo(person, errors, "person.", today, isNew: true);
        Assert.False(errors.Any, string.Join("; ", errors.ToDictionary().Select(e => e.Key + ": " + string.Join(" ", e.Value))));
        return person;
    }

    private static void AssertValid(CaseInput input, DateOnly today, ISet<Guid> members)
    {
        var person = new Person();
        var errors = new ValidationErrors();
        input.Person.ApplyTo(person, errors, "person.", today, isNew: true);
        var @case = new Case { Province = "", Person = person, PersonId = person.Id };
        input.ApplyTo(@case, errors, today, isNew: true, members, DateTimeOffset.UtcNow);
        Assert.False(errors.Any, string.Join("; ", errors.ToDictionary().Select(e => e.Key + ": " + string.Join(" ", e.Value))));
        Assert.Equal(input.Province, @case.Province);
        Assert.Equal(input.Status, @case.Status);
    }

    private static double Share<T>(IReadOnlyCollection<T> items, Func<T, bool> predicate) =>
        items.Count(predicate) / (double)items.Count;

    [Fact]
    public void The_same_seed_gives_the_same_plan_and_another_seed_another()
    {
        var first = Serialize(SyntheticNetwork.Generate(7, 300, Today));
        var second = Serialize(SyntheticNetwork.Generate(7, 300, Today));
        var other = Serialize(SyntheticNetwork.Generate(8, 300, Today));

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.Contains("\"GivenName\"", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_day_the_plan_is_relative_to_today()
    {
        var plan = SyntheticNetwork.Generate(1, 10);
        var utcToday = DateOnly.FromDateTime(DateTime.UtcNow);

        Assert.InRange(plan.Today.DayNumber, utcToday.DayNumber - 1, utcToday.DayNumber);
        Assert.Equal(10, plan.Cases.Count);
    }

    [Fact]
    public void Zero_persons_still_gives_the_network_and_negative_is_refused()
    {
        var plan = SyntheticNetwork.Generate(1, 0, Today);

        Assert.Empty(plan.Cases);
        Assert.InRange(plan.Organisations.Count, 8, 10);
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticNetwork.Generate(1, -1, Today));
    }

    [Fact]
    public void Two_thousand_persons_are_generated_well_under_a_second()
    {
        SyntheticNetwork.Generate(3, 200, Today);
        var stopwatch = Stopwatch.StartNew();
        var plan = SyntheticNetwork.Generate(4, 2000, Today);
        stopwatch.Stop();

        Assert.Equal(2000, plan.Cases.Count);
        Assert.True(stopwatch.ElapsedMilliseconds < 1000, $"took {stopwatch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Every_organisation_type_is_present_with_a_province_and_an_example_domain()
    {
        var plan = Large.Value;

        Assert.Equal(OrganisationTypes.All.Order(StringComparer.Ordinal), plan.Organisations.Select(o => o.Type).Distinct().Order(StringComparer.Ordinal));
        Assert.All(plan.Organisations, o =>
        {
            Assert.True(Provinces.IsKnown(o.Province), o.Province);
            Assert.EndsWith(".example", o.EmailDomain, StringComparison.Ordinal);
            Assert.InRange(o.Name.Length, 1, 200);
        });
        Assert.Equal(plan.Organisations.Count, plan.Organisations.Select(o => o.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(plan.Organisations.Count, plan.Organisations.Select(o => o.EmailDomain).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_role_is_present_and_fits_the_organisation()
    {
        var plan = Large.Value;

        Assert.Equal(Roles.All.Order(StringComparer.Ordinal), plan.Staff.SelectMany(s => s.Roles).Distinct().Order(StringComparer.Ordinal));
        foreach (var (organisation, index) in plan.Organisations.Select((o, i) => (o, i)))
        {
            var staff = plan.Staff.Where(s => s.OrganisationIndex == index).ToList();
            var roles = staff.SelectMany(s => s.Roles).ToHashSet();
            Assert.Contains(Roles.OrgAdmin, roles);
            Assert.All(staff, s => Assert.EndsWith("@" + organisation.EmailDomain, s.Email, StringComparison.Ordinal));
            switch (organisation.Type)
            {
                case OrganisationTypes.Police:
                    Assert.Contains(Roles.LawEnforcement, roles);
                    Assert.DoesNotContain(Roles.CaseWorker, roles);
                    break;
                case OrganisationTypes.LabourInspection:
                    Assert.Contains(Roles.LabourInspector, roles);
                    Assert.DoesNotContain(Roles.LawEnforcement, roles);
                    break;
                case OrganisationTypes.Hotline:
                    Assert.Contains(Roles.HotlineOperator, roles);
                    break;
                case OrganisationTypes.Repository:
                    Assert.Contains(Roles.Analyst, roles);
                    Assert.Contains(Roles.NetworkAdmin, roles);
                    Assert.DoesNotContain(Roles.CaseWorker, roles);
                    break;
                case OrganisationTypes.Ngo or OrganisationTypes.Shelter or OrganisationTypes.Government:
                    Assert.Contains(Roles.Supervisor, roles);
                    Assert.True(staff.Count(s => s.Roles.Contains(Roles.CaseWorker)) >= 2);
                    break;
            }

            // Analysts and network admins work in the repository only.
            if (organisation.Type != OrganisationTypes.Repository)
            {
                Assert.DoesNotContain(Roles.Analyst, roles);
                Assert.DoesNotContain(Roles.NetworkAdmin, roles);
            }
        }

        Assert.Equal(plan.Staff.Count, plan.Staff.Select(s => s.Email).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(plan.Staff, s =>
        {
            Assert.Matches("^[a-z]+\\.[a-z]+[0-9]*@[a-z0-9-]+\\.example$", s.Email);
            Assert.False(string.IsNullOrWhiteSpace(s.DisplayName));
            Assert.NotEmpty(s.Roles);
        });
    }

    [Fact]
    public void Cases_go_to_case_holding_organisations_and_to_a_member_who_may_write_cases()
    {
        var plan = Large.Value;

        Assert.All(plan.Cases, c =>
        {
            Assert.Contains(plan.Organisations[c.OrganisationIndex].Type, CaseHoldingTypes);
            var staff = plan.Staff[c.AssignedStaffIndex];
            Assert.Equal(c.OrganisationIndex, staff.OrganisationIndex);
            Assert.Contains(staff.Roles, Roles.CaseWriters.Contains);
        });
        foreach (var type in CaseHoldingTypes)
        {
            Assert.True(Share(plan.Cases, c => plan.Organisations[c.OrganisationIndex].Type == type) > 0.05, type);
        }

        // Every case-holding organisation has cases, and no single one holds most of them.
        var perOrganisation = plan.Cases.GroupBy(c => c.OrganisationIndex).Select(g => g.Count()).ToList();
        Assert.Equal(plan.Organisations.Count(o => CaseHoldingTypes.Contains(o.Type)), perOrganisation.Count);
        Assert.True(perOrganisation.Max() < plan.Cases.Count * 0.4);
    }

    [Fact]
    public void Every_case_passes_the_products_validation_as_of_its_identification_date_and_as_of_today()
    {
        var plan = Large.Value;

        foreach (var item in plan.Cases)
        {
            Assert.Contains("person", item.Input.Present);
            Assert.Null(item.Input.AssignedWorkerId);
            var identifiedOn = DateOnly.ParseExact(item.Input.IdentifiedOn!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            AssertValid(item.Input, identifiedOn, new HashSet<Guid>());
            AssertValid(item.Input, plan.Today, new HashSet<Guid>());
        }
    }

    [Fact]
    public void Every_case_is_valid_when_sent_as_json_by_a_client_and_assigned_to_a_member()
    {
        var plan = SyntheticNetwork.Generate(99, 500, Today);
        var worker = Guid.CreateVersion7();

        foreach (var item in plan.Cases)
        {
            item.Input.AssignedWorkerId = worker.ToString();
            using var document = JsonDocument.Parse(JsonSerializer.Serialize(item.Input, ClientJson));
            var parseErrors = new ValidationErrors();
            var parsed = CaseInput.FromJson(new JsonInput(document.RootElement, parseErrors));
            Assert.False(parseErrors.Any, string.Join("; ", parseErrors.ToDictionary().Keys));
            Assert.Contains("person", parsed.Present);
            AssertValid(parsed, plan.Today, new HashSet<Guid> { worker });
        }
    }

    [Fact]
    public void Nationalities_mix_like_the_thai_caseload()
    {
        var persons = Validated(Large.Value).Select(v => v.Person).ToList();
        double Of(string code) => Share(persons, p => p.Citizenships.SequenceEqual([code]));

        Assert.All(persons, p => Assert.Single(p.Citizenships));
        Assert.InRange(Of("MM"), 0.39, 0.51);
        Assert.InRange(Of("TH"), 0.20, 0.30);
        Assert.InRange(Of("KH"), 0.08, 0.16);
        Assert.InRange(Of("LA"), 0.06, 0.14);
        Assert.InRange(Of("VN") + Of("CN") + Of(Countries.Stateless), 0.03, 0.12);
        Assert.True(Of(Countries.Stateless) > 0.005);
        Assert.True(Of("VN") > 0 && Of("CN") > 0);
        Assert.True(persons.Select(p => p.Citizenships[0]).Distinct().Count() >= 10);
    }

    [Fact]
    public void About_a_fifth_are_children_and_ages_are_mostly_young_adults()
    {
        var validated = Validated(Large.Value);
        var ages = validated.Select(v => v.Person.AgeOn(v.IdentifiedOn)).ToList();

        Assert.True(Share(ages, a => a is null) < 0.05);
        var known = ages.OfType<int>().ToList();
        Assert.InRange(Share(known, a => a < 18), 0.14, 0.27);
        Assert.True(Share(known, a => a is >= 15 and <= 35) > 0.55);
        Assert.Contains(known, a => a < 12);
        Assert.All(known, a => Assert.InRange(a, 4, 70));
    }

    [Fact]
    public void A_birth_date_or_an_estimated_age_never_both()
    {
        var persons = Large.Value.Cases.Select(c => c.Input.Person).ToList();

        Assert.DoesNotContain(persons, p => p.BirthDate is not null && p.EstimatedAge is not null);
        Assert.InRange(Share(persons, p => p.BirthDate is not null), 0.2, 0.7);
        Assert.InRange(Share(persons, p => p.EstimatedAge is not null), 0.25, 0.8);
    }

    [Fact]
    public void Birth_dates_are_before_identification_and_identification_spans_the_last_four_years()
    {
        var validated = Validated(Large.Value);

        Assert.All(validated, v =>
        {
            Assert.InRange(v.IdentifiedOn, Today.AddYears(-4).AddDays(-2), Today);
            if (v.Person.BirthDate is { } birth)
            {
                Assert.True(birth <= v.IdentifiedOn);
            }
        });
        var years = validated.Select(v => v.IdentifiedOn.Year).Distinct().Count();
        Assert.True(years >= 4, $"{years} distinct years");
        Assert.True(Share(validated, v => v.IdentifiedOn < Today.AddYears(-3)) > 0.03);
    }

    [Fact]
    public void Gender_follows_the_form_of_exploitation()
    {
        var plan = Large.Value;
        var sexual = plan.Cases.Where(c => c.Exploitation == "sexual_exploitation").ToList();
        var fishing = plan.Cases.Where(c => c.Industry == "fishing").ToList();

        Assert.True(Share(sexual, c => c.Input.Person.Gender == "female") > 0.7);
        Assert.True(Share(fishing, c => c.Input.Person.Gender == "male") > 0.85);
        Assert.InRange(Share(plan.Cases, c => c.Input.Person.Gender == "transgender_nonconforming"), 0.003, 0.05);
        Assert.InRange(Share(plan.Cases, c => c.Input.Person.Gender == "female"), 0.35, 0.65);
        Assert.All(plan.Cases, c => Assert.True(ValueSets.Gender.Contains(c.Input.Person.Gender)));
    }

    [Fact]
    public void Names_and_languages_fit_the_nationality()
    {
        var plan = Large.Value;
        var byCountry = plan.Cases.Select(c => c.Input.Person).ToLookup(p => p.Citizenship![0], StringComparer.Ordinal);
        static bool ThaiScript(string? s) => s is not null && s.Any(ch => ch is >= '\u0E00' and <= '\u0E7F');

        var thai = byCountry["TH"].ToList();
        Assert.InRange(Share(thai, p => ThaiScript(p.GivenName)), 0.6, 0.95);
        Assert.All(thai, p => Assert.Contains("th", p.Languages!));
        Assert.All(thai, p => Assert.False(string.IsNullOrEmpty(p.FamilyName)));

        var burmese = byCountry["MM"].ToList();
        Assert.All(burmese, p =>
        {
            Assert.True(string.IsNullOrEmpty(p.FamilyName), "Burmese names have no family name");
            Assert.Contains(p.Languages!, l => l is "my" or "shn" or "kar" or "mnw");
            Assert.Contains(' ', p.GivenName!);
        });
        Assert.Contains(burmese, p => p.Languages!.Contains("shn"));
        Assert.Contains(burmese, p => p.Languages!.Contains("kar"));
        Assert.Contains(burmese, p => p.Languages!.Contains("mnw"));

        Assert.All(byCountry["KH"], p => Assert.Contains("km", p.Languages!));
        Assert.All(byCountry["LA"], p => Assert.Contains("lo", p.Languages!));
        Assert.All(byCountry["VN"], p => Assert.Contains("vi", p.Languages!));
        Assert.All(byCountry["CN"], p => Assert.Contains("zh", p.Languages!));
        Assert.All(plan.Cases, c => Assert.All(c.Input.Person.Languages!, l => Assert.True(ValueSets.Language.Contains(l), l)));

        Assert.InRange(Share(plan.Cases, c => c.Input.Person.OtherNames is { Count: > 0 }), 0.08, 0.5);
    }

    [Fact]
    public void Many_have_no_document_and_thai_ids_have_a_valid_check_digit()
    {
        var plan = Large.Value;
        var persons = plan.Cases.Select(c => c.Input.Person).ToList();

        Assert.InRange(Share(persons, p => p.IdentityDocuments is null or { Count: 0 }), 0.35, 0.75);
        var thaiIds = persons.SelectMany(p => p.IdentityDocuments ?? []).Where(d => d.Type == "thai_id").ToList();
        Assert.True(thaiIds.Count > 50, $"{thaiIds.Count} Thai IDs");
        Assert.All(thaiIds, d => Assert.True(ThaiNationalId.IsValid(d.Number), d.Number));
        Assert.DoesNotContain(persons.Where(p => p.Citizenship![0] != "TH"), p => (p.IdentityDocuments ?? []).Any(d => d.Type == "thai_id"));

        var types = persons.SelectMany(p => p.IdentityDocuments ?? []).Select(d => d.Type).ToHashSet();
        Assert.Contains("passport", types);
        Assert.Contains("pink_card", types);
        Assert.All(types, t => Assert.True(ValueSets.DocumentType.Contains(t), t));
    }

    [Fact]
    public void Phones_are_sometimes_given_mostly_in_thai_mobile_format()
    {
        var phones = Large.Value.Cases.Select(c => c.Input.Person.Phone).ToList();

        Assert.InRange(Share(phones, p => p is not null), 0.15, 0.6);
        var given = phones.OfType<string>().ToList();
        Assert.True(Share(given, p => System.Text.RegularExpressions.Regex.IsMatch(p, "^0[689][0-9]-[0-9]{3}-[0-9]{4}$")) > 0.8);
    }

    [Fact]
    public void Provinces_are_weighted_to_the_real_hotspots()
    {
        var plan = Large.Value;
        var counts = plan.Cases.GroupBy(c => c.Input.Province!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var top = counts.OrderByDescending(c => c.Value).Take(6).Select(c => c.Key).ToList();

        Assert.Contains("TH-10", top);
        Assert.Contains("TH-74", top);
        Assert.Contains("TH-63", top);
        foreach (var hotspot in new[] { "TH-57", "TH-50", "TH-90", "TH-20", "TH-83", "TH-85", "TH-27", "TH-43" })
        {
            Assert.True(counts.GetValueOrDefault(hotspot) > 10, hotspot);
        }

        var fishing = plan.Cases.Where(c => c.Industry == "fishing").ToList();
        Assert.True(Share(fishing, c => c.Input.Province is "TH-74" or "TH-85" or "TH-90") > 0.6);
    }

    [Fact]
    public void Identification_routes_fit_the_organisation_and_most_cases_are_open()
    {
        var plan = Large.Value;
        List<SyntheticCase> Of(string type) => plan.Cases.Where(c => plan.Organisations[c.OrganisationIndex].Type == type).ToList();

        Assert.True(Share(Of(OrganisationTypes.Police), c => c.Input.IdentificationRoute == "police_operation") > 0.6);
        Assert.True(Share(Of(OrganisationTypes.LabourInspection), c => c.Input.IdentificationRoute == "labour_inspection") > 0.6);
        Assert.True(Share(Of(OrganisationTypes.Ngo), c => c.Input.IdentificationRoute == "outreach") > 0.2);
        Assert.DoesNotContain(Of(OrganisationTypes.LabourInspection), c => c.Exploitation is "sexual_exploitation" or "forced_begging");
        Assert.Contains(plan.Cases, c => c.Input.IdentificationRoute == "hotline");

        Assert.True(Share(plan.Cases, c => c.Input.Status is "active" or "follow_up") > 0.7);
        Assert.Contains(plan.Cases, c => c.Input.Status == "closed");
        Assert.Contains(plan.Cases, c => c.Input.Status == "closed_referred");
    }

    [Fact]
    public void Summaries_are_one_finished_english_sentence()
    {
        var plan = Large.Value;

        Assert.All(plan.Cases, c =>
        {
            var summary = c.Input.Summary!;
            Assert.InRange(summary.Length, 40, 400);
            Assert.EndsWith(".", summary, StringComparison.Ordinal);
            Assert.True(char.IsUpper(summary[0]), summary);
            Assert.DoesNotContain("{", summary, StringComparison.Ordinal);
            Assert.DoesNotContain("  ", summary, StringComparison.Ordinal);
            Assert.Equal(summary.Length - 1, summary.IndexOf('.', StringComparison.Ordinal));
        });
        Assert.Contains(plan.Cases, c => c.Input.Summary!.Contains("fishing boat", StringComparison.Ordinal));
        Assert.Contains(plan.Cases, c => c.Input.Summary!.Contains("scam", StringComparison.Ordinal));
        Assert.True(plan.Cases.Select(c => c.Input.Summary).Distinct(StringComparer.Ordinal).Count() > 1500);
    }
}
