using Saphan.Linkage.Clks;
using Saphan.Linkage.Matching;
using Saphan.Linkage.Tests.Support;

namespace Saphan.Linkage.Tests.Matching;

public sealed class MatcherTests
{
    private static readonly ClkEncoder Encoder = new(TestKeys.Of(6));

    private static EncodedSource Source(string name, params (string Id, PersonIdentifiers Person)[] records) =>
        new(name, records.Select(r => r.Id).ToArray(), records.Select(r => Encoder.Encode(r.Person)).ToArray());

    [Fact]
    public void Links_one_survivor_across_a_shelter_a_police_unit_and_an_ngo()
    {
        var shelter = Source(
            "shelter.csv",
            ("s1", new PersonIdentifiers { GivenName = "Somchay", FamilyName = "Thongkham", BirthDate = "2533", Sex = "M" }),
            ("s2", new PersonIdentifiers { GivenName = "Aung Aung", BirthDate = "1998", Sex = "M", Citizenship = "Myanmar" }),
            ("s3", new PersonIdentifiers { GivenName = "Sokha", FamilyName = "Chan", BirthDate = "2001", Sex = "F" }));
        var police = Source(
            "police.csv",
            ("p1", new PersonIdentifiers { GivenName = "สมชาย", FamilyName = "ทองคำ", BirthDate = "14/05/2533", Sex = "ชาย", IdNumber = "1102003456789" }),
            ("p2", new PersonIdentifiers { GivenName = "Aungaung", BirthDate = "1998-03-02", Sex = "M", Phone = "+66 81 234 5678" }),
            ("p3", new PersonIdentifiers { GivenName = "Wilai", FamilyName = "Srisawat", BirthDate = "1985", Sex = "F" }));
        var ngo = Source(
            "ngo.csv",
            ("n1", new PersonIdentifiers { GivenName = "Thongkham", FamilyName = "Somchai", BirthDate = "1990-05", Sex = "M" }),
            ("n2", new PersonIdentifiers { GivenName = "Chan", FamilyName = "Sokhaa", BirthDate = "2001", Sex = "F", Phone = "0899999999" }),
            ("n3", new PersonIdentifiers { GivenName = "Aung", FamilyName = "Aung", BirthDate = "1998", Sex = "M", Phone = "081-234-5678" }));

        var clusters = Matcher.Match([shelter, police, ngo]);

        string[] Ids(LinkCluster c) => c.Members.Select(m => new[] { shelter, police, ngo }[m.Source].Ids[m.Index]).Order().ToArray();
        var byIds = clusters.Select(Ids).ToList();
        Assert.Contains(byIds, ids => ids.SequenceEqual(["n1", "p1", "s1"]));
        Assert.Contains(byIds, ids => ids.SequenceEqual(["n3", "p2", "s2"]));
        Assert.Contains(byIds, ids => ids.SequenceEqual(["n2", "s3"]));
        Assert.Contains(byIds, ids => ids.SequenceEqual(["p3"]));
        Assert.Equal(9, clusters.Sum(c => c.Members.Count));
        Assert.Equal(Enumerable.Range(1, clusters.Count), clusters.Select(c => c.Id));
    }

    [Fact]
    public void A_cluster_never_holds_two_records_of_one_source()
    {
        // Two near-identical records in one source compete for the same partner: only one gets it.
        var a = Source(
            "a.csv",
            ("a1", new PersonIdentifiers { GivenName = "Mya Mya", BirthDate = "2000", Sex = "F" }),
            ("a2", new PersonIdentifiers { GivenName = "Mya Mya", BirthDate = "2000", Sex = "F" }));
        var b = Source("b.csv", ("b1", new PersonIdentifiers { GivenName = "Myamya", BirthDate = "2000", Sex = "F" }));
        var clusters = Matcher.Match([a, b]);
        Assert.Equal(2, clusters.Count);
        Assert.All(clusters, c => Assert.Equal(c.Members.Count, c.Members.Select(m => m.Source).Distinct().Count()));
    }

    [Fact]
    public void Lsh_blocking_gives_nearly_the_same_clusters_as_exhaustive_search()
    {
        var sources = new SyntheticPopulation(5).Generate(600);
        var encoded = sources.Select(s => new EncodedSource(
            s.Name, s.Records.Select((_, i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(), s.Records.Select(r => Encoder.Encode(r.Identifiers)).ToArray())).ToArray();
        static HashSet<(int, int, int, int)> Pairs(IReadOnlyList<LinkCluster> clusters) =>
            clusters.SelectMany(c => c.Members.SelectMany(x => c.Members.Where(y => x.Source < y.Source).Select(y => (x.Source, x.Index, y.Source, y.Index)))).ToHashSet();

        var exhaustive = Pairs(Matcher.Match(encoded, new MatchOptions { Blocking = BlockingMode.Exhaustive }));
        var lsh = Pairs(Matcher.Match(encoded, new MatchOptions { Blocking = BlockingMode.MinHashLsh }));
        var agreement = (double)exhaustive.Intersect(lsh).Count() / exhaustive.Count;
        Assert.True(exhaustive.Count > 300);
        Assert.True(agreement >= 0.97, $"LSH found {agreement:P1} of the exhaustive links");
    }

    [Fact]
    public void Results_do_not_depend_on_the_degree_of_parallelism()
    {
        var sources = new SyntheticPopulation(8).Generate(400);
        var encoded = sources.Select(s => new EncodedSource(
            s.Name, s.Records.Select((_, i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(), s.Records.Select(r => Encoder.Encode(r.Identifiers)).ToArray())).ToArray();
        var one = Matcher.Match(encoded, new MatchOptions { MaxDegreeOfParallelism = 1 });
        var all = Matcher.Match(encoded, new MatchOptions());
        Assert.Equal(one.Select(c => string.Join(';', c.Members)), all.Select(c => string.Join(';', c.Members)));
    }

    [Fact]
    public void Empty_encodings_stay_singletons_and_bad_thresholds_are_rejected()
    {
        var a = Source("a.csv", ("a1", new PersonIdentifiers()));
        var b = Source("b.csv", ("b1", new PersonIdentifiers()));
        Assert.Equal(2, Matcher.Match([a, b]).Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => Matcher.Match([a, b], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Matcher.Match([a, b], 1.5));
    }
}
