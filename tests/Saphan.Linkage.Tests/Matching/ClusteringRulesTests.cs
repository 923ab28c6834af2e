using Saphan.Linkage.Clks;
using Saphan.Linkage.Matching;
using Saphan.Linkage.Similarity;
using Saphan.Linkage.Tests.Support;

namespace Saphan.Linkage.Tests.Matching;

public sealed class ClusteringRulesTests
{
    private static readonly ClkEncoder Encoder = new(TestKeys.Of(6));

    private static EncodedSource Source(string name, params PersonIdentifiers[] people) =>
        new(name, people.Select((_, i) => name + i).ToArray(), people.Select(Encoder.Encode).ToArray());

    private static double Score(PersonIdentifiers a, PersonIdentifiers b, double agreement)
    {
        var x = new ClkBlock([Encoder.Encode(a)]);
        var y = new ClkBlock([Encoder.Encode(b)]);
        var plain = 2.0 * PopCountKernel.AndCount(x.Record(0), y.Record(0)) / x.Denominator(0, y, 0);
        return x.Adjust(0, y, 0, plain, agreement);
    }

    [Fact]
    public void A_different_sex_vetoes_a_link_that_the_names_alone_would_make()
    {
        var f = new PersonIdentifiers { GivenName = "Hla", FamilyName = "Naing", BirthDate = "1990", Sex = "F" };
        var m = f with { Sex = "ชาย" };
        Assert.True(Score(f, m, 0) >= 0.9); // names and year agree: without the check they score high
        Assert.Equal(0, Score(f, m, 0.3));
        Assert.True(Score(f, f with { Sex = "female", Citizenship = "Myanmar" }, 0.3) >= 0.75); // same sex, citizenship on one side only: no conflict
        Assert.Equal(2, Matcher.Match([Source("a.csv", f), Source("b.csv", m)]).Count);
        Assert.Single(Matcher.Match([Source("a.csv", f), Source("b.csv", m)], new MatchOptions { MinFieldAgreement = 0 }));
    }

    [Fact]
    public void Birth_years_three_or_more_apart_cost_a_penalty_two_apart_do_not()
    {
        var a = new PersonIdentifiers { GivenName = "Vannak", FamilyName = "Chea", BirthDate = "1988", Sex = "M" };
        var far = a with { BirthDate = "2004-09-20" };
        var near = a with { BirthDate = "1990" };
        Assert.Equal(Score(a, far, 0) - ClkBlock.YearConflictPenalty, Score(a, far, 0.3), 10);
        Assert.Equal(Score(a, near, 0), Score(a, near, 0.3));
        Assert.Equal(Score(a, a with { BirthDate = null }, 0), Score(a, a with { BirthDate = null }, 0.3)); // a missing year is no conflict
    }

    [Fact]
    public void With_an_ambiguity_margin_a_record_that_fits_two_people_equally_is_linked_to_neither()
    {
        // Two people of one organisation with the same name and year; the other organisation's record fits both.
        var twins = Source(
            "a.csv",
            new PersonIdentifiers { GivenName = "Mya", FamilyName = "Thandar", BirthDate = "1990-01-05", Sex = "F" },
            new PersonIdentifiers { GivenName = "Mya", FamilyName = "Thandar", BirthDate = "1990-07-21", Sex = "F" },
            new PersonIdentifiers { GivenName = "Sokha", FamilyName = "Chan", BirthDate = "2001", Sex = "F" });
        var other = Source(
            "b.csv",
            new PersonIdentifiers { GivenName = "Mya", FamilyName = "Thandar", BirthDate = "1990", Sex = "F" },
            new PersonIdentifiers { GivenName = "Sokhaa", FamilyName = "Chan", BirthDate = "2001", Sex = "F" });

        var greedy = Matcher.Match([twins, other]);
        Assert.Equal(3, greedy.Count); // one of the twins got the record: a coin toss

        var careful = Matcher.Match([twins, other], new MatchOptions { AmbiguityMargin = 0.02 });
        Assert.Equal(4, careful.Count);
        var linked = Assert.Single(careful, c => c.Members.Count > 1);
        Assert.Equal([new RecordRef(0, 2), new RecordRef(1, 1)], linked.Members.OrderBy(m => m.Source).ThenBy(m => m.Index)); // Sokha, unambiguous, still linked
    }
}
